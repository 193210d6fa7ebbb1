/**
 * Issue 16, SPEC H-10: the failure limits hold across nodes. Two nodes share a
 * PostgreSQL and a Redis (started by the test): wrong join codes and wrong
 * passwords on one node count on the other, and Redis holds no address or
 * e-mail address as it is.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, adminCookie, api, connect, disconnectAll, request, startServer, tempDir, version, type TestServer } from '../support/harness.js';
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

describe('failure limits shared by the nodes', () => {
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
