/**
 * Project selection (SPEC SE-1 … SE-10, BU-1 … BU-7) with a real server,
 * SQLite and sockets: the accepted ideas of the finalised deep-dives, a vote
 * with 100 points and one with dots whose limits the server enforces (nothing
 * half-applied), an organisation's representatives sharing one allowance, the
 * budget view equal to the pure rules' result, overrides with reasons,
 * profiles; and 40 participants voting while the server is killed three
 * times lose no acknowledged point and double none.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SelectionFacilitatorState, SelectionProjectorState } from '../../shared/activities/selection/views.js';
import { equalSharesSelection, greedySelection } from '../../shared/domain/budget.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type PointsReceipt, type Resync, type SelectionParticipantSession, type SelectionReceipt } from '../../shared/protocol.js';
import { adminCookie, api, connect, disconnectAll, ok, request, startServer, tempDir, until, type Client, type TestServer } from '../support/harness.js';
import { connectUnlessDown, emitUnlessGone, spawnServer, type ServerProcess } from '../support/process.js';
import { recorder, selectionStep, tablet } from '../support/selection.js';
import { facilitatorSocket } from '../support/tiers.js';

let server: TestServer | undefined;
let child: ServerProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await child?.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let n = 0;
const op = () => `op-select-${process.pid}-${++n}`;

const set = (t: { socket: Client }, voteId: string, ideaId: string, points: number) => request<PointsReceipt>(t.socket, 'points:set', { opId: op(), voteId, ideaId, points });

describe('project selection', () => {
  it('SE-1 … SE-9: 100 points with shared organisation allowances, both rules equal the pure functions, reveal, overrides, profiles', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { created, f, joined, last } = await selectionStep(url);
    const ideas = joined.state.ideas;
    // SE-1: the accepted ideas of the finalised deep-dives, in step order, with theme and details.
    expect(ideas.map((i) => [i.title, i.themeName, i.cost, i.leadOrganisationId])).toEqual([
      ['Tablets für Grundschulen', 'Bildung', 12_000, 'olfen'],
      ['Lernplattform', 'Bildung', 18_000, 'kreis'],
      ['Online-Bauantrag', 'Verwaltung', 15_000, null],
      ['Bürgerkonto', 'Verwaltung', 9_000, null],
      ['Digitallotsen', 'Verwaltung', null, null],
    ]);
    const [tablets, platform, building, account, guides] = ideas.map((i) => i.id) as [string, string, string, string, string];
    await ok(f, 'selection:update', { budget: '30.000' });
    // SE-2: with a budget, a cost is at most ten times it — a mistyped amount is refused, nothing changes.
    expect(await request(f, 'idea:put', { opId: op(), ideaId: guides, title: 'Digitallotsen', cost: '300.001' })).toMatchObject({ ok: false, code: 'COST_OUT_OF_RANGE' });
    expect(await request(f, 'idea:put', { opId: op(), title: 'Teurer Tippfehler', cost: 3_000_000 })).toMatchObject({ ok: false, code: 'COST_OUT_OF_RANGE' });
    expect(await request(f, 'vote:open', { opId: op(), mode: 'points' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    await ok(f, 'selection:phase', { phase: 'running' });
    const { id: voteId } = await ok<SelectionReceipt>(f, 'vote:open', { opId: op(), mode: 'points' });
    expect(await request(f, 'vote:open', { opId: op(), mode: 'dots' })).toMatchObject({ ok: false, code: 'VOTE_OPEN' });

    const projector = connect(url);
    const projected = recorder(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: PROTOCOL_VERSION });
    const olfen = await tablet(url, created.code, 'olfen');
    const olfen2 = await tablet(url, created.code, 'olfen');
    const senden = await tablet(url, created.code, 'senden');
    const kreis = await tablet(url, created.code, 'kreis');

    // SE-4: 100 points; the 101st is refused and nothing is half-applied.
    expect(await set(olfen, voteId, tablets, 60)).toMatchObject({ ok: true, data: { points: 60, used: 60, allowance: 100 } });
    expect(await set(olfen2, voteId, account, 40)).toMatchObject({ ok: true, data: { used: 100 } });
    expect(await set(olfen, voteId, building, 1)).toMatchObject({ ok: false, code: 'POINTS_EXCEEDED' });
    // SE-5: the organisation's representatives share the allowance; a setting is absolute, the latest stands.
    expect(await set(olfen2, voteId, tablets, 61)).toMatchObject({ ok: false, code: 'POINTS_EXCEEDED' });
    expect(await set(olfen2, voteId, tablets, 50)).toMatchObject({ ok: true, data: { points: 50, used: 90 } });
    const shared = await until(() => olfen.last()?.allocation?.[tablets] === 50 && olfen.last(), 'Olfen’s allocation on the other tablet');
    expect(shared.allocation).toEqual({ [tablets]: 50, [account]: 40 });
    expect(await set(senden, voteId, 'unbekannt', 5)).toMatchObject({ ok: false, code: 'UNKNOWN_IDEA' });
    for (const [idea, points] of [[platform, 70], [building, 30]] as const) expect(await set(senden, voteId, idea, points)).toMatchObject({ ok: true });
    for (const [idea, points] of [[platform, 50], [building, 25], [account, 25]] as const) expect(await set(kreis, voteId, idea, points)).toMatchObject({ ok: true });
    // A resend of an acknowledged setting changes nothing.
    const resend = { opId: op(), voteId, ideaId: guides, points: 0 };
    const first = await ok<PointsReceipt>(kreis.socket, 'points:set', resend);
    expect(await ok<PointsReceipt>(kreis.socket, 'points:set', { ...resend, points: 99 })).toEqual({ ...first, duplicate: true });
    // Even with another vote named, a resend answers the first result, never an internal error.
    expect(await ok<PointsReceipt>(kreis.socket, 'points:set', { ...resend, voteId: 'unbekannt' })).toEqual({ ...first, duplicate: true });

    // Live on the console; hidden on the projector until revealed.
    const live = await until(() => last()?.votes[0]?.voters === 3 && last()!.votes[0]!.totals?.[account] === 65 && last(), 'live totals');
    expect(live.votes[0]!.totals).toEqual({ [tablets]: 50, [platform]: 120, [building]: 55, [account]: 65 });
    expect((projected.at(-1) as SelectionProjectorState).votes[0]!.totals).toBeNull();
    expect((projected.at(-1) as SelectionProjectorState).budget).toBeNull();

    // SE-6: both rules, equal to the pure functions on the same ballots.
    const ballots = [
      { voterId: 'o:olfen', points: { [tablets]: 50, [account]: 40 } },
      { voterId: 'o:senden', points: { [platform]: 70, [building]: 30 } },
      { voterId: 'o:kreis', points: { [platform]: 50, [building]: 25, [account]: 25 } },
    ];
    const costed = ideas.filter((i) => i.cost !== null).map((i) => ({ id: i.id, cost: i.cost! }));
    const budget = live.budget!;
    expect(budget.greedy).toEqual(greedySelection(30_000, costed, ballots));
    expect(budget.equalShares).toEqual(equalSharesSelection(30_000, costed, ballots));
    expect(budget.withoutCost).toEqual([guides]);
    expect(budget.rule).toBe('equalShares');
    expect(budget.selected).toEqual(ideas.filter((i) => budget.equalShares.selected.includes(i.id)).map((i) => i.id));

    await ok(f, 'vote:close', { opId: op(), voteId });
    expect(await set(senden, voteId, account, 1)).toMatchObject({ ok: false, code: 'VOTE_CLOSED' });
    await ok(f, 'vote:reveal', { opId: op(), voteId, revealed: true });
    const revealed = await until(() => {
      const s = projected.at(-1) as SelectionProjectorState | undefined;
      return s?.budget ? s : undefined;
    }, 'the budget on the projector');
    expect(revealed.votes[0]!.totals).toEqual(live.votes[0]!.totals);
    expect(revealed.budget!.greedy.selected).toEqual(budget.greedy.selected);
    // SE-5: the projector sees the rules' outcomes, but not which organisation paid what.
    expect(revealed.budget!.equalShares.shares).toEqual({});
    for (const outcome of Object.values(revealed.budget!.equalShares.ideas)) {
      if (outcome.reason.code === 'selected') expect(Object.keys(outcome.reason.payments).every((key) => /^\d+$/.test(key))).toBe(true);
    }
    expect(JSON.stringify(revealed)).not.toMatch(/o:(olfen|senden|kreis)/);

    // SE-8: overrides need a reason; SE-7: the greedy rule decides when chosen.
    expect(await request(f, 'selection:override', { opId: op(), ideaId: guides, decision: 'include' })).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: [expect.objectContaining({ path: 'reason' })] });
    await ok(f, 'selection:update', { rule: 'greedy' });
    await ok(f, 'selection:override', { opId: op(), ideaId: account, decision: 'exclude', reason: 'Land fördert das Bürgerkonto' });
    await ok(f, 'selection:override', { opId: op(), ideaId: guides, decision: 'include', reason: 'ehrenamtlich, ohne Kosten' });
    const overridden = await until(() => last()?.budget?.overrides.length === 2 && last()?.budget?.rule === 'greedy' && last(), 'overrides');
    const expected = new Set(budget.greedy.selected);
    expected.delete(account);
    expected.add(guides);
    expect(overridden.budget!.selected).toEqual(ideas.map((i) => i.id).filter((id) => expected.has(id)));
    expect(overridden.budget!.overrides.find((o) => o.ideaId === account)).toMatchObject({ decision: 'exclude', reason: 'Land fördert das Bürgerkonto', actor: expect.stringMatching(/^f:/) });

    // SE-9: profiles of the selected ideas, numbered in the ideas' order.
    await ok(f, 'profile:update', { opId: op(), ideaId: overridden.budget!.selected[0], goal: 'Jede Grundschule arbeitet digital.', timeline: '2021–2022', status: 'planned' });
    const profiled = await until(() => last()?.profiles[0]?.status === 'planned' && last(), 'a profile');
    expect(profiled.profiles.map((p) => p.number)).toEqual(profiled.budget!.selected.map((_, i) => i + 1));
    expect(profiled.profiles[0]).toMatchObject({ goal: 'Jede Grundschule arbeitet digital.', timeline: '2021–2022', status: 'planned', title: ideas.find((i) => i.id === profiled.budget!.selected[0])!.title });
    expect(await request(f, 'profile:update', { opId: op(), ideaId: 'unbekannt', status: 'done' })).toMatchObject({ ok: false, code: 'UNKNOWN_IDEA' });

    // A reload finds the unit's points in the open vote (none open now: empty), and state:get the same.
    expect((await ok<Resync>(senden.socket, 'state:get', {})).points).toEqual({});
    await ok(f, 'selection:phase', { phase: 'finalised' });
    expect(await request(f, 'idea:put', { opId: op(), title: 'Zu spät' })).toMatchObject({ ok: false, code: 'FINALISED' });
  });

  it('SE-3, SE-4: dots — a sixth dot and a third dot on one idea are refused; person mode gives each participant an allowance', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { created, f, joined } = await selectionStep(url);
    const ids = joined.state.ideas.map((i) => i.id);
    await ok(f, 'selection:phase', { phase: 'running' });
    const { id: voteId } = await ok<SelectionReceipt>(f, 'vote:open', { opId: op(), mode: 'dots', unit: 'person' });
    const a = await tablet(url, created.code, 'nottuln');
    const b = await tablet(url, created.code, 'nottuln');
    expect(await set(a, voteId, ids[0]!, 3)).toMatchObject({ ok: false, code: 'POINTS_PER_IDEA' });
    for (const [idea, dots] of [[ids[0]!, 2], [ids[1]!, 2], [ids[2]!, 1]] as const) expect(await set(a, voteId, idea, dots)).toMatchObject({ ok: true });
    expect(await set(a, voteId, ids[3]!, 1)).toMatchObject({ ok: false, code: 'POINTS_EXCEEDED' });
    // Person mode: the second participant of the same organisation has five dots of its own.
    expect(await set(b, voteId, ids[3]!, 2)).toMatchObject({ ok: true, data: { used: 2, allowance: 5 } });
    // Moving a dot is two settings: take one off, put it elsewhere.
    expect(await set(a, voteId, ids[2]!, 0)).toMatchObject({ ok: true, data: { used: 4 } });
    expect(await set(a, voteId, ids[3]!, 1)).toMatchObject({ ok: true, data: { used: 5 } });
    // A reload: the participant's own dots come with the join.
    a.socket.disconnect();
    const again = connect(url);
    const resumed = await ok<SelectionParticipantSession>(again, 'workshop:join', { role: 'participant', code: created.code, resumeToken: a.session.resumeToken, protocolVersion: PROTOCOL_VERSION });
    expect(resumed.points).toEqual({ [ids[0]!]: 2, [ids[1]!]: 2, [ids[3]!]: 1 });
    expect(resumed.state.allocation).toBeNull();
  });
});

interface Voter {
  organisationId: string;
  resumeToken?: string;
  participantId?: string;
  /** Settings still to send, in order: each an absolute number of points for an idea. */
  outbox: { opId: string; ideaId: string; points: number }[];
  /** What the server acknowledged, per idea: the tablet's view of its points. */
  acknowledged: Map<string, number>;
  acks: string[];
}

