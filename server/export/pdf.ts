/**
 * The PDF report (German, A4 portrait), ready to attach to a committee paper
 * ("Sitzungsvorlage"): title and status, participants, method, the tiers, a
 * 2×2 matrix of the first two criteria, the statistics per theme, the
 * consolidation trail and the individual results. Tagged PDF (H1/H2/H3, P,
 * Table/TR/TH/TD, Figure; rules, shading and page footers are artifacts) with
 * embedded DejaVu Sans (and a fallback font for what it lacks, glyphs.ts);
 * every word is real text, so it can be extracted.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { fontRuns, measurable } from './glyphs.js';
import type { Report, ReportTheme } from '../../shared/domain/report.js';
import type { Tier } from '../../shared/domain/tiering.js';
import { de, germanDate, germanDateTime, germanDecimal, germanShortDateTime } from './strings.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const resolve = createRequire(import.meta.url).resolve;
export const FONT = {
  regular: resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export const MARGIN = { top: 56, bottom: 62, left: 56, right: 56 };
export const [INK, GREY, RULE, SHADE, ACCENT, QUADRANT] = ['#1a1a1a', '#5f6368', '#c5c9ce', '#f2f4f6', '#1f4e79', '#eef3f9'];
/** Font sizes of body text, tables and chart labels; horizontal cell padding. */
const [BODY, TABLE, LABEL, PAD] = [9.5, 7.5, 7, 3];

type Shape = 'circle' | 'square' | 'triangle' | 'diamond';
/** The same shapes and colours as the screens' matrix and tier badges (● I, ▲ II, ■ III). */
const TIER_STYLE: Record<Tier | 'none', { color: string; shape: Shape; label: string }> = {
  I: { color: '#0b4f94', shape: 'circle', label: de.tier('I') },
  II: { color: '#9a4d00', shape: 'triangle', label: de.tier('II') },
  III: { color: '#4d4d4d', shape: 'square', label: de.tier('III') },
  none: { color: '#ffffff', shape: 'diamond', label: 'ohne Einstufung' },
};

/** German wording used only here; the shared wording lives in strings.ts. */
const T = {
  kicker: 'Ergebnisbericht',
  workshopOn: (date: string) => `Workshop am ${date}`,
  generated: (at: string) => `Erstellt am ${at} mit Konsens`,
  provisional: 'Vorläufig',
  participants: 'Teilnehmende Organisationen',
  method: 'Vorgehen',
  tiers: 'Ergebnis: Prioritäten',
  noTier: 'Ohne Einstufung (zu wenige Daten)',
  empty: '–',
  matrix: 'Matrix',
  matrixNeedsTwo: 'Die Matrix braucht zwei Kriterien; dieser Workshop hat nur ein Kriterium.',
  matrixFirstTwo: 'Dargestellt sind die ersten beiden Kriterien; alle Kriterien stehen in der Tabelle „Ergebnisse je Thema“.',
  matrixIntro: (x: string, y: string) =>
    `Jedes Thema ist nach seinen Mittelwerten für „${x}“ (waagerecht) und „${y}“ (senkrecht) eingetragen; die gestrichelten Linien teilen die Skala in der Mitte. Form und Farbe der Punkte zeigen die konsolidierte Priorität.`,
  matrixAlt: (x: string, y: string, points: string) => `Matrix der Themen nach ${x} (waagerecht) und ${y} (senkrecht): ${points}.`,
  notInChart: (names: string) => `Nicht im Diagramm (zu wenige Daten): ${names}.`,
  themes: 'Ergebnisse je Thema',
  part: (from: number, to: number) => (from === to ? `Kriterium ${from}` : `Kriterien ${from} bis ${to}`),
  mean: 'MW',
  sd: 'SD',
  n: 'n',
  abstentions: 'Enth.',
  score: 'Kombinierter Wert',
  priority: 'Priorität',
  computed: 'Berechnet',
  decided: 'Konsolidiert',
  themeNotes: { discuss: 'Diskussionsbedarf', insufficient: 'zu wenige Daten', moved: 'verschoben' },
  legend: (unit: Report['votingUnit']) =>
    `MW = Mittelwert, SD = Standardabweichung, n = Zahl der ${unit === 'organisation' ? 'Organisationen' : 'Personen'} mit Bewertung, Enth. = Enthaltungen („Kann ich nicht beurteilen“). Kombinierter Wert: 0 = alle am unteren, 1 = alle am oberen Skalenende. Diskussionsbedarf: die Bewertungen liegen weit auseinander; zu wenige Daten: zu wenige Organisationen haben bewertet; verschoben: in der Konsolidierung anders eingestuft als berechnet.`,
  consolidation: 'Konsolidierung',
  unchanged: 'Die berechneten Prioritäten wurden ohne Änderung übernommen.',
  notYet: 'Die Konsolidierung hat noch nicht stattgefunden.',
  fromTo: 'Von → Nach',
  individual: 'Einzelergebnisse',
  individualIntro: 'Je Organisation ihr eigener Wert (Mittelwert ihrer Vertreterinnen und Vertreter) neben dem Mittelwert der Gruppe.',
  individualNone: 'Für diesen Bericht liegen keine Einzelergebnisse vor.',
  own: 'Organisation',
  group: 'Gruppe',
  continued: (caption: string) => `${caption} (Fortsetzung)`,
  page: (page: number, pages: number) => `Seite ${page} von ${pages}`,
};

