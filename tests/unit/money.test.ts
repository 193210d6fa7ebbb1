/** Amounts in euros as people type them (SPEC DD-3): the decimal comma, thousands groups, and what is refused. */
import { describe, expect, it } from 'vitest';
import { euroSchema, MAX_EURO, parseEuro } from '../../shared/money.js';

describe('euros as typed', () => {
  it.each([
    ['12.500,50', 12500.5],
    ['12500,5', 12500.5],
    ['30.000', 30000],
    ['30 000', 30000],
    ['30\u202F000 €', 30000],
    ['1.234.567', 1234567],
    ['2.500,- €', 2500],
    ['1234.50', 1234.5],
    ['0,99', 0.99],
    ['  75 EUR ', 75],
    ['0', 0],
  ])('DD-3: %s is %d €', (text, euros) => {
    expect(parseEuro(text)).toBe(euros);
    expect(euroSchema.parse(text)).toBe(euros);
  });

  it.each(['', 'zwölf', '12,345', '1.2.3', '12.50.00', '1,2,3', '-5', '5-', '1e3', '0x10', 'NaN', 'Infinity', '12,'])('DD-3: "%s" is not an amount', (text) => {
    expect(parseEuro(text)).toBeNull();
    expect(euroSchema.safeParse(text).success).toBe(false);
  });

  it('DD-3: numbers: non-negative, at most the maximum, whole cents', () => {
    expect(euroSchema.parse(30000)).toBe(30000);
    expect(euroSchema.parse(0.1 + 0.2)).toBe(0.3);
    for (const bad of [-0.01, MAX_EURO + 1, 0.001, Number.NaN, Number.POSITIVE_INFINITY]) expect(euroSchema.safeParse(bad).success, String(bad)).toBe(false);
    expect(euroSchema.parse(MAX_EURO)).toBe(MAX_EURO);
  });
});
