/**
 * Several Konsens processes over one Redis (REDIS_URL, issue 16).
 *
 * One node owns each workshop's live room: the room's rules (phases, points
 * per organisation, the tally) stay single-writer and exact, however its
 * participants are spread over the nodes. Ownership is a Redis key per
 * workshop naming the node; a node proves it is alive with a heartbeat key
 * that expires `heartbeatTtlMs` after its last beat. A node that asks for a
 * workshop whose owner is gone (or that has none) takes it over in one atomic
 * step and loads the room from the database, where every acknowledged
 * operation is (D-1). Other nodes forward the workshop's events to the owner
 * over Redis pub/sub (`call`), and the owner's pushes reach every node's
 * sockets through Socket.IO's Redis Streams adapter.
 */
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { log } from '../log.js';

type RedisClient = ReturnType<typeof createClient>;

const PREFIX = 'konsens:';
const nodeKey = (nodeId: string) => `${PREFIX}node:${nodeId}`;
const ownerKey = (workshopId: string) => `${PREFIX}owner:${workshopId}`;
const inbox = (nodeId: string) => `${PREFIX}rpc:${nodeId}`;

/**
 * The owner if it is alive; otherwise this node, written in the same step (no
 * two nodes can both take a workshop over).
 */
const CLAIM = `
local owner = redis.call('GET', KEYS[1])
if owner and owner ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. owner) == 1 then return owner end
if owner ~= ARGV[1] then redis.call('SET', KEYS[1], ARGV[1]) end
return ARGV[1]
`;

export interface ClusterOptions {
  url: string;
  /** How long a node counts as alive after its last heartbeat. */
  heartbeatTtlMs?: number;
  /** How long a forwarded call may take before it fails (the client then resends). */
  callTimeoutMs?: number;
}

interface Envelope {
  id: number;
  from: string;
  request?: unknown;
  reply?: unknown;
  error?: string;
  /** With `error`: the asking node may try again with the owner found afresh (this node does not own it). */
  elsewhere?: boolean;
}

/** What a serving node throws when a request is about a workshop it does not own (the caller asks again). */
export class NotOwner extends Error {
  constructor() {
    super('this node does not own the workshop');
  }
}

export class Cluster {
  readonly nodeId = randomBytes(9).toString('base64url');
  private readonly heartbeatTtlMs: number;
  private readonly callTimeoutMs: number;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly pending = new Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private next = 0;
  private serveRequest: ((request: unknown) => Promise<unknown>) | null = null;
  /** When this node last wrote its heartbeat: it acts as an owner only while that is recent (its lease). */
  private lastBeat = -Infinity;
  /** Owners seen lately: a burst of events asks Redis once per workshop and `ownerCacheMs`. */
  private readonly owners = new Map<string, { node: string; at: number }>();
  private readonly ownerCacheMs = 1000;
  private closed = false;

  private constructor(
    private readonly command: RedisClient,
    private readonly subscriber: RedisClient,
    options: ClusterOptions,
  ) {
    this.heartbeatTtlMs = options.heartbeatTtlMs ?? 3000;
    this.callTimeoutMs = options.callTimeoutMs ?? 5000;
  }

  static async connect(options: ClusterOptions): Promise<Cluster> {
    const command: RedisClient = createClient({ url: options.url });
    // The client reconnects by itself; readiness says so meanwhile (H-10). One line when Redis goes, one when it is back.
    let down = false;
    command.on('error', (error: Error) => {
      if (!down) log.warn({ type: error.name, message: error.message }, 'redis connection lost');
      down = true;
    });
    command.on('ready', () => {
      if (down) log.info('redis connection back');
      down = false;
    });
    await command.connect();
    const subscriber = command.duplicate();
    subscriber.on('error', () => undefined); // (reported by the command client)
    await subscriber.connect();
    const cluster = new Cluster(command, subscriber, options);
    await cluster.start();
    return cluster;
  }

  /** The command connection, for what else the nodes share (sharedLimiter.ts). */
  get redis(): RedisClient {
    return this.command;
  }

