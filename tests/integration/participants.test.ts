/**
 * A tablet that joined for the wrong organisation (SPEC J-5, J-6): the
 * participant switches, or the facilitator moves it (its answers go with it),
 * or the facilitator removes it (its answers are deleted). Over real sockets,
 * checked in the pushed states, in the database and after a restart.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { FacilitatorState, ParticipantEntry, ParticipantSession } from '../../shared/protocol.js';
import {
  connect,
  createWorkshop,
  disconnectAll,
  facilitate,
  ok,
  opId,
  recordStates,
  request,
  scoringWithTablet,
  startServer,
  tempDir,
  until,
  version,
  type Client,
  type TestServer,
} from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

const THEMES = ['verwaltung', 'bildung', 'mobilitaet'];

/** Rates the first three themes in both criteria: 6 answers, 3 themes complete. */
async function rateThree(tablet: Client, value: number): Promise<void> {
  const answers = THEMES.flatMap((themeId) => ['importance', 'potential'].map((criterionId) => ({ opId: opId(), themeId, criterionId, value })));
  await ok(tablet, 'answer:batch', { answers });
}

function organisation(state: FacilitatorState, id: string) {
  return state.progress.organisations.find((o) => o.organisationId === id)!;
}

function storedOrganisation(dbFile: string, participantId: string): { organisation: string | undefined; answers: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare('SELECT organisation_id AS o FROM participants WHERE id = ?').get(participantId) as { o: string } | undefined;
    const { n } = db.prepare('SELECT count(*) AS n FROM answer_log WHERE participant_id = ?').get(participantId) as { n: number };
    return { organisation: row?.o, answers: n };
  } finally {
    db.close();
  }
}

async function joinTablet(url: string, code: string, organisationId: string): Promise<{ tablet: Client; session: ParticipantSession }> {
  const tablet = connect(url);
  const session = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: version });
  return { tablet, session };
}

