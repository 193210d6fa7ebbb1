/**
 * The repository contract (SPEC D-1 … D-3, accounts, processes, logged
 * activities), run against every implementation: SQLite on a real file (with
 * its worker thread, and everything through Kysely) and a real PostgreSQL
 * started by the test (issue 16).
 */
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { openPostgresStore, postgresKysely, postgresPool } from '../../server/store/postgres.js';
import { postgresMigrationProvider } from '../../server/store/postgresMigrations.js';
import { migrationProvider } from '../../server/store/migrations.js';
import { DuplicateEmailError } from '../../server/store/accountStore.js';
import { DuplicateCodeError, type AnswerBatch, type WorkshopStore } from '../../server/store/types.js';
import type { LoggedOp } from '../../shared/activities/log.js';
import { tempDir } from '../support/harness.js';
import { workshopRecord } from '../support/fixtures.js';
import { startPostgres, type Postgres } from '../support/postgres.js';

/** One database of an implementation: open (and reopen) the store on it, read it by hand. */
interface Database {
  open(): Promise<WorkshopStore>;
  query(text: string): Promise<Record<string, unknown>[]>;
}

let cluster: Promise<Postgres> | undefined;
afterAll(async () => {
  await (await cluster)?.stop();
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sqliteDatabase(answerWorker: boolean): Database {
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir, 'konsens.sqlite');
  return {
    open: () => openSqliteStore({ file, answerWorker }),
    async query(text) {
      const reader = new BetterSqlite3(file, { readonly: true });
      try {
        return reader.prepare(text).all() as Record<string, unknown>[];
      } finally {
        reader.close();
      }
    },
  };
}

async function postgresDatabase(): Promise<Database> {
  cluster ??= startPostgres();
  const url = await (await cluster).createDatabase();
  return {
    open: () => openPostgresStore({ url }),
    async query(text) {
      const pool = postgresPool(url, 1);
      try {
        return (await pool.query(text)).rows as Record<string, unknown>[];
      } finally {
        await pool.end();
      }
    },
  };
}

const implementations: [string, () => Promise<Database>][] = [
  ['sqlite (answers on a worker thread)', async () => sqliteDatabase(true)],
  ['sqlite (everything through Kysely)', async () => sqliteDatabase(false)],
  ['postgresql (a real server, group commit)', postgresDatabase],
];

const workshop = workshopRecord;

/** A write of one answer (a tap). */
function op(participantId: string, opId: string, themeId: string, value: number | null | undefined): AnswerBatch {
  return { workshopId: 'w1', participantId, at: 10, answers: [{ opId, themeId, criterionId: 'importance', value }] };
}

describe.each(implementations)('WorkshopStore contract: %s', (_name, database) => {
  async function fresh() {
    const db = await database();
    return { db, store: await db.open() };
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

  it('D-2: a repeated operation id counts once, even after a later change of the same answer', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: 'Anna', tokenHash: 'h', createdAt: 1 });
    await store.writeAnswers([op('p1', 'o1', 'bildung', 2)]);
    await store.writeAnswers([op('p1', 'o1', 'bildung', 2)]);
    await store.writeAnswers([op('p1', 'o2', 'bildung', 4), op('p1', 'o1', 'bildung', 2)]);
    const loaded = (await store.loadWorkshop('w1'))!;
    expect(loaded.opIds.map((o) => o.opId)).toEqual(['o1', 'o2']);
    expect(loaded.answers).toMatchObject([{ themeId: 'bildung', value: 4, opId: 'o2' }]);
    // The views for reading by hand replay the log the same way (SPEC D-5).
    expect(await db.query('SELECT theme_id, value, op_id FROM answers')).toEqual([{ theme_id: 'bildung', value: 4, op_id: 'o2' }]);
    expect(await db.query('SELECT op_id FROM answer_ops ORDER BY op_id')).toEqual([{ op_id: 'o1' }, { op_id: 'o2' }]);
    await store.close();
  });

  it('D-5: a large write lands in the log whole and in order, every value as sent', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: 'h', createdAt: 1 });
    // 37 answers in two batches (20 at 100, 17 at 101): two writes, each one row of the log.
    const values = [1, null, undefined, 5];
    const answers = Array.from({ length: 37 }, (_, i) => ({ opId: `o${i}`, themeId: i % 2 ? 'bildung' : 'kultur', criterionId: 'importance', value: values[i % 4] }));
    await store.writeAnswers([
      { workshopId: 'w1', participantId: 'p1', at: 100, answers: answers.slice(0, 20) },
      { workshopId: 'w1', participantId: 'p1', at: 101, answers: answers.slice(20) },
    ]);
    const rows = await db.query('SELECT op_id, theme_id, value, withdrawn, at FROM answer_log ORDER BY seq, pos');
    expect(rows).toEqual(answers.map((a, i) => ({ op_id: a.opId, theme_id: a.themeId, value: a.value ?? null, withdrawn: a.value === undefined ? 1 : 0, at: i < 20 ? 100 : 101 })));
    const loaded = (await store.loadWorkshop('w1'))!;
    expect(loaded.opIds).toHaveLength(37);
    // The last answer per cell: o36 (kultur, 1) and o35 (bildung, 5).
    const latest = Object.fromEntries(loaded.answers.map((a) => [a.themeId, [a.opId, a.value]]));
    expect(latest).toEqual({ kultur: ['o36', 1], bildung: ['o35', 5] });
    await store.close();
  });

  it('D-5: a write without answers stores no row (it would count as activity, V-5)', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: 'h', createdAt: 1 });
    await store.writeAnswers([{ workshopId: 'w1', participantId: 'p1', at: 5, answers: [] }]);
    await store.writeAnswers([{ workshopId: 'w1', participantId: 'p1', at: 6, answers: [] }, op('p1', 'o1', 'bildung', 3)]);
    expect((await db.query('SELECT participant_id, at FROM answer_writes')).map((r) => [r.participant_id, Number(r.at)])).toEqual([['p1', 10]]);
    await store.close();
  });

  it('D-3: everything is there after closing and reopening the database', async () => {
    const { db, store } = await fresh();
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
    const reopened = await db.open();
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

  it('X-5: an import that fails half-way leaves nothing; one a crash interrupted is invisible and removed an hour later', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: 'taken', createdAt: 1 });
    // 1,200 participants (three statements), the last with a token hash that is taken: the third statement fails.
    const participants = Array.from({ length: 1_200 }, (_, i) => ({ id: `q${i}`, workshopId: 'w2', organisationId: 'olfen', displayName: null, tokenHash: i === 1_199 ? 'taken' : `imported:q${i}`, createdAt: 5 }));
    await expect(store.importWorkshop({ workshop: workshop('w2', 'DEF567'), participants, answers: [], opIds: [], decisions: [] })).rejects.toThrow();
    expect(await store.loadWorkshop('w2')).toBeUndefined();
    expect(await db.query(`SELECT count(*) AS n FROM participants WHERE workshop_id = 'w2'`)).toEqual([{ n: 0 }]);
    // What a crash leaves: the placeholder kind. Nothing loads it; a start an hour later removes it.
    await store.createWorkshop({ ...workshop('w3', '~w3'), kind: 'importing' as never, createdAt: 1_000 });
    expect(await store.kindOf('w3')).toBeUndefined();
    expect(await store.dropUnfinishedImports(1_000 + 1_800_000)).toBe(0);
    expect(await store.dropUnfinishedImports(1_000 + 3_600_001)).toBe(1);
    expect(await db.query(`SELECT count(*) AS n FROM workshops WHERE id = 'w3'`)).toEqual([{ n: 0 }]);
    await store.close();
  });

  it('D-5: writes given at once are committed in the order given; the last write of an answer wins', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    await store.addParticipant({ id: 'p1', workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: 'h', createdAt: 1 });
    // 60 writes of the same answer without waiting in between (a tablet's outbox after a reconnect).
    const writes = Array.from({ length: 60 }, (_, i) => store.writeAnswers([op('p1', `o${i}`, 'bildung', (i % 5) + 1)]));
    await Promise.all(writes);
    expect((await db.query('SELECT op_id FROM answer_log ORDER BY seq, pos')).map((r) => r.op_id)).toEqual(Array.from({ length: 60 }, (_, i) => `o${i}`));
    expect((await store.loadWorkshop('w1'))!.answers).toMatchObject([{ opId: 'o59', value: (59 % 5) + 1 }]);
    await store.close();
  });

  it('J-5/J-6: a moved participant keeps the answers; a removed one goes with all of them', async () => {
    const { store } = await fresh();
    await store.createWorkshop(workshop('w1', 'ABC234'));
    for (const id of ['p1', 'p2']) await store.addParticipant({ id, workshopId: 'w1', organisationId: 'olfen', displayName: null, tokenHash: `h-${id}`, createdAt: 1 });
    await store.writeAnswers([op('p1', 'o1', 'bildung', 3), op('p2', 'o2', 'bildung', 4)]);
    await store.moveParticipant('w1', 'p1', 'senden');
    await store.removeParticipant('w1', 'p2');
    const loaded = (await store.loadWorkshop('w1'))!;
    expect(loaded.participants.map((p) => [p.id, p.organisationId])).toEqual([['p1', 'senden']]);
    expect(loaded.answers).toMatchObject([{ participantId: 'p1', value: 3 }]);
    expect(loaded.opIds).toEqual([{ participantId: 'p1', opId: 'o1' }]);
    await store.close();
  });

  it('V-5: forgets names and resume tokens of quiet workshops only; V-4 deletes a workshop with everything', async () => {
    const { db, store } = await fresh();
    await store.createWorkshop({ ...workshop('quiet', 'QQQ234'), updatedAt: 10 });
    await store.createWorkshop({ ...workshop('busy', 'BBB234'), updatedAt: 10 });
    await store.addParticipant({ id: 'q1', workshopId: 'quiet', organisationId: 'olfen', displayName: 'Anna', tokenHash: 'hq', createdAt: 10 });
    await store.addParticipant({ id: 'b1', workshopId: 'busy', organisationId: 'olfen', displayName: 'Bernd', tokenHash: 'hb', createdAt: 10 });
    await store.writeAnswers([{ ...op('b1', 'o1', 'bildung', 2), workshopId: 'busy', at: 500 }]);
    expect(await store.forgetParticipantIdentifiers(100)).toEqual(new Map([['quiet', ['q1']]]));
    expect((await store.loadWorkshop('quiet'))!.participants[0]).toMatchObject({ displayName: null, tokenHash: 'forgotten:q1' });
    expect((await store.loadWorkshop('busy'))!.participants[0]).toMatchObject({ displayName: 'Bernd', tokenHash: 'hb' });
    expect(await store.forgetParticipantIdentifiers(100)).toEqual(new Map());
    await store.deleteWorkshop('busy');
    expect(await store.loadWorkshop('busy')).toBeUndefined();
    expect(await db.query(`SELECT count(*) AS n FROM answer_log WHERE workshop_id = 'busy'`)).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*) AS n FROM participants WHERE workshop_id = 'busy'`)).toEqual([{ n: 0 }]);
    await store.close();
  });

  it('AC-1/AC-5: one first administrator of two at once; e-mail addresses once; an invitation redeemed once', async () => {
    const { store } = await fresh();
    const account = (id: string, email: string) => ({ id, email, name: `Name ${id}`, role: 'admin' as const, passwordHash: 'scrypt$x', oidcSubject: null, disabledAt: null, createdAt: 1 });
    const firsts = await Promise.all([store.accounts.createFirstAccount(account('a1', 'a1@kreis.de')), store.accounts.createFirstAccount(account('a2', 'a2@kreis.de'))]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await store.accounts.countAccounts()).toBe(1);
    const first = (await store.accounts.listAccounts())[0]!;
    await expect(store.accounts.createAccount(account('a3', first.email))).rejects.toBeInstanceOf(DuplicateEmailError);
    await store.accounts.createInvite({ tokenHash: 'inv', role: 'facilitator', note: 'Olfen', createdBy: first.id, createdAt: 1, expiresAt: 100, usedAt: null });
    await expect(store.accounts.redeemInvite('inv', account('a4', first.email), 50)).rejects.toBeInstanceOf(DuplicateEmailError);
    expect((await store.accounts.inviteByTokenHash('inv'))?.usedAt).toBeNull();
    expect(await store.accounts.redeemInvite('inv', { ...account('a5', 'b@olfen.de'), role: 'facilitator' }, 200)).toBe(false);
    expect(await store.accounts.redeemInvite('inv', { ...account('a5', 'b@olfen.de'), role: 'facilitator' }, 50)).toBe(true);
    expect(await store.accounts.redeemInvite('inv', { ...account('a6', 'c@olfen.de'), role: 'facilitator' }, 50)).toBe(false);
    expect(await store.accounts.accountByEmail('b@olfen.de')).toMatchObject({ id: 'a5', role: 'facilitator', disabledAt: null, createdAt: 1 });
    await store.accounts.updateAccount('a5', { oidcSubject: 'https://idp sub-1', disabledAt: 70 });
    expect(await store.accounts.accountByOidcSubject('https://idp sub-1')).toMatchObject({ id: 'a5', disabledAt: 70 });
    for (const [hash, expiresAt] of [['s1', 1000], ['s2', 1000], ['old', 5]] as const) await store.accounts.createSession({ tokenHash: hash, accountId: 'a5', createdAt: 1, expiresAt });
    expect(await store.accounts.sessionByTokenHash('s1', 10)).toMatchObject({ session: { accountId: 'a5', expiresAt: 1000 }, account: { email: 'b@olfen.de' } });
    expect(await store.accounts.sessionByTokenHash('old', 10)).toBeUndefined();
    expect((await store.accounts.deleteSessionsOf('a5', 's1')).sort()).toEqual(['old', 's2']);
    expect(await store.accounts.sessionByTokenHash('s1', 10)).toBeDefined();
    await store.close();
  });

  it('PR-1: processes with facilitators and steps in order; deleting a process deletes its workshops', async () => {
    const { store } = await fresh();
    await store.accounts.createAccount({ id: 'a1', email: 'a@kreis.de', name: 'A', role: 'facilitator', passwordHash: null, oidcSubject: null, disabledAt: null, createdAt: 1 });
    await store.accounts.createAccount({ id: 'a2', email: 'b@kreis.de', name: 'B', role: 'facilitator', passwordHash: null, oidcSubject: null, disabledAt: null, createdAt: 1 });
    const organisations = [{ id: 'olfen', name: 'Stadt Olfen', weight: 1.5 }];
    await store.processes.createProcess({ id: 'pr1', title: 'Digitalstrategie', ownerId: 'a1', organisations, settings: { deepDiveTiers: ['I', 'II'] }, createdAt: 1, updatedAt: 1 });
    await store.processes.createProcess({ id: 'pr2', title: 'Andere', ownerId: 'a2', organisations: [], settings: { deepDiveTiers: ['I'] }, createdAt: 1, updatedAt: 2 });
    await store.processes.addFacilitator('pr1', 'a2');
    await store.processes.addFacilitator('pr1', 'a2');
    expect(await store.processes.facilitatorIds('pr1')).toEqual(['a2']);
    expect((await store.processes.processesFor('a1', false)).map((p) => p.id)).toEqual(['pr1']);
    expect((await store.processes.processesFor('a2', false)).map((p) => p.id)).toEqual(['pr2', 'pr1']);
    expect((await store.processes.processesFor('a1', true)).map((p) => p.id)).toEqual(['pr2', 'pr1']);
    await store.processes.updateProcess('pr1', { title: 'Digitalstrategie 2030', settings: { deepDiveTiers: ['I', 'II', 'III'] }, updatedAt: 5 });
    expect(await store.processes.processById('pr1')).toEqual({ id: 'pr1', title: 'Digitalstrategie 2030', ownerId: 'a1', organisations, settings: { deepDiveTiers: ['I', 'II', 'III'] }, createdAt: 1, updatedAt: 5 });
    await store.processes.removeFacilitator('pr1', 'a2');
    expect(await store.processes.facilitatorIds('pr1')).toEqual([]);
    expect(await store.processes.nextPosition('pr1')).toBe(1);
    await store.createWorkshop({ ...workshop('w2', 'BBB234'), processId: 'pr1', position: 2 });
    await store.createWorkshop({ ...workshop('w1', 'AAA234'), processId: 'pr1', position: 1 });
    expect((await store.processes.steps('pr1')).map((st) => [st.workshopId, st.position, st.kind])).toEqual([['w1', 1, 'quickcheck'], ['w2', 2, 'quickcheck']]);
    expect(await store.processes.nextPosition('pr1')).toBe(3);
    expect(await store.processOf('w1')).toBe('pr1');
    await store.processes.deleteProcess('pr1');
    expect(await store.processOf('w1')).toBeUndefined();
    expect(await store.processes.processById('pr1')).toBeUndefined();
    await store.close();
  });

  it('TC-4: a logged activity keeps its operations in order, each actor\'s opId once', async () => {
    const { db, store } = await fresh();
    const activity = { id: 'c1', code: 'COL234', secretHash: '', processId: null, position: 1, kind: 'collection' as const, config: { title: 'Themen' }, phase: 'collecting', revision: 1, createdAt: 1, updatedAt: 1, finalisedAt: null };
    await store.createActivity(activity);
    await expect(store.createActivity({ ...activity, id: 'c2' })).rejects.toBeInstanceOf(DuplicateCodeError);
    expect(await store.kindOf('c1')).toBe('collection');
    expect(await store.loadActivity('c1', 'vision')).toBeUndefined();
    const ops: LoggedOp[] = [
      { actor: 'p:x', opId: 'o1', type: 'propose', at: 2, text: 'Schule digital' } as LoggedOp,
      { actor: 'f:a1', opId: 'o1', type: 'accept', at: 3, proposalId: 'p:x/o1' } as LoggedOp,
      { actor: 'p:x', opId: 'o2', type: 'propose', at: 4, text: '„Bürgerbüro“ – online' } as LoggedOp,
    ];
    for (const o of ops) expect(await store.appendActivityOp('c1', o)).toBe(true);
    expect(await store.appendActivityOp('c1', { ...ops[0]!, text: 'anders' } as LoggedOp)).toBe(false);
    await store.addParticipant({ id: 'x', workshopId: 'c1', organisationId: 'olfen', displayName: null, tokenHash: 'hx', createdAt: 2 });
    await store.updateActivity('c1', { config: { title: 'Themenfelder' }, phase: 'finalised', revision: 2, updatedAt: 9, finalisedAt: 9 });
    await store.close();
    const reopened = await db.open();
    const loaded = (await reopened.loadActivity('c1', 'collection'))!;
    expect(loaded.workshop).toMatchObject({ config: { title: 'Themenfelder' }, phase: 'finalised', revision: 2, updatedAt: 9, finalisedAt: 9 });
    expect(loaded.log).toEqual(ops);
    expect(loaded.participants.map((p) => p.id)).toEqual(['x']);
    await reopened.close();
  });
});

/** A database as the version before the answer log left it (migrations 001 and 002). */
async function previousVersion(file: string, seed: (sqlite: BetterSqlite3.Database) => void): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('2026-11-24-002-consolidation');
  expect(error).toBeUndefined();
  seed(sqlite);
  await db.destroy();
}

describe('migration 003: answers become a log', () => {
  it('is all or nothing: a migration that fails half-way leaves the old tables, and runs once the data is repaired', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'konsens.sqlite');
    await previousVersion(file, (sqlite) => {
      sqlite.prepare(`INSERT INTO workshops (id, code, secret_hash, config, phase, revision, created_at, updated_at, meta) VALUES ('w1', 'ABC234', 'h', ?, 'scoring', 1, 1, 1, '{}')`).run(JSON.stringify(workshopFromTemplate('coesfeld')));
      sqlite.prepare(`INSERT INTO participants VALUES ('p1', 'w1', 'olfen', NULL, 'hash-p1', 1)`).run();
      sqlite.prepare(`INSERT INTO answer_ops VALUES ('p1', 'o1', 'w1', 10)`).run();
      sqlite.prepare(`INSERT INTO answers VALUES ('w1', 'p1', 'bildung', 'importance', 4, 'o1', 10)`).run();
      // A row of a workshop that is gone (written with foreign keys off): the log's foreign key refuses it.
      sqlite.pragma('foreign_keys = OFF');
      sqlite.prepare(`INSERT INTO answer_ops VALUES ('p9', 'o9', 'gone', 20)`).run();
    });
    await expect(openSqliteStore({ file })).rejects.toThrow(/FOREIGN KEY/);
    const tables = () => {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        return db.prepare(`SELECT name, type FROM sqlite_master WHERE name IN ('answers', 'answer_ops', 'answer_log', 'answer_writes') ORDER BY name`).all();
      } finally {
        db.close();
      }
    };
    expect(tables()).toEqual([{ name: 'answer_ops', type: 'table' }, { name: 'answers', type: 'table' }]);
    const repair = new BetterSqlite3(file);
    repair.prepare(`DELETE FROM answer_ops WHERE workshop_id = 'gone'`).run();
    repair.close();
    const store = await openSqliteStore({ file });
    expect((await store.loadWorkshop('w1'))!.answers).toMatchObject([{ participantId: 'p1', value: 4, opId: 'o1' }]);
    await store.close();
    expect(tables()).toEqual([
      { name: 'answer_log', type: 'view' },
      { name: 'answer_ops', type: 'view' },
      { name: 'answer_writes', type: 'table' },
      { name: 'answers', type: 'view' },
    ]);
  });

  it('D-1/D-2: a database of the two answer tables opens with the same answers and operation ids, readable through the views', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'konsens.sqlite');
    await previousVersion(file, (sqlite) => {
      const config = JSON.stringify(workshopFromTemplate('coesfeld'));
      sqlite.prepare(`INSERT INTO workshops (id, code, secret_hash, config, phase, revision, created_at, updated_at, meta) VALUES ('w1', 'ABC234', 'h', ?, 'scoring', 1, 1, 1, '{}')`).run(config);
      for (const p of ['p1', 'p2']) sqlite.prepare(`INSERT INTO participants VALUES (?, 'w1', 'olfen', NULL, ?, 1)`).run(p, `hash-${p}`);
      const answer = sqlite.prepare('INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)');
      answer.run('w1', 'p1', 'bildung', 'importance', 5, 'o2', 20);
      answer.run('w1', 'p2', 'kultur', 'potential', null, 'o3', 30);
      // o1 set p1's bildung before o2 overwrote it; o4 was a withdrawal.
      const op = sqlite.prepare(`INSERT INTO answer_ops VALUES (?, ?, 'w1', ?)`);
      for (const [p, o, at] of [['p1', 'o1', 10], ['p1', 'o2', 20], ['p2', 'o3', 30], ['p2', 'o4', 40]] as const) op.run(p, o, at);
    });

    const store = await openSqliteStore({ file });
    const loaded = (await store.loadWorkshop('w1'))!;
    expect(loaded.answers).toEqual([
      { participantId: 'p1', themeId: 'bildung', criterionId: 'importance', value: 5, opId: 'o2', updatedAt: 20 },
      { participantId: 'p2', themeId: 'kultur', criterionId: 'potential', value: null, opId: 'o3', updatedAt: 30 },
    ]);
    expect(loaded.opIds.map((o) => `${o.participantId}/${o.opId}`).sort()).toEqual(['p1/o1', 'p1/o2', 'p2/o3', 'p2/o4']);
    // New operations go on the log after the migrated ones and win.
    await store.writeAnswers([{ workshopId: 'w1', participantId: 'p1', at: 50, answers: [{ opId: 'o5', themeId: 'bildung', criterionId: 'importance', value: 2 }] }]);
    await store.writeAnswers([{ workshopId: 'w1', participantId: 'p2', at: 60, answers: [{ opId: 'o6', themeId: 'kultur', criterionId: 'potential', value: undefined }] }]);
    await store.close();
    const reader = new BetterSqlite3(file, { readonly: true });
    try {
      expect(reader.prepare('SELECT participant_id, theme_id, value, op_id FROM answers').all()).toEqual([{ participant_id: 'p1', theme_id: 'bildung', value: 2, op_id: 'o5' }]);
      expect(reader.prepare('SELECT count(*) AS n FROM answer_ops').get()).toEqual({ n: 6 });
    } finally {
      reader.close();
    }
  });
});

describe('answer log as one row per write (SQLite 007, PostgreSQL 002)', () => {
  /** The old log's rows: p1 sets o1 then overwrites it (o2), p2 withdraws (o4) what o3 set, o3 sent again, and an op id with no answer left (o0). */
  const OLD_LOG = [
    [1, 'p1', 'o0', null, null, null, 0, 5],
    [2, 'p1', 'o1', 'bildung', 'importance', 3, 0, 10],
    [3, 'p1', 'o2', 'bildung', 'importance', 5, 0, 20],
    [4, 'p2', 'o3', 'kultur', 'potential', null, 0, 30],
    [5, 'p2', 'o3', 'kultur', 'potential', 1, 0, 35],
    [7, 'p2', 'o4', 'kultur', 'potential', null, 1, 40],
  ] as const;
  const COLUMNS = 'seq, workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at';
  const expectedLog = OLD_LOG.map(([seq, p, o, t, c, v, w, at]) => ({ seq, pos: 0, workshop_id: 'w1', participant_id: p, op_id: o, theme_id: t, criterion_id: c, value: v, withdrawn: w, at }));

  async function check(open: () => Promise<WorkshopStore>, query: (text: string) => Promise<unknown[]>): Promise<void> {
    const store = await open();
    const loaded = (await store.loadWorkshop('w1'))!;
    expect(loaded.answers).toEqual([{ participantId: 'p1', themeId: 'bildung', criterionId: 'importance', value: 5, opId: 'o2', updatedAt: 20 }]);
    expect(loaded.opIds.map((o) => `${o.participantId}/${o.opId}`)).toEqual(['p1/o0', 'p1/o1', 'p1/o2', 'p2/o3', 'p2/o4']);
    // Each old row is a write of one operation under its own seq; the view shows the log as it was.
    expect(await query(`SELECT ${COLUMNS}, pos FROM answer_log ORDER BY seq, pos`)).toEqual(expectedLog);
    // A new ballot is one row, after the migrated ones, its operations in order; the next seq follows the largest.
    await store.writeAnswers([{ workshopId: 'w1', participantId: 'p2', at: 50, answers: [
      { opId: 'o5', themeId: 'kultur', criterionId: 'potential', value: 2 },
      { opId: 'o6', themeId: 'bildung', criterionId: 'importance', value: undefined },
      { opId: 'o7', themeId: 'bildung', criterionId: 'importance', value: 4 },
    ] }]);
    expect(await query(`SELECT seq, participant_id, at FROM answer_writes WHERE seq > 7`)).toEqual([{ seq: 8, participant_id: 'p2', at: 50 }]);
    expect(await query(`SELECT pos, op_id, value, withdrawn FROM answer_log WHERE seq = 8 ORDER BY pos`)).toEqual([
      { pos: 0, op_id: 'o5', value: 2, withdrawn: 0 },
      { pos: 1, op_id: 'o6', value: null, withdrawn: 1 },
      { pos: 2, op_id: 'o7', value: 4, withdrawn: 0 },
    ]);
    expect(await query(`SELECT participant_id, theme_id, value, op_id FROM answers ORDER BY participant_id, theme_id`)).toEqual([
      { participant_id: 'p1', theme_id: 'bildung', value: 5, op_id: 'o2' },
      { participant_id: 'p2', theme_id: 'bildung', value: 4, op_id: 'o7' },
      { participant_id: 'p2', theme_id: 'kultur', value: 2, op_id: 'o5' },
    ]);
    expect(await query(`SELECT count(*) AS n FROM answer_ops`)).toEqual([{ n: 8 }]);
    const reloaded = (await store.loadWorkshop('w1'))!;
    expect(reloaded.answers.map((a) => `${a.participantId}/${a.themeId}=${a.value}`).sort()).toEqual(['p1/bildung=5', 'p2/bildung=4', 'p2/kultur=2']);
    await store.close();
  }

  it('SQLite: a database with the log of one row per operation opens with the same answers, operation ids and log', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'konsens.sqlite');
    const sqlite = new BetterSqlite3(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('2026-11-28-006-activities')).error).toBeUndefined();
    sqlite.prepare(`INSERT INTO workshops (id, code, secret_hash, config, phase, revision, created_at, updated_at, meta) VALUES ('w1', 'ABC234', 'h', ?, 'scoring', 1, 1, 1, '{}')`).run(JSON.stringify(workshopFromTemplate('coesfeld')));
    for (const p of ['p1', 'p2']) sqlite.prepare(`INSERT INTO participants VALUES (?, 'w1', 'olfen', NULL, ?, 1)`).run(p, `hash-${p}`);
    const insert = sqlite.prepare(`INSERT INTO answer_log (seq, workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at) VALUES (?, 'w1', ?, ?, ?, ?, ?, ?, ?)`);
    for (const row of OLD_LOG) insert.run(...row);
    await db.destroy();
    const query = async (text: string) => {
      const reader = new BetterSqlite3(file, { readonly: true });
      try {
        return reader.prepare(text).all();
      } finally {
        reader.close();
      }
    };
    await check(() => openSqliteStore({ file }), query);
  });

  it('PostgreSQL: the same', async () => {
    cluster ??= startPostgres();
    const url = await (await cluster).createDatabase();
    const db = postgresKysely(url, 1);
    expect((await new Migrator({ db, provider: postgresMigrationProvider }).migrateTo('2026-11-29-001-schema')).error).toBeUndefined();
    await sql`INSERT INTO workshops (id, code, secret_hash, config, phase, revision, created_at, updated_at, meta) VALUES ('w1', 'ABC234', 'h', ${JSON.stringify(workshopFromTemplate('coesfeld'))}, 'scoring', 1, 1, 1, '{}')`.execute(db);
    for (const p of ['p1', 'p2']) await sql`INSERT INTO participants VALUES (${p}, 'w1', 'olfen', NULL, ${`hash-${p}`}, 1)`.execute(db);
    for (const [seq, p, o, t, c, v, w, at] of OLD_LOG) {
      await sql`INSERT INTO answer_log (seq, workshop_id, participant_id, op_id, theme_id, criterion_id, value, withdrawn, at) OVERRIDING SYSTEM VALUE VALUES (${seq}, 'w1', ${p}, ${o}, ${t}, ${c}, ${v}, ${w}, ${at})`.execute(db);
    }
    await db.destroy();
    const query = async (text: string) => {
      const pool = postgresPool(url, 1);
      try {
        // count(*) is a bigint: a number like SQLite's.
        return (await pool.query(text)).rows.map((row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'n' ? Number(v) : v])));
      } finally {
        await pool.end();
      }
    };
    await check(() => openPostgresStore({ url }), query);
  });
});
