/**
 * Issue 16: who owns a workshop among several nodes (server/cluster), against
 * a real Redis: one owner at a time, taken over only from a node whose
 * heartbeat has lapsed, told to the node that lost it, taken again after Redis
 * forgot everything; calls to a node that is gone fail at once.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, ClusterCallFailed } from '../../server/cluster/cluster.js';
import { startRedis, type Redis } from '../support/redis.js';

let redis: Redis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('workshop ownership over Redis', () => {
  it('one owner at a time; a lapsed node loses its workshops and is told; a forgotten owner key is taken again; calls reach the owner', async () => {
    const options = { url: redis.url, heartbeatTtlMs: 300, callTimeoutMs: 1000 };
    const [a, b] = await Promise.all([Cluster.connect(options), Cluster.connect(options)]);
    const lost: string[] = [];
    a.onLost = (id) => lost.push(id);
    try {
      // Both ask at once: one of them owns it, and both say the same.
      const [ownerA, ownerB] = await Promise.all([a.ownerOf('w1'), b.ownerOf('w1')]);
      expect(ownerA).toBe(ownerB);
      const [owner, other] = ownerA === a.nodeId ? [a, b] : [b, a];
      expect(await other.ownerOf('w1')).toBe(owner.nodeId);

      // Calls go to the owner's handler and come back; an error there comes back as ClusterCallFailed.
      owner.serve(async (request) => ({ echoed: request }));
      expect(await other.call(owner.nodeId, { kind: 'ping', n: 1 })).toEqual({ echoed: { kind: 'ping', n: 1 } });
      // Nobody there: nothing ran, so the caller may ask again elsewhere (retryable).
      await expect(other.call('no-such-node', {})).rejects.toMatchObject({ retryable: true });
      await expect(other.call('no-such-node', {})).rejects.toBeInstanceOf(ClusterCallFailed);
      // Whatever else is published on a node's channel is dropped, and the node goes on serving.
      const intruder = createClient({ url: redis.url });
      await intruder.connect();
      for (const junk of ['not json', 'null', '{"id":"x"}', '[]']) await intruder.publish(`konsens:rpc:${owner.nodeId}`, junk);
      await intruder.quit();
      expect(await other.call(owner.nodeId, { kind: 'ping', n: 2 })).toEqual({ echoed: { kind: 'ping', n: 2 } });

      // a owns w2; its heartbeat lapses (as when its process stalls): b takes w2 over, and a is told.
      expect(await a.ownerOf('w2')).toBe(a.nodeId);
      const raw = createClient({ url: redis.url });
      await raw.connect();
      // (a beats every 50 ms: should a beat fall between the two steps, b finds a alive and tries again.)
      await until(async () => {
        await raw.del(`konsens:node:${a.nodeId}`);
        b.forgetOwner('w2');
        return (await b.ownerOf('w2')) === b.nodeId;
      });
      await until(() => lost.includes('w2'));
      expect(await a.ownerOf('w2')).toBe(b.nodeId);

      // Redis forgot every owner (a restart without persistence): the node that held w3 takes it again.
      expect(await b.ownerOf('w3')).toBe(b.nodeId);
      await raw.del('konsens:owner:w3');
      await until(async () => (await raw.get('konsens:owner:w3')) === b.nodeId);
      await raw.quit();
    } finally {
      await a.close();
      await b.close();
    }
    // A closed node is gone at once: its heartbeat key is deleted.
    const check = createClient({ url: redis.url });
    await check.connect();
    expect(await check.keys('konsens:node:*')).toEqual([]);
    await check.quit();
  });

  it('H-10: a node says when Redis does not answer (readiness), without waiting on it, and stops acting as owner', async () => {
    const own = await startRedis();
    const node = await Cluster.connect({ url: own.url, heartbeatTtlMs: 300 });
    try {
      expect(await node.unavailable()).toBeNull();
      expect(await node.ownerOf('w9')).toBe(node.nodeId);
      await own.stop();
      expect(await node.unavailable()).toMatch(/redis does not answer/);
      // Cut off, the node no longer acts as anyone's owner (others take over after its heartbeat expires).
      await expect(node.ownerOf('w9')).rejects.toMatchObject({ retryable: false });
      expect(await node.stillOwns('w9')).toBe(false);
    } finally {
      await node.close();
    }
  });
});