/** One tablet's life until the server dies: join or resume, then send its outbox in order. */
async function drain(url: string, code: string, voteId: string, v: Voter, sockets: Socket[]): Promise<void> {
  const socket = await connectUnlessDown(url);
  if (!socket) return;
  sockets.push(socket);
  const join = v.resumeToken ? { role: 'participant', code, resumeToken: v.resumeToken, protocolVersion: PROTOCOL_VERSION } : { role: 'participant', code, organisationId: v.organisationId, protocolVersion: PROTOCOL_VERSION };
  const joined = await emitUnlessGone<SelectionParticipantSession>(socket, 'workshop:join', join);
  if (!joined?.ok) return;
  v.resumeToken = joined.data.resumeToken;
  v.participantId = joined.data.participantId;
  while (v.outbox.length > 0) {
    const next = v.outbox[0]!;
    const reply = await emitUnlessGone<PointsReceipt>(socket, 'points:set', { ...next, voteId });
    if (!reply) return;
    if (!reply.ok) throw new Error(`points refused: ${reply.code}`);
    v.outbox.shift();
    v.acknowledged.set(next.ideaId, reply.data.points);
    v.acks.push(next.opId);
  }
}

describe('project selection durability', () => {
  it('SE-4: 40 participants vote with points while the server is killed with SIGKILL three times: no acknowledged point lost, none doubled', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    child = await spawnServer(dataDir);
    const cookie = await adminCookie(child.url);
    const process = (await (await api(child.url, '/api/processes', { body: { title: 'Crash', template: 'coesfeld' }, cookie })).json()) as { id: string; organisations: { id: string }[] };
    const created = (await (await api(child.url, `/api/processes/${process.id}/steps`, { body: { kind: 'selection' }, cookie })).json()) as CreatedWorkshop;
    const f = facilitatorSocket(child.url, cookie);
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    const ideaIds: string[] = [];
    for (let i = 0; i < 6; i++) ideaIds.push((await ok<SelectionReceipt>(f, 'idea:put', { opId: op(), title: `Idee ${i + 1}`, cost: 5_000 })).id);
    await ok(f, 'selection:phase', { phase: 'running' });
    const { id: voteId } = await ok<SelectionReceipt>(f, 'vote:open', { opId: op(), mode: 'points', unit: 'person' });
    f.disconnect();

    // Each participant: 8 absolute settings, never over 100 in total at any step.
    const organisations = process.organisations.map((o) => o.id);
    const voters: Voter[] = Array.from({ length: 40 }, (_, i) => {
      const current = new Map<string, number>();
      const outbox = Array.from({ length: 8 }, (_, k) => {
        const ideaId = ideaIds[(i + k * 5) % ideaIds.length]!;
        const others = [...current].filter(([id]) => id !== ideaId).reduce((s, [, p]) => s + p, 0);
        const points = Math.min(100 - others, 5 + ((i * 7 + k * 13) % 30));
        current.set(ideaId, points);
        return { opId: `kill-${i}-${k}-${Date.now()}`, ideaId, points };
      });
      return { organisationId: organisations[i % organisations.length]!, outbox, acknowledged: new Map(), acks: [] };
    });
    let interrupted = 0;
    for (let kill = 0; kill < 3; kill++) {
      const sockets: Socket[] = [];
      const burst = Promise.all(voters.map((v) => drain(child!.url, created.code, voteId, v, sockets)));
      await until(() => voters.some((v) => v.acks.length > kill * 2) || voters.every((v) => v.outbox.length === 0), 'the burst under way', 20_000);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 30));
      await child.kill('SIGKILL');
      await burst;
      interrupted += voters.reduce((sum, v) => sum + v.outbox.length, 0);
      for (const s of sockets) s.disconnect();
      child = await spawnServer(dataDir);
    }
    const sockets: Socket[] = [];
    await Promise.all(voters.map((v) => drain(child!.url, created.code, voteId, v, sockets)));
    for (const s of sockets) s.disconnect();
    expect(voters.every((v) => v.outbox.length === 0)).toBe(true);
    expect(interrupted).toBeGreaterThan(0);

    // The log holds every acknowledged setting once.
    const db = new Database(join(dataDir, 'konsens.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT actor, op_id FROM activity_log WHERE workshop_id = ? AND type = 'points'").all(created.workshopId) as { actor: string; op_id: string }[];
    db.close();
    expect(rows).toHaveLength(40 * 8);
    expect(new Set(rows.map((r) => `${r.actor}/${r.op_id}`)).size).toBe(40 * 8);
    for (const v of voters) for (const opId of v.acks) expect(rows.some((r) => r.op_id === opId && r.actor === `p:${v.participantId}`), opId).toBe(true);

    // The totals are exactly what the tablets were told, added up.
    const expected: Record<string, number> = {};
    for (const v of voters) for (const [idea, p] of v.acknowledged) if (p > 0) expected[idea] = (expected[idea] ?? 0) + p;
    const again = facilitatorSocket(child.url, await adminCookie(child.url));
    const state = (await ok<{ state: SelectionFacilitatorState }>(again, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION })).state;
    expect(state.votes[0]!.totals).toEqual(expected);
    expect(state.votes[0]!.voters).toBe(40);
    again.disconnect();
  });
});
