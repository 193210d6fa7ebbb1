/**
 * SQLite's schema migrations, written with Kysely's schema builder. PostgreSQL
 * has its own (postgresMigrations.ts: it starts from the schema these add up
 * to); a later change goes into both. `Database` below describes both. JSON
 * goes into text columns; times are milliseconds since the epoch.
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
        // For reading the database by hand (and for tests): the log replayed as in answerWrites.ts' replay(),
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
  '2026-11-28-004-accounts-processes': {
    // Facilitator accounts and strategy processes (SPEC AC-*, PR-*). Every workshop becomes a step of a
    // process; a workshop from before becomes a process of one step without an owner, which
    // administrators see (AC-7) and its co-facilitation link keeps opening.
    async up(db: Kysely<unknown>) {
      await db.transaction().execute(async (trx) => {
        // As in 003: a crash after this commit and before Kysely records it finds the tables in place.
        const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'accounts'`.execute(trx);
        if (rows.length > 0) return;
        await trx.schema
          .createTable('accounts')
          .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
          .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
          .addColumn('name', 'varchar(120)', (c) => c.notNull())
          .addColumn('role', 'varchar(16)', (c) => c.notNull())
          // scrypt, with its parameters and salt (AC-3); null for accounts that sign in with OpenID only.
          .addColumn('password_hash', 'varchar(256)')
          .addColumn('oidc_subject', 'varchar(512)', (c) => c.unique())
          .addColumn('disabled_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await trx.schema
          .createTable('auth_sessions')
          .addColumn('token_hash', 'varchar(128)', (c) => c.primaryKey())
          .addColumn('account_id', 'varchar(64)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('auth_sessions_account').on('auth_sessions').column('account_id').execute();
        await trx.schema
          .createTable('invites')
          .addColumn('token_hash', 'varchar(128)', (c) => c.primaryKey())
          .addColumn('role', 'varchar(16)', (c) => c.notNull())
          .addColumn('note', 'varchar(120)')
          .addColumn('created_by', 'varchar(64)', (c) => c.references('accounts.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .execute();
        await trx.schema
          .createTable('processes')
          .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
          .addColumn('title', 'varchar(200)', (c) => c.notNull())
          .addColumn('owner_id', 'varchar(64)', (c) => c.references('accounts.id').onDelete('set null'))
          // The roster for all of the process's workshops, as JSON (organisations with weights).
          .addColumn('organisations', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        await trx.schema
          .createTable('process_facilitators')
          .addColumn('process_id', 'varchar(64)', (c) => c.notNull().references('processes.id').onDelete('cascade'))
          .addColumn('account_id', 'varchar(64)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('process_facilitators_pk', ['process_id', 'account_id'])
          .execute();
        await trx.schema.alterTable('workshops').addColumn('process_id', 'varchar(64)', (c) => c.references('processes.id').onDelete('cascade')).execute();
        await trx.schema.alterTable('workshops').addColumn('kind', 'varchar(32)', (c) => c.notNull().defaultTo('quickcheck')).execute();
        await trx.schema.alterTable('workshops').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await trx.schema.createIndex('workshops_process').on('workshops').column('process_id').execute();
        // C-2: who took a decision; null for decisions from before accounts.
        await trx.schema.alterTable('decisions').addColumn('by_account', 'varchar(64)').execute();
        await trx.schema.alterTable('decisions').addColumn('by_name', 'varchar(120)').execute();
        const old = await sql<{ id: string; config: string; created_at: number; updated_at: number }>`SELECT id, config, created_at, updated_at FROM workshops`.execute(trx);
        for (const w of old.rows) {
          const config = JSON.parse(w.config) as { title?: string; organisations?: unknown[] };
          await sql`INSERT INTO processes (id, title, owner_id, organisations, created_at, updated_at)
            VALUES (${w.id}, ${String(config.title ?? 'Workshop').slice(0, 200)}, NULL, ${JSON.stringify(config.organisations ?? [])}, ${w.created_at}, ${w.updated_at})`.execute(trx);
          await sql`UPDATE workshops SET process_id = ${w.id} WHERE id = ${w.id}`.execute(trx);
        }
      });
    },
  },
  '2026-11-28-005-collection': {
    // Theme collection (SPEC TC-4): every accepted operation, in order, as an append-only log; the
    // collection is the log replayed. An operation id is stored once per actor and collection.
    async up(db: Kysely<unknown>) {
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'collection_log'`.execute(trx);
        if (rows.length > 0) return;
        await trx.schema
          .createTable('collection_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
          .addColumn('actor', 'varchar(80)', (c) => c.notNull())
          .addColumn('op_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('type', 'varchar(16)', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('collection_log_op').on('collection_log').columns(['workshop_id', 'actor', 'op_id']).unique().execute();
      });
    },
  },
  '2026-11-28-006-activities': {
    // Vision and deep-dive (SPEC VI-4, DD-4) keep their operations in the same append-only log as the
    // theme collection, now named for all logged activities; a process keeps settings such as the
    // tiers that get deep-dives (PR-9).
    async up(db: Kysely<unknown>) {
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'activity_log'`.execute(trx);
        if (rows.length > 0) return;
        await trx.schema.alterTable('collection_log').renameTo('activity_log').execute();
        await trx.schema.dropIndex('collection_log_op').execute();
        await trx.schema.createIndex('activity_log_op').on('activity_log').columns(['workshop_id', 'actor', 'op_id']).unique().execute();
        await trx.schema.alterTable('processes').addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      });
    },
  },
  '2026-11-29-007-answer-writes': {
    // The answer log as one row per accepted write — an answer, or a participant's batch — with its
    // operations in order as JSON (server/store/answerWrites.ts): a ballot of sixteen answers is one row
    // instead of sixteen (issue 17). Each row of the old log becomes a write of one operation, under its
    // own seq; the view `answer_log` shows one row per operation as before.
    async up(db: Kysely<unknown>) {
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 'answer_writes'`.execute(trx);
        if (rows.length > 0) return;
        await trx.schema
          .createTable('answer_writes')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('workshop_id', 'varchar(64)', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
          .addColumn('participant_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('ops', 'text', (c) => c.notNull())
          .execute();
        await trx.schema.createIndex('answer_writes_workshop').on('answer_writes').column('workshop_id').execute();
        await sql`INSERT INTO answer_writes (seq, workshop_id, participant_id, at, ops)
          SELECT seq, workshop_id, participant_id, at, json_array(json_array(op_id, theme_id, criterion_id, value, withdrawn)) FROM answer_log ORDER BY seq`.execute(trx);
        await trx.schema.dropView('answers').execute();
        await trx.schema.dropView('answer_ops').execute();
        await trx.schema.dropTable('answer_log').execute();
        await trx.schema
          .createView('answer_log')
          .as(
            sql`SELECT w.seq AS seq, CAST(o.key AS INTEGER) AS pos, w.workshop_id AS workshop_id, w.participant_id AS participant_id,
              json_extract(o.value, '$[0]') AS op_id, json_extract(o.value, '$[1]') AS theme_id, json_extract(o.value, '$[2]') AS criterion_id,
              json_extract(o.value, '$[3]') AS value, json_extract(o.value, '$[4]') AS withdrawn, w.at AS at
              FROM answer_writes w, json_each(w.ops) o`,
          )
          .execute();
        await createReplayViews(trx);
      });
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/**
 * For reading the database by hand (and for tests): the log replayed as in answerWrites.ts' replay(),
 * shaped like the two tables it replaced. A repeated operation id counts only where it first appears.
 * The same on both stores (postgresMigrations.ts).
 */
