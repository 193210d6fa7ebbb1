/**
 * Logged activities in the store (theme collection, vision, deep-dive; SPEC
 * TC-4, VI-4, DD-4): the workshop row with the activity's own configuration,
 * and one append-only operation log for all of them. The configuration is
 * stored as JSON and parsed by the activity's room.
 */
import type { Kysely, Selectable } from 'kysely';
import type { LoggedOp } from '../../shared/activities/log.js';
import type { StepKind } from '../../shared/process.js';
import { toParticipant } from './participantRows.js';
import type { Database } from './migrations.js';
import { DuplicateCodeError, type ActivityChanges, type ActivityRecord, type ActivitySnapshot } from './types.js';

type Row = Selectable<Database['workshops']>;

function toRecord(row: Row): ActivityRecord {
  const meta = JSON.parse(row.meta || '{}') as { finalisedAt?: number | null };
  return {
    id: row.id,
    code: row.code,
    secretHash: row.secret_hash,
    processId: row.process_id,
    position: Number(row.position),
    kind: row.kind as StepKind,
    config: JSON.parse(row.config) as unknown,
    phase: row.phase,
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    finalisedAt: meta.finalisedAt ?? null,
  };
}

/** The operation without what the row has in columns of its own. */
function payloadOf(op: LoggedOp): string {
  const { actor: _actor, opId: _opId, type: _type, at: _at, ...rest } = op as LoggedOp & Record<string, unknown>;
  return JSON.stringify(rest);
}

function toOp(row: Selectable<Database['activity_log']>): LoggedOp {
  return { ...(JSON.parse(row.payload) as object), actor: row.actor, opId: row.op_id, type: row.type, at: Number(row.at) };
}

export async function createActivity(db: Kysely<Database>, a: ActivityRecord): Promise<void> {
  const result = await db
    .insertInto('workshops')
    .values({
      id: a.id,
      code: a.code,
      secret_hash: a.secretHash,
      config: JSON.stringify(a.config),
      phase: a.phase,
      revision: a.revision,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      meta: JSON.stringify({ finalisedAt: a.finalisedAt }),
      process_id: a.processId,
      kind: a.kind,
      position: a.position,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw new DuplicateCodeError(a.code);
}

export async function loadActivity(db: Kysely<Database>, id: string, kind: StepKind): Promise<ActivitySnapshot | undefined> {
  const row = await db.selectFrom('workshops').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
  if (!row) return undefined;
  const [participants, log] = await Promise.all([
    db.selectFrom('participants').selectAll().where('workshop_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('activity_log').selectAll().where('workshop_id', '=', id).orderBy('seq').execute(),
  ]);
  return { workshop: toRecord(row), participants: participants.map(toParticipant), log: log.map(toOp) };
}

export async function updateActivity(db: Kysely<Database>, id: string, changes: ActivityChanges): Promise<void> {
  await db
    .updateTable('workshops')
    .set({
      config: JSON.stringify(changes.config),
      phase: changes.phase,
      revision: changes.revision,
      updated_at: changes.updatedAt,
      meta: JSON.stringify({ finalisedAt: changes.finalisedAt }),
    })
    .where('id', '=', id)
    .execute();
}

export async function appendActivityOp(db: Kysely<Database>, workshopId: string, op: LoggedOp): Promise<boolean> {
  const result = await db
    .insertInto('activity_log')
    .values({ workshop_id: workshopId, actor: op.actor, op_id: op.opId, type: op.type, payload: payloadOf(op), at: op.at })
    .onConflict((oc) => oc.columns(['workshop_id', 'actor', 'op_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
