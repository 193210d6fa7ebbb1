/**
 * Project selection, the pure rules (SPEC SE-1 … SE-10): ideas, votes with
 * points or dots and their limits, overrides and profiles. The server checks
 * with `selectionRefusal`, stores the operation, then applies it with
 * `applySelectionOp`; loading replays the log from the ideas the step was
 * created with.
 */
import type { ErrorCode } from '../../protocol.js';
import { opKey, type ActivityRules, type ActorKey } from '../log.js';
import { SELECTION_LIMITS, type ProfileStatus, type SelectionConfig, type SelectionIdea, type SelectionPhase, type VoteMode } from './schemas.js';

interface OpBase {
  actor: ActorKey;
  opId: string;
  at: number;
}

export type IdeaFields = Partial<Omit<SelectionIdea, 'id' | 'themeId' | 'sourceWorkshopId'>>;

export type SelectionOp =
  | (OpBase & { type: 'put'; ideaId: string; isNew: boolean; fields: IdeaFields })
  | (OpBase & { type: 'open'; voteId: string; mode: VoteMode; allowance: number; maxPerIdea: number; unit: 'organisation' | 'person' })
  | (OpBase & { type: 'close'; voteId: string })
  | (OpBase & { type: 'reveal'; voteId: string; revealed: boolean })
  /** `voter`: the voting unit whose allowance it is — `o:<organisation id>` or the participant's actor key (SE-5). */
  | (OpBase & { type: 'points'; voteId: string; ideaId: string; points: number; voter: string; organisationId: string })
  | (OpBase & { type: 'override'; ideaId: string; decision: 'include' | 'exclude' | null; reason: string | null })
  | (OpBase & { type: 'profile'; ideaId: string; goal?: string | undefined; timeline?: string | undefined; status?: ProfileStatus | undefined });

export interface Vote {
  id: string;
  /** 1, 2, … in the order they were opened. */
  number: number;
  mode: VoteMode;
  allowance: number;
  maxPerIdea: number;
  unit: 'organisation' | 'person';
  openedAt: number;
  closedAt: number | null;
  revealed: boolean;
  /** Voting unit → idea → points (only ideas with points). */
  ballots: Map<string, Map<string, number>>;
  /** Voting unit → its organisation. */
  organisations: Map<string, string>;
}

export interface Override {
  decision: 'include' | 'exclude';
  reason: string;
  at: number;
  actor: ActorKey;
}

export interface Profile {
  goal: string;
  timeline: string;
  status: ProfileStatus;
  updatedAt: number | null;
}

export interface SelectionState {
  ideas: Map<string, SelectionIdea>;
  /** Idea ids in the order they came (the profiles' numbering, SE-9: not a ranking). */
  order: string[];
  votes: Map<string, Vote>;
  voteOrder: string[];
  /** The vote that is open (at most one, SE-3). */
  open: string | null;
  overrides: Map<string, Override>;
  profiles: Map<string, Profile>;
  applied: Map<string, SelectionOp>;
}

export function emptySelection(config?: Pick<SelectionConfig, 'ideas'>): SelectionState {
  const state: SelectionState = { ideas: new Map(), order: [], votes: new Map(), voteOrder: [], open: null, overrides: new Map(), profiles: new Map(), applied: new Map() };
  for (const idea of config?.ideas ?? []) {
    state.ideas.set(idea.id, { ...idea });
    state.order.push(idea.id);
  }
  return state;
}

export function appliedSelectionOp(state: SelectionState, actor: ActorKey, opId: string): SelectionOp | undefined {
  return state.applied.get(opKey(actor, opId));
}

/** Points a voting unit has given in a vote. */
export function used(vote: Vote, voter: string): number {
  let sum = 0;
  for (const p of vote.ballots.get(voter)?.values() ?? []) sum += p;
  return sum;
}

export interface SelectionContext {
  phase: SelectionPhase;
  organisationIds: readonly string[];
  /** The budget, if set: a cost is at most ten times it (SE-2). */
  budget: number | null;
}

/** SE-2: a cost in the budget's order of magnitude — at most ten times the budget — catches a mistyped amount. */
export const COST_FACTOR = 10;

