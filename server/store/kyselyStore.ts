/**
 * WorkshopStore over Kysely. Only portable SQL (upserts with ON CONFLICT,
 * multi-row inserts) so that the PostgreSQL dialect can run the same code.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Decision } from '../../shared/domain/consolidation.js';
import type { Phase } from '../../shared/domain/phases.js';
import type { Tier } from '../../shared/domain/tiering.js';
import { workshopConfigSchema } from '../../shared/schemas.js';
import type { StepKind } from '../../shared/process.js';
import type { LoggedOp } from '../../shared/activities/log.js';
import { KyselyAccountStore } from './kyselyAccounts.js';
import { IMPORT_OPS_PER_ROW, replay, snapshotRows, writeRow, type StoredOp } from './answerWrites.js';
import * as activities from './kyselyActivities.js';
import { isUniqueViolation } from './errors.js';
import { toParticipant } from './participantRows.js';
import { KyselyProcessStore } from './kyselyProcesses.js';
import type { Database } from './migrations.js';
import {
  DuplicateCodeError,
  type AnswerBatch,
  type ActivityChanges,
  type ActivityRecord,
  type ActivitySnapshot,
  type ParticipantRecord,
  type StoreLocation,
  type WorkshopChanges,
  type WorkshopMeta,
  type WorkshopRecord,
  type WorkshopSnapshot,
  type WorkshopStore,
} from './types.js';

/** Prefix of a token hash that no token can have: the participant can no longer resume. */
export const FORGOTTEN = 'forgotten:';

/** The kind of a workshop whose import is under way: no activity's, so that nothing loads or lists it. */
const IMPORTING = 'importing';

/** A code no join code can be (those are six letters and digits), unique per workshop. */
const placeholderCode = (workshopId: string) => `~${workshopId}`;

/** Rows per multi-row statement: well below SQLite's 32,766 bound parameters. */
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type WorkshopRow = Selectable<Database['workshops']>;

export function toMeta(row: Pick<WorkshopRow, 'meta' | 'secret_hash'>): WorkshopMeta {
  const stored = JSON.parse(row.meta || '{}') as Partial<WorkshopMeta>;
  return {
    projectorView: stored.projectorView ?? 'overview',
    finalisedAt: stored.finalisedAt ?? null,
    // Rows from before the key existed: the secret's hash is just as unknown to anyone else.
    pseudonymKey: stored.pseudonymKey ?? row.secret_hash,
    ...(stored.pseudonymOrder ? { pseudonymOrder: stored.pseudonymOrder } : {}),
  };
}

function workshopRow(w: WorkshopRecord): Insertable<Database['workshops']> {
  return {
    id: w.id,
    code: w.code,
    secret_hash: w.secretHash,
    config: JSON.stringify(w.config),
    phase: w.phase,
    revision: w.revision,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
    meta: JSON.stringify(w.meta),
    process_id: w.processId,
    kind: w.kind,
    position: w.position,
  };
}

function toDecision(row: Selectable<Database['decisions']>): Decision {
  return {
    ...(row.by_name !== null ? { by: { accountId: row.by_account, name: row.by_name } } : {}),
    seq: Number(row.seq),
    themeId: row.theme_id,
    from: row.from_tier as Tier | null,
    to: row.to_tier as Tier,
    computed: row.computed_tier as Tier | null,
    reason: row.reason,
    at: Number(row.at),
  };
}

function decisionRow(workshopId: string, d: Decision): Insertable<Database['decisions']> {
  return {
    by_account: d.by?.accountId ?? null,
    by_name: d.by?.name ?? null,
    workshop_id: workshopId,
    seq: d.seq,
    theme_id: d.themeId,
    from_tier: d.from,
    to_tier: d.to,
    computed_tier: d.computed,
    reason: d.reason,
    at: d.at,
  };
}

function toWorkshop(row: WorkshopRow): WorkshopRecord {
  return {
    id: row.id,
    code: row.code,
    secretHash: row.secret_hash,
    // Stored by us, but parsed again: a config from an older version gets today's defaults.
    config: workshopConfigSchema.parse(JSON.parse(row.config)),
    phase: row.phase as Phase,
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    meta: toMeta(row),
    processId: row.process_id,
    kind: row.kind as StepKind,
    position: Number(row.position),
  };
}

export function participantRow(p: ParticipantRecord): Database['participants'] {
  return {
    id: p.id,
    workshop_id: p.workshopId,
    organisation_id: p.organisationId,
    display_name: p.displayName,
    token_hash: p.tokenHash,
    created_at: p.createdAt,
  };
}

async function insertWorkshop(db: Kysely<Database> | Transaction<Database>, w: WorkshopRecord): Promise<void> {
  const result = await db
    .insertInto('workshops')
    .values(workshopRow(w))
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw new DuplicateCodeError(w.code);
}

/**
 * Where the hot writes go when not through Kysely one by one: answers and joins in the order they were
 * given, several callers' writes in one commit (SQLite: sqliteAnswerWriter.ts; PostgreSQL: groupCommit.ts).
 */
