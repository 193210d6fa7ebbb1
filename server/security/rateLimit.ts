/**
 * Token buckets: `capacity` events at once, refilled at `perSecond`. Used per
 * socket for events and per address for failed joins (SPEC S-5, S-6). Kept in
 * memory only: addresses are never written anywhere (privacy, SPEC V-1).
 */
export class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.updated = now();
  }

  /** Take `count` tokens (one by default); false, taking none, when the bucket holds fewer. */
  take(count = 1): boolean {
    this.refill();
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }

  /** True when a take() would succeed, without taking. */
  available(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** Full again: nothing to remember. */
  isIdle(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
  }
}

/**
 * Failed attempts per key (an address, an account): `blocked` once the key's bucket is empty, until it
 * refills. On one node in memory (FailureLimiter); on several shared through Redis (sharedLimiter.ts),
 * so that a guesser gains nothing by reaching another node.
 */
export interface AttemptLimiter {
  blocked(key: string): Promise<boolean>;
  fail(key: string): Promise<void>;
}

/** Failed attempts per key (an address), forgotten once the bucket is full again. */
export class FailureLimiter implements AttemptLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep = 0;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  async blocked(key: string): Promise<boolean> {
    return this.blockedNow(key);
  }

  async fail(key: string): Promise<void> {
    this.failNow(key);
  }

  blockedNow(key: string): boolean {
    const bucket = this.buckets.get(key);
    return bucket !== undefined && !bucket.available();
  }

  failNow(key: string): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.perSecond);
      this.buckets.set(key, bucket);
    }
    bucket.take();
    if (this.buckets.size > 10_000) this.sweep();
  }

  /** At most once a second; if an attacker keeps the map full of fresh addresses, it starts over rather than grow. */
  private sweep(): void {
    const now = performance.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.isIdle()) this.buckets.delete(key);
    if (this.buckets.size > 50_000) this.buckets.clear();
  }
}
