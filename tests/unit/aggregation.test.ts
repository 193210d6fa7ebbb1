import { describe, expect, it } from 'vitest';
import { computeResults } from '../../shared/domain/results.js';
import { Tally, type AnswerValue } from '../../shared/domain/tally.js';
import { workshopConfigSchema, type WorkshopConfigInput } from '../../shared/schemas.js';

const base: WorkshopConfigInput = {
  title: 'Test',
  organisations: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
  themes: [{ id: 't', name: 'Thema' }],
  criteria: [
    { id: 'importance', label: 'Bedeutung' },
    { id: 'potential', label: 'Digitalisierungspotenzial' },
  ],
  scale: { min: 1, max: 5 },
  tierRule: { minOrganisations: 1 },
};

/** A tiny in-test model of the room: person → cell → value, fed through the tally. */
function setup(overrides: Partial<WorkshopConfigInput> = {}) {
  const config = workshopConfigSchema.parse({ ...base, ...overrides });
  const tally = new Tally(config);
  const answers = new Map<string, AnswerValue>();
  const answer = (person: string, org: string, value: AnswerValue | undefined, criterion = 'importance', theme = 't') => {
    const cell = tally.cell(theme, criterion);
    const key = `${person}/${cell}`;
    tally.change(tally.organisation(org), cell, answers.get(key), value);
    if (value === undefined) answers.delete(key);
    else answers.set(key, value);
  };
  const stats = (criterion = 'importance', theme = 't') => {
    const results = computeResults(tally, config);
    const themeResult = results.themes.find((r) => r.themeId === theme)!;
    return themeResult.criteria.find((c) => c.criterionId === criterion)!;
  };
  const theme = (id = 't') => computeResults(tally, config).themes.find((r) => r.themeId === id)!;
  return { config, tally, answer, stats, theme, results: () => computeResults(tally, config) };
}

