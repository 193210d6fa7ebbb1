/**
 * Deep-dives behind the tier gate (SPEC DD-1 … DD-5, PR-8, PR-9) with a real
 * server, SQLite and sockets: the decided tiers offer deep-dives only for the
 * gate's tiers; a theme outside needs a recorded reason; ideas with details
 * (lead organisation, partners, cost typed with a decimal comma) arrive from
 * two tablets, are edited and accepted, and reach the projector.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeepDiveOffers } from '../../shared/activities/deepdive/gate.js';
import type { DeepDiveFacilitatorState, DeepDiveParticipantState, DeepDiveProjectorState } from '../../shared/activities/deepdive/views.js';
import type { ProcessView } from '../../shared/process.js';
import { PROTOCOL_VERSION, type AnyRoleState, type CreatedWorkshop, type DeepDiveParticipantSession, type FacilitatorSession, type ProposalReceipt, type Resync } from '../../shared/protocol.js';
import { api, connect, disconnectAll, ok, request, startServer, until, type TestServer } from '../support/harness.js';
import { facilitatorSocket, processWithTiers } from '../support/tiers.js';

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

let n = 0;
const op = () => `op-deepdive-${process.pid}-${++n}`;

describe('deep-dives', () => {
  it('DD-1, DD-2, PR-9: offered only for the gate’s tiers; outside only with a recorded reason; the gate can change', async () => {
    server = await startServer();
    const { url } = server;
    const { cookie, process, quickCheck } = await processWithTiers(url);

    const offers = await json<DeepDiveOffers>(await api(url, `/api/processes/${process.id}/deep-dives`, { cookie }));
    expect(offers.source.workshopId).toBe(quickCheck.workshopId);
    expect(offers.tiers).toEqual(['I', 'II']);
    expect(offers.themes.map((t) => [t.themeId, t.tier, t.offered])).toEqual([
      ['verwaltung', 'I', true],
      ['bildung', 'I', true],
      ['mobilitaet', 'II', true],
      ['wirtschaft', 'II', true],
      ['tourismus', 'III', false],
      ['kultur', 'III', false],
    ]);

    // DD-2: outside the gate without a reason: refused, nothing created.
    const refused = await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'tourismus' }, cookie });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'OUTSIDE_GATE' });
    const blank = await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'tourismus', reason: '   ' }, cookie });
    expect(blank.status).toBe(400);
    const before = await json<ProcessView>(await api(url, `/api/processes/${process.id}`, { cookie }));
    expect(before.steps.map((s) => s.kind)).toEqual(['quickcheck']);

    // With a reason, recorded in the step.
    const outside = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'tourismus', reason: 'Förderprogramm läuft 2021 aus' }, cookie }), 201);
    const inside = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'verwaltung' }, cookie }), 201);
    const f = facilitatorSocket(url, cookie);
    const outsideState = (await ok<FacilitatorSession>(f, 'workshop:join', { role: 'facilitator', workshopId: outside.workshopId, protocolVersion: PROTOCOL_VERSION })).state as unknown as DeepDiveFacilitatorState;
    expect(outsideState).toMatchObject({ activity: 'deepdive', workshop: { phase: 'lobby', config: { title: 'Vertiefung: Tourismus', theme: { themeId: 'tourismus', name: 'Tourismus', tier: 'III', sourceWorkshopId: quickCheck.workshopId, gateReason: 'Förderprogramm läuft 2021 aus' } } } });
    expect(outsideState.workshop.config.organisations).toHaveLength(12);
    f.disconnect();

    const view = await json<ProcessView>(await api(url, `/api/processes/${process.id}`, { cookie }));
    expect(view.settings).toEqual({ deepDiveTiers: ['I', 'II'] });
    expect(view.steps.filter((s) => s.kind === 'deepdive').map((s) => [s.workshopId, s.theme])).toEqual([
      [outside.workshopId, { themeId: 'tourismus', name: 'Tourismus', tier: 'III', gateReason: 'Förderprogramm läuft 2021 aus' }],
      [inside.workshopId, { themeId: 'verwaltung', name: 'Verwaltung', tier: 'I', gateReason: null }],
    ]);
    const after = await json<DeepDiveOffers>(await api(url, `/api/processes/${process.id}/deep-dives`, { cookie }));
    expect(after.themes.find((t) => t.themeId === 'verwaltung')!.workshopIds).toEqual([inside.workshopId]);

    // Unknown theme, a theme on another kind, a bad gate.
    expect(await json(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'raumfahrt' }, cookie }), 400)).toMatchObject({ code: 'UNKNOWN_THEME' });
    expect(await json(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive' }, cookie }), 400)).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await json(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'collection', themeId: 'bildung' }, cookie }), 400)).toMatchObject({ code: 'BAD_REQUEST' });
    for (const tiers of [[], ['I', 'I'], ['IV']]) {
      expect(await json(await api(url, `/api/processes/${process.id}`, { method: 'PATCH', body: { deepDiveTiers: tiers }, cookie }), 400)).toMatchObject({ code: 'BAD_REQUEST' });
    }

    // PR-9: only Priority I now; Mobilität needs a reason from here on.
    const narrowed = await json<ProcessView>(await api(url, `/api/processes/${process.id}`, { method: 'PATCH', body: { deepDiveTiers: ['I'] }, cookie }));
    expect(narrowed.settings.deepDiveTiers).toEqual(['I']);
    const gate = await json<DeepDiveOffers>(await api(url, `/api/processes/${process.id}/deep-dives`, { cookie }));
    expect(gate.themes.filter((t) => t.offered).map((t) => t.themeId)).toEqual(['verwaltung', 'bildung']);
    expect((await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'mobilitaet' }, cookie })).status).toBe(409);
  });

  it('DD-1: no deep-dives before a Quick-Check is finalised', async () => {
    server = await startServer();
    const { url } = server;
    const { cookie, process } = await processWithTiers(url);
    const other = await json<ProcessView>(await api(url, '/api/processes', { body: { title: 'Ohne Quick-Check', template: 'blank' }, cookie }), 201);
    expect((await api(url, `/api/processes/${other.id}/deep-dives`, { cookie })).status).toBe(404);
    expect((await api(url, `/api/processes/${other.id}/steps`, { body: { kind: 'deepdive', themeId: 'bildung' }, cookie })).status).toBe(404);
    // Someone else's process is not found either (PR-2).
    expect((await api(url, `/api/processes/${process.id}/deep-dives`)).status).toBe(401);
  });

  it('DD-3 … DD-5: ideas with details from two tablets, edited, accepted, on the projector; a resend doubles nothing', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { cookie, process } = await processWithTiers(url);
    const step = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'deepdive', themeId: 'bildung' }, cookie }), 201);
    const f = facilitatorSocket(url, cookie);
    const states: AnyRoleState[] = [];
    f.on('state:update', (s) => states.push(s));
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
    const projector = connect(url);
    const projected: AnyRoleState[] = [];
    projector.on('state:update', (s) => projected.push(s));
    await ok(projector, 'workshop:join', { role: 'projector', code: step.code, protocolVersion: PROTOCOL_VERSION });
    await ok(f, 'collection:phase', { phase: 'collecting' });

    const olfen = connect(url);
    const joined = await ok<DeepDiveParticipantSession>(olfen, 'workshop:join', { role: 'participant', code: step.code, organisationId: 'olfen', protocolVersion: PROTOCOL_VERSION });
    expect(joined).toMatchObject({ activity: 'deepdive', own: [], state: { activity: 'deepdive', workshop: { config: { theme: { themeId: 'bildung' } } } } });
    const remote = connect(url);
    await ok(remote, 'workshop:join', { role: 'participant', code: step.code, organisationId: 'senden', protocolVersion: PROTOCOL_VERSION });

    const tabletOp = op();
    const first = await ok<ProposalReceipt>(olfen, 'proposal:submit', {
      opId: tabletOp,
      title: 'Tablets für Grundschulen',
      description: 'Klassensätze und WLAN',
      idea: { leadOrganisationId: 'olfen', partners: 'Schulträger, Medienzentrum', cost: '12.500,50' },
    });
    const second = await ok<ProposalReceipt>(remote, 'proposal:submit', { opId: op(), title: 'Lernplattform für alle Schulen', idea: { cost: 30000 } });
    // TC-4: a resend with the same opId answers the first result.
    expect(await ok<ProposalReceipt>(olfen, 'proposal:submit', { opId: tabletOp, title: 'Tablets für Grundschulen', idea: { cost: 1 } })).toEqual({ ...first, duplicate: true });

    // DD-3: validation at the boundary.
    for (const cost of [-1, '-5', '12,345', 'zwölf', 100_000_001, 0.001, '1.2.3']) {
      const refusal = await request(olfen, 'proposal:submit', { opId: op(), title: 'Zu teuer', idea: { cost } });
      expect(refusal, String(cost)).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: [expect.objectContaining({ path: 'idea.cost' })] });
    }
    expect(await request(olfen, 'proposal:submit', { opId: op(), title: 'Fremde Leitung', idea: { leadOrganisationId: 'muenster' } })).toMatchObject({ ok: false, code: 'UNKNOWN_ORGANISATION' });
    expect(await request(olfen, 'proposal:submit', { opId: op(), title: 'Zu lange Partner', idea: { partners: 'x'.repeat(301) } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });

    const board = await until(() => {
      const s = states.at(-1) as DeepDiveFacilitatorState | undefined;
      return s?.proposals.length === 2 ? s : undefined;
    }, 'two ideas on the console');
    expect(board.activity).toBe('deepdive');
    expect(board.proposals.map((p) => [p.title, p.idea, p.origins.map((o) => o.organisationId)])).toEqual([
      ['Tablets für Grundschulen', { leadOrganisationId: 'olfen', partners: 'Schulträger, Medienzentrum', cost: 12500.5 }, ['olfen']],
      ['Lernplattform für alle Schulen', { leadOrganisationId: null, partners: '', cost: 30000 }, ['senden']],
    ]);

    // The facilitator corrects a cost (an edit without details keeps them) and accepts both.
    await ok(f, 'proposal:edit', { opId: op(), proposalId: second.proposalId, title: 'Lernplattform', idea: { leadOrganisationId: 'kreis', partners: 'Schulamt', cost: '25 000' } });
    await ok(f, 'proposal:edit', { opId: op(), proposalId: first.proposalId, title: 'Tablets für Grundschulen' });
    for (const id of [first.proposalId, second.proposalId]) await ok(f, 'proposal:decide', { opId: op(), proposalId: id, status: 'accepted' });

    const wall = await until(() => {
      const s = projected.at(-1) as DeepDiveProjectorState | undefined;
      return s?.accepted.length === 2 ? s : undefined;
    }, 'accepted ideas on the projector');
    expect(wall.activity).toBe('deepdive');
    expect(wall.accepted.map((a) => [a.title, a.idea])).toEqual([
      ['Tablets für Grundschulen', { leadOrganisationId: 'olfen', partners: 'Schulträger, Medienzentrum', cost: 12500.5 }],
      ['Lernplattform', { leadOrganisationId: 'kreis', partners: 'Schulamt', cost: 25000 }],
    ]);

    // A reload finds its own idea with its details and status (DD-4, TC-4).
    olfen.disconnect();
    const again = connect(url);
    const resumed = await ok<DeepDiveParticipantSession>(again, 'workshop:join', { role: 'participant', code: step.code, resumeToken: joined.resumeToken, protocolVersion: PROTOCOL_VERSION });
    expect(resumed.own).toEqual([expect.objectContaining({ id: first.proposalId, opId: tabletOp, status: 'accepted', idea: { leadOrganisationId: 'olfen', partners: 'Schulträger, Medienzentrum', cost: 12500.5 } })]);
    const resync = await ok<Resync>(again, 'state:get', {});
    expect((resync.state as DeepDiveParticipantState).accepted.map((a) => a.title)).toEqual(['Tablets für Grundschulen', 'Lernplattform']);
  });

  it('DD-3: idea details are refused in a theme collection', async () => {
    server = await startServer();
    const { url } = server;
    const { cookie, process } = await processWithTiers(url);
    const collection = await json<CreatedWorkshop>(await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'collection' }, cookie }), 201);
    const f = facilitatorSocket(url, cookie);
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: collection.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(await request(f, 'proposal:submit', { opId: op(), title: 'Mit Kosten', idea: { cost: 100 } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(f, 'proposal:submit', { opId: op(), title: 'Ohne Kosten' })).toMatchObject({ ok: true });
  });
});
