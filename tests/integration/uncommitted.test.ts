/**
 * SPEC D-6: an answer counts in the live tally as soon as it is accepted, is
 * acknowledged only after its commit (D-1), and is taken back out should the
 * commit fail. The failures are real: a trigger in the real database refuses
 * answers whose opId starts with "fail-" (if asked, only after computing for a
 * while, so that the failure comes well after the answer was counted).
 *
 * Which answers share a write: once the writer has been idle for longer than its
 * minimum interval (COMMIT_INTERVAL_MS), a write begins in the turn after it was queued, so an
 * answer submitted after `quiet()` and then `nextTurn()` goes into a write of its own.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchReceipt, FacilitatorState } from '../../shared/protocol.js';
import type { Room } from '../../server/rooms/room.js';
import { COMMIT_INTERVAL_MS } from '../../server/rooms/answerWriter.js';
import { disconnectAll, ok, opId, request, scoringWithTablet, startServer, until, type TestServer } from '../support/harness.js';
import { storedOpIds } from '../support/fixtures.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

/** Commits of answers whose opId starts with "fail-" abort; `slow`: each such insert computes for a while first. */
function refuseFailOps(dbFile: string, slow = false): void {
  const db = new Database(dbFile);
  const delay = slow ? '(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT count(*) FROM c) > 0 AND ' : '';
  db.exec(`CREATE TRIGGER refuse_fail BEFORE INSERT ON answer_writes WHEN ${delay}NEW.ops LIKE '%"fail-%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
  db.close();
}

function dropRefusal(dbFile: string): void {
  const db = new Database(dbFile);
  db.exec('DROP TRIGGER refuse_fail');
  db.close();
}

async function setup() {
  server = await startServer();
  const { created, facilitator, states, tablet, participantId, config } = await scoringWithTablet(server.url);
  const room = (await server.app.rooms.get(created.workshopId)) as Room;
  const [a, b] = config.themes.map((t) => t.id);
  return { facilitator, states, tablet, room, participantId, cellA: { themeId: a!, criterionId: 'importance' }, cellB: { themeId: b!, criterionId: 'importance' } };
}

/** The cell's tally as the facilitator is sent it. */
function cellOf(state: FacilitatorState, cell: { themeId: string; criterionId: string }) {
  const criterion = state.results.themes.find((t) => t.themeId === cell.themeId)!.criteria.find((c) => c.criterionId === cell.criterionId)!;
  return { nPersons: criterion.nPersons, mean: criterion.mean };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Longer than the writer's minimum interval between writes, so that the next write begins in the next turn. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, COMMIT_INTERVAL_MS + 5));

describe('answers counted before their commit (SPEC D-6)', () => {
  it('a failed commit takes its answers back out of the tally and the dashboard; a resend counts them once', async () => {
    const { facilitator, states, tablet, cellA, cellB } = await setup();
    await ok(tablet, 'answer:set', { opId: opId(), ...cellA, value: 2 });
    // The failure comes long after the 20 ms push interval: only the take-back's own push can show it.
    refuseFailOps(server!.dbFile, true);
    const batch = { answers: [{ opId: opId(), ...cellB, value: 4 }, { opId: `fail-${opId()}`, ...cellA, value: 5 }] };
    const refusal = request(tablet, 'answer:batch', batch);
    // Counted before its commit: the dashboard shows it while the write is under way.
    await until(() => {
      const s = states.at(-1) as FacilitatorState | undefined;
      return s && cellOf(s, cellA).mean === 5 && cellOf(s, cellB).nPersons === 1;
    }, 'a push with the batch counted');
    const pushesBefore = states.length;
    const refused = await refusal;
    expect(refused).toMatchObject({ ok: false, code: 'STORAGE_FAILED' });
    // Nothing of the batch is stored, and the tally is as it was before it.
    expect(storedOpIds(server!.dbFile)).toHaveLength(1);
    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(cellOf(state, cellA)).toEqual({ nPersons: 1, mean: 2 });
    expect(cellOf(state, cellB)).toMatchObject({ nPersons: 0 });
    // The dashboard is told: its latest push shows the tally without the batch.
    const latest = await until(() => {
      const s = states.at(-1) as FacilitatorState;
      return states.length > pushesBefore && cellOf(s, cellA).mean === 2 && cellOf(s, cellB).nPersons === 0 ? s : undefined;
    }, 'a push after the take-back');
    expect(latest.progress.organisations.find((o) => o.organisationId === 'olfen')?.answered).toBe(1);
    // Resent once the storage works again: both are stored and counted, as fresh answers.
    dropRefusal(server!.dbFile);
    const { receipts } = await ok<{ receipts: BatchReceipt[] }>(tablet, 'answer:batch', batch);
    expect(receipts.map((r) => [r.value, r.duplicate ?? false])).toEqual([
      [4, false],
      [5, false],
    ]);
    expect(storedOpIds(server!.dbFile)).toHaveLength(3);
    const after = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(cellOf(after.state, cellA)).toEqual({ nPersons: 1, mean: 5 });
    expect(cellOf(after.state, cellB)).toEqual({ nPersons: 1, mean: 4 });
  });

  it('a single answer (answer:set, answer:withdraw) whose commit fails is taken back too', async () => {
    const { facilitator, tablet, cellA } = await setup();
    await ok(tablet, 'answer:set', { opId: opId(), ...cellA, value: 2 });
    refuseFailOps(server!.dbFile);
    expect(await request(tablet, 'answer:set', { opId: `fail-${opId()}`, ...cellA, value: 5 })).toMatchObject({ ok: false, code: 'STORAGE_FAILED' });
    expect(await request(tablet, 'answer:withdraw', { opId: `fail-${opId()}`, ...cellA })).toMatchObject({ ok: false, code: 'STORAGE_FAILED' });
    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(cellOf(state, cellA)).toEqual({ nPersons: 1, mean: 2 });
    expect(storedOpIds(server!.dbFile)).toHaveLength(1);
  });

  it('an answer counted while an earlier one to the same cell fails stays counted, on top of the committed value', async () => {
    const { tablet, room, participantId, cellA } = await setup();
    await ok(tablet, 'answer:set', { opId: opId(), ...cellA, value: 2 });
    refuseFailOps(server!.dbFile);
    await quiet();
    const failing = room.submitBatch(participantId, [{ opId: `fail-${opId()}`, ...cellA, value: 5 }]);
    const failed = failing.catch((error: { code?: string }) => error.code);
    // Counted at once, before the commit.
    expect(room.ownAnswers(participantId)).toEqual([{ ...cellA, value: 5 }]);
    // The failing write is now with the database; this one goes into the next write.
    await nextTurn();
    const later = room.submitBatch(participantId, [{ opId: opId(), ...cellA, value: 3 }]);
    expect(room.ownAnswers(participantId)).toEqual([{ ...cellA, value: 3 }]);
    expect(await failed).toBe('STORAGE_FAILED');
    // The failure took back only its own answer: the later one is still what the cell holds …
    expect(room.ownAnswers(participantId)).toEqual([{ ...cellA, value: 3 }]);
    const [receipt] = await later;
    expect(receipt).toMatchObject({ value: 3, duplicate: false });
    const cell = room.results().themes.find((t) => t.themeId === cellA.themeId)!.criteria.find((c) => c.criterionId === 'importance')!;
    expect(cell).toMatchObject({ nPersons: 1, mean: 3 });
    expect(storedOpIds(server!.dbFile)).toHaveLength(2);
  });

  it('when that later answer fails too, the cell goes back to its committed value', async () => {
    const { tablet, room, participantId, cellA, cellB } = await setup();
    await ok(tablet, 'answer:set', { opId: opId(), ...cellA, value: 2 });
    refuseFailOps(server!.dbFile);
    await quiet();
    const first = room.submitBatch(participantId, [{ opId: `fail-${opId()}`, ...cellA, value: 5 }]).catch((error: { code?: string }) => error.code);
    await nextTurn();
    const second = room
      .submitBatch(participantId, [
        { opId: `fail-${opId()}`, ...cellA, value: null },
        { opId: `fail-${opId()}`, ...cellB, value: 1 },
      ])
      .catch((error: { code?: string }) => error.code);
    expect(room.ownAnswers(participantId)).toEqual(expect.arrayContaining([{ ...cellA, value: null }, { ...cellB, value: 1 }]));
    expect(await first).toBe('STORAGE_FAILED');
    expect(await second).toBe('STORAGE_FAILED');
    expect(room.ownAnswers(participantId)).toEqual([{ ...cellA, value: 2 }]);
    const themes = room.results().themes;
    expect(themes.find((t) => t.themeId === cellA.themeId)!.criteria[0]).toMatchObject({ nPersons: 1, abstentions: 0, mean: 2 });
    expect(themes.find((t) => t.themeId === cellB.themeId)!.criteria[0]).toMatchObject({ nPersons: 0, abstentions: 0 });
    expect(room.progress().organisations.find((o) => o.organisationId === 'olfen')?.answered).toBe(1);
  });

  it('a failed batch that changed one cell twice gives the cell back to the next write, or to its committed value', async () => {
    const { tablet, room, participantId, cellA, cellB } = await setup();
    await ok(tablet, 'answer:set', { opId: opId(), ...cellA, value: 2 });
    await ok(tablet, 'answer:set', { opId: opId(), ...cellB, value: 4 });
    refuseFailOps(server!.dbFile);
    await quiet();
    // One failing write changes A twice and B twice.
    const failing = room
      .submitBatch(participantId, [
        { opId: `fail-${opId()}`, ...cellA, value: 5 },
        { opId: `fail-${opId()}`, ...cellB, value: 1 },
        { opId: `fail-${opId()}`, ...cellA, value: 3 },
        { opId: `fail-${opId()}`, ...cellB, value: undefined },
      ])
      .catch((error: { code?: string }) => error.code);
    expect(room.ownAnswers(participantId)).toEqual([{ ...cellA, value: 3 }]);
    await nextTurn();
    // A later write changes A again and commits; B is left to the failure alone.
    const later = room.submitBatch(participantId, [{ opId: opId(), ...cellA, value: 1 }]);
    expect(await failing).toBe('STORAGE_FAILED');
    await later;
    expect(room.ownAnswers(participantId)).toEqual([
      { ...cellA, value: 1 },
      { ...cellB, value: 4 },
    ]);
    const themes = room.results().themes;
    expect(themes.find((t) => t.themeId === cellA.themeId)!.criteria[0]).toMatchObject({ nPersons: 1, mean: 1 });
    expect(themes.find((t) => t.themeId === cellB.themeId)!.criteria[0]).toMatchObject({ nPersons: 1, mean: 4 });
    // Should the later write fail too, A would go back to 2: its `before` is now the committed value.
    expect(storedOpIds(server!.dbFile)).toHaveLength(3);
  });

  it('closing scoring waits for the answers under way: the closed tally holds committed answers only', async () => {
    const { room, participantId, cellA } = await setup();
    refuseFailOps(server!.dbFile, true);
    const failing = room.submitBatch(participantId, [{ opId: `fail-${opId()}`, ...cellA, value: 5 }]).catch((error: { code?: string }) => error.code);
    expect(room.results().themes.find((t) => t.themeId === cellA.themeId)!.criteria[0]).toMatchObject({ nPersons: 1 });
    await room.setPhase('closed');
    expect(room.results().themes.find((t) => t.themeId === cellA.themeId)!.criteria[0]).toMatchObject({ nPersons: 0 });
    expect(await failing).toBe('STORAGE_FAILED');
  });

  it('a resend of an answer whose commit is under way waits for it: written once, then a duplicate', async () => {
    const { room, participantId, cellA } = await setup();
    const op = { opId: opId(), ...cellA, value: 4 };
    const original = room.submitBatch(participantId, [op]);
    // Sent again before the first write committed (a tablet that lost the acknowledgement), one way and the other.
    const resends = [room.submit(participantId, op), room.submitBatch(participantId, [op])];
    expect((await original)[0]).toMatchObject({ value: 4, duplicate: false });
    expect(await resends[0]).toMatchObject({ value: 4, duplicate: true });
    expect(await resends[1]).toEqual([expect.objectContaining({ value: 4, duplicate: true })]);
    expect(storedOpIds(server!.dbFile).filter((id) => id === op.opId)).toHaveLength(1);
  });

  it('a resend of an answer whose commit is under way fails with it, and nothing of it stays', async () => {
    const { room, participantId, cellA } = await setup();
    refuseFailOps(server!.dbFile);
    const op = { opId: `fail-${opId()}`, ...cellA, value: 4 };
    const original = room.submitBatch(participantId, [op]).catch((error: { code?: string }) => error.code);
    const resend = room.submit(participantId, op).catch((error: { code?: string }) => error.code);
    expect(await original).toBe('STORAGE_FAILED');
    expect(await resend).toBe('STORAGE_FAILED');
    expect(room.ownAnswers(participantId)).toEqual([]);
    expect(room.results().themes.find((t) => t.themeId === cellA.themeId)!.criteria[0]).toMatchObject({ nPersons: 0 });
    expect(storedOpIds(server!.dbFile)).toEqual([]);
  });
});
