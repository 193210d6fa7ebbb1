/**
 * The XLSX workbook (SPEC X-2), built with exceljs: an overview with the
 * decided tiers, per-theme statistics, individual results per organisation and
 * the consolidation's audit trail. Numbers are numeric cells; every text goes
 * through the formula neutraliser, and no cell is ever written as a formula.
 * Every sheet prints landscape on A4, one page wide, with its header row
 * repeated and the title and page number in the footer; data sheets have an
 * autofilter on their table.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../../shared/domain/report.js';
import { individualRows, themeRows, type Cell } from './csv.js';
import { neutraliseFormula } from './neutralise.js';
import { de, germanDate, germanWallClock } from './strings.js';

const DECIMAL = '0.00';

function value(cell: Cell): string | number | null {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/** Columns at least this wide hold running text (names, reasons): they wrap; narrower ones do not. */
const TEXT_COLUMN = 30;

/**
 * A table: the header row bold and wrapped (every header the same way), the
 * body wrapped in text columns only; frozen below the header, which is also
 * repeated on every printed page. With `filter`, an autofilter over the table.
 */
function addTable(sheet: ExcelJS.Worksheet, rows: readonly (readonly Cell[])[], widths: number[], { filter = true } = {}): void {
  const first = sheet.rowCount + 1;
  rows.forEach((row, index) => {
    const added = sheet.addRow(row.map(value));
    if (index === 0) added.font = { bold: true };
    for (let column = 1; column <= row.length; column++) {
      const cell = added.getCell(column);
      if (typeof cell.value === 'number' && !Number.isInteger(cell.value)) cell.numFmt = DECIMAL;
      cell.alignment = index === 0 ? { vertical: 'bottom', wrapText: true } : { vertical: 'top', wrapText: (widths[column - 1] ?? 0) >= TEXT_COLUMN };
    }
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: first, xSplit: 0 }];
  sheet.pageSetup.printTitlesRow = `${first}:${first}`;
  const columns = rows[0]?.length ?? 0;
  if (filter && columns > 0) sheet.autoFilter = { from: { row: first, column: 1 }, to: { row: first + rows.length - 1, column: columns } };
}

/** A footer's text: "&" starts a code in Excel's header/footer syntax, so a literal one is doubled. */
function footerText(text: string): string {
  const short = [...text].length > 100 ? `${[...text].slice(0, 99).join('')}…` : text;
  return short.replace(/&/g, '&&');
}

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${footerText(title)}&RSeite &P von &N` },
  });
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Konsens';
  workbook.lastModifiedBy = 'Konsens';
  workbook.title = report.title;
  workbook.subject = de.workbookSubject;
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  const sheet = (name: string) => addSheet(workbook, name, report.title);

  const summary = sheet(de.sheets.summary);
  const heading = summary.addRow([value(report.title)]);
  heading.font = { bold: true, size: 14 };
  if (report.date) summary.addRow([germanDate(report.date)]);
  summary.addRow([de.status(report)]);
  summary.addRow([value(de.takingPart(report))]);
  summary.addRow([]);
  // These cells start with "Priorität", so no theme name in them can make them a formula.
  for (const tier of ['I', 'II', 'III'] as const) summary.addRow([`${de.tier(tier)}: ${report.tiers[tier].join(', ')}`]);
  if (report.tiers.none.length > 0) summary.addRow([`${de.tier(null)}: ${report.tiers.none.join(', ')}`]);
  summary.addRow([]);
  const c = de.columns;
  addTable(
    summary,
    [
      [c.rank, c.theme, c.decided, c.computed, c.score, c.moved, c.reason],
      ...report.themes.map((t, i): Cell[] => [
        i + 1,
        t.name,
        de.tierShort(t.decided),
        de.tierShort(t.computed),
        t.score,
        t.moved ? de.yes : de.no,
        t.reason ?? '',
      ]),
    ],
    [8, 34, 14, 14, 14, 10, 60],
    // The method follows below the table: a filter there would hide nothing useful.
    { filter: false },
  );
  summary.addRow([]);
  for (const paragraph of de.method(report)) summary.addRow([value(paragraph)]);

  addTable(sheet(de.sheets.themes), themeRows(report), [8, 34, ...report.criteria.flatMap(() => [12, 10, 12, 12, 12, 12]), 14, 12, 12, 10, 60, 12, 12]);
  addTable(sheet(de.sheets.organisations), individualRows(report), [28, 34, 24, 14, 14, 12, 12, 12]);

  const trail = sheet(de.sheets.trail);
  addTable(
    trail,
    [
      [c.seq, c.at, c.theme, c.from, c.to, c.computedAtTheTime, c.reason],
      ...report.trail.map((d): Cell[] => [d.seq, null, d.themeName, de.tier(d.from), de.tier(d.to), de.tier(d.computed), d.reason]),
    ],
    [6, 20, 34, 16, 16, 22, 70],
  );
  // Times as real date cells (Excel serial numbers), shown in German notation.
  report.trail.forEach((d, i) => {
    const cell = trail.getCell(i + 2, 2);
    cell.value = germanWallClock(d.at);
    cell.numFmt = 'dd.mm.yyyy hh:mm';
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