export interface Column {
  header: string;
  align?: 'left' | 'right' | 'center';
  /** Share of the width left over by the fixed columns; fixed (fit to content) when absent. */
  flex?: number;
  max?: number;
}
/** A cell's text, with an optional note in small grey type below it. */
export type Cell = { text: string; note?: string };
type TableAttributes = { Scope: 'Column'; ColSpan?: number };
type Box = { x: number; y: number; w: number; h: number };
type Marker = Box & { x0: number; y0: number; theme: ReportTheme };
interface TableSpec {
  columns: Column[];
  /** An optional header row above the column headers: labels spanning columns. */
  groups?: { text: string; span: number }[];
  rows: (string | Cell)[][];
  /** Less vertical padding, for the long appendix tables. */
  dense?: boolean;
  /** Shown above the repeated header on later pages: "<caption> (Fortsetzung)". */
  caption: string;
}

export class Writer {
  readonly root: Struct;
  readonly left = MARGIN.left;
  readonly width: number;

  constructor(readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Start a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The main font last chosen with font(): the one print() falls back from. */
  private current = FONT.regular;

  font(size: number, bold = false, color = INK): Doc {
    this.current = bold ? FONT.bold : FONT.regular;
    // By path: pdfkit caches fonts by path, but reopens a registered alias of the document's default font on every switch.
    return this.doc.font(this.current).fontSize(size).fillColor(color);
  }

  /** doc.text in the current font, with characters it lacks set in a fallback font (never an empty box). */
  print(text: string, x?: number, y?: number, options: PDFKit.Mixins.TextOptions = {}): Doc {
    const { doc } = this;
    const runs = fontRuns(text, this.current);
    if (runs.length === 1 && runs[0]!.font === this.current) return doc.text(runs[0]!.text, x, y, options);
    runs.forEach((run, i) => {
      const more = { ...options, continued: i < runs.length - 1 };
      doc.font(run.font);
      if (i === 0) doc.text(run.text, x, y, more);
      else doc.text(run.text, more);
    });
    return doc.font(this.current);
  }

  /** heightOfString and widthOfString for text that print() draws. */
  heightOf(text: string, options?: PDFKit.Mixins.TextOptions): number {
    return this.doc.heightOfString(measurable(text, this.current), options);
  }

  widthOf(text: string): number {
    return this.doc.widthOfString(measurable(text, this.current));
  }

  /** Draw inside a structure element of `type`, as marked content. */
  tagged(type: string, draw: () => void, parent: Struct = this.root, options: PDFKit.Mixins.StructureElementOptions = {}, table?: TableAttributes): void {
    const element = this.doc.struct(type, options);
    // pdfkit writes table attributes (PDF 32000 14.8.5.7) of structure elements, its types do not declare them.
    if (table) (element as unknown as { dictionary: { data: { A?: object } } }).dictionary.data.A = { O: 'Table', ...table };
    parent.add(element);
    element.add(draw);
    element.end();
  }

  /** Decoration that carries no content (rules, shading, page furniture). */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  paragraph(text: string, { size = BODY, bold = false, color = INK, gap = 5 } = {}): void {
    this.font(size, bold, color);
    // At least three lines on this page; a longer paragraph may continue on the next.
    this.ensure(Math.min(this.heightOf(text, { width: this.width, lineGap: 1.5 }), 3 * (size + 3)));
    this.tagged('P', () => this.print(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 }));
    this.doc.y += gap;
  }