export interface WriterThread {
  readonly alive: boolean;
  write(batches: readonly AnswerBatch[]): Promise<void>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  close(): Promise<void>;
}

export class KyselyWorkshopStore implements WorkshopStore {
  readonly accounts: KyselyAccountStore;
  readonly processes: KyselyProcessStore;

  private readonly writer: WriterThread | null;

  /**
   * @param location The database behind `db`, for workers that open a connection of their own (imports).
   * @param options.writer Optional: the hot writes (answers, joins) in commit order, grouped (SQLite: a worker
   *   thread, sqliteAnswerWriter.ts; PostgreSQL: groupCommit.ts); without it they go through Kysely like everything else.
   */
  constructor(
    private readonly db: Kysely<Database>,
    readonly location: StoreLocation,
    options: { writer?: WriterThread } = {},
  ) {
    this.writer = options.writer ?? null;
    this.accounts = new KyselyAccountStore(db);
    this.processes = new KyselyProcessStore(db);
  }

  async kindOf(workshopId: string): Promise<StepKind | undefined> {
    const row = await this.db.selectFrom('workshops').select('kind').where('id', '=', workshopId).executeTakeFirst();
    return row && row.kind !== IMPORTING ? (row.kind as StepKind) : undefined;
  }

  createActivity(activity: ActivityRecord): Promise<void> {
    return activities.createActivity(this.db, activity);
  }

  loadActivity(id: string, kind: StepKind): Promise<ActivitySnapshot | undefined> {
    return activities.loadActivity(this.db, id, kind);
  }

  updateActivity(id: string, changes: ActivityChanges): Promise<void> {
    return activities.updateActivity(this.db, id, changes);
  }

  appendActivityOp(workshopId: string, op: LoggedOp): Promise<boolean> {
    return activities.appendActivityOp(this.db, workshopId, op);
  }

  async processOf(workshopId: string): Promise<string | null | undefined> {
    const row = await this.db.selectFrom('workshops').select('process_id').where('id', '=', workshopId).executeTakeFirst();
    return row ? row.process_id : undefined;
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    await insertWorkshop(this.db, w);
  }

