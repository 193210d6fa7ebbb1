/**
 * What a project selection's exports say (SPEC SE-10), built from the rooms'
 * state on the main thread and handed to the render worker: plain data with
 * names resolved and reasons in German, so that the workbook and the PDF
 * cannot disagree. Pure: time comes in as an argument.
 *
 * Names: the vote sheet names organisations (the facilitator's working file,
 * SE-10); persons are "Person 1, 2, …" and never named. The PDF, a paper for
 * a council, names no voting unit: consent reasons appear as the room saw
 * them (VI-8) and Equal Shares reasons without who paid.
 */
import { currentVersion, statementStatus, tally, type Tally, type VisionState } from '../../../shared/activities/vision/rules.js';
import type { VisionConfig } from '../../../shared/activities/vision/schemas.js';
import type { SelectionState, Vote } from '../../../shared/activities/selection/rules.js';
import type { SelectionConfig, SelectionPhase, SelectionRule } from '../../../shared/activities/selection/schemas.js';
import { budgetOf, profilesOf } from '../../../shared/activities/selection/views.js';
import { germanEuro, sel } from './strings.js';

export interface RuleOutcome {
  selected: boolean;
  reason: string;
}

export interface ExportIdea {
  title: string;
  themeName: string;
  cost: number | null;
  lead: string | null;
  partners: string;
  /** Points per voting unit, in the order of `vote.units`. */
  points: number[];
  total: number;
  /** null without a budget or a vote (SE-6). */
  greedy: RuleOutcome | null;
  equalShares: RuleOutcome | null;
  /** Equal Shares' reason with who paid, for the workbook. */
  equalSharesNamed: string | null;
  override: { decision: string; reason: string } | null;
  inSelection: boolean;
}

export interface ExportProfile {
  number: number;
  title: string;
  description: string | null;
  themeName: string;
  goal: string;
  lead: string | null;
  partners: string;
  cost: number | null;
  timeline: string;
  status: string;
}

export interface ExportRound {
  round: number;
  version: number;
  versionTitle: string;
  openedAt: number;
  closedAt: number | null;
  tally: Tally;
  /** Concerns with a note and objections, without names (VI-8). */
  reasons: { answer: string; text: string }[];
}

export interface ExportStatement {
  label: string;
  title: string;
  text: string;
  version: number;
  status: string;
  adopted: boolean;
  rounds: ExportRound[];
}

export interface ExportVision {
  title: string;
  date: string | null;
  status: string;
  statements: ExportStatement[];
}

export interface SelectionExport {
  processTitle: string | null;
  title: string;
  date: string | null;
  status: string;
  finalisedAt: number | null;
  generatedAt: number;
  budget: number | null;
  rule: SelectionRule;
  vote: { number: number; label: string; openedAt: number; closedAt: number | null; units: string[] } | null;
  ideas: ExportIdea[];
  spent: number | null;
  left: number | null;
  profiles: ExportProfile[];
  visions: ExportVision[];
}

export interface SelectionSource {
  config: SelectionConfig;
  phase: SelectionPhase;
  finalisedAt: number | null;
  state: SelectionState;
}

export interface VisionSource {
  config: VisionConfig;
  phase: string;
  finalisedAt: number | null;
  state: VisionState;
}

/** The vote the budget counts, as on the console: the latest (SE-6). */
function latestVote(state: SelectionState): Vote | undefined {
  const id = state.voteOrder.at(-1);
  return id ? state.votes.get(id) : undefined;
}

/** Voting units with at least one point (BU-1): organisations in the roster's order, persons in the order they first voted. */
function unitsOf(vote: Vote, config: SelectionConfig): { key: string; label: string }[] {
  const voted = [...vote.ballots].filter(([, ballot]) => ballot.size > 0).map(([key]) => key);
  if (vote.unit === 'person') return voted.map((key, i) => ({ key, label: sel.person(i + 1) }));
  const names = new Map<string, string>(config.organisations.map((o) => [`o:${o.id}`, o.name]));
  const order = [...names.keys()];
  return voted
    .sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity))
    .map((key) => ({ key, label: names.get(key) ?? key.replace(/^o:/, '') }));
}

