/**
 * Consolidation (SPEC C-1 … C-5): the computed tiers only propose; in the
 * consolidation the facilitator moves themes between tiers, each move with a
 * reason. The trail of decisions is kept whole; the decided tier of a theme is
 * the target of its latest decision, otherwise its computed tier.
 */
import type { Results } from './results.js';
import { TIERS, type Tier } from './tiering.js';

export interface Decision {
  /** 1, 2, 3 … per workshop, in the order the decisions were taken. */
  seq: number;
  themeId: string;
  /** The theme's decided tier before this move (null: it had none, e.g. too few data). */
  from: Tier | null;
  to: Tier;
  /** The computed tier when the decision was taken. */
  computed: Tier | null;
  reason: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** Who took it (SPEC AC-9): a facilitator's account, or a co-facilitation link (accountId null). Absent in decisions from before accounts. */
  by?: { accountId: string | null; name: string };
}

export interface ConsolidatedTheme {
  themeId: string;
  /** The tier the rule computes now. */
  computed: Tier | null;
  /** The tier decided in the consolidation; the computed one when nobody moved the theme. */
  tier: Tier | null;
  /** C-3: the decided tier differs from the computed one. */
  moved: boolean;
  /** The reason of the latest decision on this theme, if any. */
  reason: string | null;
}

export interface Consolidation {
  /** Priority I before II before III, then themes without a tier; within a tier in the computed ranking. */
  themes: ConsolidatedTheme[];
  /** Every decision, oldest first (the audit trail). */
  trail: Decision[];
}

export function consolidate(results: Results, trail: readonly Decision[]): Consolidation {
  const latest = new Map<string, Decision>();
  for (const decision of trail) latest.set(decision.themeId, decision);
  const computed = new Map(results.themes.map((t) => [t.themeId, t.tier] as const));
  const themes = results.ranking.map((themeId): ConsolidatedTheme => {
    const decision = latest.get(themeId);
    const proposal = computed.get(themeId) ?? null;
    const tier = decision ? decision.to : proposal;
    return { themeId, computed: proposal, tier, moved: tier !== proposal, reason: decision?.reason ?? null };
  });
  const rank = (tier: Tier | null) => (tier === null ? TIERS.length : TIERS.indexOf(tier));
  // A stable sort keeps the computed ranking within each tier.
  themes.sort((a, b) => rank(a.tier) - rank(b.tier));
  return { themes, trail: [...trail] };
}

/** The decided tier of one theme (C-2). */
export function decidedTier(consolidation: Consolidation, themeId: string): Tier | null {
  return consolidation.themes.find((t) => t.themeId === themeId)?.tier ?? null;
}

/** Theme ids per decided tier, for "Priorität I: Verwaltung, Bildung". */
export function themesByTier(consolidation: Consolidation): Record<Tier | 'none', string[]> {
  const groups: Record<Tier | 'none', string[]> = { I: [], II: [], III: [], none: [] };
  for (const theme of consolidation.themes) groups[theme.tier ?? 'none'].push(theme.themeId);
  return groups;
}