  /** A heading, kept on one page with at least `keep` points of what follows. */
  heading(level: 1 | 2 | 3, text: string, keep = 60): void {
    const size = level === 1 ? 18 : level === 2 ? 12.5 : 9.5;
    const before = level === 2 ? 12 : level === 3 ? 6 : 0;
    this.font(size, true, level === 2 ? ACCENT : INK);
    const height = this.heightOf(text, { width: this.width });
    this.ensure(before + height + keep);
    if (this.doc.y > MARGIN.top) this.doc.y += before;
    this.tagged(`H${level}`, () => this.print(text, this.left, this.doc.y, { width: this.width }));
    this.doc.y += level === 3 ? 2 : 4;
  }

  /** A table whose rows break across pages, with the header repeated (as an artifact) under a "(Fortsetzung)" caption. */
  table(spec: TableSpec, size = TABLE): void {
    const { doc } = this;
    const head = size - 0.5;
    const widths = this.columnWidths(spec, size);
    const xs = widths.map((_, i) => this.left + sum(widths.slice(0, i)));
    const right = this.left + sum(widths);
    const vpad = spec.dense ? 1.8 : PAD;
    const heightOf = (text: string, width: number, textSize: number, bold = false) =>
      text ? (this.font(textSize, bold), this.heightOf(text, { width: width - 2 * PAD })) : 0;
    // Header rows: the group labels (spanning columns), then the column headers; text sits at the bottom.
    let column = 0;
    const groupCells = (spec.groups ?? []).map((g) => ({ ...g, x: xs[column]!, w: sum(widths.slice(column, (column += g.span))), align: 'center' as const }));
    const columnCells = spec.columns.map((c, i) => ({ text: c.header, span: 1, x: xs[i]!, w: widths[i]!, align: c.align }));
    const headerRows = [groupCells, columnCells]
      .filter((cells) => cells.length > 0)
      .map((cells) => ({ cells, h: Math.max(...cells.map((c) => heightOf(c.text, c.w, head, true))) + 2 * PAD }));
    const table = doc.struct('Table');
    this.root.add(table);
    const drawHeader = (repeated: boolean) => {
      let top = doc.y;
      if (repeated) this.artifact(() => this.font(size, true, GREY).text(T.continued(spec.caption), this.left, top - size - 6, { lineBreak: false }));
      for (const { cells, h } of headerRows) {
        const row = repeated ? null : doc.struct('TR');
        if (row) table.add(row);
        for (const c of cells) {
          const y = top + h - PAD - heightOf(c.text, c.w, head, true);
          const draw = () => c.text && (this.font(head, true), this.print(c.text, c.x + PAD, y, { width: c.w - 2 * PAD, align: c.align }));
          if (row) this.tagged('TH', draw, row, {}, c.span > 1 ? { Scope: 'Column', ColSpan: c.span } : { Scope: 'Column' });
          else this.artifact(draw);
          if (cells === groupCells && c.text) {
            this.artifact(() => doc.moveTo(c.x + PAD, top + h - 1).lineTo(c.x + c.w - PAD, top + h - 1).lineWidth(0.5).strokeColor(RULE).stroke());
          }
        }
        row?.end();
        top += h;
      }
      this.artifact(() => doc.moveTo(this.left, top).lineTo(right, top).lineWidth(0.9).strokeColor(INK).stroke());
      doc.y = top;
    };

    const rows = spec.rows.map((r) => r.map((v): Cell => (typeof v === 'string' ? { text: v } : v)));
    const heights = rows.map(
      (cells) => Math.max(...cells.map((c, i) => heightOf(c.text, widths[i]!, size) + (c.note ? heightOf(c.note, widths[i]!, size - 1) + 1 : 0))) + 2 * vpad,
    );
    this.ensure(sum(headerRows.map((r) => r.h)) + (heights[0] ?? 0));
    drawHeader(false);
    rows.forEach((cells, r) => {
      const height = heights[r]!;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        doc.y += size + 6;
        drawHeader(true);
      }
      const top = doc.y;
      this.artifact(() => {
        if (r % 2 === 1) doc.rect(this.left, top, right - this.left, height).fill(SHADE);
        doc.moveTo(this.left, top + height).lineTo(right, top + height).lineWidth(0.4).strokeColor(RULE).stroke();
      });
      const row = doc.struct('TR');
      table.add(row);
      cells.forEach((c, i) => {
        const options = { width: widths[i]! - 2 * PAD, align: spec.columns[i]!.align };
        this.tagged('TD', () => {
          this.font(size);
          this.print(c.text, xs[i]! + PAD, top + vpad, options);
          if (c.note) this.font(size - 1, false, GREY).text(c.note, xs[i]! + PAD, doc.y + 1, options);
        }, row);
      });
      row.end();
      doc.y = top + height;
    });
    table.end();
    doc.x = this.left;
    doc.y += 8;
  }

  /** Fixed columns fit their longest header word and value; flexible columns share the rest (up to their max). */
  private columnWidths(spec: TableSpec, size: number): number[] {
    const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((word) => (this.font(size - 0.5, true), this.widthOf(word))));
    const natural = spec.columns.map((c, i) => {
      const values = spec.rows.map((r) => (this.font(size), this.widthOf(typeof r[i] === 'string' ? r[i] : r[i]!.text)));
      return Math.min(Math.max(longestWord(c.header), ...values) + 2 * PAD + 1, c.max ?? Infinity);
    });
    const flex = sum(spec.columns.map((c) => c.flex ?? 0));
    // The flexible column (theme names) keeps at least this much; fixed columns share the rest.
    const budget = this.width - (flex > 0 ? Math.min(this.width * 0.3, 130) : 0);
    const fixedWidth = () => sum(natural.filter((_, i) => !spec.columns[i]!.flex));
    // A group label's longest word ("Digitalisierungspotenzial") should fit across the fixed columns it
    // spans: it may take from the flexible column down to 90 points (names wrap there, at spaces); only
    // a label longer still wraps inside the word.
    const groupBudget = this.width - (flex > 0 ? Math.min(this.width * 0.3, 90) : 0);
    let first = 0;
    let widened = false;
    for (const g of spec.groups ?? []) {
      const span = Array.from({ length: g.span }, (_, k) => first + k).filter((i) => !spec.columns[i]!.flex);
      const missing = Math.min(longestWord(g.text) + 2 * PAD + 1 - sum(span.map((i) => natural[i]!)), Math.max(budget, groupBudget) - fixedWidth());
      if (missing > 0) for (const i of span) natural[i]! += missing / span.length;
      if (missing > 0) widened = true;
      first += g.span;
    }
    // Widened for a group label, the fixed columns may use the group budget; otherwise the ordinary one.
    const shrink = Math.min(1, (widened ? Math.max(budget, groupBudget) : budget) / fixedWidth());
    const fixed = natural.map((w, i) => (spec.columns[i]!.flex ? 0 : w * shrink));
    const rest = Math.max(0, this.width - sum(fixed));
    return spec.columns.map((c, i) => (c.flex ? Math.min((rest * c.flex) / flex, c.max ?? Infinity) : fixed[i]!));
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Criterion indices in groups of at most `size`, so that a table stays within the page width. */
function criterionParts(report: Report, size: number): number[][] {
  const indices = report.criteria.map((_, i) => i);
  return Array.from({ length: Math.ceil(indices.length / size) }, (_, p) => indices.slice(p * size, (p + 1) * size));
}