export async function createReplayViews(db: Kysely<unknown>): Promise<void> {
  const firsts = sql`SELECT *, row_number() OVER (PARTITION BY participant_id, op_id ORDER BY seq, pos) AS occurrence FROM answer_log`;
  await db.schema
    .createView('answers')
    .as(
      sql`SELECT workshop_id, participant_id, theme_id, criterion_id, value, op_id, at AS updated_at FROM (
        SELECT *, row_number() OVER (PARTITION BY participant_id, theme_id, criterion_id ORDER BY seq DESC, pos DESC) AS latest
        FROM (${firsts}) AS firsts WHERE occurrence = 1 AND theme_id IS NOT NULL) AS latest WHERE latest = 1 AND withdrawn = 0`,
    )
    .execute();
  await db.schema
    .createView('answer_ops')
    .as(sql`SELECT participant_id, op_id, workshop_id, at AS created_at FROM (${firsts}) AS firsts WHERE occurrence = 1`)
    .execute();
}

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
    process_id: string | null;
    kind: Generated<string>;
    position: Generated<number>;
  };
  accounts: {
    id: string;
    email: string;
    name: string;
    role: string;
    password_hash: string | null;
    oidc_subject: string | null;
    disabled_at: number | null;
    created_at: number;
  };
  auth_sessions: {
    token_hash: string;
    account_id: string;
    created_at: number;
    expires_at: number;
  };
  invites: {
    token_hash: string;
    role: string;
    note: string | null;
    created_by: string | null;
    created_at: number;
    expires_at: number;
    used_at: number | null;
  };
  processes: {
    id: string;
    title: string;
    owner_id: string | null;
    organisations: string;
    settings: Generated<string>;
    created_at: number;
    updated_at: number;
  };
  process_facilitators: {
    process_id: string;
    account_id: string;
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
    by_account: Generated<string | null>;
    by_name: Generated<string | null>;
  };
  activity_log: {
    seq: Generated<number>;
    workshop_id: string;
    actor: string;
    op_id: string;
    type: string;
    payload: string;
    at: number;
  };
  /** The answer log (answerWrites.ts); the view answer_log shows it one operation per row. */
  answer_writes: {
    seq: Generated<number>;
    workshop_id: string;
    participant_id: string;
    at: number;
    ops: string;
  };
}
