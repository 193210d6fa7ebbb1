/**
 * Vision with a consent check (SPEC VI-1 … VI-9) over the one socket: the
 * tablet joins (or resumes with its stored token, getting its unit's answers
 * in open rounds) and delivers its answers through a durable outbox until
 * acknowledged; the console sends its commands, each with a fresh opId that is
 * kept while the command is retried (VI-4).
 */
import type { ConsentAnswer, VisionPhase } from '../../../shared/activities/vision/schemas';
import type { VisionView } from '../../../shared/activities/vision/views';
import type { StatementReceipt, VisionParticipantSession } from '../../../shared/protocol';
import type { VotingUnit } from '../../../shared/schemas';
import { useStore } from '../store';
import type { PendingConsentAnswer } from '../store/visionSlice';
import { joinLoggedActivity, operation as operationWithRetry, opOutbox, outboxSender } from './delivery';
import { call, newOpId, type CallResult } from './socket';

// ---------- The tablet ----------

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

/** Answers kept until acknowledged; a queued answer to the same round is replaced (one in flight is sent first; the newer one wins). */
const outbox = opOutbox<PendingConsentAnswer>('konsens.consent', isPending, (queued, op) => queued.statementId === op.statementId && queued.round === op.round);

let code: string | null = null;

const flush = outboxSender<PendingConsentAnswer, StatementReceipt>({
  code: () => code,
  outbox,
  send: (op) => call<StatementReceipt>('consent:answer', { opId: op.opId, statementId: op.statementId, round: op.round, answer: op.answer, ...(op.text ? { text: op.text } : {}) }),
  saved: (op) => useStore.getState().consentSaved(op),
  // Refused (e.g. the round closed meanwhile): resending will not change the answer.
  refused: (op, refusal) => useStore.getState().consentFailed(op, refusal),
});

/** Join a vision for an organisation, or — without one — resume the session stored on this device. */
export function joinVision(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  joinLoggedActivity<VisionParticipantSession>(joinCode, first, {
    kind: 'vision',
    accept: (session) => (session.role === 'participant' && 'activity' in session && session.activity === 'vision' ? session : null),
    joined: ({ participantId, consent }) => useStore.getState().loadConsent(consent, outbox.load(joinCode, participantId)),
    outbox,
    flush,
  });
}

/** Answer the round shown (VI-5); shown at once as "sending", kept in the outbox until acknowledged. */
export function answerConsent(statementId: string, round: number, answer: ConsentAnswer, text: string | null): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op: PendingConsentAnswer = { opId: newOpId(), statementId, round, answer, text };
  outbox.add(code, me.participantId, op);
  useStore.getState().consentPending(op);
  void flush();
}

// ---------- The console's commands ----------

type StatementEvent = 'statement:add' | 'statement:revise' | 'statement:withdraw' | 'consent:open' | 'consent:close';

/** A console command, resent with its opId until acknowledged (VI-4). */
const operation = (event: StatementEvent, payload: object) => operationWithRetry<StatementReceipt>(event, payload);

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