function drawMarker(doc: Doc, tier: Tier | 'none', x: number, y: number, r = 3.6): void {
  const { color, shape } = TIER_STYLE[tier];
  doc.save().lineWidth(0.7);
  if (shape === 'circle') doc.circle(x, y, r);
  else if (shape === 'square') doc.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else if (shape === 'triangle') doc.polygon([x, y - r * 1.15], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]);
  else doc.polygon([x, y - r * 1.2], [x + r * 1.2, y], [x, y + r * 1.2], [x - r * 1.2, y]);
  doc.fillAndStroke(color, tier === 'none' ? GREY : '#ffffff').restore();
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** A chart label: the name on at most two lines of at most 115 points, cut with "…" beyond. */
function fitLabel(w: Writer, name: string): { text: string; w: number; h: number } {
  const doc = w.font(LABEL);
  let width = Math.min(w.widthOf(name) + 1, 115);
  const fits = (text: string) => w.heightOf(text, { width, lineGap: 0 }) <= doc.currentLineHeight() * 2 + 0.5;
  let text = name;
  for (const words = name.split(' '); !fits(text) && words.length > 1; ) {
    words.pop();
    text = `${words.join(' ')} …`;
  }
  // By code points: cutting between the halves of a surrogate pair would leave half a character.
  while (!fits(text) && [...text].length > 2) text = `${[...text].slice(0, -2).join('')}…`;
  const h = w.heightOf(text, { width, lineGap: 0 });
  // Narrow the box to the text, so that its white background hides no more of the chart than needed.
  while (width > 20 && w.heightOf(text, { width: width - 4, lineGap: 0 }) <= h) width -= 4;
  return { text, w: width, h };
}

