/**
 * Schema migrations, written with Kysely's schema builder and portable SQL where
 * it can be (a PostgreSQL port needs an identity column for the answer log's
 * seq and its own check in migration 003). JSON goes into text columns; times
 * are milliseconds since the epoch.
 */
import { sql, type Generated, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '2026-11-24-001-quick-check': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workshops')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
        .addColumn('secret_hash', 'varchar(128)', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('phase', 'varchar(16)', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('participants')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('organisation_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('display_name', 'varchar(120)')
        .addColumn('token_hash', 'varchar(128)', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('participants_workshop').on('participants').column('workshop_id').execute();
      await db.schema
        .createTable('answers')
        .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('theme_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('criterion_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('value', 'integer')
        .addColumn('op_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('answers_pk', ['participant_id', 'theme_id', 'criterion_id'])
        .execute();
      await db.schema.createIndex('answers_workshop').on('answers').column('workshop_id').execute();
      await db.schema
        .createTable('answer_ops')
        .addColumn('participant_id', 'varchar(64)', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('op_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('answer_ops_pk', ['participant_id', 'op_id'])
        .execute();
      await db.schema.createIndex('answer_ops_workshop').on('answer_ops').column('workshop_id').execute();
    },
  },
  '2026-11-24-002-consolidation': {
    async up(db: Kysely<unknown>) {
      // Projector view, finalisation time and the pseudonym key (SPEC E-3, P-6) as JSON.
      await db.schema.alterTable('workshops').addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema
        .createTable('decisions')
        .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('theme_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('from_tier', 'varchar(8)')
        .addColumn('to_tier', 'varchar(8)', (c) => c.notNull())
        .addColumn('computed_tier', 'varchar(8)')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('decisions_pk', ['workshop_id', 'seq'])
        .execute();
    },
  },
  '2026-11-24-003-answer-log': {
    // Answers become an append-only log (SPEC D-1): one row per accepted operation, in order. Each
    // row is appended at the end of its B-tree, where the two tables before took six random B-tree
    // writes per answer (docs/BENCHMARKS.md: the store's CPU per answer fell from ~30 to ~6 µs).
    // The current answers are the log replayed; the views `answers` and `answer_ops` show them as before.
    async up(db: Kysely<unknown>) {
      // Kysely runs SQLite migrations outside a transaction; this one moves data, so it takes its own:
      // interrupted, nothing of it stays. A crash after its commit and before Kysely records it finds
      // the views in place and leaves them.
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ type: string }>`SELECT type FROM sqlite_master WHERE name = 'answer_ops'`.execute(trx);
        if (rows[0]?.type === 'view') return;
        await trx.schema
          .createTable('answer_log')
          // The row id (SQLite's rowid; PostgreSQL would need an identity column): rising, so the log's order is the order of the commits.
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
          // No foreign key: participants go only with their workshop, and a key would need a second index.
          .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('op_id', 'varchar(64)', (c) => c.notNull())
          // Null only for operation ids whose answer was overwritten or withdrawn before the log (migrated or imported).
          .addColumn('theme_id', 'varchar(64)')
          .addColumn('criterion_id', 'varchar(64)')
          .addColumn('value', 'integer')
          .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('answer_log_workshop').on('answer_log').column('workshop_id').execute();
        await sql`INSERT INTO answer_log (workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at)
          SELECT o.workshop_id, o.participant_id, o.op_id, NULL, NULL, NULL, 0, o.created_at FROM answer_ops o
          WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.participant_id = o.participant_id AND a.op_id = o.op_id)
          ORDER BY o.created_at`.execute(trx);
        await sql`INSERT INTO answer_log (workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at)
          SELECT workshop_id, participant_id, op_id, theme_id, criterion_id, value, 0, updated_at FROM answers ORDER BY updated_at`.execute(trx);
        await trx.schema.dropTable('answers').execute();
        await trx.schema.dropTable('answer_ops').execute();
        // For reading the database by hand (and for tests): the log replayed as in kyselyStore's replay(),
        // shaped like the two tables it replaced. A repeated operation id counts only where it first appears.
        const firsts = sql`SELECT *, row_number() OVER (PARTITION BY participant_id, op_id ORDER BY seq) AS occurrence FROM answer_log`;
        await trx.schema
          .createView('answers')
          .as(
            sql`SELECT workshop_id, participant_id, theme_id, criterion_id, value, op_id, at AS updated_at FROM (
              SELECT *, row_number() OVER (PARTITION BY participant_id, theme_id, criterion_id ORDER BY seq DESC) AS latest
              FROM (${firsts}) WHERE occurrence = 1 AND theme_id IS NOT NULL) WHERE latest = 1 AND withdrawn = 0`,
          )
          .execute();
        await trx.schema
          .createView('answer_ops')
          .as(sql`SELECT participant_id, op_id, workshop_id, at AS created_at FROM (${firsts}) WHERE occurrence = 1`)
          .execute();
      });
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export interface Database {
  workshops: {
    id: string;
    code: string;
    secret_hash: string;
    config: string;
    phase: string;
    revision: number;
    created_at: number;
    updated_at: number;
    meta: string;
  };
  participants: {
    id: string;
    workshop_id: string;
    organisation_id: string;
    display_name: string | null;
    token_hash: string;
    created_at: number;
  };
  decisions: {
    workshop_id: string;
    seq: number;
    theme_id: string;
    from_tier: string | null;
    to_tier: string;
    computed_tier: string | null;
    reason: string;
    at: number;
  };
  answer_log: {
    seq: Generated<number>;
    workshop_id: string;
    participant_id: string;
    op_id: string;
    theme_id: string | null;
    criterion_id: string | null;
    value: number | null;
    withdrawn: number;
    at: number;
  };
}
