/**
 * Strategy processes (SPEC PR-1 … PR-7) over HTTP and sockets: a process with
 * its roster and facilitators, Quick-Check steps, a finalised round feeding the
 * next, the decided tiers handed on, and two rounds compared (RC-1 … RC-7).
 */
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundComparison } from '../../shared/domain/comparison.js';
import type { DecidedTiers, ProcessSummary, ProcessView } from '../../shared/process.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type FacilitatorSession, type FacilitatorState } from '../../shared/protocol.js';
import { adminCookie, api, connect, cookieOf, disconnectAll, ok, opId, recordStates, startServer, until, type Client, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

const json = async <T>(response: Response, status = 200): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
};

function facilitatorSocket(url: string, cookie: string): Client {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } }) as Client;
}

/**
 * One Quick-Check round run to the end: four organisations rate every theme
 * (`score(theme index, organisation index)`), one move in the consolidation, finalised.
 */
async function runRound(url: string, cookie: string, step: CreatedWorkshop, score: (theme: number, org: number) => number, move?: { themeId: string; tier: 'I' | 'II' | 'III' }) {
  const f = facilitatorSocket(url, cookie);
  const { state } = await ok<FacilitatorSession>(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
  const states = recordStates(f);
  await ok(f, 'phase:set', { phase: 'scoring' });
  const { config } = state.workshop;
  for (const [o, organisation] of config.organisations.slice(0, 4).entries()) {
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: step.code, organisationId: organisation.id, protocolVersion: PROTOCOL_VERSION });
    const answers = config.themes.flatMap((theme, t) => config.criteria.map((c) => ({ opId: opId(), themeId: theme.id, criterionId: c.id, value: score(t, o) })));
    await ok(tablet, 'answer:batch', { answers });
  }
  for (const phase of ['closed', 'revealed', 'consolidating']) await ok(f, 'phase:set', { phase });
  if (move) await ok(f, 'consolidation:move', { ...move, reason: 'im Workshop so beschlossen' });
  await ok(f, 'phase:set', { phase: 'finalised' });
  const last = await until(() => states.findLast((s) => s.role === 'facilitator' && s.workshop.phase === 'finalised') as FacilitatorState | undefined, 'finalised state');
  f.disconnect();
  return last;
}