  /**
   * X-5, H-4: the workshop is written in short transactions — each holds the
   * database's write lock for a few milliseconds, so that the answers of live
   * workshops commit in between (one transaction of a 25 MiB file held SQLite's
   * lock for about a second) — under a placeholder code and kind that nothing
   * finds, then made visible in one last transaction: all or nothing.
   */
  async importWorkshop(snapshot: WorkshopSnapshot): Promise<void> {
    const { workshop } = snapshot;
    const id = workshop.id;
    // The log of an imported workshop: operation ids without a remaining answer first, then the answers.
    const current = new Set(snapshot.answers.map((a) => `${a.participantId}\u0000${a.opId}`));
    const log = snapshotRows(id, [
      ...snapshot.opIds
        .filter((o) => !current.has(`${o.participantId}\u0000${o.opId}`))
        .map((o) => ({ participantId: o.participantId, at: workshop.createdAt, op: [o.opId, null, null, null, 0] as StoredOp })),
      ...snapshot.answers.map((a) => ({ participantId: a.participantId, at: a.updatedAt, op: [a.opId, a.themeId, a.criterionId, a.value, 0] as StoredOp })),
    ]);
    const parts: { table: 'participants' | 'answer_writes' | 'decisions'; rows: unknown[] }[] = [
      ...chunks(snapshot.participants.map(participantRow)).map((rows) => ({ table: 'participants' as const, rows })),
      // At most CHUNK operations per statement, as when a row was one operation: each statement short (H-4).
      ...chunks(log, CHUNK / IMPORT_OPS_PER_ROW).map((rows) => ({ table: 'answer_writes' as const, rows })),
      ...chunks(snapshot.decisions.map((d) => decisionRow(id, d))).map((rows) => ({ table: 'decisions' as const, rows })),
    ];
    await insertWorkshop(this.db, { ...workshop, code: placeholderCode(id), kind: IMPORTING as StepKind, processId: null });
    try {
      for (const part of parts) {
        await this.db.insertInto(part.table).values(part.rows as never).execute();
        // A moment between commits for the writers of live workshops.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await this.db
        .updateTable('workshops')
        .set({ code: workshop.code, kind: workshop.kind, process_id: workshop.processId })
        .where('id', '=', id)
        .execute()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? new DuplicateCodeError(workshop.code) : error;
        });
    } catch (error) {
      await this.db.deleteFrom('workshops').where('id', '=', id).execute();
      throw error;
    }
  }

  /** Imports a crash or a stop interrupted: unfinished for longer than `olderThan` ms before `now`. */
  async dropUnfinishedImports(now: number, olderThan = 3_600_000): Promise<number> {
    const result = await this.db.deleteFrom('workshops').where('kind', '=', IMPORTING).where('created_at', '<', now - olderThan).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async addDecision(workshopId: string, decision: Decision): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('decisions').values(decisionRow(workshopId, decision)).execute();
      // A decision is activity: the workshop is not quiet (SPEC V-5).
      await trx.updateTable('workshops').set({ updated_at: decision.at }).where('id', '=', workshopId).where('updated_at', '<', decision.at).execute();
    });
  }

  async findWorkshopIdByCode(code: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('workshops').select('id').where('code', '=', code).executeTakeFirst();
    return row?.id;
  }

  async loadWorkshop(id: string): Promise<WorkshopSnapshot | undefined> {
    const row = await this.db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [participants, log, decisions] = await Promise.all([
      this.db.selectFrom('participants').selectAll().where('workshop_id', '=', id).orderBy('created_at').orderBy('id').execute(),
      this.db.selectFrom('answer_writes').select(['participant_id', 'at', 'ops']).where('workshop_id', '=', id).orderBy('seq').execute(),
      this.db.selectFrom('decisions').selectAll().where('workshop_id', '=', id).orderBy('seq').execute(),
    ]);
    return {
      workshop: toWorkshop(row),
      participants: participants.map(toParticipant),
      ...replay(log),
      decisions: decisions.map(toDecision),
    };
  }

  async updateWorkshop(id: string, changes: WorkshopChanges): Promise<void> {
    await this.db
      .updateTable('workshops')
      .set({
        config: JSON.stringify(changes.config),
        phase: changes.phase,
        revision: changes.revision,
        updated_at: changes.updatedAt,
        meta: JSON.stringify(changes.meta),
      })
      .where('id', '=', id)
      .execute();
  }

  async setWorkshopSecret(id: string, secretHash: string): Promise<void> {
    await this.db.updateTable('workshops').set({ secret_hash: secretHash }).where('id', '=', id).execute();
  }

  async addParticipant(p: ParticipantRecord): Promise<void> {
    if (this.writer) return this.writer.addParticipant(p);
    await this.db.insertInto('participants').values(participantRow(p)).execute();
  }

  async moveParticipant(workshopId: string, participantId: string, organisationId: string): Promise<void> {
    await this.db.updateTable('participants').set({ organisation_id: organisationId }).where('workshop_id', '=', workshopId).where('id', '=', participantId).execute();
  }

  async removeParticipant(workshopId: string, participantId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('answer_writes').where('workshop_id', '=', workshopId).where('participant_id', '=', participantId).execute();
      await trx.deleteFrom('participants').where('workshop_id', '=', workshopId).where('id', '=', participantId).execute();
    });
  }

  async unavailable(): Promise<string | null> {
    if (this.writer && !this.writer.alive) return 'the answer writer has stopped';
    try {
      await sql`SELECT 1`.execute(this.db);
      return null;
    } catch (error) {
      return `the database does not answer (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  async writeAnswers(batches: readonly AnswerBatch[]): Promise<void> {
    // A write without answers stores nothing (no empty row: it would count as activity, V-5).
    const written = batches.some((b) => b.answers.length === 0) ? batches.filter((b) => b.answers.length > 0) : batches;
    if (written.length === 0) return;
    if (this.writer) return this.writer.write(written);
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunks(written.map(writeRow))) await trx.insertInto('answer_writes').values(chunk).execute();
    });
  }

  async deleteWorkshop(id: string): Promise<void> {
    // Foreign keys cascade to participants, the answer log and the decisions.
    await this.db.deleteFrom('workshops').where('id', '=', id).execute();
  }

  async forgetParticipantIdentifiers(changedBefore: number): Promise<Map<string, string[]>> {
    return this.db.transaction().execute(async (trx) => {
      // Quiet workshops only: no change of configuration or phase, no join, no answer and no operation since the cut-off.
      const rows = await trx
        .selectFrom('participants')
        .innerJoin('workshops', 'workshops.id', 'participants.workshop_id')
        .select(['participants.id', 'participants.workshop_id'])
        .where('workshops.updated_at', '<', changedBefore)
        .where('participants.token_hash', 'not like', `${FORGOTTEN}%`)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('participants as recent').select('recent.id').whereRef('recent.workshop_id', '=', 'workshops.id').where('recent.created_at', '>=', changedBefore))),
        )
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('answer_writes').select('answer_writes.seq').whereRef('answer_writes.workshop_id', '=', 'workshops.id').where('answer_writes.at', '>=', changedBefore))),
        )
        // A logged activity's operations (proposals, consent answers, points) count as activity too.
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('activity_log').select('activity_log.seq').whereRef('activity_log.workshop_id', '=', 'workshops.id').where('activity_log.at', '>=', changedBefore))),
        )
        .execute();
      const forgotten = new Map<string, string[]>();
      for (const row of rows) forgotten.set(row.workshop_id, [...(forgotten.get(row.workshop_id) ?? []), row.id]);
      for (const chunk of chunks(rows.map((r) => r.id))) {
        await trx
          .updateTable('participants')
          .set((eb) => ({ display_name: null, token_hash: eb.fn<string>('concat', [sql.lit(FORGOTTEN), eb.ref('id')]) }))
          .where('id', 'in', chunk)
          .execute();
      }
      return forgotten;
    });
  }

  async close(): Promise<void> {
    await this.writer?.close();
    await this.db.destroy();
  }
}
