/**
 * Schema migrations, written with Kysely's schema builder so that the same
 * migrations run on SQLite and PostgreSQL. JSON goes into text columns; times
 * are milliseconds since the epoch.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';

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
  answers: {
    workshop_id: string;
    participant_id: string;
    theme_id: string;
    criterion_id: string;
    value: number | null;
    op_id: string;
    updated_at: number;
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
  answer_ops: {
    participant_id: string;
    op_id: string;
    workshop_id: string;
    created_at: number;
  };
}
