/**
 * The PostgreSQL store, chosen by DATABASE_URL (issue 16): the same
 * KyselyWorkshopStore as on SQLite over Kysely's Postgres dialect and `pg`.
 * Answers and joins go through one group-commit queue (groupCommit.ts) so
 * that the answer log keeps its order across the pool's connections.
 * Several Konsens processes can share one database.
 */
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { log } from '../log.js';
import { GroupCommitWriter } from './groupCommit.js';
import { KyselyWorkshopStore } from './kyselyStore.js';
import type { Database } from './migrations.js';
import { postgresMigrationProvider } from './postgresMigrations.js';

const INT8 = 20;

/**
 * A pool whose bigint columns read as numbers (times in milliseconds and log
 * positions stay far below 2^53); `pg` reads them as strings otherwise.
 */
export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection that breaks (the database restarted) must not end the process: the next query reconnects,
  // and readiness says so meanwhile (H-7).
  pool.on('error', (error) => log.warn({ type: error.name, message: error.message }, 'database connection lost'));
  return pool;
}

export function postgresKysely(url: string, max?: number): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(url, max) }) });
}

export async function openPostgresStore({ url }: { url: string }): Promise<KyselyWorkshopStore> {
  const db = postgresKysely(url);
  const { error } = await new Migrator({ db, provider: postgresMigrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  const store = new KyselyWorkshopStore(db, { kind: 'postgres', url }, { writer: new GroupCommitWriter(db) });
  // Imports a crash interrupted are invisible; their rows go.
  await store.dropUnfinishedImports(Date.now());
  return store;
}

/** The address without its password, for the start banner and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
