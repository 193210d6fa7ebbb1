/**
 * Round comparison: a process can hold several Quick-Check rounds (Kreis
 * Coesfeld 2019, again in 2021) with the same or changed themes. Per theme it
 * shows how each criterion mean and the decided tier moved (SPEC RC-1 … RC-7).
 * Themes are matched by identity, never by position: a reordered or edited
 * theme list must not pair "Bildung 2019" with "Kultur 2021".
 *
 * RC-1 A later theme matches the earlier theme with the same id. Ids are matched
 *      for all themes first, so a name match never takes an earlier theme that
 *      another theme claims by id.
 * RC-2 A later theme without an id match matches an unmatched earlier theme whose
 *      name is equal after normalisation (NFC, trimmed, whitespace runs collapsed
 *      to one space, case folded with German rules so "Straße" = "STRASSE").
 *      Later themes are taken in the later round's theme order, each takes the
 *      first such earlier theme in the earlier round's theme order.
 * RC-3 Each earlier theme is matched at most once. Unmatched later themes are
 *      "new", unmatched earlier themes "dropped", matched ones "kept" (with
 *      matchedBy 'id' or 'name').
 * RC-4 Criteria are matched the same way (id, then normalised label). A criterion
 *      of one round only has no value in the other round and no delta.
 * RC-5 Before/after are the criterion means (null without scores); delta =
 *      after − before when both exist. When the rounds' scales differ (min or
 *      max), all means are normalised to 0…1 as in T-1, (mean − min)/(max − min),
 *      and the comparison says normalised: true.
 * RC-6 A round's tier is its decided tier (C-3) when its consolidation is given,
 *      otherwise its computed tier. tierChange is 'up' towards Priority I,
 *      'down' towards III, 'same', or null when either tier is missing.
 * RC-7 Kept and new themes come in the later round's ranking, then dropped
 *      themes in the earlier round's ranking.
 */
import type { Scale, WorkshopConfig } from '../schemas.js';
import { decidedTier, type Consolidation } from './consolidation.js';
import type { Results } from './results.js';
import { normalise, TIERS, type Tier } from './tiering.js';

export interface RoundInput {
  config: WorkshopConfig;
  results: Results;
  consolidation: Consolidation | null;
}

export type MatchStatus = 'kept' | 'new' | 'dropped';
export type MatchedBy = 'id' | 'name';
export type TierChange = 'up' | 'down' | 'same';

/** One criterion across both rounds; `criteria` of every theme follows this order. */
export interface CriterionMatch {
  /** The later round's id, or the earlier one's for a criterion only asked then. */
  criterionId: string;
  label: string;
  /** The earlier round's id (differs from criterionId when matched by label); null if new. */
  earlierCriterionId: string | null;
  status: MatchStatus;
  matchedBy: MatchedBy | null;
}