/**
 * Greedy label placement: for each marker the nearest of eight spots around it
 * that overlaps no label or marker and stays inside the plot; farther out (the
 * caller draws a leader line) when the near spots are taken, else the least overlap.
 */
function placeLabels(writer: Writer, markers: Marker[], inner: Box) {
  const placed: Box[] = [];
  return markers.map(({ x0, y0, theme }) => {
    const { text, w, h } = fitLabel(writer, theme.name);
    let best = { box: { x: x0, y: y0, w, h }, cost: Infinity, far: false };
    for (const [k, d] of [5, 9, 16, 26, 40, 56].entries()) {
      const spots = [
        [x0 + d, y0 - h / 2], [x0 - d - w, y0 - h / 2], [x0 - w / 2, y0 - d - h], [x0 - w / 2, y0 + d],
        [x0 + d * 0.7, y0 - d * 0.7 - h], [x0 + d * 0.7, y0 + d * 0.7], [x0 - d * 0.7 - w, y0 - d * 0.7 - h], [x0 - d * 0.7 - w, y0 + d * 0.7],
      ] as const;
      for (const [x, y] of spots) {
        const box = { x, y, w, h };
        const outside = w * h - overlap(box, inner);
        const crowded = placed.reduce((sum, b) => sum + 3 * overlap(box, b), 0) + markers.reduce((sum, b) => sum + overlap(box, b), 0);
        const cost = outside * 1000 + crowded + k * 4;
        if (cost < best.cost) best = { box, cost, far: k > 0 };
      }
      if (best.cost <= k * 4) break;
    }
    placed.push(best.box);
    return { ...best, x0, y0, text };
  });
}

