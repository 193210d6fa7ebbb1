/**
 * The failure limits of S-6 and AC-3 shared by several nodes (H-10): the same
 * token bucket as rateLimit.ts (`capacity` at once, refilled at `perSecond`),
 * kept in Redis and taken in one atomic step, so that a guesser gains nothing
 * by reaching another node. Why not a library: rate-limiter-flexible's Redis
 * limiter counts fixed windows, which would change the rule the SPEC states
 * for one node; this is the same bucket in a dozen lines of Lua, on Redis's clock.
 *
 * Keys are never stored as they are: an address or e-mail address becomes a
 * SHA-256 hash with a random salt the nodes share, and a bucket expires as soon
 * as it is full again. Should Redis not answer, each node limits on its own
 * (in memory) until it does.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cluster } from '../cluster/cluster.js';
import { FailureLimiter, type AttemptLimiter } from './rateLimit.js';

/** ARGV: capacity, tokens per ms, take (1) or only look (0). Returns 1 when blocked. */
const BUCKET = `
local capacity, rate, take = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 't', 'u')
if not stored[1] and not take then return 0 end
local tokens = math.min(capacity, (tonumber(stored[1]) or capacity) + (now - (tonumber(stored[2]) or now)) * rate)
if take and tokens >= 1 then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
if tokens < 1 then return 1 end
return 0
`;

export function sharedLimiter(cluster: Cluster, name: string, capacity: number, perSecond: number): AttemptLimiter {
  const redis = cluster.redis;
  let salt: Promise<string> | null = null;
  const saltOnce = () =>
    (salt ??= redis
      .set('konsens:limit-salt', randomBytes(32).toString('base64url'), { NX: true })
      .then(() => redis.get('konsens:limit-salt'))
      .then((value) => {
        if (!value) throw new Error('no salt');
        return value;
      })
      .catch((error: unknown) => {
        salt = null;
        throw error;
      }));
  const fallback = new FailureLimiter(capacity, perSecond);
  const run = async (raw: string, take: boolean): Promise<boolean> => {
    if (!redis.isReady) throw new Error('redis not connected');
    const key = `konsens:limit:${name}:${createHash('sha256').update(await saltOnce()).update(raw).digest('base64url')}`;
    return Number(await redis.eval(BUCKET, { keys: [key], arguments: [String(capacity), String(perSecond / 1000), take ? '1' : '0'] })) === 1;
  };
  return {
    blocked: (raw) => run(raw, false).catch(() => fallback.blockedNow(raw)),
    fail: async (raw) => {
      await run(raw, true).catch(() => fallback.failNow(raw));
    },
  };
}
