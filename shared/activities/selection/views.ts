/**
 * What each screen of a project selection sees (SPEC SE-5 … SE-10): the ideas;
 * the votes with their totals — live for the facilitator, for the projector
 * and tablets once revealed (SE-5); the budget with both rules side by side,
 * the overrides and the resulting selection (SE-6 … SE-8); the profiles of the
 * selected ideas, numbered in the ideas' order, which is not a ranking (SE-9).
 */
import { equalSharesSelection, greedySelection, type EqualSharesResult, type GreedyResult } from '../../domain/budget.js';
import type { ActivityView } from '../log.js';
import { profileOf, type Override, type SelectionState, type Vote } from './rules.js';
import type { ProfileStatus, SelectionConfig, SelectionIdea, SelectionPhase, SelectionRule, VoteMode } from './schemas.js';

export type SelectionView = ActivityView<SelectionConfig, SelectionPhase>;

/** The workshop row as pushed: without the ideas it was created with (the current ones are `ideas`). */
export type SelectionWorkshop = ActivityView<Omit<SelectionConfig, 'ideas'>, SelectionPhase>;

export interface VoteView {
  id: string;
  number: number;
  mode: VoteMode;
  allowance: number;
  maxPerIdea: number;
  unit: 'organisation' | 'person';
  open: boolean;
  revealed: boolean;
  openedAt: number;
  closedAt: number | null;
  /** Voting units that gave at least one point. */
  voters: number;
  /** Idea → points; null where not (yet) visible (SE-5). */
  totals: Record<string, number> | null;
}

export interface OverrideView extends Override {
  ideaId: string;
}

export interface BudgetView {
  budget: number;
  /** The vote the budget counts (SE-6). */
  voteId: string;
  rule: SelectionRule;
  greedy: GreedyResult;
  equalShares: EqualSharesResult;
  /** Ideas without a cost take no part (SE-6). */
  withoutCost: string[];
  overrides: OverrideView[];
  /** The rule's selection with the overrides applied, in the ideas' order (SE-8). */
  selected: string[];
  spent: number;
  /** Negative when overrides spend more than the budget. */
  left: number;
}

export interface ProfileView {
  /** 1, 2, 3 … in the ideas' order: not a ranking (SE-9). */
  number: number;
  ideaId: string;
  title: string;
  description: string | null;
  themeName: string;
  leadOrganisationId: string | null;
  partners: string;
  cost: number | null;
  goal: string;
  timeline: string;
  status: ProfileStatus;
}

interface Common {
  activity: 'selection';
  workshop: SelectionWorkshop;
  ideas: SelectionIdea[];
  votes: VoteView[];
  /** The open vote's id. */
  open: string | null;
  /** null without a budget, or without a vote the audience may see. */
  budget: BudgetView | null;
  profiles: ProfileView[];
}

export interface SelectionFacilitatorState extends Common {
  role: 'facilitator';
  participants: number;
}

export interface SelectionProjectorState extends Common {
  role: 'projector';
  participants: number;
}

export interface SelectionParticipantState extends Common {
  role: 'participant';
  /** Organisation mode: the organisation's points in the open vote (any of its representatives may change them, SE-5). */
  allocation: Record<string, number> | null;
}

export type SelectionRoleState = SelectionFacilitatorState | SelectionProjectorState | SelectionParticipantState;

function totalsOf(vote: Vote): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ballot of vote.ballots.values()) for (const [idea, p] of ballot) totals[idea] = (totals[idea] ?? 0) + p;
  return totals;
}

function voteView(vote: Vote, live: boolean): VoteView {
  const voters = [...vote.ballots.values()].filter((b) => b.size > 0).length;
  const { id, number, mode, allowance, maxPerIdea, unit, openedAt, closedAt, revealed } = vote;
  return { id, number, mode, allowance, maxPerIdea, unit, open: closedAt === null, revealed, openedAt, closedAt, voters, totals: live || revealed ? totalsOf(vote) : null };
}

/**
 * The budget of a vote, computed once per state of the selection: pushes to
 * the console (every 20 ms), the projector and each organisation's tablets
 * reuse it until an operation or a configuration change.
 */
const budgets = new WeakMap<SelectionState, Map<string, BudgetView | null>>();

function cachedBudget(state: SelectionState, config: SelectionConfig, vote: Vote, revision: number): BudgetView | null {
  const key = `${state.applied.size}:${revision}:${vote.id}`;
  let cache = budgets.get(state);
  if (!cache) budgets.set(state, (cache = new Map()));
  if (!cache.has(key)) {
    // Only the current entries are kept (one per vote counted: the console's and the revealed one).
    for (const old of cache.keys()) if (!old.startsWith(`${state.applied.size}:${revision}:`)) cache.delete(old);
    cache.set(key, budgetOf(state, config, vote));
  }
  return cache.get(key)!;
}

/**
 * SE-5: the projector and the tablets see both rules' outcomes and reasons,
 * but not which voting unit paid what nor who overrode: named payments and
 * shares would show which organisation backed which idea.
 */