function matrix(w: Writer, report: Report): void {
  const { doc } = w;
  // As on the screens: the first criterion (Bedeutung) upwards, the second (Digitalisierungspotenzial) to the right.
  const [cy, cx] = report.criteria;
  w.heading(2, T.matrix, cx ? 400 : 30);
  if (!cx || !cy) return w.paragraph(T.matrixNeedsTwo);
  const { min, max } = report.scale;
  const inChart = (t: ReportTheme) => t.criteria[0]?.mean != null && t.criteria[1]?.mean != null;
  const points = report.themes.filter(inChart);
  const missing = report.themes.filter((t) => !inChart(t));
  w.paragraph(T.matrixIntro(cx.label, cy.label), { size: 8.5, color: GREY });
  if (report.criteria.length > 2) w.paragraph(T.matrixFirstTwo, { size: 8.5, color: GREY });

  const plot = { x: w.left + 22, y: doc.y + 16, w: w.width - 26, h: 290 };
  const px = (v: number) => plot.x + ((v - min) / (max - min)) * plot.w;
  const py = (v: number) => plot.y + plot.h - ((v - min) / (max - min)) * plot.h;
  const step = Math.max(1, Math.ceil((max - min) / 10));
  const ticks = Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);
  const mid = (min + max) / 2;
  const alt = T.matrixAlt(
    cx.label,
    cy.label,
    points.map((t) => `${t.name} (${germanDecimal(t.criteria[1]!.mean)}; ${germanDecimal(t.criteria[0]!.mean)}; ${de.tier(t.decided)})`).join(', ') || T.empty,
  );
  w.ensure(16 + plot.h + 50);

  w.tagged('Figure', () => {
    // Axis titles, grid, ticks and the dashed quadrant lines at the scale midpoint.
    w.font(8, true);
    w.print(`↑ ${cy.label}`, w.left, plot.y - 14, { width: w.width, lineBreak: false });
    doc.save();
    doc.rect(px(mid), plot.y, plot.x + plot.w - px(mid), py(mid) - plot.y).fill(QUADRANT);
    doc.lineWidth(0.4).strokeColor('#e3e6e9');
    for (const t of ticks) doc.moveTo(px(t), plot.y).lineTo(px(t), plot.y + plot.h).moveTo(plot.x, py(t)).lineTo(plot.x + plot.w, py(t));
    doc.stroke().rect(plot.x, plot.y, plot.w, plot.h).lineWidth(0.7).strokeColor('#9aa0a6').stroke();
    doc.moveTo(px(mid), plot.y).lineTo(px(mid), plot.y + plot.h).moveTo(plot.x, py(mid)).lineTo(plot.x + plot.w, py(mid));
    doc.dash(4, { space: 3 }).lineWidth(0.9).strokeColor(GREY).stroke().undash().restore();
    w.font(7.5, false, GREY);
    for (const t of ticks) {
      doc.text(String(t), px(t) - 15, plot.y + plot.h + 4, { width: 30, align: 'center', lineBreak: false });
      doc.text(String(t), plot.x - 24, py(t) - 4, { width: 20, align: 'right', lineBreak: false });
    }
    w.font(8, true);
    w.print(`${cx.label} →`, plot.x, plot.y + plot.h + 16, { width: plot.w, align: 'right', lineBreak: false });

    // Labels: the first free spot around the marker, farther out (with a leader line) when crowded.
    const markers = points.map((theme): Marker => {
      const x0 = px(theme.criteria[1]!.mean!);
      const y0 = py(theme.criteria[0]!.mean!);
      return { x0, y0, theme, x: x0 - 5, y: y0 - 5, w: 10, h: 10 };
    });
    const labels = placeLabels(w, markers, { x: plot.x + 2, y: plot.y + 2, w: plot.w - 4, h: plot.h - 4 });
    for (const { box, far, x0, y0 } of labels) {
      if (!far) continue;
      const tx = Math.max(box.x, Math.min(x0, box.x + box.w));
      const ty = Math.max(box.y, Math.min(y0, box.y + box.h));
      const length = Math.hypot(tx - x0, ty - y0) || 1;
      const [sx, sy] = [x0 + ((tx - x0) * 4.5) / length, y0 + ((ty - y0) * 4.5) / length];
      doc.save().moveTo(sx, sy).lineTo(tx, ty).lineWidth(0.5).strokeColor(GREY).stroke().restore();
    }
    // White under the labels keeps them legible over grid and quadrant lines; markers stay on top.
    for (const { box } of labels) doc.save().rect(box.x - 1, box.y - 0.5, box.w + 1, box.h + 0.5).fillOpacity(0.8).fill('#ffffff').restore();
    // In reverse, so that Priority I is drawn on top where markers coincide.
    for (const m of [...markers].reverse()) drawMarker(doc, m.theme.decided ?? 'none', m.x0, m.y0);
    w.font(LABEL);
    for (const { box, text } of labels) w.print(text, box.x, box.y, { width: box.w, lineGap: 0 });

    // Legend: shape and colour for each tier.
    let x = plot.x;
    const y = plot.y + plot.h + 32;
    const tiers = (['I', 'II', 'III', 'none'] as const).filter((t) => t !== 'none' || points.some((p) => p.decided === null));
    for (const tier of tiers) {
      drawMarker(doc, tier, x + 4, y + 4.5);
      w.font(8).text(TIER_STYLE[tier].label, x + 12, y, { lineBreak: false });
      x += 24 + doc.widthOfString(TIER_STYLE[tier].label);
    }
  }, w.root, { alt });
  doc.x = w.left;
  doc.y = plot.y + plot.h + 50;
  if (missing.length > 0) w.paragraph(T.notInChart(missing.map((t) => t.name).join(', ')), { size: 8.5 });
}

