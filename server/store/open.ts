/**
 * Which store Konsens runs on: PostgreSQL when DATABASE_URL is set (issue 16),
 * otherwise the embedded SQLite file under the data directory.
 */
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyWorkshopStore } from './kyselyStore.js';
import type { Database } from './migrations.js';
import { openPostgresStore, postgresKysely } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { StoreLocation } from './types.js';

export function storeLocation(env: NodeJS.ProcessEnv, dataDir: string): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: 'sqlite', file: resolve(dataDir, 'konsens.sqlite') };
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/konsens)');
  return { kind: 'postgres', url };
}

/** The store with its migrations run and its writer for answers and joins. */
export function openStore(location: StoreLocation): Promise<KyselyWorkshopStore> {
  return location.kind === 'sqlite' ? openSqliteStore({ file: location.file }) : openPostgresStore({ url: location.url });
}

/**
 * A second connection to a store that is open elsewhere (a worker thread's:
 * imports), without migrations and without a writer of its own.
 */
export function connectStore(location: StoreLocation): KyselyWorkshopStore {
  if (location.kind === 'postgres') return new KyselyWorkshopStore(postgresKysely(location.url, 2), location);
  const sqlite = new BetterSqlite3(location.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new KyselyWorkshopStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), location);
}
