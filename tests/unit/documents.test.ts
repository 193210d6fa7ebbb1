/**
 * The Quick-Check's documents read back (SPEC, S-8, T-7): what the
 * input accepts prints in the PDF with a real glyph, what would break a file is
 * refused at the input, and the workbook carries its print setup.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { FALLBACK_FONTS, fontRuns } from '../../server/export/glyphs.js';
import { FONT, renderPdf } from '../../server/export/pdf.js';
import { renderXlsx } from '../../server/export/xlsx.js';
import { consolidate } from '../../shared/domain/consolidation.js';
import { computeIndividualResults } from '../../shared/domain/individual.js';
import { computeProgress } from '../../shared/domain/progress.js';
import { buildReport, type Report } from '../../shared/domain/report.js';
import { computeResults } from '../../shared/domain/results.js';
import { Tally } from '../../shared/domain/tally.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { reasonSchema, workshopConfigSchema, type TierMethod } from '../../shared/schemas.js';
import { tempDir } from '../support/harness.js';

/** Text the input accepts that DejaVu Sans cannot show: full-width signs, CJK, emoji. */
const WIDE = 'Kultur ＝＋－＠ 中文 🙂';
/** A private-use character: accepted, but in no font. */
const PRIVATE = '\uE000';

function report(method: TierMethod = 'threshold'): Report {
  const base = workshopFromTemplate('coesfeld');
  const config = workshopConfigSchema.parse({
    ...base,
    title: 'Quick-Check & Co ＠ Kreis',
    date: '2026-11-24',
    tierRule: { ...base.tierRule, method },
    themes: base.themes.map((t) => (t.id === 'kultur' ? { ...t, name: `${WIDE} ${PRIVATE}` } : t)),
  });
  const tally = new Tally(config);
  config.themes.forEach((theme, t) =>
    config.criteria.forEach((criterion, c) =>
      config.organisations.forEach((_, o) => tally.change(o, tally.cell(theme.id, criterion.id), undefined, Math.max(1, Math.min(5, 5 - Math.floor(t / 2) + ((o + c) % 2))))),
    ),
  );
  const results = computeResults(tally, config);
  const computed = results.themes.find((r) => r.themeId === 'kultur')!.tier;
  const consolidation = consolidate(results, [
    { seq: 1, themeId: 'kultur', from: computed, to: 'I', computed, reason: '＝ Ehrenamt stärken 👍', at: Date.UTC(2026, 10, 24, 13, 5) },
  ]);
  return buildReport({
    config,
    phase: 'finalised',
    finalisedAt: Date.UTC(2026, 10, 24, 14, 0),
    generatedAt: Date.UTC(2026, 10, 24, 14, 1),
    results,
    consolidation,
    progress: computeProgress(tally, config.organisations.map(() => 1)),
    individual: computeIndividualResults(tally, config, config.organisations.map((o) => o.id), true),
    showNames: true,
  });
}

