/**
 * The repository contract (SPEC D-1 … D-3), run against the SQLite
 * implementation on a real file. A PostgreSQL store must pass the same suite.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { DuplicateCodeError, type AnswerOp, type WorkshopRecord, type WorkshopStore } from '../../server/store/types.js';
import { tempDir } from '../support/harness.js';

const implementations: [string, (dir: string) => Promise<WorkshopStore>][] = [
  ['sqlite (answers on a worker thread)', (dir) => openSqliteStore({ file: join(dir, 'konsens.sqlite') })],
  ['sqlite (everything through Kysely, as PostgreSQL will)', (dir) => openSqliteStore({ file: join(dir, 'konsens.sqlite'), answerWorker: false })],
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workshop(id: string, code: string): WorkshopRecord {
  return {
    id,
    code,
    secretHash: 'ab'.repeat(32),
    config: workshopFromTemplate('coesfeld'),
    phase: 'lobby',
    revision: 1,
    createdAt: 1,
    updatedAt: 1,
    meta: { projectorView: 'overview', finalisedAt: null, pseudonymKey: 'key-1' },
  };
}

function op(participantId: string, opId: string, themeId: string, value: number | null | undefined): AnswerOp {
  return { workshopId: 'w1', participantId, opId, themeId, criterionId: 'importance', value, at: 10 };
}

describe.each(implementations)('WorkshopStore contract: %s', (_name, open) => {
  async function fresh() {
    const dir = tempDir();
    dirs.push(dir);
    return { dir, store: await open(dir) };
  }

  it('creates, finds by code and refuses a taken code', async () => {
    const { store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    expect(await store.findWorkshopIdByCode('ABC234')).toBe('w1');
    expect(await store.findWorkshopIdByCode('XYZ999')).toBeUndefined();
    await expect(store.createWorkshop(workshop('w2', 'ABC234'))).rejects.toBeInstanceOf(DuplicateCodeError);
    const loaded = await store.loadWorkshop('w1');
    expect(loaded?.workshop.config.themes).toHaveLength(8);
    expect(loaded?.workshop.phase).toBe('lobby');
    await store.close();
  });

  it('D-1: applies answer operations in order; the last one per answer wins; withdrawals delete', async () => {
    const { store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    for (const id of ['p1', 'p2']) {
      await store.addParticipant({ id, workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: `hash-${id}`, createdAt: 1 });
    }
    await store.writeAnswers([op('p1', 'o1', 'bildung', 2), op('p1', 'o2', 'bildung', 5), op('p2', 'o3', 'bildung', null), op('p1', 'o4', 'kultur', 3)]);
    await store.writeAnswers([op('p1', 'o5', 'kultur', undefined), op('p2', 'o6', 'kultur', 1)]);
    const loaded = (await store.loadWorkshop('w1'))!;
    const answers = Object.fromEntries(loaded.answers.map((a) => [`${a.participantId}/${a.themeId}`, a.value]));
    expect(answers).toEqual({ 'p1/bildung': 5, 'p2/bildung': null, 'p2/kultur': 1 });
    expect(loaded.opIds.map((o) => o.opId).sort()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    expect(loaded.participants.map((p) => p.id)).toEqual(['p1', 'p2']);
    await store.close();
  });

  it('D-2: a repeated operation id is stored once', async () => {
    const { store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: 'Anna', tokenHash: 'h', createdAt: 1 });
    await store.writeAnswers([op('p1', 'o1', 'bildung', 2)]);
    await store.writeAnswers([op('p1', 'o1', 'bildung', 2)]);
    expect((await store.loadWorkshop('w1'))!.opIds).toHaveLength(1);
    await store.close();
  });

  it('D-3: everything is there after closing and reopening the file', async () => {
    const { dir, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: 'Anna', tokenHash: 'h', createdAt: 1 });
    await store.writeAnswers([op('p1', 'o1', 'bildung', 4)]);
    const config = { ...workshopFromTemplate('coesfeld'), title: 'Zweiter Workshop' };
    const meta = { projectorView: 'individual' as const, finalisedAt: 98, pseudonymKey: 'key-1' };
    await store.updateWorkshop('w1', { config, phase: 'finalised', revision: 7, updatedAt: 99, meta });
    const decision = { seq: 1, themeId: 'kultur', from: 'III' as const, to: 'II' as const, computed: 'III' as const, reason: 'Ehrenamt stärken', at: 97 };
    await store.addDecision('w1', decision);
    await store.addDecision('w1', { ...decision, seq: 2, from: 'II', to: 'I', reason: '„Kultur“ – Förderprogramm 2027' });
    await store.close();
    const reopened = await open(dir);
    const loaded = (await reopened.loadWorkshop('w1'))!;
    expect(loaded.workshop).toMatchObject({ phase: 'finalised', revision: 7, updatedAt: 99, meta });
    expect(loaded.decisions).toEqual([decision, { ...decision, seq: 2, from: 'II', to: 'I', reason: '„Kultur“ – Förderprogramm 2027' }]);
    // A decision is activity (V-5): it moves the workshop's last change forward, never back.
    await reopened.addDecision('w1', { ...decision, seq: 3, at: 150 });
    expect((await reopened.loadWorkshop('w1'))!.workshop.updatedAt).toBe(150);
    expect(loaded.workshop.config.title).toBe('Zweiter Workshop');
    expect(loaded.participants[0]).toMatchObject({ id: 'p1', displayName: 'Anna' });
    expect(loaded.answers).toMatchObject([{ participantId: 'p1', themeId: 'bildung', value: 4 }]);
    await reopened.close();
  });

  it('X-5: imports a whole workshop in one transaction; a taken code imports nothing', async () => {
    const { store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    const snapshot = {
      workshop: { ...workshop('w2', 'DEF567'), phase: 'consolidating' as const },
      participants: [
        { id: 'q1', workshopId: 'w2', organisationId: 'olfen', displayName: null, tokenHash: 'imported:q1', createdAt: 5 },
        { id: 'q2', workshopId: 'w2', organisationId: 'senden', displayName: null, tokenHash: 'imported:q2', createdAt: 5 },
      ],
      answers: [
        { participantId: 'q1', themeId: 'bildung', criterionId: 'importance', value: 5, opId: 'import-0', updatedAt: 5 },
        { participantId: 'q2', themeId: 'bildung', criterionId: 'importance', value: null, opId: 'import-1', updatedAt: 5 },
      ],
      opIds: [],
      decisions: [{ seq: 1, themeId: 'bildung', from: 'II' as const, to: 'I' as const, computed: 'II' as const, reason: 'Schulträger', at: 4 }],
    };
    await store.importWorkshop(snapshot);
    const loaded = (await store.loadWorkshop('w2'))!;
    expect(loaded.workshop).toEqual(snapshot.workshop);
    expect(loaded.participants).toEqual(snapshot.participants);
    expect(loaded.answers.sort((a, b) => a.participantId.localeCompare(b.participantId))).toEqual(snapshot.answers);
    expect(loaded.decisions).toEqual(snapshot.decisions);
    // Same code as w1: refused as a whole, nothing half-imported.
    const clash = { ...snapshot, workshop: { ...snapshot.workshop, id: 'w3', code: 'ABC234' }, participants: snapshot.participants.map((p) => ({ ...p, id: `${p.id}x`, workshopId: 'w3', tokenHash: `${p.tokenHash}x` })), answers: [] };
    await expect(store.importWorkshop(clash)).rejects.toBeInstanceOf(DuplicateCodeError);
    expect(await store.loadWorkshop('w3')).toBeUndefined();
    await store.close();
  });
});
