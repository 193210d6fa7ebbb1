/**
 * `answer:batch` over the wire (SPEC D-4): a whole ballot in one event, checked
 * as a whole, stored in order, acknowledged together, idempotent, rate-limited
 * by its size, and still there after a restart.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, BatchReceipt, FacilitatorState } from '../../shared/protocol.js';
import { disconnectAll, facilitate, ok, opId, request, scoringWithTablet, startServer, tempDir, until, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

type Receipts = { receipts: BatchReceipt[] };

function storedAnswers(dbFile: string, participantId: string): Record<string, number | null> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT theme_id AS t, criterion_id AS c, value FROM answers WHERE participant_id = ?').all(participantId) as { t: string; c: string; value: number | null }[];
    return Object.fromEntries(rows.map((r) => [`${r.t}/${r.c}`, r.value]));
  } finally {
    db.close();
  }
}

async function setup(dataDir?: string) {
  server = await startServer({}, dataDir);
  return scoringWithTablet(server.url);
}

describe('answer:batch', () => {
  it('D-4: a full ballot in one event is stored, counted and acknowledged with one receipt per answer, in order', async () => {
    const { facilitator, states, tablet, participantId, config } = await setup();
    const ballot = config.themes.flatMap((t, i) => config.criteria.map((c, j) => ({ opId: opId(), themeId: t.id, criterionId: c.id, value: i === 0 && j === 0 ? null : 1 + ((i + j) % 5) })));
    expect(ballot).toHaveLength(16);
    const { receipts } = await ok<Receipts>(tablet, 'answer:batch', { answers: ballot });
    // Theme and criterion are the entry's at the same position; flags only when true (PROTOCOL.md, BatchReceipt).
    expect(receipts).toEqual(ballot.map((a) => ({ opId: a.opId, value: a.value })));
    // Acknowledged means committed: the database holds all 16.
    expect(Object.keys(storedAnswers(server!.dbFile, participantId))).toHaveLength(16);
    const state = await until(() => {
      const s = states.at(-1) as FacilitatorState | undefined;
      return s?.progress.organisations.find((o) => o.organisationId === 'olfen')?.answered === 16 ? s : undefined;
    }, 'the facilitator sees the ballot');
    const first = state.results.themes.find((t) => t.themeId === config.themes[0]!.id)!.criteria[0]!;
    expect(first).toMatchObject({ nPersons: 0, abstentions: 1 });
    const fresh = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(fresh.state.progress.organisations.find((o) => o.organisationId === 'olfen')).toMatchObject({ answered: 16, status: 'complete' });
  });

  it('D-4: one refused answer refuses the batch, names it, and applies none of the others', async () => {
    const { tablet, participantId } = await setup();
    const answers = [
      { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 },
      { opId: opId(), themeId: 'kultur', criterionId: 'potential', value: 2 },
      { opId: opId(), themeId: 'raumfahrt', criterionId: 'importance', value: 3 },
    ];
    const refused = await request(tablet, 'answer:batch', { answers });
    expect(refused).toMatchObject({ ok: false, code: 'UNKNOWN_THEME', details: [{ path: 'answers.2' }] });
    const outOfScale = await request(tablet, 'answer:batch', { answers: [answers[0], { ...answers[1], value: 9 }] });
    expect(outOfScale).toMatchObject({ ok: false, code: 'OUT_OF_SCALE', details: [{ path: 'answers.1' }] });
    expect(storedAnswers(server!.dbFile, participantId)).toEqual({});
    // Corrected, the same opIds go through: the refusal had not used them up.
    const { receipts } = await ok<Receipts>(tablet, 'answer:batch', { answers: [answers[0], answers[1]] });
    expect(receipts.map((r) => r.duplicate ?? false)).toEqual([false, false]);
    expect(storedAnswers(server!.dbFile, participantId)).toEqual({ 'bildung/importance': 4, 'kultur/potential': 2 });
  });

  it('D-2/D-4: operations apply in batch order; a resent batch changes nothing and says duplicate', async () => {
    const { tablet, participantId } = await setup();
    const first = { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 2 };
    await ok(tablet, 'answer:set', first);
    const batch = [
      first, // already applied
      { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 5 },
      { opId: opId(), themeId: 'kultur', criterionId: 'importance', value: 3 },
      { opId: opId(), themeId: 'kultur', criterionId: 'importance', withdraw: true },
      { opId: opId(), themeId: 'mobilitaet', criterionId: 'potential', value: null },
    ];
    const { receipts } = await ok<Receipts>(tablet, 'answer:batch', { answers: batch });
    expect(receipts.map((r) => r.duplicate ?? false)).toEqual([true, false, false, false, false]);
    // Each receipt tells the answer as stored after the whole batch.
    expect(receipts).toEqual([
      { opId: batch[0]!.opId, value: 5, duplicate: true },
      { opId: batch[1]!.opId, value: 5 },
      { opId: batch[2]!.opId, withdrawn: true },
      { opId: batch[3]!.opId, withdrawn: true },
      { opId: batch[4]!.opId, value: null },
    ]);
    const expected = { 'bildung/importance': 5, 'mobilitaet/potential': null };
    expect(storedAnswers(server!.dbFile, participantId)).toEqual(expected);
    const again = await ok<Receipts>(tablet, 'answer:batch', { answers: batch });
    expect(again.receipts.every((r) => r.duplicate === true)).toBe(true);
    expect(storedAnswers(server!.dbFile, participantId)).toEqual(expected);
    const db = new Database(server!.dbFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM answer_log WHERE participant_id = ?').get(participantId)).toEqual({ n: 5 });
    db.close();
  });

  it('D-4/S-5: a batch takes one token per started 4 answers; more than 100 answers, or one opId twice, are refused as malformed', async () => {
    const { tablet } = await setup();
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ opId: opId(), themeId: 'bildung', criterionId: i % 2 ? 'importance' : 'potential', value: 1 + (i % 5) }));
    expect(await request(tablet, 'answer:batch', { answers: many(101) })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    // The bucket holds 40: the join took 1 and the oversized batch 25 (as much as the largest allowed one),
    // so a batch of 100 (25 tokens) has to wait most of a second for the refill (20 per second).
    const limited = (await request(tablet, 'answer:batch', { answers: many(100) })) as Ack<Receipts>;
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // Refused without taking: a ballot of 16 (4 tokens) fits what is left.
    await new Promise((r) => setTimeout(r, 100));
    expect(await request(tablet, 'answer:batch', { answers: many(16) })).toMatchObject({ ok: true });
    const [a, b] = many(2);
    expect(await request(tablet, 'answer:batch', { answers: [a, { ...b, opId: a!.opId }] })).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: [{ path: 'answers.1.opId' }] });
  });

  it('D-4: a refusal names the answer even in a batch of one; a closed phase names none', async () => {
    const { facilitator, tablet } = await setup();
    expect(await request(tablet, 'answer:batch', { answers: [{ opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 0 }] })).toMatchObject({
      ok: false, code: 'OUT_OF_SCALE', details: [{ path: 'answers.0' }],
    });
    const applied = { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 2 };
    await ok(tablet, 'answer:batch', { answers: [applied] });
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    const closed = await request(tablet, 'answer:batch', { answers: [applied, { opId: opId(), themeId: 'kultur', criterionId: 'importance', value: 3 }] });
    expect(closed).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(closed).not.toHaveProperty('details');
    // What was applied before is still acknowledged after the close (a late resend).
    const { receipts } = await ok<Receipts>(tablet, 'answer:batch', { answers: [applied] });
    expect(receipts).toMatchObject([{ value: 2, duplicate: true }]);
  });

  it('D-3/D-4: a batch acknowledged before a restart is all there after it', async () => {
    const dataDir = tempDir();
    const { created, tablet, participantId } = await setup(dataDir);
    const answers = ['bildung', 'kultur', 'tourismus'].map((themeId, i) => ({ opId: opId(), themeId, criterionId: 'potential', value: i + 2 }));
    await ok(tablet, 'answer:batch', { answers });
    disconnectAll();
    await server!.app.close();
    server = await startServer({}, dataDir);
    const { socket } = await facilitate(server.url, created);
    const { state } = await ok<{ state: FacilitatorState }>(socket, 'state:get', {});
    expect(state.progress.organisations.find((o) => o.organisationId === 'olfen')!.answered).toBe(3);
    expect(storedAnswers(server.dbFile, participantId)).toEqual({ 'bildung/potential': 2, 'kultur/potential': 3, 'tourismus/potential': 4 });
  });
});