function themeTable(w: Writer, report: Report): void {
  w.heading(2, T.themes, 90);
  const parts = criterionParts(report, 2);
  parts.forEach((part, p) => {
    if (parts.length > 1) w.heading(3, T.part(part[0]! + 1, part.at(-1)! + 1));
    const withTiers = p === 0;
    const columns: Column[] = [{ header: de.columns.theme, flex: 1 }];
    for (const _ of part) columns.push(...[T.mean, T.sd, T.n, T.abstentions].map((header) => ({ header, align: 'right' as const })));
    if (withTiers) columns.push({ header: T.score, align: 'right' }, { header: T.computed, align: 'center' }, { header: T.decided, align: 'center' });
    const groups = [{ text: '', span: 1 }, ...part.map((c) => ({ text: report.criteria[c]!.label, span: 4 }))];
    if (withTiers) groups.push({ text: '', span: 1 }, { text: T.priority, span: 2 });
    const rows = report.themes.map((t) => {
      const notes = [t.discuss && T.themeNotes.discuss, t.insufficientData && T.themeNotes.insufficient, t.moved && T.themeNotes.moved];
      const note = notes.filter(Boolean).join(' · ');
      const row: (string | Cell)[] = [note ? { text: t.name, note } : t.name];
      for (const c of part) {
        const s = t.criteria[c]!;
        const n = report.votingUnit === 'organisation' ? s.nOrganisations : s.nPersons;
        row.push(germanDecimal(s.mean), germanDecimal(s.sd), String(n), String(s.abstentions));
      }
      if (withTiers) row.push(germanDecimal(t.score), de.tierShort(t.computed), de.tierShort(t.decided));
      return row;
    });
    w.table({ columns, groups, rows, caption: T.themes });
  });
  w.paragraph(T.legend(report.votingUnit), { size: 7.5, color: GREY });
}

function trailSection(w: Writer, report: Report): void {
  w.heading(2, T.consolidation);
  if (report.trail.length === 0) {
    return w.paragraph(report.phase === 'consolidating' || report.phase === 'finalised' ? T.unchanged : T.notYet);
  }
  const c = de.columns;
  w.table({
    caption: T.consolidation,
    columns: [
      { header: c.seq, align: 'right' },
      // "24.11.2026, 14:05" on one line: a fixed column as wide as the longest time.
      { header: c.at },
      { header: c.theme, flex: 1 },
      { header: T.fromTo, max: 96 },
      { header: c.reason, flex: 1.6 },
    ],
    rows: report.trail.map((d) => [String(d.seq), germanShortDateTime(d.at), d.themeName, `${de.tier(d.from)} → ${de.tier(d.to)}`, d.reason]),
  });
}

function individualSection(w: Writer, report: Report): void {
  w.heading(2, T.individual);
  if (report.individual.length === 0) return w.paragraph(T.individualNone);
  w.paragraph(T.individualIntro);
  for (const org of report.individual) {
    const label = org.name ?? de.organisation(org.pseudonym);
    // Keep a short table on one page with its heading; long ones may break (header repeated).
    const height = 34 + 12 * org.themes.length;
    w.heading(3, label, height <= 220 ? height : 110);
    for (const part of criterionParts(report, 3)) {
      const columns: Column[] = [{ header: de.columns.theme, flex: 1, max: 200 }];
      for (const _ of part) columns.push({ header: T.own, align: 'right' }, { header: T.group, align: 'right' });
      w.table({
        dense: true,
        caption: label,
        columns,
        groups: [{ text: '', span: 1 }, ...part.map((c) => ({ text: report.criteria[c]!.label, span: 2 }))],
        rows: org.themes.map((t) => [t.name, ...part.flatMap((c) => [germanDecimal(t.criteria[c]?.own ?? null), germanDecimal(t.criteria[c]?.group ?? null)])]),
      }, 7);
    }
  }
}

