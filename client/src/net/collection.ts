/**
 * Theme collection (SPEC TC-1 … TC-10) over the one socket: the tablet joins
 * (or resumes with its stored token) and delivers proposals and supports
 * through its durable outbox until acknowledged; the console sends its
 * commands, each with a fresh opId that is kept while the command is retried.
 */
import type { CollectionPhase } from '../../../shared/activities/collection/schemas';
import type { CollectionView } from '../../../shared/activities/collection/views';
import type { IdeaDetails } from '../../../shared/activities/deepdive/schemas';
import type { AnySession, CollectionParticipantSession, DeepDiveParticipantSession, ProposalReceipt } from '../../../shared/protocol';
import { useStore } from '../store';
import type { Refusal } from '../store/collectionSlice';
import { addProposalOp, clearProposalOutbox, forgetCollectionMark, loadProposalOutbox, markCollection, removeProposalOps, type PendingProposalOp } from './proposalOutbox';
import { forgetSession, participantJoin, saveSession } from './session';
import { call, connect, isOnline, newOpId, RETRYABLE, type CallResult } from './socket';


let code: string | null = null;
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Join a collection for an organisation, or — without one — resume the session stored on this device. */
export function joinCollection(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  const store = useStore.getState;
  connect({
    join: () => participantJoin(joinCode, first),
    onJoined: (joined) => {
      // socket.ts types the join's answer as a Quick-Check session; a collection's carries `own` and `supports`.
      const session = joined as AnySession;
      if (session.role !== 'participant' || !('activity' in session) || session.activity === 'vision' || session.activity === 'selection') return;
      // A deep-dive's ideas are proposals: it joins as a collection does (DD-4).
      const { participantId, organisationId, displayName, resumeToken, own, supports } = session satisfies CollectionParticipantSession | DeepDiveParticipantSession;
      saveSession(joinCode, { participantId, organisationId, resumeToken });
      markCollection(joinCode);
      // Queued proposals the server has already stored (their acknowledgement was lost) need no resend.
      const stored = own.map((p) => p.opId);
      removeProposalOps(joinCode, participantId, stored);
      store().setMe({ participantId, organisationId, displayName });
      store().loadCollection(own, supports, loadProposalOutbox(joinCode, participantId));
      void flush();
    },
    onDeleted: () => {
      const me = store().me;
      if (me) clearProposalOutbox(joinCode, me.participantId);
      forgetSession(joinCode);
      forgetCollectionMark(joinCode);
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

/** Propose a theme (in a deep-dive: a project idea with its details); shown at once as "sending", kept in the outbox until acknowledged. */
export function propose(title: string, description: string | null, idea?: IdeaDetails): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op = { kind: 'submit', opId: newOpId(), title, description, ...(idea ? { idea } : {}) } as const;
  addProposalOp(code, me.participantId, op);
  useStore.getState().proposalPending(op);
  void flush();
}

/**
 * Support a proposal, or take the support back. A support of a proposal that
 * was merged into this one counts for this one (TC-7): the new choice stands for both.
 */
export function support(proposalId: string, on: boolean): void {
  const { me, roleState } = useStore.getState();
  if (!me || !code) return;
  const merged = roleState?.role === 'participant' && (roleState.activity === 'collection' || roleState.activity === 'deepdive') ? roleState.merged : {};
  const replaces = Object.keys(merged).filter((source) => merged[source] === proposalId);
  const op = { kind: 'support', opId: newOpId(), proposalId, support: on } as const;
  addProposalOp(code, me.participantId, op);
  useStore.getState().supportPending(op, replaces);
  void flush();
}

function send(op: PendingProposalOp): Promise<CallResult<ProposalReceipt>> {
  if (op.kind === 'submit') {
    return call<ProposalReceipt>('proposal:submit', { opId: op.opId, title: op.title, ...(op.description ? { description: op.description } : {}), ...(op.idea ? { idea: op.idea } : {}) });
  }
  return call<ProposalReceipt>('proposal:support', { opId: op.opId, proposalId: op.proposalId, support: op.support });
}

/** Sends the outbox in order, one operation at a time (at most 30 proposals: no batching needed). */
async function flush(): Promise<void> {
  const me = useStore.getState().me;
  if (flushing || !me || !code) return;
  const joinCode = code;
  flushing = true;
  try {
    for (;;) {
      if (!isOnline()) return;
      const op = loadProposalOutbox(joinCode, me.participantId)[0];
      if (!op) return;
      const reply = await send(op);
      const store = useStore.getState();
      if (reply.ok) {
        removeProposalOps(joinCode, me.participantId, [op.opId]);
        if (op.kind === 'submit') store.proposalSaved(op.opId, reply.data.proposalId);
        else store.supportSaved(op, reply.data.proposalId);
      } else if (RETRYABLE.has(reply.code)) {
        // Try again shortly; after a lost connection the rejoin flushes as well.
        scheduleRetry();
        return;
      } else {
        // Refused: resending will not change the answer. It leaves the outbox and shows why.
        removeProposalOps(joinCode, me.participantId, [op.opId]);
        const refusal: Refusal = { code: reply.code, ...('details' in reply && reply.details ? { details: reply.details } : {}) };
        if (op.kind === 'submit') store.proposalFailed(op.opId, refusal);
        else store.supportFailed(op, refusal);
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

/**
 * One facilitator operation with a fresh opId. Should its acknowledgement get
 * lost (a timeout, a short break of the connection), it is resent with the same
 * opId: the server applies it once (TC-4).
 */
async function operation(event: 'proposal:submit' | 'proposal:edit' | 'proposal:merge' | 'proposal:decide', payload: object): Promise<CallResult<ProposalReceipt>> {
  const opId = newOpId();
  for (let attempt = 1; ; attempt++) {
    const reply = await call<ProposalReceipt>(event, { ...payload, opId });
    if (reply.ok || !RETRYABLE.has(reply.code) || attempt === 3) return reply;
    await pause(1500 * attempt);
  }
}

/** `idea`: in a deep-dive, the project idea's details (DD-3). */
export function submitProposal(title: string, description: string | null, idea?: IdeaDetails): Promise<CallResult<ProposalReceipt>> {
  return operation('proposal:submit', { title, ...(description ? { description } : {}), ...(idea ? { idea } : {}) });
}

/** `idea` replaces the details; without it they stay as they are (DD-3). */
export function editProposal(proposalId: string, title: string, description: string | null, idea?: IdeaDetails): Promise<CallResult<ProposalReceipt>> {
  return operation('proposal:edit', { proposalId, title, ...(description ? { description } : {}), ...(idea ? { idea } : {}) });
}

export function mergeProposals(sourceId: string, targetId: string): Promise<CallResult<ProposalReceipt>> {
  return operation('proposal:merge', { sourceId, targetId });
}

export function decideProposal(proposalId: string, status: 'open' | 'accepted' | 'rejected'): Promise<CallResult<ProposalReceipt>> {
  return operation('proposal:decide', { proposalId, status });
}

export function updateCollection(patch: { title?: string; date?: string | null; supportAllowed?: boolean }): Promise<CallResult<CollectionView>> {
  return call<CollectionView>('collection:update', patch);
}

export function setCollectionPhase(phase: CollectionPhase): Promise<CallResult<CollectionView>> {
  return call<CollectionView>('collection:phase', { phase });
}
