/**
 * The natural-breaks tier rule (SPEC T-7): the ranked combined scores are cut
 * where they lie furthest apart, so tiers follow the groups the participants
 * formed rather than fixed thresholds. Many facilitators sort a ranking this
 * way by eye; the rule makes that reading explicit and repeatable.
 *
 * - Only themes with a score take part; a theme with too few data (T-4) stays
 *   without a tier and moves no break.
 * - The gaps between neighbouring ranked scores are the candidates; a gap of
 *   (practically) zero is a tie and never a break, so equal scores share a tier.
 * - The largest gap separates, the second largest too; of the two, the upper
 *   one separates I from II, the lower one II from III.
 * - Equal gaps: the one higher in the ranking is taken first (the smaller
 *   Priority I; the consolidation can move themes up).
 * - With one break only (two distinct scores, e.g. two themes) there is no
 *   Priority III; with none (one theme, or all scores equal) all are Priority I.
 */
import type { Tier } from './tiering.js';

/** Gaps and ties within this distance are floating-point noise, as in T-3. */
const EPSILON = 1e-9;

export interface NaturalBreaks {
  /** Lowest score of Priority I and of Priority II; null where that tier (or the tier below it) is empty. */
  priorityI: number | null;
  priorityII: number | null;
}

/** The breaks of a set of scores (null = no score, ignored); the lowest score of each upper group. */
export function naturalBreaks(scores: readonly (number | null)[]): NaturalBreaks {
  const ranked = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  // gaps[i] lies between ranked[i] and ranked[i + 1].
  const gaps = ranked.slice(1).map((score, i) => ({ at: i, size: ranked[i]! - score }));
  const breaks = gaps
    .filter((g) => g.size > EPSILON)
    // Larger gap first; within noise of each other, the higher position first.
    .sort((a, b) => (Math.abs(a.size - b.size) > EPSILON ? b.size - a.size : a.at - b.at))
    .slice(0, 2)
    .map((g) => g.at)
    .sort((a, b) => a - b);
  return {
    priorityI: breaks.length >= 1 ? ranked[breaks[0]!]! : null,
    priorityII: breaks.length >= 2 ? ranked[breaks[1]!]! : null,
  };
}

/** The tier of each score by natural breaks, in the input's order; null for no score. */
export function naturalBreakTiers(scores: readonly (number | null)[]): (Tier | null)[] {
  const { priorityI, priorityII } = naturalBreaks(scores);
  return scores.map((score) => {
    if (score === null) return null;
    if (priorityI === null || score + EPSILON >= priorityI) return 'I';
    if (priorityII === null || score + EPSILON >= priorityII) return 'II';
    return 'III';
  });
}
