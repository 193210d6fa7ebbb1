/**
 * The signed-in account of the office screens, asked once per page. A screen
 * that needs an account sends whoever has none to the sign-in page, with the
 * way back in `next`.
 */
import { useEffect, useState } from 'react';
import type { AuthStatus } from '../../../../shared/accounts';
import { auth } from '../../net/office';

export type AccountState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; auth: AuthStatus };

export function signInPath(next = location.pathname + location.search): string {
  return `/anmelden?next=${encodeURIComponent(next)}`;
}

/** Only paths of this site: `next` must not lead anywhere else. */
export function safeNext(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw : '/';
}

export function useAccount({ required }: { required: boolean }): AccountState {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void auth.status().then((reply) => {
      if (!live) return;
      if (!reply.ok) return setState({ status: 'failed' });
      if (required && !reply.data.account) {
        location.replace(reply.data.setupRequired ? '/anmelden' : signInPath());
        return;
      }
      setState({ status: 'ready', auth: reply.data });
    });
    return () => {
      live = false;
    };
  }, [required]);
  return state;
}