function withoutVoters(budget: BudgetView): BudgetView {
  const ideas = Object.fromEntries(
    Object.entries(budget.equalShares.ideas).map(([id, outcome]) => {
      if (outcome.reason.code !== 'selected') return [id, outcome];
      // How many paid and how much, largest first, under neutral keys: not who.
      const amounts = Object.values(outcome.reason.payments).sort((a, b) => b - a);
      return [id, { ...outcome, reason: { ...outcome.reason, payments: Object.fromEntries(amounts.map((amount, i) => [String(i + 1), amount])) } }];
    }),
  );
  return {
    ...budget,
    equalShares: { ...budget.equalShares, ideas, shares: {} },
    overrides: budget.overrides.map((o) => ({ ...o, actor: '' })),
  };
}

/** SE-6 … SE-8: both rules on the counted vote, the overrides, and the selection. */
export function budgetOf(state: SelectionState, config: SelectionConfig, vote: Vote): BudgetView | null {
  if (config.budget === null) return null;
  const ideas = state.order.map((id) => state.ideas.get(id)!);
  const costed = ideas.filter((i) => i.cost !== null).map((i) => ({ id: i.id, cost: i.cost! }));
  const ballots = [...vote.ballots].map(([voterId, points]) => ({ voterId, points: Object.fromEntries(points) }));
  const greedy = greedySelection(config.budget, costed, ballots);
  const equalShares = equalSharesSelection(config.budget, costed, ballots);
  const chosen = new Set((config.rule === 'greedy' ? greedy : equalShares).selected);
  for (const [ideaId, o] of state.overrides) {
    if (o.decision === 'include') chosen.add(ideaId);
    else chosen.delete(ideaId);
  }
  const selected = state.order.filter((id) => chosen.has(id));
  const spent = Math.round(selected.reduce((sum, id) => sum + (state.ideas.get(id)!.cost ?? 0), 0) * 100) / 100;
  return {
    budget: config.budget,
    voteId: vote.id,
    rule: config.rule,
    greedy,
    equalShares,
    withoutCost: ideas.filter((i) => i.cost === null).map((i) => i.id),
    overrides: [...state.overrides].map(([ideaId, o]) => ({ ideaId, ...o })),
    selected,
    spent,
    left: Math.round((config.budget - spent) * 100) / 100,
  };
}

/** SE-9: the profiles of the selected ideas, numbered in the ideas' order. */
export function profilesOf(state: SelectionState, selected: readonly string[]): ProfileView[] {
  return selected.map((ideaId, index) => {
    const idea = state.ideas.get(ideaId)!;
    const profile = profileOf(state, ideaId);
    return {
      number: index + 1,
      ideaId,
      title: idea.title,
      description: idea.description,
      themeName: idea.themeName,
      leadOrganisationId: idea.leadOrganisationId,
      partners: idea.partners,
      cost: idea.cost,
      goal: profile.goal,
      timeline: profile.timeline,
      status: profile.status,
    };
  });
}

/** The vote the budget counts: for the facilitator the latest; for everyone else the latest revealed (SE-5, SE-6). */
function countedVote(state: SelectionState, live: boolean): Vote | undefined {
  for (let i = state.voteOrder.length - 1; i >= 0; i--) {
    const vote = state.votes.get(state.voteOrder[i]!)!;
    if (live || vote.revealed) return vote;
  }
  return undefined;
}

function common(view: SelectionView, state: SelectionState, live: boolean): Common {
  const vote = countedVote(state, live);
  const full = vote ? cachedBudget(state, view.config, vote, view.revision) : null;
  const budget = full && !live ? withoutVoters(full) : full;
  const { ideas: _created, ...config } = view.config;
  return {
    activity: 'selection',
    workshop: { ...view, config },
    ideas: state.order.map((id) => ({ ...state.ideas.get(id)! })),
    votes: state.voteOrder.map((id) => voteView(state.votes.get(id)!, live)),
    open: state.open,
    budget,
    profiles: budget ? profilesOf(state, budget.selected) : [],
  };
}

export function facilitatorSelectionState(workshop: SelectionView, state: SelectionState, participants: number): SelectionFacilitatorState {
  return { role: 'facilitator', ...common(workshop, state, true), participants };
}

export function projectorSelectionState(workshop: SelectionView, state: SelectionState, participants: number): SelectionProjectorState {
  return { role: 'projector', ...common(workshop, state, false), participants };
}

export function participantSelectionState(workshop: SelectionView, state: SelectionState, organisationId: string | null): SelectionParticipantState {
  const open = state.open ? state.votes.get(state.open) : undefined;
  const allocation = open && open.unit === 'organisation' && organisationId ? unitAllocation(open, `o:${organisationId}`) : null;
  return { role: 'participant', ...common(workshop, state, false), allocation };
}

/** A voting unit's points in a vote, by idea. */
export function unitAllocation(vote: Vote, voter: string): Record<string, number> {
  return Object.fromEntries(vote.ballots.get(voter) ?? []);
}
