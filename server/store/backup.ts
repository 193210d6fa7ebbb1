/**
 * SQLite backup (issue 16): a consistent copy of the live database file,
 * taken with SQLite's online backup while Konsens runs (writers are not
 * stopped; the copy is the state of one moment, WAL included).
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(target)) throw new Error(`${target} exists: choose a new file for the backup`);
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
