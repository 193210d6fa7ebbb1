/** Runs one console command and keeps its state for the card or form that sent it: idle → busy → idle | refused. */
import { useState } from 'react';
import { refusalOf } from '../../../net/delivery';
import type { CallResult } from '../../../net/socket';
import type { Refusal } from '../../../store/collectionSlice';

export type OperationState = { status: 'idle' | 'busy' } | { status: 'refused'; refusal: Refusal };

export function useOperation(): [OperationState, (run: () => Promise<CallResult<unknown>>) => Promise<boolean>, () => void] {
  const [state, setState] = useState<OperationState>({ status: 'idle' });
  const execute = async (run: () => Promise<CallResult<unknown>>) => {
    setState({ status: 'busy' });
    const reply = await run();
    if (reply.ok) {
      setState({ status: 'idle' });
      return true;
    }
    setState({ status: 'refused', refusal: refusalOf(reply) });
    return false;
  };
  return [state, execute, () => setState({ status: 'idle' })];
}
