/** What a database error means, for SQLite and PostgreSQL alike. */

/** A PostgreSQL error of this SQLSTATE (pg sets `code`). */
export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/** SQLite: "UNIQUE constraint failed"; PostgreSQL: 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /UNIQUE constraint failed/i.test(message) || isCode(error, '23505');
}
