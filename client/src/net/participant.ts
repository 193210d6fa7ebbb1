/**
 * The tablet's connection: join (or resume with the stored token), and deliver
 * answers through the durable outbox until acknowledged: whatever is queued
 * goes in one `answer:batch`, so a queue after a reconnect costs one round trip (SPEC D-4).
 */
import type { AnswerValue } from '../../../shared/domain/tally';
import type { BatchReceipt, ParticipantEntry } from '../../../shared/protocol';
import { useStore } from '../store';
import type { PendingAnswer } from '../store/ballotSlice';
import { LIMITS } from '../../../shared/schemas';
import { addToOutbox, clearOutbox, loadOutbox, removeFromOutbox } from './outbox';
import { forgetSession, participantJoin, savedSession, saveSession } from './session';
import { call, connect, isOnline, newOpId, RETRYABLE, type CallResult } from './socket';


let code: string | null = null;
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Join for an organisation, or — without one — resume the session stored on this device. */
export function joinAsParticipant(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  const store = useStore.getState;
  connect({
    join: () => participantJoin(joinCode, first),
    onJoined: (session) => {
      if (session.role !== 'participant') return;
      const { participantId, organisationId, displayName, resumeToken } = session;
      saveSession(joinCode, { participantId, organisationId, resumeToken });
      store().setMe({ participantId, organisationId, displayName });
      store().loadAnswers(session.answers, loadOutbox(joinCode, participantId));
      void flush();
    },
    onDeleted: () => {
      const me = store().me;
      if (me) clearOutbox(joinCode, me.participantId);
      forgetSession(joinCode);
    },
    // J-5: the facilitator moved this tablet; its answers went with it.
    onMoved: (organisationId) => {
      rememberOrganisation(joinCode, organisationId);
      store().setMovedTo(organisationId);
    },
    // J-6: the facilitator removed this tablet; its answers are deleted, it joins afresh.
    onRemoved: () => {
      const me = store().me;
      if (me) clearOutbox(joinCode, me.participantId);
      forgetSession(joinCode);
      store().loadAnswers([], []);
      store().setMovedTo(null);
      store().setMe(null);
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

/** This tablet now rates for another organisation (J-5): what it shows and what it stores for resuming. */
function rememberOrganisation(joinCode: string, organisationId: string): void {
  const me = useStore.getState().me;
  if (!me) return;
  useStore.getState().setMe({ ...me, organisationId });
  const saved = savedSession(joinCode);
  if (saved) saveSession(joinCode, { ...saved, organisationId });
}

/** J-5: the participant joined for the wrong organisation and switches; their answers go with them. */
export async function switchOrganisation(organisationId: string): Promise<CallResult<ParticipantEntry>> {
  const reply = await call<ParticipantEntry>('participant:switch', { organisationId });
  if (reply.ok && code) {
    rememberOrganisation(code, reply.data.organisationId);
    useStore.getState().setMovedTo(null);
  }
  return reply;
}

/** Set (number), abstain (null) or withdraw (undefined) one answer. */
export function answer(themeId: string, criterionId: string, value: AnswerValue | undefined): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op: PendingAnswer = { opId: newOpId(), themeId, criterionId, value };
  addToOutbox(code, me.participantId, op);
  useStore.getState().answerPending(op);
  void flush();
}

async function flush(): Promise<void> {
  const me = useStore.getState().me;
  if (flushing || !me || !code) return;
  flushing = true;
  try {
    for (;;) {
      if (!isOnline()) return;
      const ops = loadOutbox(code, me.participantId).slice(0, LIMITS.batchAnswers);
      if (ops.length === 0) return;
      const answers = ops.map(({ opId, themeId, criterionId, value }) =>
        value === undefined ? { opId, themeId, criterionId, withdraw: true } : { opId, themeId, criterionId, value },
      );
      const reply = await call<{ receipts: BatchReceipt[] }>('answer:batch', { answers });
      if (reply.ok) {
        removeFromOutbox(code, me.participantId, ops.map((op) => op.opId));
        ops.forEach((op, i) => useStore.getState().answerSaved(op, reply.data.receipts[i]?.value));
      } else if (RETRYABLE.has(reply.code)) {
        // Try again shortly; after a lost connection the rejoin flushes as well.
        scheduleRetry();
        return;
      } else {
        // Refused as a whole: the answer it names (or, without a name, every one) will not succeed by resending.
        const named = reply.code !== 'network' ? refusedIndex(reply.details) : null;
        const failed = named === null ? ops : [ops[named]!];
        removeFromOutbox(code, me.participantId, failed.map((op) => op.opId));
        for (const op of failed) useStore.getState().answerFailed(op);
      }
    }
  } finally {
    flushing = false;
  }
}

/** The index in "answers.<index>…" of a batch refusal's first detail, if it names one. */
function refusedIndex(details: { path: string }[] | undefined): number | null {
  const match = /^answers\.(\d+)(\.|$)/.exec(details?.[0]?.path ?? '');
  return match ? Number(match[1]) : null;
}

function scheduleRetry(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, 2000);
}
