/**
 * SPEC X-6: a text cell of a spreadsheet export can never become a formula
 * (ASVS 5.0 1.2.10, OWASP CSV injection): a text that begins with "=", "+",
 * "-", "@", a tab, CR or LF gets a leading apostrophe, which spreadsheets read
 * as "this is text". Numbers are written as numbers and are not touched.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
