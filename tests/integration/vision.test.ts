/**
 * Vision with a consent check (SPEC VI-1 … VI-9) with a real server, SQLite and
 * sockets: principles and future pictures of the prioritised themes, a round
 * with a serious objection, a revision, a second round that adopts; answers
 * per organisation (the latest representative's stands) or per person; a
 * resend doubles nothing; a restart brings back every version and round.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VisionFacilitatorState, VisionParticipantState, VisionProjectorState } from '../../shared/activities/vision/views.js';
import { PROTOCOL_VERSION, type AnyRoleState, type CreatedWorkshop, type Resync, type StatementReceipt, type VisionParticipantSession } from '../../shared/protocol.js';
import { api, connect, disconnectAll, ok, request, startServer, until, type Client, type TestServer } from '../support/harness.js';
import { facilitatorSocket, processWithTiers } from '../support/tiers.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

let n = 0;
const op = () => `op-vision-${process.pid}-${++n}`;

function recorder(socket: Client) {
  const states: AnyRoleState[] = [];
  socket.on('state:update', (s) => states.push(s));
  return states;
}

async function visionStep(url: string) {
  const { cookie, process } = await processWithTiers(url);
  const created = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'vision' }, cookie })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, cookie);
  const states = recorder(f);
  const joined = await ok<{ state: VisionFacilitatorState }>(f, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
  const last = () => states.at(-1) as VisionFacilitatorState | undefined;
  return { cookie, process, created, f, joined, last };
}

async function tablet(url: string, code: string, organisationId: string) {
  const socket = connect(url);
  const session = await ok<VisionParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: PROTOCOL_VERSION });
  const states = recorder(socket);
  return { socket, session, last: () => states.at(-1) as VisionParticipantState | undefined };
}

describe('vision with a consent check', () => {
  it('VI-1 … VI-8: an objection, a revision, a second round adopts; tallies and reasons per audience', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { created, f, joined, last } = await visionStep(url);
    // VI-1: one future picture per theme in the gate (Priority I and II).
    expect(joined.state).toMatchObject({ activity: 'vision', workshop: { phase: 'lobby', config: { votingUnit: 'organisation' } }, statements: [], checking: null });
    expect(joined.state.workshop.config.themes.map((t) => [t.themeId, t.tier])).toEqual([
      ['verwaltung', 'I'],
      ['bildung', 'I'],
      ['mobilitaet', 'II'],
      ['wirtschaft', 'II'],
    ]);

    const principle = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'principle', title: 'Digital zuerst', text: 'Wir denken jede Leistung digital.\n\n- barrierefrei\n- datensparsam' });
    const picture = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'picture', themeId: 'bildung', title: 'Bildung 2030', text: 'Jede Schule ist angebunden.' });
    expect(principle).toMatchObject({ version: 1, round: null, duplicate: false });
    expect(await request(f, 'statement:add', { opId: op(), kind: 'picture', themeId: 'tourismus', title: 'Tourismus', text: 'Nicht priorisiert.' })).toMatchObject({ ok: false, code: 'UNKNOWN_THEME' });
    expect(await request(f, 'statement:add', { opId: op(), kind: 'picture', title: 'Ohne Thema', text: 'x' })).toMatchObject({ ok: false, code: 'UNKNOWN_THEME' });
    expect(await request(f, 'consent:open', { opId: op(), statementId: principle.statementId })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });

    const projector = connect(url);
    const projected = recorder(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: PROTOCOL_VERSION });
    const coesfeld = await tablet(url, created.code, 'coesfeld');
    const olfen = await tablet(url, created.code, 'olfen');
    const olfen2 = await tablet(url, created.code, 'olfen');

    await ok(f, 'vision:phase', { phase: 'running' });
    const opened = await ok<StatementReceipt>(f, 'consent:open', { opId: op(), statementId: principle.statementId });
    expect(opened.round).toBe(1);
    expect(await request(f, 'consent:open', { opId: op(), statementId: picture.statementId })).toMatchObject({ ok: false, code: 'CHECK_OPEN' });
    expect(await request(f, 'statement:revise', { opId: op(), statementId: principle.statementId, title: 'Digital zuerst', text: 'Neu' })).toMatchObject({ ok: false, code: 'CHECK_OPEN' });
    expect(await request(f, 'vision:update', { votingUnit: 'person' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });

    // VI-5: an objection needs a reason; answers name their round.
    expect(await request(olfen.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 1, answer: 'objection' })).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: [expect.objectContaining({ path: 'text' })] });
    expect(await request(olfen.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 2, answer: 'consent' })).toMatchObject({ ok: false, code: 'CHECK_CLOSED' });
    const consentOp = op();
    const consent = await ok<StatementReceipt>(coesfeld.socket, 'consent:answer', { opId: consentOp, statementId: principle.statementId, round: 1, answer: 'consent' });
    expect(await ok<StatementReceipt>(coesfeld.socket, 'consent:answer', { opId: consentOp, statementId: principle.statementId, round: 1, answer: 'objection', text: 'doch nicht' })).toEqual({ ...consent, duplicate: true });
    // Organisation mode: Olfen's second representative answers first; the latest answer of Olfen stands.
    await ok(olfen2.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 1, answer: 'concern', text: 'Kosten im Blick behalten' });
    await ok(olfen.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 1, answer: 'objection', text: 'Ohne Datenschutzgrundsatz nicht tragbar' });

    const live = await until(() => {
      const s = last();
      const round = s?.statements[0]?.round;
      return round?.answered === 2 && round.tally?.objection === 1 ? s : undefined;
    }, 'the facilitator sees the objection live');
    expect(live.statements[0]!.round).toMatchObject({ round: 1, version: 1, open: true, tally: { consent: 1, concern: 0, objection: 1 }, reasons: [{ answer: 'objection', text: 'Ohne Datenschutzgrundsatz nicht tragbar', organisationId: 'olfen' }] });
    expect(live.statements[0]!.status).toBe('checking');
    // VI-8: while open, the projector and tablets see only how many answered.
    const openOnProjector = await until(() => {
      const s = projected.at(-1) as VisionProjectorState | undefined;
      return s?.statements[0]?.round?.answered === 2 ? s : undefined;
    }, 'projector count');
    expect(openOnProjector.statements[0]!.round).toMatchObject({ open: true, tally: null, reasons: null });
    expect(openOnProjector.checking).toBe(principle.statementId);
    const olfenView = await until(() => olfen2.last()?.organisationAnswers?.[0]?.answer === 'objection' && olfen2.last(), 'Olfen’s answer on the other tablet');
    expect(olfenView.organisationAnswers).toEqual([{ statementId: principle.statementId, round: 1, answer: 'objection', text: 'Ohne Datenschutzgrundsatz nicht tragbar' }]);

    // Closing: objected; the tablets and projector see tally and reasons without names.
    await ok(f, 'consent:close', { opId: op(), statementId: principle.statementId });
    expect(await request(coesfeld.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 1, answer: 'concern' })).toMatchObject({ ok: false, code: 'CHECK_CLOSED' });
    const closed = await until(() => {
      const s = projected.at(-1) as VisionProjectorState | undefined;
      return s?.statements[0]?.status === 'objected' ? s : undefined;
    }, 'objected on the projector');
    expect(closed.statements[0]!.round).toMatchObject({ open: false, tally: { consent: 1, concern: 0, objection: 1 }, reasons: [{ answer: 'objection', text: 'Ohne Datenschutzgrundsatz nicht tragbar' }] });
    expect(closed.statements[0]!.round!.reasons![0]).not.toHaveProperty('organisationId');

    // VI-3, VI-6: revise (version 2, a draft again), check again, everyone consents: adopted.
    const revised = await ok<StatementReceipt>(f, 'statement:revise', { opId: op(), statementId: principle.statementId, title: 'Digital zuerst – sicher', text: 'Wir denken jede Leistung digital und schützen Daten.\n\n1. barrierefrei\n2. datensparsam' });
    expect(revised).toMatchObject({ version: 2, round: 1 });
    await until(() => last()?.statements[0]?.status === 'draft' && last(), 'draft after the revision');
    const round2 = await ok<StatementReceipt>(f, 'consent:open', { opId: op(), statementId: principle.statementId });
    expect(round2.round).toBe(2);
    expect(await request(olfen.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 1, answer: 'consent' })).toMatchObject({ ok: false, code: 'CHECK_CLOSED' });
    for (const t of [coesfeld, olfen]) await ok(t.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 2, answer: 'consent' });
    await ok(olfen2.socket, 'consent:answer', { opId: op(), statementId: principle.statementId, round: 2, answer: 'concern', text: 'Schulungen einplanen' });
    // VI-4: finalising waits for the open check.
    expect(await request(f, 'vision:phase', { phase: 'finalised' })).toMatchObject({ ok: false, code: 'CHECK_OPEN' });
    await ok(f, 'consent:close', { opId: op(), statementId: principle.statementId });

    const adopted = await until(() => last()?.statements[0]?.status === 'adopted' && last(), 'adopted');
    const statement = adopted.statements[0]!;
    expect(statement.versions.map((v) => [v.version, v.title])).toEqual([
      [1, 'Digital zuerst'],
      [2, 'Digital zuerst – sicher'],
    ]);
    expect(statement.rounds.map((r) => [r.round, r.version, r.tally])).toEqual([
      [1, 1, { consent: 1, concern: 0, objection: 1 }],
      [2, 2, { consent: 1, concern: 1, objection: 0 }],
    ]);
    await until(() => coesfeld.last()?.statements[0]?.status === 'adopted', 'adopted on a tablet');
    // A concern does not block (VI-6); the picture was never checked: a draft.
    expect(adopted.statements[1]!.status).toBe('draft');

    await ok(f, 'vision:phase', { phase: 'finalised' });
    expect(await request(f, 'statement:revise', { opId: op(), statementId: picture.statementId, title: 'x', text: 'y' })).toMatchObject({ ok: false, code: 'FINALISED' });
  });

  it('VI-5: with persons as the voting unit every participant counts; a reload finds its answer; a restart keeps everything', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { created, f, cookie } = await visionStep(url);
    await ok(f, 'vision:update', { votingUnit: 'person' });
    const s = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'principle', title: 'Gemeinsam', text: 'Kreis und Kommunen handeln gemeinsam.' });
    const withdrawn = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'principle', title: 'Zurückgezogen', text: 'Entfällt.' });
    await ok(f, 'statement:withdraw', { opId: op(), statementId: withdrawn.statementId, withdrawn: true });
    await ok(f, 'vision:phase', { phase: 'running' });
    expect(await request(f, 'consent:open', { opId: op(), statementId: withdrawn.statementId })).toMatchObject({ ok: false, code: 'STATEMENT_WITHDRAWN' });
    await ok(f, 'consent:open', { opId: op(), statementId: s.statementId });
    const a = await tablet(url, created.code, 'olfen');
    const b = await tablet(url, created.code, 'olfen');
    await ok(a.socket, 'consent:answer', { opId: op(), statementId: s.statementId, round: 1, answer: 'concern', text: 'Zeitplan knapp' });
    await ok(b.socket, 'consent:answer', { opId: op(), statementId: s.statementId, round: 1, answer: 'consent' });
    expect(a.session.state.statements.map((x) => x.title)).toEqual(['Gemeinsam']);

    // A reload: the participant's own answer in the open round comes with the join and with state:get.
    a.socket.disconnect();
    const again = connect(url);
    const resumed = await ok<VisionParticipantSession>(again, 'workshop:join', { role: 'participant', code: created.code, resumeToken: a.session.resumeToken, protocolVersion: PROTOCOL_VERSION });
    expect(resumed.consent).toEqual([{ statementId: s.statementId, round: 1, answer: 'concern', text: 'Zeitplan knapp' }]);
    expect(resumed.state.organisationAnswers).toBeNull();
    expect((await ok<Resync>(again, 'state:get', {})).consent).toEqual(resumed.consent);

    // A restart: the same database, every version, round and answer back.
    f.disconnect();
    disconnectAll();
    const { dataDir } = server;
    await server.app.close();
    server = await startServer({ participantIntervalMs: 20 }, dataDir);
    const f2 = facilitatorSocket(server.url, cookie);
    const back = await ok<{ state: VisionFacilitatorState }>(f2, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(back.state.checking).toBe(s.statementId);
    expect(back.state.statements.map((x) => [x.title, x.status])).toEqual([
      ['Gemeinsam', 'checking'],
      ['Zurückgezogen', 'withdrawn'],
    ]);
    expect(back.state.statements[0]!.round).toMatchObject({ answered: 2, tally: { consent: 1, concern: 1, objection: 0 } });
    f2.disconnect();
  });
});
