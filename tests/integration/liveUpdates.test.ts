/**
 * Live behaviour over the wire: coalesced pushes (SPEC B-1 … B-4), idempotent
 * answers (D-2), resuming a participant (J-2), lobby edits (W-1, W-2) and
 * hiding a reveal again (P-1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerReceipt, FacilitatorSession, ParticipantSession, ProjectorState, RoleState } from '../../shared/protocol.js';
import { connect, createWorkshop, disconnectAll, ok, opId, recordStates, request, startServer, until, version, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

async function setup(config: Parameters<typeof startServer>[0] = {}) {
  server = await startServer(config);
  const created = await createWorkshop(server.url);
  const facilitator = connect(server.url);
  const facilitatorStates = recordStates(facilitator);
  const f = await ok<FacilitatorSession>(facilitator, 'workshop:join', {
    role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version,
  });
  const join = async (organisationId: string) => {
    const socket = connect(server!.url);
    const states = recordStates(socket);
    const session = await ok<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code: created.code, organisationId, protocolVersion: version });
    return { socket, states, session };
  };
  return { created, facilitator, facilitatorStates, config: f.state.workshop.config, join };
}

describe('coalesced pushes', () => {
  it('B-1: after a quiet interval a single vote reaches the facilitator at once (leading edge), not at the interval\'s end', async () => {
    // A long interval separates the two behaviours by a wide margin: a leading-edge push arrives within
    // milliseconds, a trailing one only after the whole second. Half the interval is slack for a slow machine.
    const interval = 1000;
    const { facilitator, join } = await setup({ liveIntervalMs: interval, participantIntervalMs: 1000 });
    const person = await join('olfen');
    const pushes: number[] = [];
    facilitator.on('state:update', () => pushes.push(performance.now()));
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    // Quiet: no push for 1,5 intervals, so neither a push nor a pending trailing run is within the interval.
    const joined = performance.now();
    await until(() => performance.now() - Math.max(joined, pushes.at(-1) ?? -Infinity) > 1.5 * interval, 'a quiet interval', 20_000);

    const before = pushes.length;
    const sent = performance.now();
    await ok(person.socket, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 });
    await until(() => pushes.length > before, 'the leading-edge push', 5000);
    expect(pushes[before]! - sent).toBeLessThan(interval / 2);
  });

  it('B-1: a burst of 192 answers is coalesced: the pushes are bounded by the burst\'s duration (one per interval), not by the answers', async () => {
    const interval = 400;
    const { facilitator, facilitatorStates, join, config } = await setup({ liveIntervalMs: interval, participantIntervalMs: 1000 });
    const people = await Promise.all(config.organisations.map((o) => join(o.id)));
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await until(() => facilitatorStates.at(-1)?.workshop.phase === 'scoring', 'the scoring phase');

    const pushes: number[] = [];
    facilitator.on('state:update', () => pushes.push(performance.now()));
    const started = performance.now();
    // Each person sends their 16 answers one after the other; the 12 people at once.
    await Promise.all(
      people.map(async ({ socket }) => {
        for (const t of config.themes) for (const c of config.criteria) await ok(socket, 'answer:set', { opId: opId(), themeId: t.id, criterionId: c.id, value: 3 });
      }),
    );
    await until(() => {
      const s = facilitatorStates.at(-1);
      return s?.role === 'facilitator' && s.progress.complete === 12;
    }, 'the final state');
    const finished = performance.now();
    // Wait out a possible last trailing run, then count: however fast or slow the machine, the pushes
    // are bounded by the time the burst took, not by the number of answers.
    await new Promise((r) => setTimeout(r, 2 * interval));
    // A leading push, one per interval while it lasts, and one trailing run.
    expect(pushes.length).toBeGreaterThanOrEqual(1);
    expect(pushes.length).toBeLessThanOrEqual(Math.floor((finished - started) / interval) + 2);
    expect(pushes.length).toBeLessThan(192 / 4);
  });

  it('B-2: participants get at most about one push per second, and the last state arrives', async () => {
    const { facilitator, join } = await setup({ liveIntervalMs: 20, participantIntervalMs: 1000 });
    const tablet = await join('olfen');
    const pushes: number[] = [];
    tablet.socket.on('state:update', () => pushes.push(performance.now()));
    for (let i = 1; i <= 8; i++) await ok(facilitator, 'workshop:update', { title: `Titel ${i}` });
    await until(() => tablet.states.at(-1)?.workshop.config.title === 'Titel 8', 'last title', 3000);
    expect(pushes.length).toBeLessThanOrEqual(2);
  });

  it('B-3: votes during scoring push nothing to participants and no results to the projector', async () => {
    const { facilitator, created, join } = await setup({ liveIntervalMs: 20, participantIntervalMs: 50 });
    const a = await join('olfen');
    const projector = connect(server!.url);
    const projectorStates = recordStates(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await until(() => a.states.at(-1)?.workshop.phase === 'scoring', 'scoring');
    const before = a.states.length;
    await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 5 });
    await until(() => (projectorStates.at(-1) as ProjectorState | undefined)?.progress.partial === 1, 'projector progress');
    await new Promise((r) => setTimeout(r, 150));
    expect(a.states.length).toBe(before);
    expect(projectorStates.every((s) => s.results === null)).toBe(true);
  });
});

describe('answers', () => {
  it('D-2: a resent opId is applied once and acknowledged as a duplicate', async () => {
    const { facilitator, facilitatorStates, join } = await setup();
    const a = await join('olfen');
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const id = opId();
    const payload = { opId: id, themeId: 'bildung', criterionId: 'importance', value: 2 };
    // Two sends of the same operation in flight at once, and one after.
    const [first, second] = await Promise.all([ok<AnswerReceipt>(a.socket, 'answer:set', payload), ok<AnswerReceipt>(a.socket, 'answer:set', payload)]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    await ok(a.socket, 'answer:set', { ...payload, opId: opId(), value: 4 });
    // A late replay of the first operation must not overwrite the newer answer.
    const replay = await ok<AnswerReceipt>(a.socket, 'answer:set', payload);
    expect(replay).toMatchObject({ duplicate: true, value: 4 });
    const state = await until(() => {
      const s = facilitatorStates.at(-1);
      return s?.role === 'facilitator' && s.results.themes[1]!.criteria[0]!.mean === 4 ? s : undefined;
    }, 'mean 4');
    expect(state.results.themes[1]!.criteria[0]).toMatchObject({ nPersons: 1, histogram: [0, 0, 0, 1, 0] });
  });

  it('D-2: withdrawing an answer removes it from the results', async () => {
    const { facilitator, join } = await setup();
    const a = await join('olfen');
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'kultur', criterionId: 'potential', value: 1 });
    const withdrawn = await ok<AnswerReceipt>(a.socket, 'answer:withdraw', { opId: opId(), themeId: 'kultur', criterionId: 'potential' });
    expect(withdrawn).toMatchObject({ withdrawn: true, duplicate: false });
    expect(withdrawn.value).toBeUndefined();
    const resync = await ok<{ state: RoleState; answers: unknown[] }>(a.socket, 'state:get', {});
    expect(resync.answers).toEqual([]);
    const f = await ok<{ state: { results: { themes: { criteria: { nPersons: number }[] }[] } } }>(facilitator, 'state:get', {});
    expect(f.state.results.themes[6]!.criteria[1]!.nPersons).toBe(0);
  });

  it('J-2: a participant who reconnects with the resume token is the same person with the same answers', async () => {
    const { facilitator, facilitatorStates, join, created } = await setup();
    const a = await join('duelmen');
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'verwaltung', criterionId: 'importance', value: 5 });
    await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'verwaltung', criterionId: 'potential', value: null });
    a.socket.disconnect();
    const again = connect(server!.url);
    const resumed = await ok<ParticipantSession>(again, 'workshop:join', { role: 'participant', code: created.code, resumeToken: a.session.resumeToken, protocolVersion: version });
    expect(resumed).toMatchObject({ participantId: a.session.participantId, organisationId: 'duelmen' });
    expect(resumed.answers).toEqual(
      expect.arrayContaining([
        { themeId: 'verwaltung', criterionId: 'importance', value: 5 },
        { themeId: 'verwaltung', criterionId: 'potential', value: null },
      ]),
    );
    await ok(again, 'answer:set', { opId: opId(), themeId: 'verwaltung', criterionId: 'importance', value: 3 });
    const s = await until(() => {
      const last = facilitatorStates.at(-1);
      return last?.role === 'facilitator' && last.results.themes[0]!.criteria[0]!.mean === 3 ? last : undefined;
    }, 'changed answer');
    expect(s.progress.participants).toBe(1);
  });
});

describe('facilitation', () => {
  it('W-1/W-2: the lobby accepts structure edits; later only the tier rule, voting unit and title', async () => {
    const { facilitator, join } = await setup();
    const a = await join('olfen');
    const edited = await ok<{ config: { themes: { id: string; name: string }[]; scale: { max: number } }; revision: number }>(facilitator, 'workshop:update', {
      themes: [
        { id: 'verwaltung', name: 'Verwaltung' },
        { id: 'breitband', name: 'Breitband', description: 'Glasfaser und Mobilfunk' },
      ],
      scale: { min: 0, max: 10 },
    });
    expect(edited.config.themes.map((t) => t.name)).toEqual(['Verwaltung', 'Breitband']);
    await until(() => a.states.at(-1)?.workshop.config.themes.length === 2, 'tablet sees the new themes', 3000);
    expect(await request(facilitator, 'workshop:update', { organisations: [{ id: 'kreis', name: 'Kreis Coesfeld' }] })).toMatchObject({ ok: false, code: 'ORGANISATION_IN_USE' });
    expect(await request(facilitator, 'workshop:update', { themes: [{ id: 'x', name: 'A' }, { id: 'x', name: 'B' }] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });

    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    expect(await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'breitband', criterionId: 'importance', value: 10 })).toMatchObject({ value: 10 });
    expect(await request(facilitator, 'workshop:update', { scale: { min: 1, max: 5 } })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    const rule = await ok<{ config: { tierRule: { priorityI: number }; votingUnit: string } }>(facilitator, 'workshop:update', {
      tierRule: { priorityI: 0.8, priorityII: 0.4, minOrganisations: 1, discussSpread: 0.3, weights: { importance: 2 } },
      votingUnit: 'person',
      title: 'Quick-Check 2026',
    });
    expect(rule.config).toMatchObject({ tierRule: { priorityI: 0.8 }, votingUnit: 'person' });
    // A key that is not sent keeps its value (no defaults in a patch).
    await ok(facilitator, 'workshop:update', { date: '2026-12-02' });
    const titled = await ok<{ config: { votingUnit: string; date: string | null; title: string } }>(facilitator, 'workshop:update', { title: 'Quick-Check 2027' });
    expect(titled.config).toMatchObject({ votingUnit: 'person', date: '2026-12-02', title: 'Quick-Check 2027' });
  });

  it('P-1: a reveal can be taken back; the projector then loses the results again', async () => {
    const { facilitator, created, join } = await setup();
    const a = await join('olfen');
    const projector = connect(server!.url);
    const projectorStates = recordStates(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await ok(a.socket, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 });
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    await ok(facilitator, 'phase:set', { phase: 'revealed' });
    await until(() => projectorStates.at(-1)?.results?.themes[1]!.criteria[0]!.mean === 4, 'projector sees results');
    await until(() => a.states.at(-1)?.results, 'tablet sees results', 3000);
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    await until(() => projectorStates.at(-1)?.workshop.phase === 'closed' && projectorStates.at(-1)?.results === null, 'results hidden again');
    expect(await request(facilitator, 'phase:set', { phase: 'lobby' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    // Reopen scoring from closed.
    expect(await ok(facilitator, 'phase:set', { phase: 'scoring' })).toMatchObject({ phase: 'scoring' });
  });
});
