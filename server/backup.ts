/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database under
 * KONSENS_DATA_DIR (./data) while Konsens runs. Restore: stop Konsens, put the
 * copy in place as konsens.sqlite (removing konsens.sqlite-wal and -shm), start.
 * PostgreSQL (DATABASE_URL) is backed up with its own tools, pg_dump and pg_restore.
 */
import { resolve } from 'node:path';
import { backupSqlite } from './store/backup.js';

const target = process.argv[2];
if (!target) {
  console.error('Aufruf: npm run backup -- <Zieldatei>, z. B. npm run backup -- /srv/sicherung/konsens-2026-11-28.sqlite');
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  console.error('Konsens läuft auf PostgreSQL (DATABASE_URL): sichern Sie mit pg_dump --format=custom, wiederherstellen mit pg_restore (README, „Running several nodes“).');
  process.exit(2);
}
const source = resolve(process.env.KONSENS_DATA_DIR ?? './data', 'konsens.sqlite');
backupSqlite(source, resolve(target)).then(
  ({ pages }) => console.log(`Sicherung geschrieben: ${resolve(target)} (${pages} Seiten)`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
