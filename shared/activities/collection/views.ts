/**
 * What each screen of a theme collection sees (SPEC TC-6, TC-10): the
 * facilitator everything with origins and supports; the projector the accepted
 * themes; participants the board they may support and what became of proposals.
 * Supporters are never named: only counted.
 */
import type { IdeaDetails } from '../deepdive/schemas.js';
import type { ActivityView } from '../log.js';
import type { CollectionConfig, CollectionPhase, ProposalStatus } from './schemas.js';
import { acceptedProposals, type CollectionState, type Origin, type Proposal } from './rules.js';

export type CollectionView = ActivityView<CollectionConfig, CollectionPhase>;

export interface ProposalView {
  id: string;
  title: string;
  description: string | null;
  /** A deep-dive's project idea details (DD-3); null in a theme collection. */
  idea: IdeaDetails | null;
  status: ProposalStatus;
  mergedInto: string | null;
  supports: number;
  createdAt: number;
}

export interface FacilitatorProposalView extends ProposalView {
  origins: Origin[];
  /** Proposed by the facilitator (not from a tablet). */
  byFacilitator: boolean;
}

export interface AcceptedTheme {
  id: string;
  title: string;
  description: string | null;
  /** A deep-dive's accepted idea's details (DD-3). */
  idea: IdeaDetails | null;
}

export interface CollectionFacilitatorState {
  role: 'facilitator';
  activity: 'collection';
  workshop: CollectionView;
  /** Every proposal, in the order they came. */
  proposals: FacilitatorProposalView[];
  participants: number;
}

export interface CollectionProjectorState {
  role: 'projector';
  activity: 'collection';
  workshop: CollectionView;
  accepted: AcceptedTheme[];
  /** Proposals not merged away, and participants joined. */
  counts: { proposals: number; participants: number };
}

export interface CollectionParticipantState {
  role: 'participant';
  activity: 'collection';
  workshop: CollectionView;
  accepted: AcceptedTheme[];
  /** Open and accepted proposals, while supporting is allowed; null otherwise (TC-5). */
  board: ProposalView[] | null;
  /** Merged proposals and where they went, so that a tablet finds its own (TC-7). */
  merged: Record<string, string>;
  rejected: string[];
}

export type CollectionRoleState = CollectionFacilitatorState | CollectionProjectorState | CollectionParticipantState;

/** A participant's own proposal, as its tablet shows it. */
export interface OwnProposal {
  id: string;
  opId: string;
  title: string;
  description: string | null;
  idea: IdeaDetails | null;
  status: ProposalStatus;
  mergedInto: string | null;
}

function view(p: Proposal): ProposalView {
  return { id: p.id, title: p.title, description: p.description, idea: p.idea, status: p.status, mergedInto: p.mergedInto, supports: p.supporters.size, createdAt: p.createdAt };
}

const theme = (p: Proposal): AcceptedTheme => ({ id: p.id, title: p.title, description: p.description, idea: p.idea });

const inOrder = (state: CollectionState) => state.order.map((id) => state.proposals.get(id)!);

export function facilitatorCollectionState(workshop: CollectionView, state: CollectionState, participants: number): CollectionFacilitatorState {
  const proposals = inOrder(state).map((p) => ({ ...view(p), origins: p.origins.map((o) => ({ ...o })), byFacilitator: p.submittedBy.startsWith('f:') }));
  return { role: 'facilitator', activity: 'collection', workshop, proposals, participants };
}

export function projectorCollectionState(workshop: CollectionView, state: CollectionState, participants: number): CollectionProjectorState {
  const proposals = inOrder(state).filter((p) => p.status !== 'merged').length;
  return { role: 'projector', activity: 'collection', workshop, accepted: acceptedProposals(state).map(theme), counts: { proposals, participants } };
}

export function participantCollectionState(workshop: CollectionView, state: CollectionState): CollectionParticipantState {
  const all = inOrder(state);
  const boardOpen = workshop.config.supportAllowed && workshop.phase !== 'lobby';
  return {
    role: 'participant',
    activity: 'collection',
    workshop,
    accepted: acceptedProposals(state).map(theme),
    board: boardOpen ? all.filter((p) => p.status === 'open' || p.status === 'accepted').map(view) : null,
    merged: Object.fromEntries(all.filter((p) => p.mergedInto).map((p) => [p.id, p.mergedInto!])),
    rejected: all.filter((p) => p.status === 'rejected').map((p) => p.id),
  };
}

/** TC-4: a participant's own proposals, for its tablet after a reload. */
export function ownProposals(state: CollectionState, actor: string): OwnProposal[] {
  const own: OwnProposal[] = [];
  for (const op of state.applied.values()) {
    if (op.type !== 'submit' || op.actor !== actor) continue;
    const p = state.proposals.get(op.proposalId)!;
    own.push({ id: p.id, opId: op.opId, title: p.title, description: p.description, idea: p.idea, status: p.status, mergedInto: p.mergedInto });
  }
  return own;
}

/** The ids of the proposals this participant supports (TC-5). */
export function ownSupports(state: CollectionState, actor: string): string[] {
  return [...state.proposals.values()].filter((p) => p.supporters.has(actor)).map((p) => p.id);
}
