/** Decimal numbers as the page's language writes them (DecimalField), and the forms' own small checks. */
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, readDecimal } from '../../client/src/views/common/decimal.js';
import { emailProblem, isPlausibleEmail, wholeNumberIn } from '../../client/src/views/common/fieldChecks.js';

describe('decimal numbers as typed', () => {
  it.each([
    ['3,8', 3.8],
    ['3.8', 3.8],
    [' 3,8 ', 3.8],
    ['4', 4],
    ['0,25', 0.25],
    [',5', 0.5],
    ['.5', 0.5],
    ['3,', 3],
    ['-0,5', -0.5],
    ['−1,5', -1.5],
    ['-0', 0],
    ['1000', 1000],
  ])('"%s" is %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['', ' ', ',', '.', '-', 'drei', '3,8,1', '1.000,5', '3 8', '1e3', '0x10', '+3', 'NaN', 'Infinity', '3,8 €'])('"%s" is not a number', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('shows the decimal comma in German and the point in English, without thousands groups', () => {
    expect(formatDecimal(3.8, 'de', 1)).toBe('3,8');
    expect(formatDecimal(3.8, 'en', 1)).toBe('3.8');
    expect(formatDecimal(4, 'de', 1)).toBe('4');
    expect(formatDecimal(0.25, 'de', 2)).toBe('0,25');
    expect(formatDecimal(0.25, 'de', 1)).toBe('0,3');
    expect(formatDecimal(1000, 'de', 2)).toBe('1000');
    expect(formatDecimal(1000, 'en', 2)).toBe('1000');
  });

  it('reads back what it shows', () => {
    for (const value of [0, 0.1, 1.5, 3.8, 4.25, 99.99, 1000]) {
      for (const language of ['de', 'en']) expect(parseDecimal(formatDecimal(value, language, 2))).toBe(value);
    }
  });

  it('checks the range after rounding to the field\'s places, and says where a number outside would be clamped', () => {
    const scale = { min: 1, max: 5, digits: 1 };
    expect(readDecimal('3,8', scale)).toEqual({ status: 'ok', value: 3.8 });
    expect(readDecimal('3,84', scale)).toEqual({ status: 'ok', value: 3.8 });
    expect(readDecimal('5,04', scale)).toEqual({ status: 'ok', value: 5 });
    expect(readDecimal('7', scale)).toEqual({ status: 'outOfRange', value: 7, clamped: 5 });
    expect(readDecimal('0,5', scale)).toEqual({ status: 'outOfRange', value: 0.5, clamped: 1 });
    expect(readDecimal('', scale)).toEqual({ status: 'notNumber' });
    expect(readDecimal('3,8,1', scale)).toEqual({ status: 'notNumber' });
  });
});

describe('the forms\' own checks', () => {
  it.each(['name@kreis-coesfeld.de', ' a@b ', 'vorname.nachname+tag@example.org'])('"%s" is a plausible e-mail address', (text) => {
    expect(isPlausibleEmail(text)).toBe(true);
    expect(emailProblem(text)).toBeNull();
  });

  it.each(['name', '@kreis.de', 'name@', 'a@b@c', 'name @kreis.de'])('"%s" is not', (text) => {
    expect(isPlausibleEmail(text)).toBe(false);
    expect(emailProblem(text)).not.toBeNull();
  });

  it('an empty address and a wrong one are told apart', () => {
    const t = ((key: string) => key) as never;
    expect(emailProblem('  ')!(t)).toBe('formCheck.enterEmail');
    expect(emailProblem('name')!(t)).toBe('formCheck.emailInvalid');
  });

  it('whole numbers within their range', () => {
    expect(wholeNumberIn('100', 1, 1000)).toBe(100);
    expect(wholeNumberIn(' 5 ', 1, 5)).toBe(5);
    expect(wholeNumberIn('0', 1, 1000)).toBeNull();
    expect(wholeNumberIn('6', 1, 5)).toBeNull();
    expect(wholeNumberIn('2,5', 1, 5)).toBeNull();
    expect(wholeNumberIn('', 1, 5)).toBeNull();
  });
});