  /** Socket.IO's adapter over the same Redis: room broadcasts, socketsJoin/Leave and disconnects reach every node. */
  adapter(): ReturnType<typeof createAdapter> {
    return createAdapter(this.command, { streamName: `${PREFIX}socket.io`, channelPrefix: `${PREFIX}socket.io` });
  }

  /** Requests from other nodes go to `handler`; its result (or error) goes back. */
  serve(handler: (request: unknown) => Promise<unknown>): void {
    this.serveRequest = handler;
  }

  /**
   * Whether this node may act as an owner now: its last heartbeat is younger than five sixths of the
   * time after which others take its workshops over (beats come every sixth, so that an event loop
   * held up for a second under load does not lose it). A node cut off from Redis (or stalled) stops
   * acting as owner a sixth of that time (0.5 s) before anyone else can start.
   */
  holdsLease(): boolean {
    return performance.now() - this.lastBeat < (this.heartbeatTtlMs * 5) / 6;
  }

  /**
   * The node that owns the workshop's room now: its live owner, or this node, which takes it over. Fails
   * at once (ClusterCallFailed) while Redis is away or this node's lease has lapsed.
   */
  async ownerOf(workshopId: string): Promise<string> {
    if (!this.command.isReady || !this.holdsLease()) throw new ClusterCallFailed('this node is cut off from the other nodes', false);
    const known = this.owners.get(workshopId);
    if (known && (known.node === this.nodeId || performance.now() - known.at < this.ownerCacheMs)) return known.node;
    const node = String(await this.command.eval(CLAIM, { keys: [ownerKey(workshopId)], arguments: [this.nodeId, `${PREFIX}node:`] }));
    // (Once, where several events asked at the same moment.)
    if (node === this.nodeId && this.owners.get(workshopId)?.node !== this.nodeId) log.info({ workshop: workshopId }, 'cluster: this node now owns the workshop');
    this.owners.set(workshopId, { node, at: performance.now() });
    return node;
  }

  /** Forget what was known about the workshop's owner (a call to it failed). */
  forgetOwner(workshopId: string): void {
    this.owners.delete(workshopId);
  }

  /** Whether this node owns the workshop, asked of Redis now (not of what this node remembers), within its lease. */
  async stillOwns(workshopId: string): Promise<boolean> {
    if (!this.command.isReady || !this.holdsLease()) return false;
    const owner = await this.command.get(ownerKey(workshopId));
    if (owner === this.nodeId) return true;
    if (this.owners.get(workshopId)?.node === this.nodeId) this.owners.delete(workshopId);
    return false;
  }

  /** The workshop's owner if it is alive, without taking it over; null for none. */
  async liveOwner(workshopId: string): Promise<string | null> {
    const owner = await this.command.get(ownerKey(workshopId));
    return owner && (owner === this.nodeId || (await this.command.exists(nodeKey(owner))) === 1) ? owner : null;
  }

  /** A deleted workshop: nobody owns it any more. */
  async release(workshopId: string): Promise<void> {
    this.owners.delete(workshopId);
    await this.command.del(ownerKey(workshopId)).catch(() => undefined);
  }

  /** No more requests from other nodes (shutting down): they find this node gone and ask another. */
  async stopServing(): Promise<void> {
    this.serveRequest = null;
    await this.subscriber.unsubscribe(inbox(this.nodeId)).catch(() => undefined);
  }