export function selectionExportOf(selection: SelectionSource, visions: readonly VisionSource[], processTitle: string | null, now: number): SelectionExport {
  const { config, state } = selection;
  const organisation = new Map(config.organisations.map((o) => [o.id, o.name] as const));
  const leadOf = (id: string | null) => (id === null ? null : (organisation.get(id) ?? id));
  const vote = latestVote(state);
  const budget = vote ? budgetOf(state, config, vote) : null;
  const units = vote ? unitsOf(vote, config) : [];
  const label = new Map(units.map((u) => [u.key, u.label] as const));
  const selected = new Set(budget?.selected ?? []);

  const ideas = state.order.map((id): ExportIdea => {
    const idea = state.ideas.get(id)!;
    const points = units.map((u) => vote!.ballots.get(u.key)?.get(id) ?? 0);
    const greedy = budget?.greedy.ideas[id];
    const shares = budget?.equalShares.ideas[id];
    const withoutCost = budget !== null && idea.cost === null;
    const payers =
      shares?.reason.code === 'selected'
        ? Object.entries(shares.reason.payments)
            .map(([voter, paid]) => `${label.get(voter) ?? voter}: ${germanEuro(paid)}`)
            .join(', ')
        : undefined;
    const override = state.overrides.get(id);
    return {
      title: idea.title,
      themeName: idea.themeName,
      cost: idea.cost,
      lead: leadOf(idea.leadOrganisationId),
      partners: idea.partners,
      points,
      total: points.reduce((a, b) => a + b, 0),
      greedy: greedy ? { selected: greedy.selected, reason: sel.greedy(greedy.reason) } : withoutCost ? { selected: false, reason: sel.withoutCost } : null,
      equalShares: shares ? { selected: shares.selected, reason: sel.equalShares(shares.reason) } : withoutCost ? { selected: false, reason: sel.withoutCost } : null,
      equalSharesNamed: shares ? sel.equalShares(shares.reason, payers) : withoutCost ? sel.withoutCost : null,
      override: override ? { decision: sel.override[override.decision], reason: override.reason } : null,
      inSelection: selected.has(id),
    };
  });

  const profiles = profilesOf(state, budget?.selected ?? []).map((p): ExportProfile => ({
    number: p.number,
    title: p.title,
    description: p.description,
    themeName: p.themeName,
    goal: p.goal,
    lead: leadOf(p.leadOrganisationId),
    partners: p.partners,
    cost: p.cost,
    timeline: p.timeline,
    status: sel.status[p.status],
  }));

  return {
    processTitle,
    title: config.title,
    date: config.date,
    status: sel.stepStatus(selection.finalisedAt),
    finalisedAt: selection.finalisedAt,
    generatedAt: now,
    budget: config.budget,
    rule: config.rule,
    vote: vote ? { number: vote.number, label: sel.vote(vote.mode, vote.allowance, vote.unit), openedAt: vote.openedAt, closedAt: vote.closedAt, units: units.map((u) => u.label) } : null,
    ideas,
    spent: budget?.spent ?? null,
    left: budget?.left ?? null,
    profiles,
    visions: visions.map(visionOf),
  };
}

/** VI-9: each statement's current version and status, and every consent round with its version, times, tally and reasons. */
function visionOf(vision: VisionSource): ExportVision {
  const themes = new Map(vision.config.themes.map((t) => [t.themeId, t.name] as const));
  const statements = vision.state.order
    .map((id) => vision.state.statements.get(id)!)
    .filter((s) => !s.withdrawn || s.rounds.length > 0)
    .map((s): ExportStatement => {
      const current = currentVersion(s);
      const status = statementStatus(s);
      return {
        label: sel.statementKind(s.kind, s.themeId === null ? null : (themes.get(s.themeId) ?? null)),
        title: current.title,
        text: current.text,
        version: current.version,
        status: sel.statementStatus[status],
        adopted: status === 'adopted',
        rounds: s.rounds.map((r) => ({
          round: r.round,
          version: r.version,
          versionTitle: s.versions[r.version - 1]?.title ?? current.title,
          openedAt: r.openedAt,
          closedAt: r.closedAt,
          tally: tally(r),
          reasons: [...r.answers.values()]
            .filter((a) => a.answer !== 'consent' && a.text)
            .sort((a, b) => (a.answer === b.answer ? a.at - b.at : a.answer === 'objection' ? -1 : 1))
            .map((a) => ({ answer: sel.answer[a.answer], text: a.text! })),
        })),
      };
    });
  return { title: vision.config.title, date: vision.config.date, status: sel.stepStatus(vision.finalisedAt), statements };
}
