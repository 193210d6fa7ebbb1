/**
 * Amounts in euros as people type them (SPEC DD-3): a number, or a text with a
 * decimal comma ("1.234,50", "30 000", "2500,-") or point ("1234.50"). Stored
 * as a number of euros with at most two decimals (whole cents).
 */
import { z } from 'zod';

/** The largest cost or budget accepted: 100 million euros. */
export const MAX_EURO = 100_000_000;

/**
 * A typed amount in euros, or null when it is not one. With a comma, the comma
 * is the decimal separator and points or spaces group thousands; without one,
 * points followed by exactly three digits group thousands ("30.000" is thirty
 * thousand, as German readers mean it) and a single other point is decimal.
 */
export function parseEuro(text: string): number | null {
  let s = text.trim().replace(/\s*€\s*|\s*EUR\s*/giu, '').replace(/,-$/u, '');
  s = s.replace(/[\u00A0\u202F ']/gu, '');
  if (s === '') return null;
  let normal: string;
  if (s.includes(',')) {
    if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/u.test(s)) return null;
    normal = s.replace(/\./gu, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/u.test(s)) {
    normal = s.replace(/\./gu, '');
  } else if (/^\d+(\.\d{1,2})?$/u.test(s)) {
    normal = s;
  } else return null;
  const value = Number(normal);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

/** A non-negative amount in euros, at most MAX_EURO, in whole cents; typed text is accepted (see parseEuro). */
export const euroSchema = z
  .union([z.number(), z.string().max(40)])
  .transform((value, ctx) => {
    const amount = typeof value === 'number' ? value : parseEuro(value);
    if (amount === null || !Number.isFinite(amount)) {
      ctx.addIssue({ code: 'custom', message: 'not an amount in euros (e.g. 12.500 or 12500,50)' });
      return z.NEVER;
    }
    if (amount < 0) {
      ctx.addIssue({ code: 'custom', message: 'an amount cannot be negative' });
      return z.NEVER;
    }
    if (amount > MAX_EURO) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_EURO} euros` });
      return z.NEVER;
    }
    if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: 'at most two decimals (whole cents)' });
      return z.NEVER;
    }
    return Math.round(amount * 100) / 100;
  });
