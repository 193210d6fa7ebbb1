/**
 * Vision with a consent check (SPEC VI-1 … VI-9) over the one socket: the
 * tablet joins (or resumes with its stored token, getting its unit's answers
 * in open rounds) and delivers its answers through a durable outbox until
 * acknowledged; the console sends its commands, each with a fresh opId that is
 * kept while the command is retried (VI-4).
 */
import type { ConsentAnswer, VisionPhase } from '../../../shared/activities/vision/schemas';
import type { VisionView } from '../../../shared/activities/vision/views';
import type { AnySession, StatementReceipt, VisionParticipantSession } from '../../../shared/protocol';
import type { VotingUnit } from '../../../shared/schemas';
import { useStore } from '../store';
import type { Refusal } from '../store/collectionSlice';
import type { PendingConsentAnswer } from '../store/visionSlice';
import { forgetStepKind, markStepKind } from './proposalOutbox';
import { forgetSession, participantJoin, saveSession } from './session';
import { call, connect, isOnline, newOpId, RETRYABLE, type CallResult } from './socket';

// ---------- The outbox: answers kept in localStorage until acknowledged ----------

const outboxKey = (code: string, participantId: string) => `konsens.consent.${code}.${participantId}`;

function isPending(value: unknown): value is PendingConsentAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Record<string, unknown>;
  return (
    typeof op.opId === 'string' &&
    typeof op.statementId === 'string' &&
    typeof op.round === 'number' &&
    (op.answer === 'consent' || op.answer === 'concern' || op.answer === 'objection') &&
    (op.text === null || typeof op.text === 'string')
  );
}

export function loadConsentOutbox(code: string, participantId: string): PendingConsentAnswer[] {
  try {
    const raw = JSON.parse(localStorage.getItem(outboxKey(code, participantId)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isPending) : [];
  } catch {
    return [];
  }
}

function saveOutbox(code: string, participantId: string, ops: PendingConsentAnswer[]): void {
  try {
    if (ops.length === 0) localStorage.removeItem(outboxKey(code, participantId));
    else localStorage.setItem(outboxKey(code, participantId), JSON.stringify(ops));
  } catch {
    // Private mode without storage: the answer is still sent from memory while the page is open.
  }
}

/** A queued answer to the same round is replaced: only the newest choice counts (one in flight is sent first; the newer one wins). */
function queue(code: string, participantId: string, op: PendingConsentAnswer): void {
  const kept = loadConsentOutbox(code, participantId).filter((q) => q.statementId !== op.statementId || q.round !== op.round);
  saveOutbox(code, participantId, [...kept, op]);
}

function unqueue(code: string, participantId: string, opId: string): void {
  saveOutbox(
    code,
    participantId,
    loadConsentOutbox(code, participantId).filter((op) => op.opId !== opId),
  );
}

// ---------- The tablet ----------

let code: string | null = null;
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Join a vision for an organisation, or — without one — resume the session stored on this device. */
export function joinVision(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  const store = useStore.getState;
  connect({
    join: () => participantJoin(joinCode, first),
    onJoined: (joined) => {
      // socket.ts types the join's answer as a Quick-Check session; a vision's carries `consent`.
      const session = joined as AnySession;
      if (session.role !== 'participant' || !('activity' in session) || session.activity !== 'vision') return;
      const { participantId, organisationId, displayName, resumeToken, consent } = session satisfies VisionParticipantSession;
      saveSession(joinCode, { participantId, organisationId, resumeToken });
      markStepKind(joinCode, 'vision');
      store().setMe({ participantId, organisationId, displayName });
      store().loadConsent(consent, loadConsentOutbox(joinCode, participantId));
      void flush();
    },
    onDeleted: () => {
      const me = store().me;
      if (me) saveOutbox(joinCode, me.participantId, []);
      forgetSession(joinCode);
      forgetStepKind(joinCode);
    },
    onRefused: (refusal) => {
      if (refusal !== 'INVALID_RESUME_TOKEN') return false;
      // The server does not know this device any more (e.g. a new database): join afresh.
      forgetSession(joinCode);
      store().setMe(null);
      store().setProblem(refusal);
      return true;
    },
  });
}

/** Answer the round shown (VI-5); shown at once as "sending", kept in the outbox until acknowledged. */
export function answerConsent(statementId: string, round: number, answer: ConsentAnswer, text: string | null): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op: PendingConsentAnswer = { opId: newOpId(), statementId, round, answer, text };
  queue(code, me.participantId, op);
  useStore.getState().consentPending(op);
  void flush();
}