describe('aggregation', () => {
  it('A-1: an abstention is not a score and is counted separately', () => {
    const w = setup();
    w.answer('p1', 'a', 4);
    w.answer('p2', 'a', null);
    w.answer('p3', 'b', null);
    const s = w.stats();
    expect(s.nPersons).toBe(1);
    expect(s.abstentions).toBe(2);
    expect(s.nOrganisations).toBe(1); // b only abstained: not a responding organisation
    expect(s.mean).toBe(4);
    expect(s.histogram).toEqual([0, 0, 0, 1, 0]);
  });

  it('A-2/A-3: organisation mode gives an organisation with 3 representatives one voice, like one with 1', () => {
    const w = setup();
    w.answer('a1', 'a', 5);
    w.answer('a2', 'a', 5);
    w.answer('a3', 'a', 2); // a: (5+5+2)/3 = 4
    w.answer('b1', 'b', 1); // b: 1
    const s = w.stats();
    expect(s.mean).toBeCloseTo((4 + 1) / 2, 12); // 2.5, not (5+5+2+1)/4 = 3.25
    expect(s.nOrganisations).toBe(2);
    expect(s.nPersons).toBe(4);
    expect(s.min).toBe(1);
    expect(s.max).toBe(4);
    expect(s.median).toBeCloseTo(2.5, 12);
    expect(s.sd).toBeCloseTo(1.5, 12); // values 4 and 1 around 2.5
    expect(s.histogram).toEqual([1, 1, 0, 0, 2]);
  });

  it('A-6: person mode counts every person once', () => {
    const w = setup({ votingUnit: 'person' });
    w.answer('a1', 'a', 5);
    w.answer('a2', 'a', 5);
    w.answer('a3', 'a', 2);
    w.answer('b1', 'b', 1);
    const s = w.stats();
    expect(s.mean).toBeCloseTo(13 / 4, 12);
    expect(s.median).toBeCloseTo((2 + 5) / 2, 12); // sorted 1,2,5,5
    expect(s.min).toBe(1);
    expect(s.max).toBe(5);
    // population variance: ((5-3.25)²·2 + (2-3.25)² + (1-3.25)²)/4 = (6.125+1.5625+5.0625)/4 = 3.1875
    expect(s.sd).toBeCloseTo(Math.sqrt(3.1875), 12);
  });

  it('A-4/A-5: organisation weights enter mean, spread and median', () => {
    const w = setup({
      organisations: [
        { id: 'a', name: 'A', weight: 2 },
        { id: 'b', name: 'B', weight: 1 },
      ],
    });
    w.answer('a1', 'a', 5);
    w.answer('b1', 'b', 2);
    const s = w.stats();
    expect(s.mean).toBeCloseTo((2 * 5 + 1 * 2) / 3, 12); // 4
    expect(s.sd).toBeCloseTo(Math.sqrt((2 * 1 + 1 * 4) / 3), 12); // √2
    expect(s.median).toBe(5); // 2 of 3 weight units at 5
  });

  it('A-5: with equal weights and an even count the median is the mean of the middle two', () => {
    const w = setup({ organisations: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })) });
    w.answer('a1', 'a', 1);
    w.answer('b1', 'b', 2);
    w.answer('c1', 'c', 4);
    w.answer('d1', 'd', 5);
    expect(w.stats().median).toBe(3);
  });

  it('A-5: seeded random organisations and weights: the median is the weighted median of the organisation means', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Few organisations (sorted by insertion) and many (the built-in sort), even and odd totals, equal and unequal weights.
    for (const count of [1, 2, 3, 4, 7, 12, 39, 40, 41, 60, 200]) {
      for (let run = 0; run < 5; run++) {
        const equal = run % 2 === 0;
        const organisations = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, name: `O${i}`, weight: equal ? 1 : 1 + Math.floor(random() * 4) / 2 }));
        const w = setup({ organisations });
        const units: { value: number; weight: number }[] = [];
        organisations.forEach((org, i) => {
          // Some organisations do not answer; some have two people (their mean counts).
          if (random() < 0.2) return;
          const first = 1 + Math.floor(random() * 5);
          w.answer(`${org.id}-1`, org.id, first);
          let value = first;
          if (random() < 0.3) {
            const second = 1 + Math.floor(random() * 5);
            w.answer(`${org.id}-2`, org.id, second);
            value = (first + second) / 2;
          }
          units.push({ value, weight: organisations[i]!.weight });
        });
        // The reference: A-5 read literally, over a sorted copy.
        const sorted = [...units].sort((a, b) => a.value - b.value);
        const total = sorted.reduce((sum, u) => sum + u.weight, 0);
        let expected: number | null = null;
        let cumulative = 0;
        for (let i = 0; i < sorted.length && expected === null; i++) {
          cumulative += sorted[i]!.weight;
          if (Math.abs(cumulative - total / 2) < 1e-9 && i + 1 < sorted.length) expected = (sorted[i]!.value + sorted[i + 1]!.value) / 2;
          else if (cumulative > total / 2) expected = sorted[i]!.value;
        }
        expect(w.stats().median, `${count} organisations, run ${run}`).toBe(expected);
      }
    }
  });

  it('A-7: a changed answer replaces the old one; a withdrawn one disappears', () => {
    const w = setup();
    w.answer('p1', 'a', 2);
    w.answer('p1', 'a', 4);
    expect(w.stats().histogram).toEqual([0, 0, 0, 1, 0]);
    expect(w.stats().mean).toBe(4);
    w.answer('p1', 'a', null);
    expect(w.stats()).toMatchObject({ nPersons: 0, abstentions: 1, mean: null, nOrganisations: 0 });
    expect(w.tally.orgCovered[0]).toBe(1);
    w.answer('p1', 'a', undefined);
    expect(w.stats()).toMatchObject({ nPersons: 0, abstentions: 0, mean: null });
    expect(w.tally.orgCovered[0]).toBe(0);
  });

  it('R-3: a theme counts as rated for an organisation once every criterion has an answer from any of its people', () => {
    const w = setup({ themes: [{ id: 't', name: 'T' }, { id: 'u', name: 'U' }] });
    const rated = () => [...w.tally.orgThemesRated];
    w.answer('p1', 'a', 3, 'importance', 't');
    expect(rated()).toEqual([0, 0, 0]);
    // The second criterion from another representative of the same organisation completes the theme.
    w.answer('p2', 'a', null, 'potential', 't');
    expect(rated()).toEqual([1, 0, 0]);
    w.answer('p1', 'a', 5, 'importance', 't');
    expect(rated()).toEqual([1, 0, 0]);
    w.answer('p3', 'b', 2, 'importance', 'u');
    w.answer('p3', 'b', 2, 'potential', 'u');
    w.answer('p4', 'a', 1, 'potential', 'u');
    expect(rated()).toEqual([1, 1, 0]);
    // Withdrawing the only answer in a criterion un-rates the theme; a second person's answer keeps it.
    w.answer('p2', 'a', undefined, 'potential', 't');
    expect(rated()).toEqual([0, 1, 0]);
    w.answer('p5', 'b', 4, 'potential', 'u');
    w.answer('p3', 'b', undefined, 'potential', 'u');
    expect(rated()).toEqual([0, 1, 0]);
    expect([...w.tally.orgCovered]).toEqual([2, 2, 0]);
  });

  it('R-3: seeded random answers: the incremental count equals a recount from the final answers', () => {
    const themes = ['t1', 't2', 't3', 't4'];
    const w = setup({ themes: themes.map((id) => ({ id, name: id })), votingUnit: 'person' });
    const finals = new Map<string, { org: string; theme: string; criterion: string }>();
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let i = 0; i < 5_000; i++) {
      const person = `p${next(9)}`;
      const org = ['a', 'b', 'c'][Number(person.slice(1)) % 3]!;
      const theme = themes[next(4)]!;
      const criterion = next(2) === 0 ? 'importance' : 'potential';
      const value = next(7) === 0 ? undefined : next(6) === 0 ? null : 1 + next(5);
      w.answer(person, org, value, criterion, theme);
      const key = `${person}/${theme}/${criterion}`;
      if (value === undefined) finals.delete(key);
      else finals.set(key, { org, theme, criterion });
    }
    const recount = ['a', 'b', 'c'].map((org) => themes.filter((theme) => ['importance', 'potential'].every((c) => [...finals.values()].some((f) => f.org === org && f.theme === theme && f.criterion === c))).length);
    expect([...w.tally.orgThemesRated]).toEqual(recount);
  });

  it('A-7: counters only: 10,000 changes leave exactly the final answers', () => {
    const w = setup({ votingUnit: 'person' });
    for (let i = 0; i < 10_000; i++) w.answer(`p${i % 7}`, ['a', 'b', 'c'][(i % 7) % 3]!, 1 + (i % 5));
    // The final answer of person k is from the last i with i % 7 === k.
    const finals = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) finals.set(i % 7, 1 + (i % 5));
    const values = [...finals.values()];
    expect(w.stats().nPersons).toBe(7);
    expect(w.stats().mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 7, 12);
  });
});
