/**
 * The process shown on the page, loaded once the account is known and again
 * after a step is added. Edits answer the new ProcessView, which
 * replaces the shown one (no second request).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcessView } from '../../../../shared/process';
import { processes } from '../../net/office';
import { signInPath } from '../office/useAccount';

export type ProcessState = { status: 'loading' } | { status: 'notFound' } | { status: 'failed' } | { status: 'ready'; view: ProcessView };

export function useProcess(processId: string) {
  const [state, setState] = useState<ProcessState>({ status: 'loading' });
  const latest = useRef(0);

  /** Resolves with the fresh view (null when it could not be loaded). */
  const reload = useCallback(async (): Promise<ProcessView | null> => {
    const request = ++latest.current;
    const reply = await processes.get(processId);
    if (request !== latest.current) return reply.ok ? reply.data : null;
    if (reply.ok) {
      setState({ status: 'ready', view: reply.data });
      return reply.data;
    }
    if (reply.code === 'NOT_SIGNED_IN') location.assign(signInPath());
    // An id outside the id alphabet is refused as BAD_REQUEST: to the reader it is not there either.
    else setState(reply.code === 'NOT_FOUND' || reply.code === 'BAD_REQUEST' ? { status: 'notFound' } : { status: 'failed' });
    return null;
  }, [processId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((view: ProcessView) => {
    latest.current++;
    setState({ status: 'ready', view });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);

  return { state, reload, replace, retry };
}