describe('strategy processes', () => {
  it('PR-1 … PR-7: invite → sign in → process → Quick-Check → consolidation → next round → tiers and comparison', async () => {
    server = await startServer();
    const { url } = server;
    const admin = await adminCookie(url);
    // An invited facilitator creates their account and signs in from "another laptop".
    const invite = await json<{ path: string }>(await api(url, '/api/invites', { body: {}, cookie: admin }), 201);
    await json(await api(url, `/api/invites/${invite.path.split('/').pop()}/accept`, { body: { email: 'dana@kreis-coesfeld.de', name: 'Dana', password: 'ein-langes-passwort' } }), 201);
    const cookie = cookieOf(await api(url, '/api/auth/login', { body: { email: 'dana@kreis-coesfeld.de', password: 'ein-langes-passwort' } }));

    // PR-1: a process with the Coesfeld roster.
    const process = await json<ProcessView>(await api(url, '/api/processes', { body: { title: 'Digitalstrategie Kreis Coesfeld', template: 'coesfeld' }, cookie }), 201);
    expect(process).toMatchObject({ title: 'Digitalstrategie Kreis Coesfeld', owner: { name: 'Dana' }, steps: [], mayManage: true, facilitators: [] });
    expect(process.organisations).toHaveLength(12);
    // PR-3: the roster; a weight for the county.
    const roster = process.organisations.map((o) => (o.id === 'kreis' ? { ...o, weight: 2 } : o));
    await json(await api(url, `/api/processes/${process.id}`, { method: 'PATCH', body: { organisations: roster }, cookie }));

    // PR-5: the first Quick-Check takes the roster (and starts without themes: the facilitator adds them in the lobby).
    const first = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', title: 'Quick-Check 2019' }, cookie }), 201);
    expect(first.processId).toBe(process.id);
    const f = facilitatorSocket(url, cookie);
    const joined = await ok<FacilitatorSession>(f, 'workshop:join', { role: 'facilitator', workshopId: first.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(joined.state.workshop.config.organisations.find((o) => o.id === 'kreis')?.weight).toBe(2);
    expect(joined.state.workshop.config.themes).toEqual([]);
    const themes = ['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus'].map((name, i) => ({ id: `t${i}`, name }));
    await ok(f, 'workshop:update', { themes });
    // PR-3: a roster change reaches a step still in its lobby.
    await json(await api(url, `/api/processes/${process.id}`, { method: 'PATCH', body: { organisations: roster.filter((o) => o.id !== 'senden') }, cookie }));
    const lobby = await ok<{ state: FacilitatorState }>(f, 'state:get', {});
    expect(lobby.state.workshop.config.organisations.map((o) => o.id)).not.toContain('senden');
    f.disconnect();

    // PR-6: nothing to hand on before a Quick-Check is finalised.
    expect((await api(url, `/api/processes/${process.id}/tiers`, { cookie })).status).toBe(404);
    // PR-5: a next round only from a finalised step.
    expect((await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', from: first.workshopId }, cookie })).status).toBe(409);

    // Round 1: Verwaltung high … Tourismus low; the consolidation lifts Tourismus to II.
    const round1 = await runRound(url, cookie, first, (t) => 5 - t, { themeId: 't3', tier: 'II' });
    const tiers = await json<DecidedTiers>(await api(url, `/api/processes/${process.id}/tiers`, { cookie }));
    expect(tiers.workshopId).toBe(first.workshopId);
    expect(tiers.themes.find((t) => t.themeId === 't3')).toEqual({ themeId: 't3', name: 'Tourismus', tier: 'II' });
    expect(tiers.themes.map((t) => t.tier)).toEqual(round1.consolidation!.themes.map((t) => t.tier));

    // Round 2 as the next step, from round 1: same themes; Mobilität renamed to a new id but the same name,
    // Tourismus dropped, Gesundheit new.
    const second = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', title: 'Quick-Check 2021', from: first.workshopId }, cookie }), 201);
    const f2 = facilitatorSocket(url, cookie);
    const s2 = await ok<FacilitatorSession>(f2, 'workshop:join', { role: 'facilitator', workshopId: second.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(s2.state.workshop.config.themes).toEqual(themes);
    await ok(f2, 'workshop:update', { themes: [themes[0], themes[1], { id: 'mob', name: ' mobilität ' }, { id: 'ges', name: 'Gesundheit' }] });
    f2.disconnect();
    await runRound(url, cookie, second, (t) => [4, 5, 2, 3][t]!);

    const view = await json<ProcessView>(await api(url, `/api/processes/${process.id}`, { cookie }));
    expect(view.steps.map((s) => [s.position, s.title, s.phase])).toEqual([
      [1, 'Quick-Check 2019', 'finalised'],
      [2, 'Quick-Check 2021', 'finalised'],
    ]);
    const comparison = await json<RoundComparison>(await api(url, `/api/processes/${process.id}/comparison?from=${first.workshopId}&to=${second.workshopId}`, { cookie }));
    const byName = (name: string) => comparison.themes.find((t) => t.name.trim().toLowerCase() === name.toLowerCase())!;
    expect(byName('Verwaltung')).toMatchObject({ status: 'kept', matchedBy: 'id', tierBefore: 'I', criteria: [{ before: 5, after: 4, delta: -1 }, { before: 5, after: 4, delta: -1 }] });
    expect(byName('Bildung')).toMatchObject({ status: 'kept', criteria: [{ before: 4, after: 5, delta: 1 }, expect.anything()] });
    expect(byName('Mobilität')).toMatchObject({ status: 'kept', matchedBy: 'name', earlierThemeId: 't2', criteria: [{ before: 3, after: 2, delta: -1 }, expect.anything()] });
    expect(byName('Tourismus')).toMatchObject({ status: 'dropped', tierBefore: 'II', tierAfter: null, tierChange: null });
    expect(byName('Gesundheit')).toMatchObject({ status: 'new', tierBefore: null });
    // The latest finalised round is what is handed on now.
    expect((await json<DecidedTiers>(await api(url, `/api/processes/${process.id}/tiers`, { cookie }))).workshopId).toBe(second.workshopId);

    // PR-2: the process is listed for Dana; someone else's process is not found.
    const list = await json<ProcessSummary[]>(await api(url, '/api/processes', { cookie }));
    expect(list.map((p) => p.id)).toEqual([process.id]);
    expect((await api(url, `/api/processes/${process.id}/comparison?from=${first.workshopId}&to=nope`, { cookie })).status).toBe(404);
  });

  it('PR-1: a single workshop is a process of one step; a new round (workshop:duplicate) is its next step', async () => {
    server = await startServer();
    const { url } = server;
    const cookie = await adminCookie(url);
    const made = await json<CreatedWorkshop>(await api(url, '/api/workshops', { body: { title: 'Quick-Check Olfen' }, cookie }), 201);
    const f = facilitatorSocket(url, cookie);
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, protocolVersion: PROTOCOL_VERSION });
    const copy = await ok<CreatedWorkshop>(f, 'workshop:duplicate', {});
    expect(copy.processId).toBe(made.processId);
    const view = await json<ProcessView>(await api(url, `/api/processes/${made.processId}`, { cookie }));
    expect(view.title).toBe('Quick-Check Olfen');
    expect(view.steps.map((s) => [s.position, s.title])).toEqual([
      [1, 'Quick-Check Olfen'],
      [2, 'Quick-Check Olfen (Runde 2)'],
    ]);
    // PR-4: deleting the process deletes its workshops; whoever is in them is told.
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: made.code, organisationId: 'olfen', protocolVersion: PROTOCOL_VERSION });
    const told = new Promise<void>((resolve) => tablet.on('workshop:deleted', () => resolve()));
    expect((await api(url, `/api/processes/${made.processId}`, { method: 'DELETE', body: {}, cookie })).status).toBe(204);
    await told;
    expect((await api(url, `/api/workshops/${made.code}`)).status).toBe(404);
    expect((await api(url, `/api/processes/${made.processId}`, { cookie })).status).toBe(404);
  });

  it('PR-3: titles and rosters are validated at the boundary (control characters, non-characters, length)', async () => {
    server = await startServer();
    const { url } = server;
    const cookie = await adminCookie(url);
    for (const title of ['', ' ', 'a\u0000b', 'Bell\u0007', 'x\uFFFEy', 'x'.repeat(201), 'Zeile\nzwei', '\uD800']) {
      const response = await api(url, '/api/processes', { body: { title }, cookie });
      expect(response.status, JSON.stringify(title)).toBe(400);
    }
    expect((await api(url, '/api/processes', { body: { title: 'Digitalstrategie 2030 – „Kreis“ 👍' }, cookie })).status).toBe(201);
  });
});
