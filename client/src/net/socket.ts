/**
 * The one place that talks to Socket.IO. Listeners are registered once per
 * socket; on every (re)connect the client joins again and takes the server's
 * state as the truth (resync).
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type ErrorCode,
  type ServerToClientEvents,
  type Session,
} from '../../../shared/protocol';
import type { JoinPayload } from '../../../shared/schemas';
import { useStore } from '../store';

type KonsensSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type WithoutVersion<T> = T extends unknown ? Omit<T, 'protocolVersion'> : never;
export type JoinRequest = WithoutVersion<JoinPayload>;

let socket: KonsensSocket | null = null;

/** Refusals of an operation worth retrying later (the tablets' outboxes); anything else will not succeed by resending. */
export const RETRYABLE: ReadonlySet<ErrorCode | 'network'> = new Set(['network', 'STORAGE_FAILED', 'RATE_LIMITED', 'INTERNAL']);

/** Codes after which reconnecting cannot help: the screen shows the problem instead. */
const FINAL: ReadonlySet<ErrorCode | 'network'> = new Set([
  'NOT_FOUND',
  'UNAUTHORISED',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'PROTOCOL_MISMATCH',
  'UNKNOWN_ORGANISATION',
  'INVALID_RESUME_TOKEN',
  'BAD_REQUEST',
]);

export interface ConnectOptions {
  /** Built anew for every (re)connect, so that a stored resume token is used. */
  join: () => JoinRequest;
  onJoined: (session: Session) => void;
  /** A final refusal; return true if it was handled (e.g. by joining afresh). */
  onRefused?: (code: ErrorCode) => boolean;
  /** The facilitator deleted the workshop. */
  onDeleted?: () => void;
  /** A participant now rates for another organisation (SPEC J-5). */
  onMoved?: (organisationId: string) => void;
  /** The facilitator removed this participant (SPEC J-6); the server closes the connection next. */
  onRemoved?: () => void;
}

export function connect(options: ConnectOptions): void {
  socket?.disconnect();
  const store = useStore.getState;
  const s: KonsensSocket = io({ autoConnect: false, reconnectionDelayMax: 5000 });
  socket = s;
  store().setConnection('connecting');

  // Join on every (re)connect. A refusal that may pass (rate limit, server error) is retried on
  // this connection with backoff; after a timeout the server may have joined us already, so the
  // connection is replaced instead (a second join on it would only get ALREADY_JOINED).
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  // Set by workshop:deleted, which the server sends before it closes the connection.
  let deleted = false;
  // The server closed the connection and it has not been joined since: one reconnect only.
  let closedByServer = false;
  const stopRetry = () => {
    if (retry) clearTimeout(retry);
    retry = null;
  };
  const join = async (): Promise<void> => {
    retry = null;
    const payload = { ...options.join(), protocolVersion: PROTOCOL_VERSION } as JoinPayload;
    const reply = await call<Session>('workshop:join', payload, 15_000, s);
    if (s !== socket || !s.connected) return;
    if (!reply.ok) {
      if (reply.code === 'network' || reply.code === 'ALREADY_JOINED') {
        s.disconnect().connect();
        return;
      }
      if (FINAL.has(reply.code)) {
        s.disconnect();
        // The refusal is the whole story: no "no connection, your input is kept" banner beside it.
        store().setConnection('idle');
        if (!options.onRefused?.(reply.code as ErrorCode)) store().setProblem(reply.code);
        return;
      }
      attempt++;
      retry = setTimeout(() => void join(), Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
      return;
    }
    attempt = 0;
    closedByServer = false;
    store().setProblem(null);
    store().setConnection('online');
    store().receiveState(reply.data.state);
    options.onJoined(reply.data);
  };
  s.on('connect', () => {
    stopRetry();
    void join();
  });
  s.on('disconnect', (reason) => {
    stopRetry();
    if (s !== socket) return;
    if (deleted) {
      store().setConnection('idle');
      return;
    }
    store().setConnection('offline');
    // The server closed this connection (a session ended, a co-facilitation link was replaced, too
    // many events): come back once, so that the join says why — its refusal then stops the screen.
    // A second close before a successful join is not retried, so that nothing loops.
    if (reason === 'io server disconnect' && !closedByServer) {
      closedByServer = true;
      setTimeout(() => s === socket && !deleted && s.connect(), 2000);
    }
  });
  s.on('connect_error', () => s === socket && store().setConnection('offline'));
  s.on('state:update', (state) => s === socket && store().receiveState(state));
  s.on('workshop:deleted', () => {
    if (s !== socket) return;
    deleted = true;
    options.onDeleted?.();
    store().setProblem('deleted');
  });
  s.on('participant:moved', ({ organisationId }) => s === socket && options.onMoved?.(organisationId));
  s.on('participant:removed', () => {
    if (s !== socket) return;
    // As after a deletion: the close that follows is not reconnected.
    deleted = true;
    options.onRemoved?.();
    store().setProblem('removed');
  });
  s.connect();
}

export function isOnline(): boolean {
  return socket?.connected === true && useStore.getState().connection === 'online';
}

export type CallResult<T> = Ack<T> | { ok: false; code: 'network' };

/** Emit with acknowledgement; a timeout or a missing connection is { ok: false, code: 'network' }. */
export async function call<T>(event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 15_000, target: KonsensSocket | null = socket): Promise<CallResult<T>> {
  const s = target;
  if (!s?.connected) return { ok: false, code: 'network' };
  try {
    const timed = s.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, code: 'network' };
  }
}

/** Random ids that work on plain http in the LAN too (crypto.randomUUID needs a secure context). */
export function newOpId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
