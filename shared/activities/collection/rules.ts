/**
 * Theme collection, the pure rules (SPEC TC-1 … TC-10): which operation is
 * accepted, and what it does to the collection. The server checks with
 * `collectionRefusal`, stores the operation, then applies it with
 * `applyCollectionOp`; loading replays the stored log through the same
 * function, so the state after a restart is the state before it (TC-4).
 * Time and ids come in with the operations.
 */
import type { ErrorCode } from '../../protocol.js';
import { isFacilitatorActor, opKey, type ActivityRules, type ActorKey } from '../log.js';
import type { IdeaDetails } from '../deepdive/schemas.js';
import { COLLECTION_LIMITS, type CollectionPhase, type ProposalStatus } from './schemas.js';

export type { ActorKey } from '../log.js';

interface OpBase {
  actor: ActorKey;
  opId: string;
  at: number;
}

export type CollectionOp =
  | (OpBase & { type: 'submit'; proposalId: string; title: string; description: string | null; organisationId: string | null; idea?: IdeaDetails | undefined })
  | (OpBase & { type: 'support'; proposalId: string; support: boolean })
  | (OpBase & { type: 'edit'; proposalId: string; title: string; description: string | null; idea?: IdeaDetails | undefined })
  | (OpBase & { type: 'merge'; sourceId: string; targetId: string })
  | (OpBase & { type: 'decide'; proposalId: string; status: Exclude<ProposalStatus, 'merged'> });

/** Where a proposal came from; a merged proposal keeps every origin (TC-7). */
export interface Origin {
  proposalId: string;
  title: string;
  /** The proposing participant's organisation; null for the facilitator's own. */
  organisationId: string | null;
}

export interface Proposal {
  id: string;
  title: string;
  description: string | null;
  /** A deep-dive's project idea details (DD-3); null in a theme collection. */
  idea: IdeaDetails | null;
  status: ProposalStatus;
  /** The proposal it was merged into (always one that is not merged itself). */
  mergedInto: string | null;
  origins: Origin[];
  /** Participant actor keys; one support each (TC-5). */
  supporters: Set<ActorKey>;
  submittedBy: ActorKey;
  createdAt: number;
  /** When it was last accepted: the projector lists accepted themes in this order. */
  acceptedAt: number | null;
}

export interface CollectionState {
  proposals: Map<string, Proposal>;
  /** Proposal ids in the order they came. */
  order: string[];
  /** Every applied operation by `actor \0 opId`: a resend answers with what it did (TC-4). */
  applied: Map<string, CollectionOp>;
  /** Proposals per participant (TC-3). */
  submitted: Map<ActorKey, number>;
}

export function emptyCollection(): CollectionState {
  return { proposals: new Map(), order: [], applied: new Map(), submitted: new Map() };
}

/** The operation this actor already sent with this opId, if any. */
export function appliedBefore(state: CollectionState, actor: ActorKey, opId: string): CollectionOp | undefined {
  return state.applied.get(opKey(actor, opId));
}

/** A merged proposal's current one (merges are flattened, so one step is enough). */
export function current(state: CollectionState, proposalId: string): Proposal | undefined {
  const proposal = state.proposals.get(proposalId);
  return proposal?.mergedInto ? state.proposals.get(proposal.mergedInto) : proposal;
}

export interface CollectionContext {
  phase: CollectionPhase;
  supportAllowed: boolean;
  /** A deep-dive: proposals are project ideas with details, whose lead is one of these organisations (DD-3). */
  ideas?: { organisationIds: readonly string[] };
}

/** DD-3: details only in a deep-dive, and a lead organisation from its roster. */
function detailsRefusal(idea: IdeaDetails | undefined, ctx: CollectionContext): ErrorCode | null {
  if (!idea) return null;
  if (!ctx.ideas) return 'BAD_REQUEST';
  return idea.leadOrganisationId !== null && !ctx.ideas.organisationIds.includes(idea.leadOrganisationId) ? 'UNKNOWN_ORGANISATION' : null;
}