  /** A request to another node, answered by its `serve` handler. */
  call<T>(nodeId: string, request: unknown): Promise<T> {
    const id = this.next++;
    if (!this.command.isReady) return Promise.reject(new ClusterCallFailed('redis is not connected', false));
    return new Promise<T>((resolve, reject) => {
      // A slow owner may still run the request: not one to send again (ClusterCallFailed, not retryable).
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ClusterCallFailed(`node ${nodeId} did not answer in time`, false));
      }, this.callTimeoutMs);
      this.pending.set(id, { resolve: resolve as (reply: unknown) => void, reject, timer });
      const envelope: Envelope = { id, from: this.nodeId, request };
      this.command.publish(inbox(nodeId), JSON.stringify(envelope)).then(
        (receivers) => {
          // Nobody listens under that name: the node is gone, nothing ran there.
          if (receivers === 0) this.settle(id, undefined, `node ${nodeId} is gone`, true);
        },
        (error: unknown) => this.settle(id, undefined, String(error), false),
      );
    });
  }

  /** H-7: why this node cannot work with the others now, or null. */
  async unavailable(): Promise<string | null> {
    // (A client that is not connected queues commands until it is: never wait on it.)
    if (!this.command.isReady) return 'redis does not answer (not connected)';
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([this.command.ping(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 1 s')), 1000)))]);
      return null;
    } catch (error) {
      return `redis does not answer (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stop beating: the node's workshops go to others when they next ask. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.lastBeat = -Infinity;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new ClusterCallFailed('closing', false));
      this.pending.delete(id);
    }
    if (this.command.isReady) {
      await this.command.del(nodeKey(this.nodeId)).catch(() => undefined);
      await this.subscriber.close().catch(() => undefined);
      await this.command.close().catch(() => undefined);
    } else {
      this.subscriber.destroy();
      this.command.destroy();
    }
  }

  /** Called when another node has taken over a workshop this node owned (its room here is out of date). */
  onLost: (workshopId: string) => void = () => undefined;

  /**
   * With every beat: does this node still own what it thinks it owns? Another node takes a workshop
   * over only when this node's heartbeat had lapsed (a stalled or cut-off node); an owner key that is
   * gone (Redis restarted) is taken again.
   */
  private async verifyOwnership(): Promise<void> {
    const mine = [...this.owners].filter(([, o]) => o.node === this.nodeId).map(([id]) => id);
    if (mine.length === 0) return;
    const owners = await this.command.mGet(mine.map(ownerKey));
    for (const [i, workshopId] of mine.entries()) {
      const owner = owners[i];
      if (owner === this.nodeId) continue;
      this.owners.delete(workshopId);
      if (owner === null && (await this.ownerOf(workshopId)) === this.nodeId) continue;
      log.warn({ workshop: workshopId }, 'cluster: another node has taken the workshop over');
      this.onLost(workshopId);
    }
  }

  private async start(): Promise<void> {
    const beat = async () => {
      const started = performance.now();
      await this.command.set(nodeKey(this.nodeId), '1', { PX: this.heartbeatTtlMs });
      // The lease counts from before the write: others see the key for heartbeatTtlMs after it.
      this.lastBeat = started;
      await this.verifyOwnership();
    };
    await beat();
    this.heartbeat = setInterval(() => void beat().catch(() => undefined), Math.max(50, Math.floor(this.heartbeatTtlMs / 6)));
    this.heartbeat.unref();
    await this.subscriber.subscribe(inbox(this.nodeId), (message) => void this.receive(message));
  }

  private async receive(message: string): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
      if (typeof envelope !== 'object' || envelope === null || typeof envelope.id !== 'number' || typeof envelope.from !== 'string') throw new Error('not an envelope');
    } catch {
      log.warn('cluster: a message that is not an envelope was dropped');
      return;
    }
    if (envelope.request === undefined) {
      this.settle(envelope.id, envelope.reply, envelope.error, envelope.elsewhere === true);
      return;
    }
    let answer: Envelope;
    try {
      if (!this.serveRequest) throw new NotOwner();
      answer = { id: envelope.id, from: this.nodeId, reply: (await this.serveRequest(envelope.request)) ?? null };
    } catch (error) {
      answer = { id: envelope.id, from: this.nodeId, error: error instanceof Error ? error.message : String(error), ...(error instanceof NotOwner ? { elsewhere: true } : {}) };
    }
    await this.command.publish(inbox(envelope.from), JSON.stringify(answer)).catch(() => undefined);
  }

  private settle(id: number, reply: unknown, error: string | undefined, retryable = false): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (error !== undefined) p.reject(new ClusterCallFailed(error, retryable));
    else p.resolve(reply);
  }
}

/**
 * A call to another node that did not run there (`retryable`: the node is gone or does not own the
 * workshop; the caller forgets the owner and may try once more) or whose outcome is unknown (timeout:
 * the client resends with its opId or resume token).
 */
export class ClusterCallFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