function send(op: PendingConsentAnswer): Promise<CallResult<StatementReceipt>> {
  return call<StatementReceipt>('consent:answer', { opId: op.opId, statementId: op.statementId, round: op.round, answer: op.answer, ...(op.text ? { text: op.text } : {}) });
}

/** Sends the outbox in order, one answer at a time. */
async function flush(): Promise<void> {
  const me = useStore.getState().me;
  if (flushing || !me || !code) return;
  const joinCode = code;
  flushing = true;
  try {
    for (;;) {
      if (!isOnline()) return;
      const op = loadConsentOutbox(joinCode, me.participantId)[0];
      if (!op) return;
      const reply = await send(op);
      if (reply.ok) {
        unqueue(joinCode, me.participantId, op.opId);
        useStore.getState().consentSaved(op);
      } else if (RETRYABLE.has(reply.code)) {
        // Try again shortly; after a lost connection the rejoin flushes as well.
        scheduleRetry();
        return;
      } else {
        // Refused (e.g. the round closed meanwhile): resending will not change the answer.
        unqueue(joinCode, me.participantId, op.opId);
        const refusal: Refusal = { code: reply.code, ...('details' in reply && reply.details ? { details: reply.details } : {}) };
        useStore.getState().consentFailed(op, refusal);
      }
    }
  } finally {
    flushing = false;
  }
}

function scheduleRetry(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, 2000);
}

// ---------- The console's commands ----------

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type StatementEvent = 'statement:add' | 'statement:revise' | 'statement:withdraw' | 'consent:open' | 'consent:close';

/**
 * One facilitator operation with a fresh opId. Should its acknowledgement get
 * lost (a timeout, a short break of the connection), it is resent with the same
 * opId: the server applies it once (VI-4).
 */
async function operation(event: StatementEvent, payload: object): Promise<CallResult<StatementReceipt>> {
  const opId = newOpId();
  for (let attempt = 1; ; attempt++) {
    const reply = await call<StatementReceipt>(event, { ...payload, opId });
    if (reply.ok || !RETRYABLE.has(reply.code) || attempt === 3) return reply;
    await pause(1500 * attempt);
  }
}

export function addStatement(statement: { kind: 'principle'; title: string; text: string } | { kind: 'picture'; themeId: string; title: string; text: string }): Promise<CallResult<StatementReceipt>> {
  return operation('statement:add', statement);
}

export function reviseStatement(statementId: string, title: string, text: string): Promise<CallResult<StatementReceipt>> {
  return operation('statement:revise', { statementId, title, text });
}

export function withdrawStatement(statementId: string, withdrawn: boolean): Promise<CallResult<StatementReceipt>> {
  return operation('statement:withdraw', { statementId, withdrawn });
}

export function openConsentCheck(statementId: string): Promise<CallResult<StatementReceipt>> {
  return operation('consent:open', { statementId });
}

export function closeConsentCheck(statementId: string): Promise<CallResult<StatementReceipt>> {
  return operation('consent:close', { statementId });
}

export function updateVision(patch: { title?: string; date?: string | null; votingUnit?: VotingUnit }): Promise<CallResult<VisionView>> {
  return call<VisionView>('vision:update', patch);
}

export function setVisionPhase(phase: VisionPhase): Promise<CallResult<VisionView>> {
  return call<VisionView>('vision:phase', { phase });
}
