/**
 * Round comparison (SPEC RC-1 … RC-7): two Quick-Check rounds of one process,
 * matched by theme id, then by normalised name — never by position.
 */
import { describe, expect, it } from 'vitest';
import { compareRounds, normaliseName, type RoundInput } from '../../shared/domain/comparison.js';
import { consolidate, type Decision } from '../../shared/domain/consolidation.js';
import { computeResults, type Results, type ThemeResult } from '../../shared/domain/results.js';
import type { CriterionStats } from '../../shared/domain/statistics.js';
import { Tally } from '../../shared/domain/tally.js';
import type { Tier } from '../../shared/domain/tiering.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import type { Scale } from '../../shared/schemas.js';

interface ThemeSpec {
  id: string;
  name: string;
  tier: Tier | null;
  /** Means in criteria order; null: nobody scored. */
  means: (number | null)[];
}

const QUICK_CHECK: [string, string][] = [
  ['importance', 'Bedeutung'],
  ['potential', 'Digitalisierungspotenzial'],
];

function stats(criterionId: string, mean: number | null): CriterionStats {
  const n = mean === null ? 0 : 3;
  return { criterionId, nOrganisations: n, nPersons: n, abstentions: 0, mean, median: mean, sd: null, min: mean, max: mean, histogram: [] };
}

/** A hand-built round; the ranking is the order of `themes` unless given. */
function round(themes: ThemeSpec[], options: { scale?: Scale; criteria?: [string, string][]; ranking?: string[] } = {}): RoundInput {
  const criteria = options.criteria ?? QUICK_CHECK;
  const config = {
    ...workshopFromTemplate('blank'),
    themes: themes.map(({ id, name }) => ({ id, name })),
    criteria: criteria.map(([id, label]) => ({ id, label })),
    scale: options.scale ?? { min: 1, max: 5 },
  };
  const themeResults = themes.map(
    (t): ThemeResult => ({
      themeId: t.id,
      tier: t.tier,
      score: null,
      insufficientData: t.tier === null,
      discuss: false,
      criteria: criteria.map(([id], c) => stats(id, t.means[c] ?? null)),
    }),
  );
  const results: Results = { votingUnit: 'organisation', themes: themeResults, ranking: options.ranking ?? themes.map((t) => t.id) };
  return { config, results, consolidation: null };
}

const t = (id: string, name: string, tier: Tier | null, ...means: (number | null)[]): ThemeSpec => ({ id, name, tier, means });

/** A Coesfeld round through the real tally: every organisation gives `scores[themeId]` on both criteria. */
function coesfeldRound(scores: Record<string, number>): RoundInput {
  const config = workshopFromTemplate('coesfeld', 'Quick-Check', '2019-05-01');
  const tally = new Tally(config);
  for (const org of config.organisations) {
    for (const theme of config.themes) {
      for (const criterion of config.criteria) {
        tally.change(tally.organisation(org.id), tally.cell(theme.id, criterion.id), undefined, scores[theme.id] ?? 3);
      }
    }
  }
  return { config, results: computeResults(tally, config), consolidation: null };
}