/** Why an operation is refused now, or null (SE-2 … SE-9). Nothing is half-applied: a refused operation changes nothing. */
export function selectionRefusal(state: SelectionState, op: SelectionOp, ctx: SelectionContext): ErrorCode | null {
  if (ctx.phase === 'finalised') return 'FINALISED';
  switch (op.type) {
    case 'put': {
      if (op.isNew ? state.ideas.has(op.ideaId) : !state.ideas.has(op.ideaId)) return op.isNew ? 'BAD_REQUEST' : 'UNKNOWN_IDEA';
      if (op.isNew && !op.fields.title) return 'BAD_REQUEST';
      if (op.isNew && state.order.length >= SELECTION_LIMITS.ideas) return 'LIMIT_REACHED';
      const lead = op.fields.leadOrganisationId;
      if (lead !== undefined && lead !== null && !ctx.organisationIds.includes(lead)) return 'UNKNOWN_ORGANISATION';
      const cost = op.fields.cost;
      return cost !== undefined && cost !== null && ctx.budget !== null && ctx.budget > 0 && cost > COST_FACTOR * ctx.budget ? 'COST_OUT_OF_RANGE' : null;
    }
    case 'open':
      if (ctx.phase !== 'running') return 'WRONG_PHASE';
      if (state.open !== null) return 'VOTE_OPEN';
      if (state.votes.has(op.voteId)) return 'BAD_REQUEST';
      return state.voteOrder.length >= SELECTION_LIMITS.votes ? 'LIMIT_REACHED' : null;
    case 'close':
      return state.open === op.voteId ? null : 'VOTE_CLOSED';
    case 'reveal': {
      if (!state.votes.has(op.voteId)) return 'VOTE_CLOSED';
      return state.open === op.voteId ? 'VOTE_OPEN' : null;
    }
    case 'points': {
      if (ctx.phase !== 'running') return 'WRONG_PHASE';
      const vote = state.votes.get(op.voteId);
      if (!vote || state.open !== op.voteId) return 'VOTE_CLOSED';
      if (!state.ideas.has(op.ideaId)) return 'UNKNOWN_IDEA';
      if (op.points > vote.maxPerIdea) return 'POINTS_PER_IDEA';
      const before = vote.ballots.get(op.voter)?.get(op.ideaId) ?? 0;
      return used(vote, op.voter) - before + op.points > vote.allowance ? 'POINTS_EXCEEDED' : null;
    }
    case 'override':
    case 'profile':
      return state.ideas.has(op.ideaId) ? null : 'UNKNOWN_IDEA';
  }
}

const DEFAULT_PROFILE: Profile = { goal: '', timeline: '', status: 'proposed', updatedAt: null };

/** Apply an accepted operation (mutates `state`); an opId applied before changes nothing. */
export function applySelectionOp(state: SelectionState, op: SelectionOp): void {
  const key = opKey(op.actor, op.opId);
  if (state.applied.has(key)) return;
  state.applied.set(key, op);
  switch (op.type) {
    case 'put': {
      const defined = Object.fromEntries(Object.entries(op.fields).filter(([, v]) => v !== undefined)) as IdeaFields;
      const existing = state.ideas.get(op.ideaId);
      if (existing) {
        state.ideas.set(op.ideaId, { ...existing, ...defined });
      } else if (op.isNew) {
        state.ideas.set(op.ideaId, { id: op.ideaId, title: '', description: null, themeId: null, themeName: '', sourceWorkshopId: null, leadOrganisationId: null, partners: '', cost: null, ...defined });
        state.order.push(op.ideaId);
      }
      return;
    }
    case 'open':
      if (state.votes.has(op.voteId)) return;
      state.votes.set(op.voteId, {
        id: op.voteId,
        number: state.voteOrder.length + 1,
        mode: op.mode,
        allowance: op.allowance,
        maxPerIdea: op.maxPerIdea,
        unit: op.unit,
        openedAt: op.at,
        closedAt: null,
        revealed: false,
        ballots: new Map(),
        organisations: new Map(),
      });
      state.voteOrder.push(op.voteId);
      state.open = op.voteId;
      return;
    case 'close': {
      const vote = state.votes.get(op.voteId);
      if (vote && vote.closedAt === null) vote.closedAt = op.at;
      if (state.open === op.voteId) state.open = null;
      return;
    }
    case 'reveal': {
      const vote = state.votes.get(op.voteId);
      if (vote) vote.revealed = op.revealed;
      return;
    }
    case 'points': {
      const vote = state.votes.get(op.voteId);
      if (!vote || vote.closedAt !== null) return;
      let ballot = vote.ballots.get(op.voter);
      if (!ballot) vote.ballots.set(op.voter, (ballot = new Map()));
      if (op.points === 0) ballot.delete(op.ideaId);
      else ballot.set(op.ideaId, op.points);
      vote.organisations.set(op.voter, op.organisationId);
      return;
    }
    case 'override':
      if (op.decision === null) state.overrides.delete(op.ideaId);
      else state.overrides.set(op.ideaId, { decision: op.decision, reason: op.reason ?? '', at: op.at, actor: op.actor });
      return;
    case 'profile': {
      const before = state.profiles.get(op.ideaId) ?? DEFAULT_PROFILE;
      state.profiles.set(op.ideaId, {
        goal: op.goal ?? before.goal,
        timeline: op.timeline ?? before.timeline,
        status: op.status ?? before.status,
        updatedAt: op.at,
      });
      return;
    }
  }
}

export function profileOf(state: SelectionState, ideaId: string): Profile {
  return state.profiles.get(ideaId) ?? DEFAULT_PROFILE;
}

export function replaySelection(log: readonly SelectionOp[], config?: Pick<SelectionConfig, 'ideas'>): SelectionState {
  const state = emptySelection(config);
  for (const op of log) applySelectionOp(state, op);
  return state;
}

export const SELECTION_TRANSITIONS: Readonly<Record<SelectionPhase, readonly SelectionPhase[]>> = {
  lobby: ['running'],
  running: ['finalised'],
  finalised: [],
};

export const SELECTION_OPS: ActivityRules<SelectionState, SelectionOp, SelectionContext> = {
  replay: (log, config) => replaySelection(log, config as Pick<SelectionConfig, 'ideas'>),
  appliedBefore: appliedSelectionOp,
  refusal: selectionRefusal,
  apply: applySelectionOp,
};

/** The voting unit points count for (SE-5). */
export const pointsVoterOf = (unit: 'organisation' | 'person', organisationId: string, participant: ActorKey): string =>
  unit === 'organisation' ? `o:${organisationId}` : participant;
