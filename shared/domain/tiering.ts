/**
 * The tier rules (SPEC T-1 … T-7): a weighted combined score of the criterion
 * means, each normalised to the scale, cut at two thresholds (the default) or
 * at the two largest gaps between the ranked scores (natural breaks, T-7).
 * A rule only proposes a tier; people decide in the consolidation.
 */
import type { Scale, TierRule } from '../schemas.js';
import { naturalBreakTiers } from './naturalBreaks.js';
import type { CriterionStats } from './statistics.js';

export const TIERS = ['I', 'II', 'III'] as const;
export type Tier = (typeof TIERS)[number];

/** Parameters of the default rule: Priority I from 3,8 and II from 3,0 on a 1–5 scale. */
export const DEFAULT_TIER_RULE: TierRule = {
  method: 'threshold',
  weights: {},
  priorityI: 0.7,
  priorityII: 0.5,
  minOrganisations: 3,
  discussSpread: 0.25,
};

/** Thresholds are inclusive; this absorbs floating-point noise at the boundary (T-3). */
const EPSILON = 1e-9;

export interface TierProposal {
  /** Combined score, 0 (everything at the scale minimum) … 1 (everything at the maximum). */
  score: number | null;
  tier: Tier | null;
  insufficientData: boolean;
  discuss: boolean;
}

/** T-1: a criterion not named in the rule weighs 1; if all weights are 0, all criteria weigh equally. */
export function criterionWeights(rule: TierRule, criterionIds: readonly string[]): number[] {
  const weights = criterionIds.map((id) => rule.weights[id] ?? 1);
  return weights.some((w) => w > 0) ? weights : weights.map(() => 1);
}

/** Normalise a value on the scale to 0…1. */
export function normalise(value: number, scale: Scale): number {
  return (value - scale.min) / (scale.max - scale.min);
}

export function tierForScore(score: number, rule: TierRule): Tier {
  if (score + EPSILON >= rule.priorityI) return 'I';
  if (score + EPSILON >= rule.priorityII) return 'II';
  return 'III';
}

/**
 * Propose a tier for one theme from its per-criterion statistics (in the
 * workshop's criteria order, `weights` in the same order) by the rule's
 * thresholds. Natural breaks need all themes at once: use `proposeTiers`.
 */
function tierFor(stats: readonly CriterionStats[], weights: readonly number[], scale: Scale, rule: TierRule): TierProposal {
  // Plain loops: this runs for every theme on every push of live results (issue 17).
  const spreadLimit = rule.discussSpread * (scale.max - scale.min);
  let discuss = false;
  let insufficientData = false;
  for (let i = 0; i < stats.length; i++) {
    if (weights[i]! <= 0) continue;
    const s = stats[i]!;
    // T-5: strong disagreement on any counted criterion asks for discussion.
    if (s.sd !== null && s.nPersons > 1 && s.sd + EPSILON >= spreadLimit && spreadLimit > 0) discuss = true;
    // T-4: too few responding organisations on any counted criterion.
    if (s.nOrganisations < rule.minOrganisations || s.mean === null) insufficientData = true;
  }
  if (insufficientData) return { score: null, tier: null, insufficientData, discuss };
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < stats.length; i++) {
    const w = weights[i]!;
    const mean = stats[i]!.mean;
    if (w === 0 || mean === null) continue;
    weighted += w * normalise(mean, scale);
    total += w;
  }
  const score = weighted / total;
  return { score, tier: tierForScore(score, rule), insufficientData, discuss };
}

/** Proposals for all themes (each its criteria's statistics) by the rule's method. */
export function proposeTiers(themes: readonly (readonly CriterionStats[])[], scale: Scale, rule: TierRule): TierProposal[] {
  // Every theme has the workshop's criteria in the same order: their weights once for all.
  const weights = criterionWeights(rule, (themes[0] ?? []).map((s) => s.criterionId));
  const proposals = themes.map((stats) => tierFor(stats, weights, scale, rule));
  if (rule.method !== 'naturalBreaks') return proposals;
  const tiers = naturalBreakTiers(proposals.map((p) => p.score));
  return proposals.map((p, i) => ({ ...p, tier: tiers[i]! }));
}
