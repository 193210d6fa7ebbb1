/** The roster as it is edited on the page: weights as typed (a German reader types "1,5"). */
import type { Organisation } from '../../../../shared/schemas';

export interface RosterRow {
  id: string;
  name: string;
  weight: string;
}

const MAX_WEIGHT = 1000;

export function rowsOf(organisations: readonly Organisation[], language: string): RosterRow[] {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 3, useGrouping: false });
  return organisations.map((o) => ({ id: o.id, name: o.name, weight: format.format(o.weight) }));
}

/** "1,5" and "1.5" are both one and a half; anything else is not a number. */
export function parseWeight(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$|^\.\d+$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export type RosterProblem = { key: 'emptyName' } | { key: 'duplicateName'; name: string } | { key: 'badWeight'; name: string } | { key: 'tooMany'; max: number };

/** The first thing that keeps the roster from being saved, or the organisations to send. */
export function checkRoster(rows: readonly RosterRow[], max: number): { ok: true; organisations: Organisation[] } | { ok: false; problem: RosterProblem } {
  if (rows.length > max) return { ok: false, problem: { key: 'tooMany', max } };
  const seen = new Set<string>();
  const organisations: Organisation[] = [];
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) return { ok: false, problem: { key: 'emptyName' } };
    const folded = name.toLocaleLowerCase('de-DE');
    if (seen.has(folded)) return { ok: false, problem: { key: 'duplicateName', name } };
    seen.add(folded);
    const weight = parseWeight(row.weight);
    if (!(weight > 0 && weight <= MAX_WEIGHT)) return { ok: false, problem: { key: 'badWeight', name } };
    organisations.push({ id: row.id, name, weight });
  }
  return { ok: true, organisations };
}

export function sameRoster(rows: readonly RosterRow[], organisations: readonly Organisation[]): boolean {
  return rows.length === organisations.length && rows.every((row, i) => row.id === organisations[i]!.id && row.name.trim() === organisations[i]!.name && parseWeight(row.weight) === organisations[i]!.weight);
}
