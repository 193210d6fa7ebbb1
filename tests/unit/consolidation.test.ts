/**
 * Consolidation (SPEC C-2 … C-4), individual results and pseudonyms (E-1 … E-3),
 * formula neutralising and the CSV writer, with hand-built inputs.
 */
import { describe, expect, it } from 'vitest';
import { consolidate, themesByTier, type Decision } from '../../shared/domain/consolidation.js';
import { computeIndividualResults, namesVisible, pseudonymLetters } from '../../shared/domain/individual.js';
import type { Results, ThemeResult } from '../../shared/domain/results.js';
import { Tally } from '../../shared/domain/tally.js';
import type { Tier } from '../../shared/domain/tiering.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { toCsv } from '../../server/export/csv.js';
import { neutraliseFormula } from '../../server/export/neutralise.js';

function theme(themeId: string, tier: Tier | null): ThemeResult {
  return { themeId, tier, score: null, insufficientData: tier === null, discuss: false, criteria: [] };
}

const results: Results = {
  votingUnit: 'organisation',
  themes: [theme('a', 'I'), theme('b', 'I'), theme('c', 'II'), theme('d', 'III'), theme('e', null)],
  ranking: ['a', 'b', 'c', 'd', 'e'],
};

const decision = (seq: number, themeId: string, from: Tier | null, to: Tier, computed: Tier | null): Decision => ({
  seq,
  themeId,
  from,
  to,
  computed,
  reason: `Grund ${seq}`,
  at: 1_000 + seq,
});

describe('consolidation', () => {
  it('C-3: without decisions the computed tiers stand and nothing is moved', () => {
    const c = consolidate(results, []);
    expect(c.themes.map((t) => [t.themeId, t.tier, t.moved])).toEqual([
      ['a', 'I', false],
      ['b', 'I', false],
      ['c', 'II', false],
      ['d', 'III', false],
      ['e', null, false],
    ]);
  });

  it('C-2, C-3: the latest decision wins; moving back to the computed tier is not "moved"; the trail keeps all', () => {
    const trail = [decision(1, 'a', 'I', 'III', 'I'), decision(2, 'd', 'III', 'I', 'III'), decision(3, 'a', 'III', 'I', 'I'), decision(4, 'e', null, 'II', null)];
    const c = consolidate(results, trail);
    const byId = Object.fromEntries(c.themes.map((t) => [t.themeId, t]));
    expect(byId.a).toMatchObject({ tier: 'I', computed: 'I', moved: false, reason: 'Grund 3' });
    expect(byId.d).toMatchObject({ tier: 'I', computed: 'III', moved: true, reason: 'Grund 2' });
    expect(byId.e).toMatchObject({ tier: 'II', computed: null, moved: true });
    expect(c.trail).toHaveLength(4);
    // C-4: by decided tier, then in the computed ranking within a tier.
    expect(c.themes.map((t) => t.themeId)).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(themesByTier(c)).toEqual({ I: ['a', 'b', 'd'], II: ['c', 'e'], III: [], none: [] });
  });

  it('C-3: "moved" compares with the tier computed now, so a changed rule can make a decision agree', () => {
    const c = consolidate({ ...results, themes: results.themes.map((t) => (t.themeId === 'd' ? theme('d', 'I') : t)) }, [decision(1, 'd', 'III', 'I', 'III')]);
    expect(c.themes.find((t) => t.themeId === 'd')).toMatchObject({ tier: 'I', computed: 'I', moved: false });
  });
});

