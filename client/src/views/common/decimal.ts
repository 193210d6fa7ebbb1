/**
 * Decimal numbers as the reader writes them: "3,8" on a German page, "3.8" on
 * an English one. Typing accepts either separator, so the dot of a number pad
 * is not refused on a German page. No thousands groups: "1.000" would read as
 * one with either separator.
 */

/** "3,8", "3.8", ",5", "−0,5"; null when the text is not one decimal number. */
export function parseDecimal(text: string): number | null {
  const match = /^([-−]?)(\d*)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  return sign && value !== 0 ? -value : value;
}

/** The number as the language writes it, with at most `digits` decimal places and no thousands groups. */
export function formatDecimal(value: number, language: string, digits: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, useGrouping: false }).format(value);
}

export interface DecimalRange {
  min: number;
  max: number;
  /** Decimal places kept; more are rounded away. */
  digits: number;
}

export type DecimalReading = { status: 'ok'; value: number } | { status: 'notNumber' } | { status: 'outOfRange'; value: number; clamped: number };

/** What the typed text means for a field with this range: a value, no number at all, or a number outside (and where it would be clamped). */
export function readDecimal(text: string, { min, max, digits }: DecimalRange): DecimalReading {
  const parsed = parseDecimal(text);
  if (parsed === null) return { status: 'notNumber' };
  const factor = 10 ** digits;
  const value = Math.round(parsed * factor) / factor;
  if (value < min || value > max) return { status: 'outOfRange', value, clamped: Math.min(max, Math.max(min, value)) };
  return { status: 'ok', value };
}
