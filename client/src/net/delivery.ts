/**
 * How a logged activity's operations travel (SPEC TC-4, VI-4, SE-4), the same
 * for the theme collection, the deep-dive, the vision and the selection:
 * - a tablet keeps its operations in a durable outbox (localStorage, per join
 *   code and participant) until the server acknowledges them, and sends them in
 *   order, one at a time, with their opIds — a resend after a lost
 *   acknowledgement changes nothing on the server;
 * - the console sends each command with a fresh opId, kept while it retries.
 */
import type { AnySession, ClientToServerEvents, ErrorCode } from '../../../shared/protocol';
import { useStore } from '../store';
import type { Refusal } from '../store/collectionSlice';
import { forgetSession, participantJoin, saveSession } from './session';
import { call, connect, isOnline, newOpId, RETRYABLE, type CallResult } from './socket';
import { forgetStepKind, markStepKind, type MarkedStepKind } from './stepKind';

export interface OpOutbox<T extends { opId: string }> {
  load(code: string, participantId: string): T[];
  /** Queue an operation; queued ones it `replaces` are dropped (e.g. an older setting of the same thing). */
  add(code: string, participantId: string, op: T): void;
  remove(code: string, participantId: string, opIds: readonly string[]): void;
  clear(code: string, participantId: string): void;
}

/** An outbox in localStorage under `<prefix>.<code>.<participant>`; what `isValid` refuses (an older format, tampering) is dropped. */
export function opOutbox<T extends { opId: string }>(prefix: string, isValid: (value: unknown) => value is T, replaces: (queued: T, op: T) => boolean = () => false): OpOutbox<T> {
  const key = (code: string, participantId: string) => `${prefix}.${code}.${participantId}`;
  const load = (code: string, participantId: string): T[] => {
    try {
      const raw = JSON.parse(localStorage.getItem(key(code, participantId)) ?? '[]') as unknown;
      return Array.isArray(raw) ? raw.filter(isValid) : [];
    } catch {
      return [];
    }
  };
  const save = (code: string, participantId: string, ops: T[]): void => {
    try {
      if (ops.length === 0) localStorage.removeItem(key(code, participantId));
      else localStorage.setItem(key(code, participantId), JSON.stringify(ops));
    } catch {
      // Private mode without storage: the operation is still sent from memory while the page is open.
    }
  };
  return {
    load,
    add: (code, participantId, op) => save(code, participantId, [...load(code, participantId).filter((queued) => !replaces(queued, op)), op]),
    remove: (code, participantId, opIds) => {
      const gone = new Set(opIds);
      save(code, participantId, load(code, participantId).filter((op) => !gone.has(op.opId)));
    },
    clear: (code, participantId) => save(code, participantId, []),
  };
}

/** Why the server did not store an operation, with its details. */
export function refusalOf(reply: { code: ErrorCode | 'network'; details?: Refusal['details'] }): Refusal {
  return { code: reply.code, ...(reply.details ? { details: reply.details } : {}) };
}

interface FlushOptions<T extends { opId: string }, R> {
  /** The join code this device works in, once it joined. */
  code(): string | null;
  outbox: OpOutbox<T>;
  send(op: T): Promise<CallResult<R>>;
  saved(op: T, data: R): void;
  refused(op: T, refusal: Refusal): void;
}

/**
 * The tablet's sender: the outbox in order, one operation at a time. An
 * acknowledged or refused operation leaves the outbox (a refusal will not
 * change by resending, the screen says why); on a network failure or a
 * retryable refusal it tries again shortly — and after a lost connection the
 * rejoin flushes as well.
 */
export function outboxSender<T extends { opId: string }, R>(options: FlushOptions<T, R>): () => Promise<void> {
  let flushing = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = async (): Promise<void> => {
    const me = useStore.getState().me;
    const code = options.code();
    if (flushing || !me || !code) return;
    const who = { code, participantId: me.participantId };
    flushing = true;
    try {
      for (;;) {
        if (!isOnline()) return;
        const op = options.outbox.load(who.code, who.participantId)[0];
        if (!op) return;
        const reply = await options.send(op);
        if (!reply.ok && RETRYABLE.has(reply.code)) {
          retryTimer ??= setTimeout(() => {
            retryTimer = null;
            void flush();
          }, 2000);
          return;
        }
        options.outbox.remove(who.code, who.participantId, [op.opId]);
        if (reply.ok) options.saved(op, reply.data);
        else options.refused(op, refusalOf(reply as { code: ErrorCode; details?: Refusal['details'] }));
      }
    } finally {
      flushing = false;
    }
  };
  return flush;
}

/** What every logged activity's participant session carries (the rest is the activity's own). */
interface JoinedParticipant {
  participantId: string;
  organisationId: string;
  displayName: string | null;
  resumeToken: string;
}

/**
 * A tablet joins a logged activity for an organisation, or — without one —
 * resumes the session stored on this device: the session and the step's kind
 * are kept on the device, `joined` loads the activity's own part (what the
 * server holds and what the outbox still has), then the outbox is sent. A
 * deleted workshop takes the device's session, outbox and note with it; a
 * refused resume (e.g. a new database) makes the tablet join afresh.
 */
export function joinLoggedActivity<S extends JoinedParticipant>(
  joinCode: string,
  first: { organisationId: string; displayName?: string } | undefined,
  options: {
    kind: MarkedStepKind;
    /** The join's answer, if it is this activity's participant session. */
    accept(session: AnySession): S | null;
    joined(session: S): void;
    outbox: OpOutbox<{ opId: string }>;
    flush(): Promise<void>;
  },
): void {
  const store = useStore.getState;
  connect({
    join: () => participantJoin(joinCode, first),
    onJoined: (answer) => {
      // socket.ts types the join's answer as a Quick-Check session; the activity tells its own.
      const session = options.accept(answer as AnySession);
      if (!session) return;
      const { participantId, organisationId, displayName, resumeToken } = session;
      saveSession(joinCode, { participantId, organisationId, resumeToken });
      markStepKind(joinCode, options.kind);
      store().setMe({ participantId, organisationId, displayName });
      options.joined(session);
      void options.flush();
    },
    onDeleted: () => {
      const me = store().me;
      if (me) options.outbox.clear(joinCode, me.participantId);
      forgetSession(joinCode);
      forgetStepKind(joinCode);
    },
    onRefused: (refusal) => {
      if (refusal !== 'INVALID_RESUME_TOKEN') return false;
      forgetSession(joinCode);
      store().setMe(null);
      store().setProblem(refusal);
      return true;
    },
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One facilitator operation with a fresh opId. Should its acknowledgement get
 * lost (a timeout, a short break of the connection), it is resent with the same
 * opId: the server applies it once.
 */
export async function operation<R>(event: keyof ClientToServerEvents, payload: object): Promise<CallResult<R>> {
  const opId = newOpId();
  for (let attempt = 1; ; attempt++) {
    const reply = await call<R>(event, { ...payload, opId });
    if (reply.ok || !RETRYABLE.has(reply.code) || attempt === 3) return reply;
    await pause(1500 * attempt);
  }
}
