/**
 * The natural-breaks tier rule (SPEC T-7): the two largest gaps between the
 * ranked combined scores separate Priority I | II | III.
 */
import { describe, expect, it } from 'vitest';
import { naturalBreaks, naturalBreakTiers } from '../../shared/domain/naturalBreaks.js';
import { computeResults } from '../../shared/domain/results.js';
import { Tally } from '../../shared/domain/tally.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { workshopConfigSchema } from '../../shared/schemas.js';

describe('natural breaks (T-7)', () => {
  it('T-7: the largest gap separates, the second largest too; the upper one is I|II, the lower II|III', () => {
    // Gaps: 0.05, 0.20 (largest), 0.02, 0.10 (second), 0.03.
    const scores = [0.9, 0.85, 0.65, 0.63, 0.53, 0.5];
    expect(naturalBreakTiers(scores)).toEqual(['I', 'I', 'II', 'II', 'III', 'III']);
    expect(naturalBreaks(scores)).toEqual({ priorityI: 0.85, priorityII: 0.63 });
    // The order of the input does not matter; the answer follows it.
    expect(naturalBreakTiers([0.5, 0.9, 0.63, 0.85, 0.53, 0.65])).toEqual(['III', 'I', 'II', 'I', 'III', 'II']);
    // The second largest gap may lie above the largest: then it is I|II.
    expect(naturalBreakTiers([0.9, 0.75, 0.7, 0.3])).toEqual(['I', 'II', 'II', 'III']);
  });

  it('T-7: tied scores share a tier: a gap of zero (or floating-point noise) is never a break', () => {
    expect(naturalBreakTiers([0.8, 0.8, 0.8, 0.4, 0.4, 0.2])).toEqual(['I', 'I', 'I', 'II', 'II', 'III']);
    // 0.1 + 0.2 and 0.3 differ by 5.6e-17 only: a tie.
    expect(naturalBreakTiers([0.1 + 0.2, 0.3, 0.25, 0.1])).toEqual(['I', 'I', 'II', 'III']);
    // All equal: no break, everything in Priority I.
    expect(naturalBreakTiers([0.6, 0.6, 0.6])).toEqual(['I', 'I', 'I']);
    // One distinct gap among ties: two groups, no Priority III.
    expect(naturalBreakTiers([0.7, 0.7, 0.3, 0.3])).toEqual(['I', 'I', 'II', 'II']);
  });

  it('T-7: equal gaps: the one higher in the ranking is taken first', () => {
    // Evenly spaced: every gap is 0.1 (up to rounding) ⇒ breaks after the first and the second theme.
    expect(naturalBreakTiers([0.9, 0.8, 0.7, 0.6, 0.5])).toEqual(['I', 'II', 'III', 'III', 'III']);
    // Two equal largest gaps below a smaller one: both are breaks, the smaller one is not.
    expect(naturalBreakTiers([0.9, 0.85, 0.55, 0.25])).toEqual(['I', 'I', 'II', 'III']);
    // Three equal largest gaps: the upper two.
    expect(naturalBreakTiers([1, 0.75, 0.5, 0.25, 0])).toEqual(['I', 'II', 'III', 'III', 'III']);
  });

  it('T-7: fewer than three themes: one theme is Priority I; two different scores are I and II', () => {
    expect(naturalBreakTiers([])).toEqual([]);
    expect(naturalBreakTiers([0.1])).toEqual(['I']);
    expect(naturalBreakTiers([0.2, 0.9])).toEqual(['II', 'I']);
    expect(naturalBreakTiers([0.5, 0.5])).toEqual(['I', 'I']);
    expect(naturalBreaks([0.2, 0.9])).toEqual({ priorityI: 0.9, priorityII: null });
    expect(naturalBreaks([0.5])).toEqual({ priorityI: null, priorityII: null });
  });

  it('T-7 with T-4: a theme with too few data has no tier and moves no break', () => {
    expect(naturalBreakTiers([0.9, null, 0.5, 0.45, 0.1])).toEqual(['I', null, 'II', 'II', 'III']);
    expect(naturalBreakTiers([null, null])).toEqual([null, null]);
    expect(naturalBreakTiers([null, 0.4, null])).toEqual([null, 'I', null]);
  });

  it('T-7: chosen in the workshop\'s rule, it proposes the tiers of the results; the thresholds stay as they were', () => {
    const config = workshopConfigSchema.parse({ ...workshopFromTemplate('coesfeld'), tierRule: { method: 'naturalBreaks', minOrganisations: 1 } });
    expect(config.tierRule).toMatchObject({ method: 'naturalBreaks', priorityI: 0.7, priorityII: 0.5 });
    const tally = new Tally(config);
    // One organisation rates both criteria alike; Tourismus, Gesundheit and Innenstadt get no answers.
    const rate = (themeId: string, value: number) => {
      for (const criterionId of ['importance', 'potential']) tally.change(0, tally.cell(themeId, criterionId), undefined, value);
    };
    rate('verwaltung', 5);
    rate('bildung', 5);
    rate('wirtschaft', 4);
    rate('mobilitaet', 2);
    rate('kultur', 1);
    const results = computeResults(tally, config);
    const tiers = Object.fromEntries(results.themes.map((t) => [t.themeId, t.tier]));
    // Scores 1, 1, 0.75, 0.25, 0: gaps 0, 0.25, 0.5, 0.25 ⇒ breaks at 0.5 (largest) and the upper 0.25.
    expect(tiers).toMatchObject({ verwaltung: 'I', bildung: 'I', wirtschaft: 'II', mobilitaet: 'III', kultur: 'III', tourismus: null });
    expect(results.themes.find((t) => t.themeId === 'tourismus')!.insufficientData).toBe(true);
    // The same data under the thresholds (I from 0.70, II from 0.50): Wirtschaft would be Priority I.
    const byThreshold = computeResults(tally, { ...config, tierRule: { ...config.tierRule, method: 'threshold' } });
    expect(byThreshold.themes.find((t) => t.themeId === 'wirtschaft')!.tier).toBe('I');
  });

  it('T-7: a rule without a method (files from before T-7) reads as thresholds', () => {
    const { method: _method, ...old } = workshopFromTemplate('coesfeld').tierRule;
    expect(workshopConfigSchema.parse({ ...workshopFromTemplate('coesfeld'), tierRule: old }).tierRule.method).toBe('threshold');
    expect(() => workshopConfigSchema.parse({ ...workshopFromTemplate('coesfeld'), tierRule: { method: 'jenks' } })).toThrow();
  });
});