/** Why an operation is refused now, or null (TC-2, TC-3, TC-5 … TC-8). */
export function collectionRefusal(state: CollectionState, op: CollectionOp, ctx: CollectionContext): ErrorCode | null {
  if (ctx.phase === 'finalised') return 'FINALISED';
  const facilitator = isFacilitatorActor(op.actor);
  switch (op.type) {
    case 'submit':
      if (detailsRefusal(op.idea, ctx)) return detailsRefusal(op.idea, ctx);
      // TC-2: participants propose while the collection is open; the facilitator at any time before finalising.
      if (!facilitator && ctx.phase !== 'collecting') return 'WRONG_PHASE';
      if (state.order.length >= COLLECTION_LIMITS.proposals) return 'PROPOSAL_LIMIT';
      if (!facilitator && (state.submitted.get(op.actor) ?? 0) >= COLLECTION_LIMITS.proposalsPerParticipant) return 'PROPOSAL_LIMIT';
      return state.proposals.has(op.proposalId) ? 'BAD_REQUEST' : null;
    case 'support': {
      if (ctx.phase !== 'collecting') return 'WRONG_PHASE';
      if (!ctx.supportAllowed) return 'SUPPORT_OFF';
      const target = current(state, op.proposalId);
      if (!target) return 'UNKNOWN_PROPOSAL';
      return target.status === 'rejected' ? 'PROPOSAL_CLOSED' : null;
    }
    case 'edit':
    case 'decide': {
      if (op.type === 'edit' && detailsRefusal(op.idea, ctx)) return detailsRefusal(op.idea, ctx);
      const proposal = state.proposals.get(op.proposalId);
      if (!proposal) return 'UNKNOWN_PROPOSAL';
      return proposal.status === 'merged' ? 'PROPOSAL_CLOSED' : null;
    }
    case 'merge': {
      const source = state.proposals.get(op.sourceId);
      const target = state.proposals.get(op.targetId);
      if (!source || !target) return 'UNKNOWN_PROPOSAL';
      if (source.status === 'merged' || target.status === 'merged') return 'PROPOSAL_CLOSED';
      return op.sourceId === op.targetId ? 'BAD_REQUEST' : null;
    }
  }
}

/**
 * Apply an accepted operation (mutates `state`; the caller has checked it, or
 * replays the stored log). An opId applied before changes nothing.
 */
export function applyCollectionOp(state: CollectionState, op: CollectionOp): void {
  const key = opKey(op.actor, op.opId);
  if (state.applied.has(key)) return;
  state.applied.set(key, op);
  switch (op.type) {
    case 'submit': {
      if (state.proposals.has(op.proposalId)) return;
      state.proposals.set(op.proposalId, {
        id: op.proposalId,
        title: op.title,
        description: op.description,
        idea: op.idea ?? null,
        status: 'open',
        mergedInto: null,
        origins: [{ proposalId: op.proposalId, title: op.title, organisationId: op.organisationId }],
        supporters: new Set(),
        submittedBy: op.actor,
        createdAt: op.at,
        acceptedAt: null,
      });
      state.order.push(op.proposalId);
      if (!isFacilitatorActor(op.actor)) state.submitted.set(op.actor, (state.submitted.get(op.actor) ?? 0) + 1);
      return;
    }
    case 'support': {
      const target = current(state, op.proposalId);
      if (!target) return;
      if (op.support) target.supporters.add(op.actor);
      else target.supporters.delete(op.actor);
      return;
    }
    case 'edit': {
      const proposal = state.proposals.get(op.proposalId);
      if (!proposal) return;
      proposal.title = op.title;
      proposal.description = op.description;
      if (op.idea) proposal.idea = op.idea;
      return;
    }
    case 'decide': {
      const proposal = state.proposals.get(op.proposalId);
      if (!proposal || proposal.status === 'merged') return;
      if (op.status === 'accepted' && proposal.status !== 'accepted') proposal.acceptedAt = op.at;
      if (op.status !== 'accepted') proposal.acceptedAt = null;
      proposal.status = op.status;
      return;
    }
    case 'merge': {
      const source = state.proposals.get(op.sourceId);
      const target = state.proposals.get(op.targetId);
      if (!source || !target || source === target || source.status === 'merged' || target.status === 'merged') return;
      target.origins.push(...source.origins);
      for (const supporter of source.supporters) target.supporters.add(supporter);
      source.supporters = new Set();
      source.status = 'merged';
      source.mergedInto = target.id;
      source.acceptedAt = null;
      // Flattened: whatever was merged into the source now points at the target.
      for (const other of state.proposals.values()) if (other.mergedInto === source.id) other.mergedInto = target.id;
      return;
    }
  }
}

/** The collection a log of accepted operations adds up to (TC-4). */
export function replayCollection(log: readonly CollectionOp[]): CollectionState {
  const state = emptyCollection();
  for (const op of log) applyCollectionOp(state, op);
  return state;
}

/** TC-9: the accepted themes, in the order they were accepted; what a Quick-Check is seeded with. */
export function acceptedProposals(state: CollectionState): Proposal[] {
  return [...state.proposals.values()].filter((p) => p.status === 'accepted').sort((a, b) => a.acceptedAt! - b.acceptedAt! || state.order.indexOf(a.id) - state.order.indexOf(b.id));
}

export const COLLECTION_TRANSITIONS: Readonly<Record<CollectionPhase, readonly CollectionPhase[]>> = {
  lobby: ['collecting'],
  collecting: ['closed'],
  closed: ['collecting', 'finalised'],
  finalised: [],
};

/** The rules as the server's room drives them (server/activities/loggedRoom.ts). */
export const COLLECTION_RULES: ActivityRules<CollectionState, CollectionOp, CollectionContext> = {
  replay: replayCollection,
  appliedBefore,
  refusal: collectionRefusal,
  apply: applyCollectionOp,
};
