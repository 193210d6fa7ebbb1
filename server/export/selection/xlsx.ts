/**
 * profiles.xlsx (SPEC SE-10): the profiles (Steckbriefe) and the vote with
 * both rules' outcome, ready to filter and print. Numbers are numeric cells;
 * every text goes through the formula neutraliser (X-6), no cell is a formula.
 */
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../neutralise.js';
import { germanDate, germanDateTime, de } from '../strings.js';
import type { SelectionExport } from './model.js';
import { germanEuro, sel } from './strings.js';

type Cell = string | number | null;

const EURO = '#,##0.00 "€"';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };

const text = (value: Cell): Cell => (typeof value === 'string' ? neutraliseFormula(value) : value);

interface Column {
  header: string;
  width: number;
  euro?: boolean;
}

/** Lines above the table, then the table with a frozen header, an autofilter and landscape printing at page width. */
function table(sheet: ExcelJS.Worksheet, lines: string[], columns: Column[], rows: Cell[][]): number {
  for (const [i, line] of lines.entries()) {
    const row = sheet.addRow([text(line)]);
    if (i === 0) row.font = { bold: true, size: 13 };
  }
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((c) => text(c.header)));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'bottom', wrapText: true };
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map(text));
    row.eachCell((cell, n) => {
      if (columns[n - 1]?.euro && typeof cell.value === 'number') cell.numFmt = EURO;
      cell.alignment = { vertical: 'top', wrapText: typeof cell.value === 'string' && cell.value.length > 20 };
    });
  }
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const headerRow = header.number;
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columns.length } };
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  return headerRow + rows.length;
}

function heading(model: SelectionExport): string[] {
  return [
    model.processTitle ? `${model.processTitle}: ${model.title}` : model.title,
    [model.date ? germanDate(model.date) : null, model.status].filter(Boolean).join(' · '),
  ];
}

const yesNo = (value: boolean) => (value ? de.yes : de.no);
const inOut = (outcome: { selected: boolean } | null) => (outcome === null ? '–' : outcome.selected ? sel.in : sel.out);

export async function renderSelectionXlsx(model: SelectionExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Konsens';
  workbook.title = model.title;
  workbook.created = new Date(model.generatedAt);

  table(
    workbook.addWorksheet('Steckbriefe'),
    [...heading(model), sel.notARanking],
    [
      { header: 'Nr.', width: 6 },
      { header: 'Titel', width: 32 },
      { header: 'Thema', width: 18 },
      { header: 'Ziel', width: 48 },
      { header: 'Federführung', width: 22 },
      { header: 'Partner', width: 28 },
      { header: 'Kosten (€)', width: 14, euro: true },
      { header: 'Zeitplan', width: 20 },
      { header: 'Status', width: 14 },
    ],
    model.profiles.map((p) => [p.number, p.title, p.themeName, p.goal, p.lead ?? '', p.partners, p.cost, p.timeline, p.status]),
  );

  const vote = workbook.addWorksheet('Abstimmung');
  const units = model.vote?.units ?? [];
  const about = model.vote
    ? `Abstimmung ${model.vote.number}: ${model.vote.label}${model.vote.closedAt === null ? ' (noch offen)' : `, geschlossen am ${germanDateTime(model.vote.closedAt)}`}`
    : 'Noch keine Abstimmung.';
  const budget = model.budget === null ? 'Kein Budget festgelegt.' : `Budget ${germanEuro(model.budget)}; entscheidende Regel: ${sel.rule[model.rule]}`;
  const last = table(
    vote,
    [...heading(model), about, budget],
    [
      { header: 'Idee', width: 30 },
      { header: 'Thema', width: 16 },
      ...units.map((u) => ({ header: u, width: 12 })),
      { header: 'Punkte gesamt', width: 10 },
      { header: 'Kosten (€)', width: 14, euro: true },
      { header: `${sel.ruleShort.greedy}`, width: 24 },
      { header: `Begründung (${sel.ruleShort.greedy})`, width: 40 },
      { header: `${sel.ruleShort.equalShares}`, width: 14 },
      { header: `Begründung (${sel.ruleShort.equalShares})`, width: 44 },
      { header: 'Abweichung', width: 18 },
      { header: 'Begründung der Abweichung', width: 32 },
      { header: 'In der Auswahl', width: 10 },
    ],
    model.ideas.map((i) => [
      i.title,
      i.themeName,
      ...i.points,
      i.total,
      i.cost,
      inOut(i.greedy),
      i.greedy?.reason ?? '',
      inOut(i.equalShares),
      i.equalSharesNamed ?? '',
      i.override?.decision ?? '',
      i.override?.reason ?? '',
      yesNo(i.inSelection),
    ]),
  );
  if (model.spent !== null && model.left !== null) {
    vote.getRow(last + 2).values = ['Ausgegeben', model.spent];
    vote.getRow(last + 3).values = ['Verbleibend', model.left];
    for (const r of [last + 2, last + 3]) vote.getCell(r, 2).numFmt = EURO;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
