/**
 * The results view: statistics and a proposed tier for every theme, plus the
 * ranking. Computed from a Tally in O(themes × criteria × organisations),
 * independent of the number of answers; the server does it at most once per broadcast.
 */
import type { WorkshopConfig } from '../schemas.js';
import { criterionStats, type CriterionStats } from './statistics.js';
import type { Tally } from './tally.js';
import { proposeTiers, type TierProposal } from './tiering.js';

export interface ThemeResult extends TierProposal {
  themeId: string;
  /** One entry per criterion, in the workshop's criteria order. */
  criteria: CriterionStats[];
}

export interface Results {
  votingUnit: WorkshopConfig['votingUnit'];
  themes: ThemeResult[];
  /** Theme ids, best first: Priority I before II before III, then by score; insufficient data last (T-6). */
  ranking: string[];
}

const TIER_ORDER = { I: 0, II: 1, III: 2 } as const;

export function computeResults(tally: Tally, config: WorkshopConfig): Results {
  const criteriaCount = config.criteria.length;
  const stats = config.themes.map((_, t) =>
    config.criteria.map((_, c) => criterionStats(tally, t * criteriaCount + c, config.organisations, config.votingUnit)),
  );
  const proposals = proposeTiers(stats, config.scale, config.tierRule);
  const themes = config.themes.map((theme, t): ThemeResult => {
    // Named one by one (not spread): every theme result has one shape, quick to build and to send.
    const { score, tier, insufficientData, discuss } = proposals[t]!;
    return { themeId: theme.id, criteria: stats[t]!, score, tier, insufficientData, discuss };
  });
  const order = themes.map((result, index) => ({ result, index }));
  order.sort((a, b) => {
    const ta = a.result.tier === null ? 3 : TIER_ORDER[a.result.tier];
    const tb = b.result.tier === null ? 3 : TIER_ORDER[b.result.tier];
    if (ta !== tb) return ta - tb;
    const sa = a.result.score ?? -1;
    const sb = b.result.score ?? -1;
    if (sa !== sb) return sb - sa;
    return a.index - b.index;
  });
  return { votingUnit: config.votingUnit, themes, ranking: order.map((o) => o.result.themeId) };
}

export interface OrganisationThemeResult {
  themeId: string;
  criteria: { criterionId: string; mean: number | null; nPersons: number; abstentions: number }[];
}

/** One organisation's own values (the mean of its representatives, SPEC A-2), for "own organisation vs group". */
export interface OrganisationResults {
  organisationId: string;
  themes: OrganisationThemeResult[];
}

export function computeOrganisationResults(tally: Tally, config: WorkshopConfig, organisationId: string): OrganisationResults | null {
  const org = tally.organisation(organisationId);
  if (org < 0) return null;
  const themes = config.themes.map((theme): OrganisationThemeResult => ({
    themeId: theme.id,
    criteria: config.criteria.map((criterion) => {
      const slot = org * tally.cellCount + tally.cell(theme.id, criterion.id);
      const count = tally.orgCount[slot]!;
      return {
        criterionId: criterion.id,
        mean: count > 0 ? tally.orgSum[slot]! / count : null,
        nPersons: count,
        abstentions: tally.orgAbstentions[slot]!,
      };
    }),
  }));
  return { organisationId, themes };
}
