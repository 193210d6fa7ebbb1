/**
 * Theme collection (SPEC TC-1 … TC-10) over the one socket: the tablet joins
 * (or resumes with its stored token) and delivers proposals and supports
 * through its durable outbox until acknowledged; the console sends its
 * commands, each with a fresh opId that is kept while the command is retried.
 */
import type { CollectionPhase } from '../../../shared/activities/collection/schemas';
import type { CollectionView } from '../../../shared/activities/collection/views';
import type { IdeaDetails } from '../../../shared/activities/deepdive/schemas';
import type { CollectionParticipantSession, DeepDiveParticipantSession, ProposalReceipt } from '../../../shared/protocol';
import { useStore } from '../store';
import { joinLoggedActivity, operation as operationWithRetry, outboxSender } from './delivery';
import { proposalOutbox, type PendingProposalOp } from './proposalOutbox';
import { call, newOpId, type CallResult } from './socket';


let code: string | null = null;

/** Sends the outbox in order, one operation at a time (at most 30 proposals: no batching needed). */
const flush = outboxSender<PendingProposalOp, ProposalReceipt>({
  code: () => code,
  outbox: proposalOutbox,
  send,
  saved: (op, receipt) => {
    const store = useStore.getState();
    if (op.kind === 'submit') store.proposalSaved(op.opId, receipt.proposalId);
    else store.supportSaved(op, receipt.proposalId);
  },
  refused: (op, refusal) => {
    const store = useStore.getState();
    if (op.kind === 'submit') store.proposalFailed(op.opId, refusal);
    else store.supportFailed(op, refusal);
  },
});

/** Join a collection (or a deep-dive: its ideas are proposals, DD-4) for an organisation, or — without one — resume the session stored on this device. */
export function joinCollection(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  joinLoggedActivity<CollectionParticipantSession | DeepDiveParticipantSession>(joinCode, first, {
    kind: 'collection',
    accept: (session) => (session.role === 'participant' && 'activity' in session && (session.activity === 'collection' || session.activity === 'deepdive') ? session : null),
    joined: ({ participantId, own, supports }) => {
      // Queued proposals the server has already stored (their acknowledgement was lost) need no resend.
      proposalOutbox.remove(joinCode, participantId, own.map((p) => p.opId));
      useStore.getState().loadCollection(own, supports, proposalOutbox.load(joinCode, participantId));
    },
    outbox: proposalOutbox,
    flush,
  });
}

/** Propose a theme (in a deep-dive: a project idea with its details); shown at once as "sending", kept in the outbox until acknowledged. */
export function propose(title: string, description: string | null, idea?: IdeaDetails): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op = { kind: 'submit', opId: newOpId(), title, description, ...(idea ? { idea } : {}) } as const;
  proposalOutbox.add(code, me.participantId, op);
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
  proposalOutbox.add(code, me.participantId, op);
  useStore.getState().supportPending(op, replaces);
  void flush();
}

function send(op: PendingProposalOp): Promise<CallResult<ProposalReceipt>> {
  if (op.kind === 'submit') {
    return call<ProposalReceipt>('proposal:submit', { opId: op.opId, title: op.title, ...(op.description ? { description: op.description } : {}), ...(op.idea ? { idea: op.idea } : {}) });
  }
  return call<ProposalReceipt>('proposal:support', { opId: op.opId, proposalId: op.proposalId, support: op.support });
}

// ---------- The console's commands ----------

type ProposalEvent = 'proposal:submit' | 'proposal:edit' | 'proposal:merge' | 'proposal:decide';

/** A console command, resent with its opId until acknowledged (TC-4). */
const operation = (event: ProposalEvent, payload: object) => operationWithRetry<ProposalReceipt>(event, payload);

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