/** Title block: title, date, status (a boxed "Vorläufig" until finalised), generation time. */
function titleBlock(w: Writer, report: Report): void {
  const { doc } = w;
  w.paragraph(T.kicker, { size: 9, bold: true, color: ACCENT, gap: 2 });
  w.heading(1, report.title);
  if (report.date !== null) w.paragraph(T.workshopOn(germanDate(report.date)), { size: 10.5, gap: 3 });
  const status = de.status(report);
  if (report.finalisedAt === null) {
    w.font(10.5, true);
    const height = w.heightOf(status, { width: w.width - 20 }) + 12;
    const top = doc.y + 4;
    w.artifact(() => doc.rect(w.left, top, w.width, height).lineWidth(1.5).fillAndStroke('#fdf3e3', ACCENT));
    w.tagged('P', () => w.font(10.5, true).text(status, w.left + 10, top + 6, { width: w.width - 20 }));
    doc.y = top + height + 6;
  } else {
    w.paragraph(status, { size: 10.5, gap: 3 });
  }
  w.paragraph(T.generated(germanDateTime(report.generatedAt)), { size: 8.5, color: GREY, gap: 2 });
  w.artifact(() => doc.moveTo(w.left, doc.y + 6).lineTo(w.left + w.width, doc.y + 6).lineWidth(0.6).strokeColor(RULE).stroke());
  doc.y += 8;
}

/** "Seite X von Y" and the title (plus "Vorläufig") at the foot of every page. */
export function footers(w: Writer, report: Pick<Report, 'title' | 'finalisedAt'>): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 22;
    w.artifact(() => {
      doc.moveTo(w.left, y - 6).lineTo(w.left + w.width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      const page = T.page(i - range.start + 1, range.count);
      w.font(7.5, false, GREY);
      const room = w.width - doc.widthOfString(page) - 20;
      let title = report.finalisedAt === null ? `${report.title} · ${T.provisional}` : report.title;
      while (title.length > 1 && w.widthOf(title) > room) title = `${[...title].slice(0, -2).join('')}…`;
      w.print(title, w.left, y, { lineBreak: false });
      doc.text(page, w.left, y, { width: w.width, align: 'right', lineBreak: false });
    });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

/** A tagged German A4 document with the embedded font (SPEC X-3), and its bytes once it is ended. */
export function newDocument(title: string, generatedAt: number): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    pdfVersion: '1.7',
    font: FONT.regular,
    info: { Title: title, Author: 'Konsens', Creator: 'Konsens', Subject: T.kicker, CreationDate: new Date(generatedAt) },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolveBuffer, reject) => {
    doc.on('end', () => resolveBuffer(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export async function renderPdf(report: Report): Promise<Buffer> {
  const { doc, done } = newDocument(report.title, report.generatedAt);

  const w = new Writer(doc);
  // Page 1 is what a committee reads first: the result and the decisions; how it came about follows.
  titleBlock(w, report);
  w.heading(2, T.tiers);
  for (const tier of ['I', 'II', 'III', 'none'] as const) {
    const names = report.tiers[tier];
    if (tier === 'none' && names.length === 0) continue;
    const label = tier === 'none' ? T.noTier : de.tier(tier);
    w.paragraph(`${label}: ${names.length > 0 ? names.join(', ') : T.empty}`, { size: 10.5, gap: 4 });
  }
  trailSection(w, report);
  w.heading(2, T.participants);
  w.paragraph(de.takingPart(report));
  w.heading(2, T.method);
  for (const text of de.method(report)) w.paragraph(text);
  matrix(w, report);
  themeTable(w, report);
  individualSection(w, report);
  footers(w, report);
  w.root.end();
  doc.end();
  return done;
}