describe('moving and removing tablets (J-5, J-6)', () => {
  it('J-5: the facilitator moves a tablet; its answers count for the new organisation, live, in storage and after a restart', async () => {
    const dataDir = tempDir();
    server = await startServer({}, dataDir);
    const { created, facilitator, states, tablet, participantId } = await scoringWithTablet(server.url);
    const notices: { organisationId: string }[] = [];
    tablet.on('participant:moved', (notice) => notices.push(notice));
    await rateThree(tablet, 4);
    await until(() => states.length > 0 && organisation(states.at(-1) as FacilitatorState, 'olfen').themesRated === 3, 'olfen has rated three themes');

    const { participants } = await ok<{ participants: ParticipantEntry[] }>(facilitator, 'participant:list', {});
    expect(participants).toEqual([expect.objectContaining({ participantId, organisationId: 'olfen', displayName: null, themesRated: 3 })]);

    const before = (states.at(-1) as FacilitatorState).results;
    const moved = await ok<ParticipantEntry>(facilitator, 'participant:move', { participantId, organisationId: 'nottuln' });
    expect(moved).toMatchObject({ participantId, organisationId: 'nottuln', themesRated: 3 });
    await until(() => notices.length === 1, 'the tablet is told');
    expect(notices).toEqual([{ organisationId: 'nottuln' }]);
    const after = await until(() => {
      const s = states.at(-1) as FacilitatorState;
      return organisation(s, 'nottuln').themesRated === 3 ? s : undefined;
    }, 'the facilitator sees the move');
    expect(organisation(after, 'olfen')).toMatchObject({ participants: 0, answered: 0, themesRated: 0, status: 'missing' });
    expect(organisation(after, 'nottuln')).toMatchObject({ participants: 1, answered: 6, themesRated: 3, status: 'partial' });
    // The same answers, now another organisation's: the per-person distribution is unchanged.
    expect(after.results.themes.map((t) => t.criteria.map((c) => c.histogram))).toEqual(before.themes.map((t) => t.criteria.map((c) => c.histogram)));
    expect(storedOrganisation(server.dbFile, participantId)).toEqual({ organisation: 'nottuln', answers: 6 });
    // A resent move changes nothing.
    expect(await ok<ParticipantEntry>(facilitator, 'participant:move', { participantId, organisationId: 'nottuln' })).toMatchObject({ organisationId: 'nottuln', themesRated: 3 });
    // Further answers count for the new organisation.
    await ok(tablet, 'answer:set', { opId: opId(), themeId: 'kultur', criterionId: 'importance', value: 2 });

    expect((await ok<{ participants: ParticipantEntry[] }>(facilitator, 'participant:list', {})).participants[0]).toMatchObject({ organisationId: 'nottuln', themesRated: 3 });
    disconnectAll();
    await server.app.close();
    server = await startServer({}, dataDir);
    const { socket } = await facilitate(server.url, created);
    const { state } = await ok<{ state: FacilitatorState }>(socket, 'state:get', {});
    expect(organisation(state, 'nottuln')).toMatchObject({ participants: 1, answered: 7, themesRated: 3 });
    expect(organisation(state, 'olfen')).toMatchObject({ participants: 0, answered: 0 });
  });

  it('J-5: a participant switches their own organisation; a resumed tablet and the reveal follow the new one', async () => {
    server = await startServer();
    const { facilitator, states, tablet } = await scoringWithTablet(server.url);
    const { tablet: second, session } = await joinTablet(server.url, (await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {})).state.workshop.code, 'kreis');
    await rateThree(second, 5);
    const switched = await ok<ParticipantEntry>(second, 'participant:switch', { organisationId: 'senden' });
    expect(switched).toMatchObject({ participantId: session.participantId, organisationId: 'senden', themesRated: 3 });
    await until(() => organisation(states.at(-1) as FacilitatorState, 'senden').themesRated === 3, 'senden has the answers');
    expect(organisation(states.at(-1) as FacilitatorState, 'kreis').answered).toBe(0);
    expect(await request(second, 'participant:switch', { organisationId: 'atlantis' })).toMatchObject({ ok: false, code: 'UNKNOWN_ORGANISATION' });
    // A tablet cannot move anyone, nor list them.
    expect(await request(tablet, 'participant:move', { participantId: session.participantId, organisationId: 'olfen' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(tablet, 'participant:list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Resuming with the token on another connection: the session says the new organisation.
    second.disconnect();
    const resumed = connect(server.url);
    const again = await ok<ParticipantSession>(resumed, 'workshop:join', { role: 'participant', code: session.state.workshop.code, resumeToken: session.resumeToken, protocolVersion: version });
    expect(again.organisationId).toBe('senden');
    expect(again.answers).toHaveLength(6);

    // After the reveal, the tablet gets its new organisation's own values (B-5), on the connection that switched too.
    const { tablet: third } = await joinTablet(server.url, session.state.workshop.code, 'kreis');
    await ok(third, 'participant:switch', { organisationId: 'senden' });
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    await ok(facilitator, 'phase:set', { phase: 'revealed' });
    const viaGet = await ok<{ state: { organisation: { organisationId: string } | null } }>(third, 'state:get', {});
    expect(viaGet.state.organisation?.organisationId).toBe('senden');
    const pushed: { organisation?: { organisationId: string } | null }[] = [];
    third.on('state:update', (s) => pushed.push(s as never));
    await ok(facilitator, 'projector:show', { view: 'individual' });
    const last = await until(() => pushed.at(-1), 'a push to the switched tablet');
    expect(last.organisation?.organisationId).toBe('senden');
  });

  it('J-6: the facilitator removes a tablet; its answers are deleted, it is told and cannot come back with its token', async () => {
    server = await startServer();
    const { created, facilitator, states, tablet, participantId } = await scoringWithTablet(server.url);
    const { tablet: keeper } = await joinTablet(server.url, created.code, 'kreis');
    await rateThree(tablet, 1);
    await rateThree(keeper, 5);
    await until(() => organisation(states.at(-1) as FacilitatorState, 'olfen').themesRated === 3, 'olfen rated');
    let removedNotice = false;
    tablet.on('participant:removed', () => (removedNotice = true));
    const closed = new Promise<void>((resolve) => tablet.on('disconnect', () => resolve()));

    expect(await ok(facilitator, 'participant:remove', { participantId })).toEqual({ participantId, removed: true });
    await closed;
    expect(removedNotice).toBe(true);
    const after = await until(() => {
      const s = states.at(-1) as FacilitatorState;
      return organisation(s, 'olfen').participants === 0 ? s : undefined;
    }, 'the removal shows');
    expect(organisation(after, 'olfen')).toMatchObject({ answered: 0, status: 'missing' });
    // Only the kept tablet's fives remain.
    const verwaltung = after.results.themes.find((t) => t.themeId === 'verwaltung')!.criteria[0]!;
    expect(verwaltung.histogram).toEqual([0, 0, 0, 0, 1]);
    expect(storedOrganisation(server.dbFile, participantId)).toEqual({ organisation: undefined, answers: 0 });
    // A resent removal answers as done; the token no longer works.
    expect(await ok(facilitator, 'participant:remove', { participantId })).toEqual({ participantId, removed: true });
    const { participants } = await ok<{ participants: ParticipantEntry[] }>(facilitator, 'participant:list', {});
    expect(participants.map((p) => p.participantId)).not.toContain(participantId);
    expect(participants).toHaveLength(1);
    expect(await request(facilitator, 'participant:remove', { participantId: 'nobody-here' })).toMatchObject({ ok: false, code: 'UNKNOWN_PARTICIPANT' });
  });

  it('J-6: a removed tablet’s resume token is refused and its resent answers are not counted', async () => {
    server = await startServer();
    const { created: workshop, facilitator, tablet } = await scoringWithTablet(server.url);
    const { tablet: other, session } = await joinTablet(server.url, workshop.code, 'kreis');
    const answer = { opId: opId(), themeId: 'kultur', criterionId: 'importance', value: 3 };
    await ok(other, 'answer:set', answer);
    await ok(facilitator, 'participant:remove', { participantId: session.participantId });
    const resumed = connect(server.url);
    expect(await request(resumed, 'workshop:join', { role: 'participant', code: workshop.code, resumeToken: session.resumeToken, protocolVersion: version })).toMatchObject({
      ok: false,
      code: 'INVALID_RESUME_TOKEN',
    });
    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(state.results.themes.find((t) => t.themeId === 'kultur')!.criteria[0]!.histogram).toEqual([0, 0, 0, 0, 0]);
    expect(tablet.connected).toBe(true);
  });

  it('J-5, J-6: only in the lobby and while scoring; removing the last tablet of an organisation lets the roster drop it', async () => {
    server = await startServer();
    const { facilitator, tablet, participantId } = await scoringWithTablet(server.url);
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    for (const [event, payload] of [
      ['participant:move', { participantId, organisationId: 'kreis' }],
      ['participant:remove', { participantId }],
    ] as const) {
      expect(await request(facilitator, event, payload)).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    }
    expect(await request(tablet, 'participant:switch', { organisationId: 'kreis' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    // Reopened, the move is possible again.
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    expect(await request(facilitator, 'participant:move', { participantId, organisationId: 'atlantis' })).toMatchObject({ ok: false, code: 'UNKNOWN_ORGANISATION' });
    expect(await ok(facilitator, 'participant:move', { participantId, organisationId: 'kreis' })).toMatchObject({ organisationId: 'kreis' });

    // In the lobby of a fresh workshop: a test tablet for Senden is removed, then Senden can leave the roster.
    const lobby = await scoringLobby(server.url);
    const { tablet: test, session } = await joinTablet(server.url, lobby.code, 'senden');
    const roster = lobby.config.organisations.filter((o) => o.id !== 'senden');
    expect(await request(lobby.socket, 'workshop:update', { organisations: roster })).toMatchObject({ ok: false, code: 'ORGANISATION_IN_USE' });
    await ok(lobby.socket, 'participant:remove', { participantId: session.participantId });
    expect(await ok<{ config: { organisations: unknown[] } }>(lobby.socket, 'workshop:update', { organisations: roster })).toMatchObject({ config: { organisations: roster } });
    test.disconnect();
  });
});

/** A fresh Coesfeld workshop in its lobby, with its facilitator. */
async function scoringLobby(url: string) {
  const created = await createWorkshop(url);
  const { socket, session } = await facilitate(url, created);
  recordStates(socket);
  return { socket, code: created.code, config: session.state.workshop.config };
}
