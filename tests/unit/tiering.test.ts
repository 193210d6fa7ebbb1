import { describe, expect, it } from 'vitest';
import { computeResults } from '../../shared/domain/results.js';
import { Tally } from '../../shared/domain/tally.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { tierForScore } from '../../shared/domain/tiering.js';
import { workshopConfigSchema, type WorkshopConfig } from '../../shared/schemas.js';

/**
 * The 12-organisation example: Kreis Coesfeld and its 11 municipalities, one
 * representative each, rating the seed's 8 themes. Rows are organisations in
 * template order (Kreis, Ascheberg, Billerbeck, Coesfeld, Dülmen, Havixbeck,
 * Lüdinghausen, Nordkirchen, Nottuln, Olfen, Rosendahl, Senden).
 */
const RATINGS: Record<string, { importance: number[]; potential: number[] }> = {
  verwaltung: { importance: [5, 5, 4, 5, 5, 4, 5, 5, 4, 5, 5, 4], potential: [5, 4, 5, 5, 4, 5, 5, 4, 5, 4, 5, 5] },
  bildung: { importance: [5, 4, 4, 5, 5, 4, 4, 5, 4, 4, 5, 4], potential: [4, 4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4] },
  mobilitaet: { importance: [4, 4, 3, 4, 4, 3, 4, 3, 4, 3, 4, 3], potential: [3, 3, 4, 3, 3, 4, 3, 3, 4, 3, 3, 3] },
  tourismus: { importance: [3, 2, 4, 3, 2, 3, 2, 3, 2, 3, 4, 2], potential: [3, 2, 3, 3, 2, 3, 2, 2, 3, 3, 3, 2] },
  wirtschaft: { importance: [4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 3, 4], potential: [4, 3, 3, 4, 3, 3, 3, 4, 3, 3, 3, 3] },
  gesundheit: { importance: [3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3], potential: [2, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2] },
  kultur: { importance: [2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 2], potential: [2, 2, 2, 3, 2, 2, 2, 2, 2, 3, 2, 2] },
  innenstadt: { importance: [4, 3, 4, 4, 3, 4, 3, 4, 4, 3, 4, 4], potential: [3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3] },
};

function coesfeld(config: WorkshopConfig = workshopFromTemplate('coesfeld')) {
  const tally = new Tally(config);
  for (const [themeId, byCriterion] of Object.entries(RATINGS)) {
    for (const [criterionId, values] of Object.entries(byCriterion)) {
      values.forEach((value, org) => tally.change(org, tally.cell(themeId, criterionId), undefined, value));
    }
  }
  return computeResults(tally, config);
}

