/**
 * The embedded default database: one SQLite file, nothing to install.
 * WAL lets readers run beside the single writer; synchronous=FULL makes every
 * commit durable before the answer it carries is acknowledged (SPEC D-1).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { KyselyWorkshopStore } from './kyselyStore.js';
import { migrationProvider, type Database } from './migrations.js';

export interface SqliteStoreOptions {
  file: string;
}

export async function openSqliteStore({ file }: SqliteStoreOptions): Promise<KyselyWorkshopStore> {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return new KyselyWorkshopStore(db);
}