describe('individual results', () => {
  const config = workshopFromTemplate('coesfeld');
  const tally = new Tally(config);
  const cell = tally.cell('bildung', 'importance');
  // Coesfeld: two people (5 and 3 → 4); Olfen: one person (2); Senden: an abstention only.
  tally.change(tally.organisation('coesfeld'), cell, undefined, 5);
  tally.change(tally.organisation('coesfeld'), cell, undefined, 3);
  tally.change(tally.organisation('olfen'), cell, undefined, 2);
  tally.change(tally.organisation('senden'), cell, undefined, null);
  const order = ['senden', 'olfen', 'kreis', 'coesfeld', ...config.organisations.map((o) => o.id).filter((id) => !['senden', 'olfen', 'kreis', 'coesfeld'].includes(id))];

  it('E-1: one entry per organisation that answered, its own mean (A-2) per theme and criterion', () => {
    const named = computeIndividualResults(tally, config, order, true);
    expect(named.map((o) => o.key)).toEqual(['coesfeld', 'olfen', 'senden']);
    const coesfeld = named[0]!.themes.find((t) => t.themeId === 'bildung')!.criteria[0]!;
    expect(coesfeld).toEqual({ criterionId: 'importance', mean: 4, nPersons: 2, abstentions: 0 });
    expect(named[2]!.themes.find((t) => t.themeId === 'bildung')!.criteria[0]).toEqual({ criterionId: 'importance', mean: null, nPersons: 0, abstentions: 1 });
    expect(named.map((o) => o.name)).toEqual(['Coesfeld', 'Olfen', 'Senden']);
  });

  it('E-3: without names, letters follow the secret order among those who answered; no name or id leaks', () => {
    const hidden = computeIndividualResults(tally, config, order, false);
    expect(hidden.map((o) => [o.key, o.pseudonym, o.name])).toEqual([
      ['org-a', 'A', null],
      ['org-b', 'B', null],
      ['org-c', 'C', null],
    ]);
    // Senden is first in the order, so it is A; Coesfeld is C.
    expect(hidden[2]!.themes.find((t) => t.themeId === 'bildung')!.criteria[0]!.mean).toBe(4);
    expect(JSON.stringify(hidden)).not.toMatch(/coesfeld|olfen|senden/i);
  });

  it('E-2: where names may appear', () => {
    expect(['facilitator', 'projector', 'export'].map((a) => namesVisible('facilitator', a as 'facilitator'))).toEqual([true, false, false]);
    expect(['facilitator', 'projector', 'export'].map((a) => namesVisible('public', a as 'facilitator'))).toEqual([true, true, true]);
    expect(['facilitator', 'projector', 'export'].map((a) => namesVisible('anonymous', a as 'facilitator'))).toEqual([false, false, false]);
  });

  it('pseudonym letters go on after Z', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(pseudonymLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('spreadsheet safety and CSV (X-1, X-6)', () => {
  it('X-6: text that a spreadsheet could run gets an apostrophe; other text is untouched', () => {
    const dangerous = [
      '=1+1', '+49 2541', '-2', '@SUM(A1)', '\tx', '\rx', '\nx', '\0=1+1', '=HYPERLINK("http://x","y")',
      // Full-width forms, which some spreadsheets fold to their ASCII signs.
      '＝1+1', '＋49', '－2', '＠SUM(A1)',
    ];
    for (const text of dangerous) expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    // Only the first character counts: a sign later in the text or after a leading space is ordinary text.
    for (const safe of ['Verwaltung', '<img src=x onerror=alert(1)>', ' =1', "'=1", '', 'a\0=1', 'A＝B']) {
      expect(neutraliseFormula(safe), JSON.stringify(safe)).toBe(safe);
    }
  });

  it('X-1: BOM, quoting, CRLF, numbers by variant and never neutralised', () => {
    const rows = [
      ['Thema', 'Wert'],
      ['Innenstadt; "Dorfmitte"', 3.456789],
      ['=cmd', -0.5],
      ['Zeile\numbruch', null],
    ];
    expect(toCsv(rows, 'standard')).toBe('\uFEFFThema,Wert\r\nInnenstadt; "Dorfmitte",3.4568\r\n\'=cmd,-0.5\r\n"Zeile\numbruch",\r\n'.replace('Innenstadt; "Dorfmitte"', '"Innenstadt; ""Dorfmitte"""'));
    expect(toCsv(rows, 'excel-de')).toBe('\uFEFFThema;Wert\r\n"Innenstadt; ""Dorfmitte""";3,4568\r\n\'=cmd;-0,5\r\n"Zeile\numbruch";\r\n');
  });
});
