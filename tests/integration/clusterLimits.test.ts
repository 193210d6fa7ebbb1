/**
 * Issue 16, SPEC H-10: two nodes sharing a PostgreSQL and a Redis (started by
 * the test). The failure limits hold across them: wrong join codes and wrong
 * passwords on one node count on the other, and Redis holds no address or
 * e-mail address as it is. And a rule that needs the whole organisation holds
 * across them: two representatives of one municipality on different nodes
 * share one allowance of 100 points (SE-4, SE-5).
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointsReceipt, SelectionReceipt } from '../../shared/protocol.js';
import { ADMIN, adminCookie, api, connect, disconnectAll, ok, opId, request, startServer, tempDir, until, version, type TestServer } from '../support/harness.js';
import { selectionStep, tablet } from '../support/selection.js';
import { startPostgres, type Postgres } from '../support/postgres.js';
import { startRedis, type Redis } from '../support/redis.js';

let database: Postgres;
let redis: Redis;
const nodes: TestServer[] = [];

beforeAll(async () => {
  [database, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await database.createDatabase();
  const limits = { joinFailureBurst: 3, joinFailuresPerMinute: 3, loginFailureBurst: 2, loginFailuresPerMinute: 2 };
  nodes.push(await startServer(limits, tempDir(), { databaseUrl, redisUrl: redis.url }));
  nodes.push(await startServer(limits, tempDir(), { databaseUrl, redisUrl: redis.url }));
}, 60_000);

afterAll(async () => {
  disconnectAll();
  for (const node of nodes) await node.close();
  await redis.stop();
  await database.stop();
});

describe('two nodes: a shared allowance, shared failure limits', () => {
  // (The allowance first: the limits' tests use up this address's join failures.)
  it('SE-4/SE-5: two representatives of one organisation on different nodes share 100 points; the 101st is refused on either', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const { created, f, joined } = await selectionStep(a.url);
    const [first, second, third] = joined.state.ideas.map((i) => i.id) as [string, string, string];
    await ok(f, 'selection:phase', { phase: 'running' });
    const { id: voteId } = await ok<SelectionReceipt>(f, 'vote:open', { opId: opId(), mode: 'points' });
    const here = await tablet(a.url, created.code, 'olfen');
    const there = await tablet(b.url, created.code, 'olfen');
    const set = (t: typeof here, ideaId: string, points: number) => request<PointsReceipt>(t.socket, 'points:set', { opId: opId(), voteId, ideaId, points });
    expect(await set(here, first, 60)).toMatchObject({ ok: true, data: { used: 60, allowance: 100 } });
    expect(await set(there, second, 40)).toMatchObject({ ok: true, data: { used: 100 } });
    expect(await set(here, third, 1)).toMatchObject({ ok: false, code: 'POINTS_EXCEEDED' });
    expect(await set(there, first, 61)).toMatchObject({ ok: false, code: 'POINTS_EXCEEDED' });
    // The organisation's allocation reaches the tablet on the other node.
    const seen = await until(() => here.last()?.allocation?.[second] === 40 && here.last(), 'the allocation on node a');
    expect(seen.allocation).toEqual({ [first]: 60, [second]: 40 });
  });

  it('S-6: wrong join codes on one node block joins by code from that address on the other', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    for (let i = 0; i < 3; i++) {
      const reply = await request(connect(a.url), 'workshop:join', { role: 'projector', code: `ZZZ${i}99`, protocolVersion: version });
      expect(reply).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await request(connect(b.url), 'workshop:join', { role: 'projector', code: 'ZZZ999', protocolVersion: version })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((await fetch(`${b.url}/api/workshops/ZZZ999`)).status).toBe(429);
  });

  it('AC-3: wrong passwords on one node block the sign-in on the other; Redis keeps only hashes', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    await adminCookie(a.url); // the first administrator exists (through node a's setup link)
    for (let i = 0; i < 2; i++) {
      const wrong = await api(a.url, '/api/auth/login', { body: { email: ADMIN.email, password: `falsch-falsch-${i}` }, headers: { origin: a.url } });
      expect(wrong.status).toBe(401);
    }
    const right = await api(b.url, '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password }, headers: { origin: b.url } });
    expect(right.status).toBe(429);
    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys('konsens:limit:*');
    await client.quit();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.join(' ')).not.toMatch(/127\.0\.0\.1|::1|@|kreis-coesfeld/);
  });
});
