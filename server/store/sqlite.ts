/**
 * The embedded default database: one SQLite file, nothing to install.
 * WAL lets readers run beside the single writer; synchronous=FULL makes every
 * commit durable before the answer it carries is acknowledged (SPEC D-1).
 * Answers are committed on a worker thread (sqliteAnswerWriter.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { KyselyWorkshopStore } from './kyselyStore.js';
import { SqliteAnswerWriter } from './sqliteAnswerWriter.js';
import { migrationProvider, type Database } from './migrations.js';

export interface SqliteStoreOptions {
  file: string;
  /** Commit answers on a worker thread (default); false writes them through Kysely on this thread. */
  answerWorker?: boolean;
}

/** A connection to the file as every connection of Konsens opens it (the worker threads' too). */
export function sqliteKysely(file: string): Kysely<Database> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function openSqliteStore({ file, answerWorker = true }: SqliteStoreOptions): Promise<KyselyWorkshopStore> {
  mkdirSync(dirname(file), { recursive: true });
  const db = sqliteKysely(file);
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  const store = new KyselyWorkshopStore(db, { kind: 'sqlite', file }, answerWorker ? { writer: new SqliteAnswerWriter(file) } : {});
  // Imports a crash interrupted are invisible; their rows go.
  await store.dropUnfinishedImports(Date.now());
  return store;
}
