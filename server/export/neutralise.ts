/**
 * SPEC X-6: a text cell of a spreadsheet export can never become a formula
 * (ASVS 5.0 1.2.10, OWASP CSV injection): a text that begins with "=", "+",
 * "-", "@", a tab, CR, LF or NUL — or their full-width forms, which some
 * spreadsheets fold to ASCII — gets a leading apostrophe, which spreadsheets
 * read as "this is text". Numbers are written as numbers and are not touched.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0＝＋－＠]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
