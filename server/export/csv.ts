/**
 * CSV exports (SPEC X-1): UTF-8 with a byte order mark so that Excel shows
 * umlauts, RFC 4180 quoting, CRLF line ends. Two variants: 'standard' (comma,
 * decimal point) and 'excel-de' (semicolon, decimal comma) for a German Excel.
 */
import type { Report } from '../../shared/domain/report.js';
import { neutraliseFormula } from './neutralise.js';
import { de } from './strings.js';

export type CsvVariant = 'standard' | 'excel-de';

/** A cell: text (neutralised), a number (formatted for the variant) or empty. */
export type Cell = string | number | null;

const BOM = '\uFEFF';

function format(cell: Cell, variant: CsvVariant, separator: string): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number'
      ? variant === 'excel-de'
        ? String(round(cell)).replace('.', ',')
        : String(round(cell))
      : neutraliseFormula(cell);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Four decimals are plenty for means on a 1–5 scale and keep 3.3333333333 readable. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function toCsv(rows: readonly (readonly Cell[])[], variant: CsvVariant): string {
  const separator = variant === 'excel-de' ? ';' : ',';
  return BOM + rows.map((row) => row.map((cell) => format(cell, variant, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** One row per theme: statistics per criterion, combined score, computed and decided tier, reason. */
export function themeRows(report: Report): Cell[][] {
  const c = de.columns;
  const header: Cell[] = [c.rank, c.theme];
  for (const criterion of report.criteria) {
    for (const column of [c.mean, c.median, c.sd, c.nOrganisations, c.nPersons, c.abstentions]) header.push(`${criterion.label}: ${column}`);
  }
  header.push(c.score, c.computed, c.decided, c.moved, c.reason, c.discuss, c.insufficient);
  const rows = report.themes.map((theme, index): Cell[] => [
    index + 1,
    theme.name,
    ...theme.criteria.flatMap((s) => [s.mean, s.median, s.sd, s.nOrganisations, s.nPersons, s.abstentions]),
    theme.score,
    de.tierShort(theme.computed),
    de.tierShort(theme.decided),
    theme.moved ? de.yes : de.no,
    theme.reason ?? '',
    theme.discuss ? de.yes : de.no,
    theme.insufficientData ? de.yes : de.no,
  ]);
  return [header, ...rows];
}

/** Long format: one row per organisation × theme × criterion, with the group's mean beside it. */
export function individualRows(report: Report): Cell[][] {
  const c = de.columns;
  const label = new Map(report.criteria.map((k) => [k.id, k.label] as const));
  const rows: Cell[][] = [[c.organisation, c.theme, c.criterion, c.own, c.group, c.difference, c.nPersons, c.abstentions]];
  for (const org of report.individual) {
    const name = org.name ?? de.organisation(org.pseudonym);
    for (const theme of org.themes) {
      for (const k of theme.criteria) {
        const difference = k.own !== null && k.group !== null ? k.own - k.group : null;
        rows.push([name, theme.name, label.get(k.criterionId) ?? k.criterionId, k.own, k.group, difference, k.nPersons, k.abstentions]);
      }
    }
  }
  return rows;
}
