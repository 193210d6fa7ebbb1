/**
 * The XLSX workbook (SPEC X-2), built with exceljs: an overview with the
 * decided tiers, per-theme statistics, individual results per organisation and
 * the consolidation's audit trail. Numbers are numeric cells; every text goes
 * through the formula neutraliser, and no cell is ever written as a formula.
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

function addTable(sheet: ExcelJS.Worksheet, rows: readonly (readonly Cell[])[], widths: number[]): void {
  const first = sheet.rowCount + 1;
  rows.forEach((row, index) => {
    const added = sheet.addRow(row.map(value));
    if (index === 0) added.font = { bold: true };
    added.eachCell((cell) => {
      if (typeof cell.value === 'number' && !Number.isInteger(cell.value)) cell.numFmt = DECIMAL;
      cell.alignment = { vertical: 'top', wrapText: typeof cell.value === 'string' && cell.value.length > 30 };
    });
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: first, xSplit: 0 }];
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Konsens';
  workbook.title = report.title;
  workbook.created = new Date(report.generatedAt);

  const summary = workbook.addWorksheet(de.sheets.summary);
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
  );
  summary.addRow([]);
  for (const paragraph of de.method(report)) summary.addRow([value(paragraph)]);

  addTable(workbook.addWorksheet(de.sheets.themes), themeRows(report), [8, 34, ...report.criteria.flatMap(() => [12, 10, 12, 12, 12, 12]), 14, 12, 12, 10, 60, 12, 12]);
  addTable(workbook.addWorksheet(de.sheets.organisations), individualRows(report), [28, 34, 24, 14, 14, 12, 12, 12]);

  const trail = workbook.addWorksheet(de.sheets.trail);
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
