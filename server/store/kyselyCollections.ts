/** Theme collections in the store (SPEC TC-1, TC-4): the workshop row with its own configuration, and the operation log. */
import type { Kysely, Selectable } from 'kysely';
import type { CollectionOp } from '../../shared/activities/collection/rules.js';
import { collectionConfigSchema, type CollectionPhase } from '../../shared/activities/collection/schemas.js';
import { toParticipant } from './participantRows.js';
import type { Database } from './migrations.js';
import { DuplicateCodeError, type CollectionChanges, type CollectionRecord, type CollectionSnapshot } from './types.js';

type Row = Selectable<Database['workshops']>;

function toRecord(row: Row): CollectionRecord {
  const meta = JSON.parse(row.meta || '{}') as { finalisedAt?: number | null };
  return {
    id: row.id,
    code: row.code,
    secretHash: row.secret_hash,
    processId: row.process_id,
    position: Number(row.position),
    config: collectionConfigSchema.parse(JSON.parse(row.config)),
    phase: row.phase as CollectionPhase,
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    finalisedAt: meta.finalisedAt ?? null,
  };
}

/** The operation without what the row has in columns of its own. */
function payloadOf(op: CollectionOp): string {
  const { actor: _actor, opId: _opId, type: _type, at: _at, ...rest } = op;
  return JSON.stringify(rest);
}

function toOp(row: Selectable<Database['collection_log']>): CollectionOp {
  return { ...(JSON.parse(row.payload) as object), actor: row.actor, opId: row.op_id, type: row.type, at: Number(row.at) } as CollectionOp;
}

export async function createCollection(db: Kysely<Database>, c: CollectionRecord): Promise<void> {
  const result = await db
    .insertInto('workshops')
    .values({
      id: c.id,
      code: c.code,
      secret_hash: c.secretHash,
      config: JSON.stringify(c.config),
      phase: c.phase,
      revision: c.revision,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      meta: JSON.stringify({ finalisedAt: c.finalisedAt }),
      process_id: c.processId,
      kind: 'collection',
      position: c.position,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw new DuplicateCodeError(c.code);
}

export async function loadCollection(db: Kysely<Database>, id: string): Promise<CollectionSnapshot | undefined> {
  const row = await db.selectFrom('workshops').selectAll().where('id', '=', id).where('kind', '=', 'collection').executeTakeFirst();
  if (!row) return undefined;
  const [participants, log] = await Promise.all([
    db.selectFrom('participants').selectAll().where('workshop_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('collection_log').selectAll().where('workshop_id', '=', id).orderBy('seq').execute(),
  ]);
  return {
    workshop: toRecord(row),
    participants: participants.map(toParticipant),
    log: log.map(toOp),
  };
}

export async function updateCollection(db: Kysely<Database>, id: string, changes: CollectionChanges): Promise<void> {
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

export async function appendCollectionOp(db: Kysely<Database>, workshopId: string, op: CollectionOp): Promise<boolean> {
  const result = await db
    .insertInto('collection_log')
    .values({ workshop_id: workshopId, actor: op.actor, op_id: op.opId, type: op.type, payload: payloadOf(op), at: op.at })
    .onConflict((oc) => oc.columns(['workshop_id', 'actor', 'op_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
