/**
 * The PostgreSQL schema. PostgreSQL came after SQLite's migrations 001–006, so
 * its first migration creates the schema they add up to (same tables, columns
 * and views: `Database` in migrations.ts describes both). A later change to
 * the schema is a migration in both files; the contract suite
 * (tests/integration/store.test.ts) runs against both stores.
 *
 * Differences, each for PostgreSQL's sake: the logs' `seq` is an identity
 * column (SQLite: the rowid), strings are `text` (PostgreSQL enforces
 * varchar lengths; the boundary's schemas limit them), and the migrations run
 * in one transaction each (PostgreSQL's DDL is transactional).
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { createReplayViews } from './migrations.js';

const migrations: Record<string, Migration> = {
  '2026-11-29-001-schema': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('oidc_subject', 'text', (c) => c.unique())
        .addColumn('disabled_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('auth_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_sessions_account').on('auth_sessions').column('account_id').execute();
      await db.schema
        .createTable('invites')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('processes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('organisations', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('process_facilitators')
        .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id').onDelete('cascade'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('process_facilitators_pk', ['process_id', 'account_id'])
        .execute();
      await db.schema
        .createTable('workshops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('process_id', 'text', (c) => c.references('processes.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('quickcheck'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('workshops_process').on('workshops').column('process_id').execute();
      await db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('organisation_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('participants_workshop').on('participants').column('workshop_id').execute();
      await db.schema
        .createTable('decisions')
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('theme_id', 'text', (c) => c.notNull())
        .addColumn('from_tier', 'text')
        .addColumn('to_tier', 'text', (c) => c.notNull())
        .addColumn('computed_tier', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('by_account', 'text')
        .addColumn('by_name', 'text')
        .addPrimaryKeyConstraint('decisions_pk', ['workshop_id', 'seq'])
        .execute();
      // The answer log (SPEC D-5): rising seq, so the log's order is the order of the commits.
      await db.schema
        .createTable('answer_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('op_id', 'text', (c) => c.notNull())
        .addColumn('theme_id', 'text')
        .addColumn('criterion_id', 'text')
        .addColumn('value', 'integer')
        .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answer_log_workshop').on('answer_log').column('workshop_id').execute();
      // The logged activities' operations (TC-4, VI-4, DD-4, SE-*), one per actor and opId.
      await db.schema
        .createTable('activity_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('op_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_log_op').on('activity_log').columns(['workshop_id', 'actor', 'op_id']).unique().execute();
      // For reading the database by hand, as on SQLite (D-5): the log replayed.
      const firsts = sql`SELECT *, row_number() OVER (PARTITION BY participant_id, op_id ORDER BY seq) AS occurrence FROM answer_log`;
      await db.schema
        .createView('answers')
        .as(
          sql`SELECT workshop_id, participant_id, theme_id, criterion_id, value, op_id, at AS updated_at FROM (
            SELECT *, row_number() OVER (PARTITION BY participant_id, theme_id, criterion_id ORDER BY seq DESC) AS latest
            FROM (${firsts}) AS firsts WHERE occurrence = 1 AND theme_id IS NOT NULL) AS latest WHERE latest = 1 AND withdrawn = 0`,
        )
        .execute();
      await db.schema
        .createView('answer_ops')
        .as(sql`SELECT participant_id, op_id, workshop_id, at AS created_at FROM (${firsts}) AS firsts WHERE occurrence = 1`)
        .execute();
    },
  },
  '2026-11-29-002-answer-writes': {
    // As SQLite's 007 (migrations.ts): one row per accepted write, its operations as JSON; each row of
    // the old log a write of one operation under its own seq, the view `answer_log` one row per operation.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('answer_writes')
        .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('ops', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answer_writes_workshop').on('answer_writes').column('workshop_id').execute();
      await sql`INSERT INTO answer_writes (seq, workshop_id, participant_id, at, ops) OVERRIDING SYSTEM VALUE
        SELECT seq, workshop_id, participant_id, at, json_build_array(json_build_array(op_id, theme_id, criterion_id, value, withdrawn))::text FROM answer_log ORDER BY seq`.execute(db);
      await sql`SELECT setval(pg_get_serial_sequence('answer_writes', 'seq'), coalesce((SELECT max(seq) FROM answer_writes), 0) + 1, false)`.execute(db);
      await db.schema.dropView('answers').execute();
      await db.schema.dropView('answer_ops').execute();
      await db.schema.dropTable('answer_log').execute();
      await db.schema
        .createView('answer_log')
        .as(
          sql`SELECT w.seq AS seq, o.pos - 1 AS pos, w.workshop_id AS workshop_id, w.participant_id AS participant_id,
            o.op->>0 AS op_id, o.op->>1 AS theme_id, o.op->>2 AS criterion_id, (o.op->>3)::integer AS value, (o.op->>4)::integer AS withdrawn, w.at AS at
            FROM answer_writes w CROSS JOIN LATERAL jsonb_array_elements(w.ops::jsonb) WITH ORDINALITY AS o(op, pos)`,
        )
        .execute();
      await createReplayViews(db);
    },
  },
};

export const postgresMigrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