describe('tiering', () => {
  it('T-2: thresholds are inclusive and cut the combined score into I, II, III', () => {
    const rule = workshopFromTemplate('blank').tierRule;
    expect(tierForScore(0.7, rule)).toBe('I');
    expect(tierForScore(0.6999, rule)).toBe('II');
    expect(tierForScore(0.5, rule)).toBe('II');
    expect(tierForScore(0.4999, rule)).toBe('III');
  });

  it('T-3: a mean that is 3,8 in exact arithmetic but lands a hair below it in floating point is still Priority I', () => {
    // Three organisations: 5 representatives at 5,5,5,4,4 (4,6), one at 3, and 5 at 4,4,4,4,3 (3,8). The
    // exact mean is 11,4 / 3 = 3,8, on the Priority I threshold (0,70 on a 1–5 scale); in floating point
    // 4,6 + 3 + 3,8 is 11,399999999999999, so the mean is 3,7999999999999994 and the score 0,6999999999999998.
    const config = workshopFromTemplate('coesfeld');
    const tally = new Tally(config);
    const votes: [number, number[]][] = [[0, [5, 5, 5, 4, 4]], [1, [3]], [2, [4, 4, 4, 4, 3]]];
    for (const criterionId of ['importance', 'potential']) {
      for (const [org, values] of votes) for (const value of values) tally.change(org, tally.cell('bildung', criterionId), undefined, value);
    }
    const bildung = computeResults(tally, config).themes.find((t) => t.themeId === 'bildung')!;
    expect(bildung.criteria[0]!.mean).toBeLessThan(3.8);
    expect(bildung.criteria[0]!.mean).toBeCloseTo(3.8, 12);
    expect(bildung.score).toBeLessThan(config.tierRule.priorityI);
    expect(bildung.tier).toBe('I');
  });

  it('T-1/T-2: the 12-organisation Quick-Check reproduces the seed paper\'s priorities', () => {
    const results = coesfeld();
    const byTheme = Object.fromEntries(results.themes.map((t) => [t.themeId, t]));
    // Verwaltung: importance 56/12 = 4,667, potential 56/12 = 4,667 → score (3,667/4 + 3,667/4)/2 = 0,9167
    expect(byTheme.verwaltung!.criteria[0]!.mean).toBeCloseTo(56 / 12, 12);
    expect(byTheme.verwaltung!.score).toBeCloseTo((56 / 12 - 1) / 4, 12);
    // Bildung: importance 53/12 = 4,417, potential 46/12 = 3,833 → ((3,417 + 2,833)/4)/2 = 0,78125
    expect(byTheme.bildung!.score).toBeCloseTo((53 / 12 - 1 + 46 / 12 - 1) / 8, 12);
    // Wirtschaft: 45/12 = 3,75 and 39/12 = 3,25 → (2,75 + 2,25)/8 = 0,625
    expect(byTheme.wirtschaft!.score).toBeCloseTo(0.625, 12);
    // Kultur: 27/12 = 2,25 and 26/12 = 2,1667 → (1,25 + 1,1667)/8 = 0,302
    expect(byTheme.kultur!.score).toBeCloseTo((27 / 12 - 1 + 26 / 12 - 1) / 8, 12);
    const tiers = Object.fromEntries(results.themes.map((t) => [t.themeId, t.tier]));
    expect(tiers).toEqual({
      verwaltung: 'I',
      bildung: 'I',
      wirtschaft: 'II',
      innenstadt: 'II',
      mobilitaet: 'II',
      tourismus: 'III',
      kultur: 'III',
      gesundheit: 'III',
    });
    // Sums of both means' numerators: Wirtschaft 84, Mobilität 43+39 = 82, Innenstadt 44+37 = 81,
    // Tourismus 33+31 = 64, Gesundheit 33+27 = 60, Kultur 53.
    expect(results.ranking).toEqual(['verwaltung', 'bildung', 'wirtschaft', 'mobilitaet', 'innenstadt', 'tourismus', 'gesundheit', 'kultur']);
    expect(results.themes.every((t) => !t.insufficientData && t.criteria.every((c) => c.nOrganisations === 12))).toBe(true);
  });

  it('T-1: criterion weights change the combined score', () => {
    const config = workshopFromTemplate('coesfeld');
    config.tierRule = { ...config.tierRule, weights: { importance: 3, potential: 1 } };
    const wirtschaft = coesfeld(config).themes.find((t) => t.themeId === 'wirtschaft')!;
    // (3 · 2,75/4 + 1 · 2,25/4) / 4 = 0,65625
    expect(wirtschaft.score).toBeCloseTo(0.65625, 12);
  });

  it('T-1: a criterion of weight 0 does not count (score, data, discussion); all weights 0 count all criteria equally', () => {
    const config = workshopConfigSchema.parse({ ...workshopFromTemplate('coesfeld'), tierRule: { minOrganisations: 2, weights: { potential: 0 } } });
    const tally = new Tally(config);
    // Importance from two organisations (4 and 5); potential from one, far apart from the others' view (1).
    tally.change(0, tally.cell('bildung', 'importance'), undefined, 4);
    tally.change(1, tally.cell('bildung', 'importance'), undefined, 5);
    tally.change(0, tally.cell('bildung', 'potential'), undefined, 1);
    const bildung = computeResults(tally, config).themes.find((t) => t.themeId === 'bildung')!;
    // Only importance: (4,5 − 1) / 4 = 0,875; potential's single organisation is not "too few data".
    expect(bildung).toMatchObject({ insufficientData: false, tier: 'I' });
    expect(bildung.score).toBeCloseTo(0.875, 12);
    const equal = workshopConfigSchema.parse({ ...config, tierRule: { ...config.tierRule, weights: { importance: 0, potential: 0 } } });
    const all = computeResults(tally, equal).themes.find((t) => t.themeId === 'bildung')!;
    // Both criteria again: potential from one organisation is too few.
    expect(all).toMatchObject({ insufficientData: true, tier: null, score: null });
  });

  it('T-4: fewer responding organisations than the minimum ⇒ insufficient data, no tier', () => {
    const config = workshopConfigSchema.parse({
      ...workshopFromTemplate('coesfeld'),
      tierRule: { minOrganisations: 3 },
    });
    const tally = new Tally(config);
    const cell = (c: string) => tally.cell('bildung', c);
    for (const org of [0, 1]) {
      tally.change(org, cell('importance'), undefined, 5);
      tally.change(org, cell('potential'), undefined, 5);
    }
    tally.change(2, cell('importance'), undefined, 5);
    tally.change(2, cell('potential'), undefined, null); // an abstention does not make a responding organisation
    const bildung = computeResults(tally, config).themes.find((t) => t.themeId === 'bildung')!;
    expect(bildung).toMatchObject({ insufficientData: true, tier: null, score: null });
    tally.change(3, cell('potential'), undefined, 4);
    const enough = computeResults(tally, config).themes.find((t) => t.themeId === 'bildung')!;
    expect(enough.insufficientData).toBe(false);
    expect(enough.tier).toBe('I');
    expect(computeResults(tally, config).ranking.at(-1)).not.toBe('bildung');
  });

  it('T-5: strong disagreement between organisations flags "discuss"', () => {
    const config = workshopConfigSchema.parse({ ...workshopFromTemplate('coesfeld'), tierRule: { minOrganisations: 1 } });
    const tally = new Tally(config);
    const cell = tally.cell('kultur', 'importance');
    // 1 and 5: sd = 2 ≥ 0,25 · 4 = 1 → discuss
    tally.change(0, cell, undefined, 1);
    tally.change(1, cell, undefined, 5);
    tally.change(0, tally.cell('kultur', 'potential'), undefined, 3);
    expect(computeResults(tally, config).themes.find((t) => t.themeId === 'kultur')!.discuss).toBe(true);
    // 3 and 4: sd = 0,5 < 1 → no discussion needed
    tally.change(0, cell, 1, 3);
    tally.change(1, cell, 5, 4);
    expect(computeResults(tally, config).themes.find((t) => t.themeId === 'kultur')!.discuss).toBe(false);
    const coesfeldResults = coesfeld();
    expect(coesfeldResults.themes.some((t) => t.discuss)).toBe(false);
  });
});
