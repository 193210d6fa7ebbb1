/** Runs a facilitator command and keeps its state for the UI: idle → busy → done | error code. */
import { useState } from 'react';
import type { CallResult } from '../../net/socket';

export type CommandState = { status: 'idle' | 'busy' | 'done' } | { status: 'error'; code: string };

export function useCommand<T>(): [CommandState, (run: () => Promise<CallResult<T>>) => Promise<boolean>] {
  const [state, setState] = useState<CommandState>({ status: 'idle' });
  const execute = async (run: () => Promise<CallResult<T>>) => {
    setState({ status: 'busy' });
    const reply = await run();
    setState(reply.ok ? { status: 'done' } : { status: 'error', code: reply.code });
    return reply.ok;
  };
  return [state, execute];
}