function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Buffer, ...args: string[]): string {
  const file = join(tempDir('konsens-pdf-'), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

describe('input (S-8)', () => {
  it('S-8: a control character or a non-character in any Quick-Check text is refused; full-width signs and emoji are accepted', () => {
    const base = workshopFromTemplate('coesfeld');
    const withText = (text: string) => [
      { ...base, title: text },
      { ...base, themes: base.themes.map((t, i) => (i === 0 ? { ...t, name: text } : t)) },
      { ...base, themes: base.themes.map((t, i) => (i === 0 ? { ...t, description: text } : t)) },
      { ...base, organisations: base.organisations.map((o, i) => (i === 0 ? { ...o, name: text } : o)) },
      { ...base, criteria: base.criteria.map((c, i) => (i === 0 ? { ...c, label: text } : c)) },
    ];
    for (const bad of ['A\uFFFEB', 'A\uFFFFB', 'A\u0000B', 'A\u0007B', 'A\u001BB', 'A\u0085B', 'A\uD800B']) {
      for (const config of withText(bad)) expect(workshopConfigSchema.safeParse(config).success, JSON.stringify(bad)).toBe(false);
      expect(reasonSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const good of [WIDE, `${WIDE} ${PRIVATE}`, 'Straße „Mitte“ – 3 €']) {
      for (const config of withText(good)) expect(workshopConfigSchema.safeParse(config).success, good).toBe(true);
      expect(reasonSchema.safeParse(good).success).toBe(true);
    }
    // A reason may have several lines.
    expect(reasonSchema.parse('Zeile 1\nZeile 2')).toBe('Zeile 1\nZeile 2');
  });
});

describe('PDF report (X-3)', () => {
  it('X-3: every character the input accepts prints with a real glyph: DejaVu Sans, then Unifont; none is an empty box', async () => {
    // The fallback fonts come from Debian's fonts-unifont, which .ci/run installs.
    expect(FALLBACK_FONTS, 'fonts-unifont is installed').toHaveLength(2);
    const pdf = await renderPdf(report());
    const fonts = poppler('pdffonts', pdf);
    for (const name of ['DejaVuSans', 'DejaVuSans-Bold', 'Unifont', 'UnifontUpper']) expect(fonts).toMatch(new RegExp(`\\+${name}\\s.*\\byes\\s+yes\\s+yes\\b`));
    const text = poppler('pdftotext', pdf);
    expect(text).toContain(`${WIDE} \uFFFD`);
    expect(text).toContain('＝ Ehrenamt stärken 👍');
    // Each character is set in a font that has it; the private-use one (in no font) becomes "�", never a box.
    const runs = fontRuns(`${WIDE} ${PRIVATE}`, FONT.regular);
    expect(runs.map((r) => r.text).join('')).toBe(`${WIDE} \uFFFD`);
    expect(runs.filter((r) => r.font !== FONT.regular).map((r) => r.text.trim())).toEqual(['＝＋－＠', '中文', '🙂']);
  });

  it('X-3: page 1 holds the result and the decisions; the method follows; a decision\'s time is one line', async () => {
    const text = poppler('pdftotext', await renderPdf(report()), '-layout');
    const pages = text.split('\f');
    expect(pages[0]).toContain('Ergebnis: Prioritäten');
    expect(pages[0]).toContain('Konsolidierung');
    expect(pages[0]).toMatch(/1 +24\.11\.2026, 14:05 +Kultur/);
    const at = (heading: string) => text.indexOf(heading);
    expect(at('Ergebnis: Prioritäten')).toBeLessThan(at('Konsolidierung'));
    expect(at('Konsolidierung')).toBeLessThan(at('Vorgehen'));
    expect(at('Vorgehen')).toBeLessThan(at('Ergebnisse je Thema'));
    // The criterion's name stays whole above its columns.
    expect(text).toMatch(/Digitalisierungspotenzial\s*\n/);
    expect(text).not.toMatch(/Digitalisierungspotenzi\s*\n/);
  });

  it('T-7, X-3: the report names the tier rule in one sentence, with where the breaks fell', async () => {
    const byThreshold = poppler('pdftotext', await renderPdf(report('threshold'))).replace(/\s+/g, ' ');
    expect(byThreshold).toContain('Regel „feste Schwellen“: Priorität I erhält ein Thema ab einem Mittelwert von 3,8 auf der Skala (kombinierter Wert 0,70)');
    const byBreaks = poppler('pdftotext', await renderPdf(report('naturalBreaks'))).replace(/\s+/g, ' ');
    expect(byBreaks).toContain('Regel „größte Abstände“ (natürliche Brüche)');
    expect(byBreaks).toMatch(/In diesem Workshop: Priorität I ab einem kombinierten Wert von \d,\d\d/);
  });
});

describe('XLSX workbook (X-2)', () => {
  it('X-2: valid XML, landscape one page wide, header rows repeated, footer, autofilter on data sheets, properties', async () => {
    const xlsx = await renderXlsx(report('naturalBreaks'));
    const parts = unzipSync(new Uint8Array(xlsx));
    const xml = (path: string) => strFromU8(parts[path]!);
    for (const [path, data] of Object.entries(parts)) {
      if (!path.endsWith('.xml') && !path.endsWith('.rels')) continue;
      // XML 1.0 allows no C0 controls but tab, CR, LF and no U+FFFE/U+FFFF.
      // eslint-disable-next-line no-control-regex
      expect(strFromU8(data), path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Übersicht', 'Themen', 'Organisationen', 'Protokoll']);
    for (let i = 1; i <= 4; i++) {
      const sheet = xml(`xl/worksheets/sheet${i}.xml`);
      expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
      expect(sheet).toContain('<oddFooter>&amp;LQuick-Check &amp;&amp; Co ＠ Kreis&amp;RSeite &amp;P von &amp;N</oddFooter>');
      if (i > 1) expect(sheet).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
    }
    expect(xml('xl/worksheets/sheet2.xml')).toContain('<autoFilter ref="A1:U9"/>');
    const names = xml('xl/workbook.xml');
    for (const [id, sheet] of [[1, 'Themen'], [2, 'Organisationen'], [3, 'Protokoll']] as const) {
      expect(names).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${id}">&apos;${sheet}&apos;!$1:$1</definedName>`);
    }
    expect(names).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Übersicht&apos;!\$\d+:\$\d+<\/definedName>/);
    const core = xml('docProps/core.xml');
    expect(core).toContain('<dc:creator>Konsens</dc:creator>');
    expect(core).toContain('<dc:title>Quick-Check &amp; Co ＠ Kreis</dc:title>');
    // Every header cell wraps the same way.
    const themes = sheets[1]!.data;
    expect(themes[0]).toContain('Kombinierter Wert (0–1)');
    // T-7: the rule chosen is in the workbook's method.
    expect(sheets[0]!.data.flat().join(' ')).toContain('Regel „größte Abstände“ (natürliche Brüche)');
  });
});