describe('round comparison', () => {
  it('RC-1, RC-5, RC-7: the same Coesfeld themes are kept by id, with mean deltas, in the later ranking', () => {
    const earlier = coesfeldRound({ verwaltung: 5, bildung: 4, kultur: 2 });
    const later = coesfeldRound({ verwaltung: 4, bildung: 5, kultur: 4 });
    const c = compareRounds(earlier, later);
    expect(c.normalised).toBe(false);
    expect(c.scales).toEqual({ earlier: { min: 1, max: 5 }, later: { min: 1, max: 5 } });
    expect(c.themes).toHaveLength(8);
    expect(c.themes.every((x) => x.status === 'kept' && x.matchedBy === 'id')).toBe(true);
    expect(c.themes.map((x) => x.themeId)).toEqual(later.results.ranking);
    const bildung = c.themes.find((x) => x.themeId === 'bildung')!;
    expect(bildung.criteria.map((x) => [x.criterionId, x.before, x.after, x.delta])).toEqual([
      ['importance', 4, 5, 1],
      ['potential', 4, 5, 1],
    ]);
    expect(c.themes.find((x) => x.themeId === 'kultur')).toMatchObject({ tierBefore: 'III', tierAfter: 'I', tierChange: 'up' });
  });

  it('RC-2: a theme with a new id is matched by its normalised name (space, case, ß, NFC)', () => {
    const earlier = round([t('innenstadt', 'Innenstadt/Dorfmitte', 'II', 3, 3), t('strasse', 'Straße und Weg', 'III', 2, 2), t('oeffi', 'O\u0308PNV', 'II', 3, 3)]);
    const later = round([t('ortskern', '  innenstadt/DORFMITTE ', 'I', 4, 4), t('str', ' STRASSE\u00a0 UND\tWEG', 'III', 2, 2), t('oepnv', '\u00d6pnv', 'II', 3, 3)]);
    const c = compareRounds(earlier, later);
    expect(c.themes.map((x) => [x.themeId, x.earlierThemeId, x.status, x.matchedBy])).toEqual([
      ['ortskern', 'innenstadt', 'kept', 'name'],
      ['str', 'strasse', 'kept', 'name'],
      ['oepnv', 'oeffi', 'kept', 'name'],
    ]);
    expect(c.themes[0]).toMatchObject({ name: '  innenstadt/DORFMITTE ', tierChange: 'up' });
    expect(normaliseName(' Stra\u00dfe\tund  W\u0065\u0301g ')).toBe('strasse und w\u00e9g');
  });

  it('RC-3, RC-7: a new theme follows the later ranking; a dropped one comes last with null "after"', () => {
    const earlier = round([t('v', 'Verwaltung', 'I', 4, 4), t('k', 'Kultur', 'III', 2, 1), t('g', 'Gesundheit', 'II', 3, 3)], { ranking: ['v', 'g', 'k'] });
    const later = round([t('v', 'Verwaltung', 'I', 4, 5), t('ki', 'Künstliche Intelligenz', 'I', 5, 5)], { ranking: ['ki', 'v'] });
    const c = compareRounds(earlier, later);
    expect(c.themes.map((x) => [x.themeId, x.status])).toEqual([
      ['ki', 'new'],
      ['v', 'kept'],
      ['g', 'dropped'],
      ['k', 'dropped'],
    ]);
    expect(c.themes[0]).toMatchObject({ earlierThemeId: null, matchedBy: null, tierBefore: null, tierAfter: 'I', tierChange: null });
    expect(c.themes[0]!.criteria.map((x) => [x.before, x.after, x.delta])).toEqual([[null, 5, null], [null, 5, null]]);
    expect(c.themes[3]).toMatchObject({ name: 'Kultur', tierBefore: 'III', tierAfter: null, tierChange: null });
    expect(c.themes[3]!.criteria.map((x) => [x.before, x.after, x.delta])).toEqual([[2, null, null], [1, null, null]]);
  });

  it('RC-1, RC-2, RC-3: two swapped themes are matched by id or name, never by position', () => {
    const earlier = round([t('b', 'Bildung', 'I', 5, 5), t('w', 'Wirtschaft', 'III', 2, 2)]);
    const swappedIds = round([t('w', 'Wirtschaft', 'III', 2, 2), t('b', 'Bildung', 'I', 5, 5)]);
    expect(compareRounds(earlier, swappedIds).themes.map((x) => [x.themeId, x.earlierThemeId, x.tierChange, x.criteria[0]!.delta])).toEqual([
      ['w', 'w', 'same', 0],
      ['b', 'b', 'same', 0],
    ]);
    const swappedNames = round([t('x', 'Wirtschaft', 'III', 2, 2), t('y', 'Bildung', 'I', 5, 5)]);
    expect(compareRounds(earlier, swappedNames).themes.map((x) => [x.themeId, x.earlierThemeId, x.matchedBy, x.tierChange])).toEqual([
      ['x', 'w', 'name', 'same'],
      ['y', 'b', 'name', 'same'],
    ]);
  });

  it('RC-1: ids are matched first, so a name never takes an earlier theme claimed by id', () => {
    const earlier = round([t('a', 'Verwaltung', 'I', 4, 4), t('b', 'Bildung', 'II', 3, 3)]);
    // Later "c" is named like earlier "b", but "b" is already taken by id (renamed theme).
    const later = round([t('c', 'Bildung', 'I', 4, 4), t('b', 'Schule', 'II', 3, 3)]);
    const c = compareRounds(earlier, later);
    expect(c.themes.map((x) => [x.themeId, x.earlierThemeId, x.status, x.matchedBy])).toEqual([
      ['c', null, 'new', null],
      ['b', 'b', 'kept', 'id'],
      ['a', 'a', 'dropped', null],
    ]);
  });

  it('RC-2, RC-3: duplicate names pair off in theme order, each earlier theme at most once', () => {
    const earlier = round([t('b1', 'Bildung', 'I', 5, 5), t('b2', 'Bildung', 'II', 3, 3)]);
    const later = round([t('x', 'bildung', 'I', 5, 5), t('y', 'Bildung ', 'I', 4, 4), t('z', 'BILDUNG', 'III', 2, 2)]);
    const c = compareRounds(earlier, later);
    expect(c.themes.map((x) => [x.themeId, x.earlierThemeId, x.status])).toEqual([
      ['x', 'b1', 'kept'],
      ['y', 'b2', 'kept'],
      ['z', null, 'new'],
    ]);
    const fewer = compareRounds(earlier, round([t('x', 'Bildung', 'I', 5, 5)]));
    expect(fewer.themes.map((x) => [x.themeId, x.earlierThemeId, x.status])).toEqual([
      ['x', 'b1', 'kept'],
      ['b2', 'b2', 'dropped'],
    ]);
  });

  it('RC-6: tier up, down, same, and null when a tier is missing', () => {
    const earlier = round([t('u', 'U', 'III', 2, 2), t('d', 'D', 'I', 5, 5), t('s', 'S', 'II', 3, 3), t('n', 'N', null, null, null), t('m', 'M', 'II', 3, 3)]);
    const later = round([t('u', 'U', 'II', 3, 3), t('d', 'D', 'III', 2, 2), t('s', 'S', 'II', 3, 3), t('n', 'N', 'I', 5, 5), t('m', 'M', null, 3, null)]);
    const c = compareRounds(earlier, later);
    expect(c.themes.map((x) => [x.themeId, x.tierBefore, x.tierAfter, x.tierChange])).toEqual([
      ['u', 'III', 'II', 'up'],
      ['d', 'I', 'III', 'down'],
      ['s', 'II', 'II', 'same'],
      ['n', null, 'I', null],
      ['m', 'II', null, null],
    ]);
    // RC-5: a round without a mean gives null, and no delta.
    expect(c.themes[3]!.criteria[0]).toMatchObject({ before: null, after: 5, delta: null });
    expect(c.themes[4]!.criteria.map((x) => x.delta)).toEqual([0, null]);
  });

  it('RC-6: with a consolidation the decided tier counts, not the computed one', () => {
    const earlier = round([t('v', 'Verwaltung', 'II', 3, 3), t('k', 'Kultur', 'III', 2, 2)]);
    const later = round([t('v', 'Verwaltung', 'II', 3, 3), t('k', 'Kultur', 'III', 2, 2)]);
    const move = (themeId: string, from: Tier, to: Tier): Decision[] => [{ seq: 1, themeId, from, to, computed: from, reason: 'Onlinezugangsgesetz', at: 1 }];
    const earlierMoved: RoundInput = { ...earlier, consolidation: consolidate(earlier.results, move('k', 'III', 'II')) };
    const laterMoved: RoundInput = { ...later, consolidation: consolidate(later.results, move('v', 'II', 'I')) };
    const c = compareRounds(earlierMoved, laterMoved);
    expect(c.themes.map((x) => [x.themeId, x.tierBefore, x.tierAfter, x.tierChange])).toEqual([
      ['v', 'II', 'I', 'up'],
      ['k', 'II', 'III', 'down'],
    ]);
    // Without the earlier consolidation its computed tiers count.
    expect(compareRounds(earlier, laterMoved).themes.map((x) => x.tierChange)).toEqual(['up', 'same']);
  });

  it('RC-5: different scales are compared as means normalised to 0…1', () => {
    const earlier = round([t('v', 'Verwaltung', 'II', 3, 5)], { scale: { min: 1, max: 5 } });
    const later = round([t('v', 'Verwaltung', 'I', 8, 0)], { scale: { min: 0, max: 10 } });
    const c = compareRounds(earlier, later);
    expect(c.normalised).toBe(true);
    expect(c.scales).toEqual({ earlier: { min: 1, max: 5 }, later: { min: 0, max: 10 } });
    const [importance, potential] = c.themes[0]!.criteria;
    expect(importance).toMatchObject({ before: 0.5, after: 0.8 });
    expect(importance!.delta).toBeCloseTo(0.3, 12);
    expect(potential).toMatchObject({ before: 1, after: 0, delta: -1 });
    // Same range, shifted (0–4 vs 1–5): still different scales, so still normalised.
    expect(compareRounds(earlier, round([t('v', 'Verwaltung', 'II', 2, 4)], { scale: { min: 0, max: 4 } })).themes[0]!.criteria[0]).toMatchObject({ before: 0.5, after: 0.5, delta: 0 });
  });

  it('RC-4: criteria match by id, then by label; a criterion of one round only has no delta', () => {
    const earlier = round([t('v', 'Verwaltung', 'I', 4, 3, 2)], {
      criteria: [['importance', 'Bedeutung'], ['digital', 'Digitalisierungspotenzial'], ['cost', 'Aufwand']],
    });
    const later = round([t('v', 'Verwaltung', 'I', 5, 4, 1)], {
      criteria: [['importance', 'Bedeutung'], ['potential', 'DIGITALISIERUNGSPOTENZIAL'], ['urgency', 'Dringlichkeit']],
    });
    const c = compareRounds(earlier, later);
    expect(c.criteria.map((x) => [x.criterionId, x.earlierCriterionId, x.status, x.matchedBy])).toEqual([
      ['importance', 'importance', 'kept', 'id'],
      ['potential', 'digital', 'kept', 'name'],
      ['urgency', null, 'new', null],
      ['cost', 'cost', 'dropped', null],
    ]);
    expect(c.themes[0]!.criteria.map((x) => [x.criterionId, x.label, x.before, x.after, x.delta])).toEqual([
      ['importance', 'Bedeutung', 4, 5, 1],
      ['potential', 'DIGITALISIERUNGSPOTENZIAL', 3, 4, 1],
      ['urgency', 'Dringlichkeit', null, 1, null],
      ['cost', 'Aufwand', 2, null, null],
    ]);
  });
});
