/**
 * Which store Konsens runs on: PostgreSQL when DATABASE_URL is set (issue 16),
 * otherwise the embedded SQLite file under the data directory.
 */
import { resolve } from 'node:path';
import { KyselyWorkshopStore } from './kyselyStore.js';
import { openPostgresStore, postgresKysely } from './postgres.js';
import { openSqliteStore, sqliteKysely } from './sqlite.js';
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
  return new KyselyWorkshopStore(sqliteKysely(location.file), location);
}