export interface CriterionChange {
  criterionId: string;
  label: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface ThemeComparison {
  /** The later round's id; the earlier one's for a dropped theme. */
  themeId: string;
  name: string;
  /** The earlier round's id (differs from themeId when matched by name); null if new. */
  earlierThemeId: string | null;
  status: MatchStatus;
  matchedBy: MatchedBy | null;
  criteria: CriterionChange[];
  tierBefore: Tier | null;
  tierAfter: Tier | null;
  tierChange: TierChange | null;
}

export interface RoundComparison {
  scales: { earlier: Scale; later: Scale };
  /** RC-5: the scales differ, so before/after/delta are on 0…1. */
  normalised: boolean;
  criteria: CriterionMatch[];
  themes: ThemeComparison[];
}

/** RC-2: upper-casing first turns ß into SS, so both spellings fold alike. */
export function normaliseName(name: string): string {
  const spaced = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return spaced.toLocaleUpperCase('de-DE').toLocaleLowerCase('de-DE').normalize('NFC');
}

interface Item {
  id: string;
  name: string;
}

interface Pairing<T> {
  /** For each later item, the index of its earlier item and how it was found. */
  later: ({ earlier: number; by: MatchedBy } | null)[];
  /** Earlier items nobody matched, in their own order. */
  unmatched: T[];
}

/** RC-1 … RC-3 (and RC-4 for criteria): id first for all items, then normalised name. */
function pair<T extends Item>(earlier: readonly T[], later: readonly T[]): Pairing<T> {
  const taken = new Set<number>();
  const byId = new Map(earlier.map((item, index) => [item.id, index] as const));
  const result: Pairing<T>['later'] = later.map((item) => {
    const index = byId.get(item.id);
    if (index === undefined) return null;
    taken.add(index);
    return { earlier: index, by: 'id' };
  });
  const keys = earlier.map((item) => normaliseName(item.name));
  later.forEach((item, l) => {
    if (result[l]) return;
    const key = normaliseName(item.name);
    const index = keys.findIndex((k, e) => k === key && !taken.has(e));
    if (index < 0) return;
    taken.add(index);
    result[l] = { earlier: index, by: 'name' };
  });
  return { later: result, unmatched: earlier.filter((_, e) => !taken.has(e)) };
}

/** Reads one round's means (normalised if asked, RC-5) and tiers (RC-6) by theme id. */
function roundReader(round: RoundInput, normalised: boolean) {
  const themes = new Map(round.results.themes.map((t) => [t.themeId, t] as const));
  return {
    mean(themeId: string, criterionId: string | null): number | null {
      if (criterionId === null) return null;
      const mean = themes.get(themeId)?.criteria.find((c) => c.criterionId === criterionId)?.mean ?? null;
      if (mean === null) return null;
      return normalised ? normalise(mean, round.config.scale) : mean;
    },
    tier(themeId: string): Tier | null {
      if (round.consolidation) return decidedTier(round.consolidation, themeId);
      return themes.get(themeId)?.tier ?? null;
    },
  };
}

function tierChange(before: Tier | null, after: Tier | null): TierChange | null {
  if (before === null || after === null) return null;
  const diff = TIERS.indexOf(before) - TIERS.indexOf(after);
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}

/** Themes in the round's ranking; any theme missing from it keeps its config order at the end. */
function inRanking<T extends Item>(items: readonly T[], ranking: readonly string[]): T[] {
  const rank = new Map(ranking.map((id, index) => [id, index] as const));
  return [...items].sort((a, b) => (rank.get(a.id) ?? ranking.length) - (rank.get(b.id) ?? ranking.length));
}

export function compareRounds(earlier: RoundInput, later: RoundInput): RoundComparison {
  const scaleA = earlier.config.scale;
  const scaleB = later.config.scale;
  const normalised = scaleA.min !== scaleB.min || scaleA.max !== scaleB.max;

  const asItem = (c: WorkshopConfig['criteria'][number]) => ({ id: c.id, name: c.label });
  const criteriaPairing = pair(earlier.config.criteria.map(asItem), later.config.criteria.map(asItem));
  const criteria: CriterionMatch[] = later.config.criteria.map((c, l) => {
    const match = criteriaPairing.later[l];
    const earlierCriterionId = match ? earlier.config.criteria[match.earlier]!.id : null;
    return { criterionId: c.id, label: c.label, earlierCriterionId, status: match ? 'kept' : 'new', matchedBy: match?.by ?? null };
  });
  for (const c of criteriaPairing.unmatched) {
    criteria.push({ criterionId: c.id, label: c.name, earlierCriterionId: c.id, status: 'dropped', matchedBy: null });
  }

  const before = roundReader(earlier, normalised);
  const after = roundReader(later, normalised);
  const compare = (status: MatchStatus, earlierTheme: Item | null, laterTheme: Item | null, matchedBy: MatchedBy | null): ThemeComparison => {
    // The row carries the later theme's id and name; a dropped theme its earlier ones.
    const theme = (laterTheme ?? earlierTheme)!;
    const changes = criteria.map((c): CriterionChange => {
      const b = earlierTheme ? before.mean(earlierTheme.id, c.earlierCriterionId) : null;
      const a = laterTheme && c.status !== 'dropped' ? after.mean(laterTheme.id, c.criterionId) : null;
      return { criterionId: c.criterionId, label: c.label, before: b, after: a, delta: a !== null && b !== null ? a - b : null };
    });
    const tierBefore = earlierTheme ? before.tier(earlierTheme.id) : null;
    const tierAfter = laterTheme ? after.tier(laterTheme.id) : null;
    return {
      themeId: theme.id,
      name: theme.name,
      earlierThemeId: earlierTheme?.id ?? null,
      status,
      matchedBy,
      criteria: changes,
      tierBefore,
      tierAfter,
      tierChange: tierChange(tierBefore, tierAfter),
    };
  };

  const themePairing = pair(earlier.config.themes, later.config.themes);
  const matchOf = new Map(later.config.themes.map((t, l) => [t.id, themePairing.later[l]] as const));
  const current = inRanking(later.config.themes, later.results.ranking).map((theme) => {
    const match = matchOf.get(theme.id);
    if (!match) return compare('new', null, theme, null);
    return compare('kept', earlier.config.themes[match.earlier]!, theme, match.by);
  });
  const dropped = inRanking(themePairing.unmatched, earlier.results.ranking).map((theme) => compare('dropped', theme, null, null));
  return { scales: { earlier: { ...scaleA }, later: { ...scaleB } }, normalised, criteria, themes: [...current, ...dropped] };
}
