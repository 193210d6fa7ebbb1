/**
 * Attaches the handlers to Socket.IO. For every event alike: find the
 * acknowledgement callback, check the caller's role, parse the payload (unknown
 * keys stripped), run the handler, and answer { ok: true, data } or
 * { ok: false, code, message } — raw exception text never leaves the server (SPEC S-1 … S-3).
 */
import type { Server } from 'socket.io';
import { ZodError } from 'zod';
import { ERROR_CODES, type Ack, type AckError, type ErrorCode } from '../../shared/protocol.js';
import { LIMITS } from '../../shared/schemas.js';
import { KonsensError } from '../errors.js';
import { ACTIVITIES } from '../activities/registry.js';
import type { CallerSocket, Handler, HandlerContext, RealtimeDeps, RelayedEvent, RelayedReply, SocketData } from './handler.js';
import { ClusterCallFailed, NotOwner } from '../cluster/cluster.js';
import { TokenBucket } from '../security/rateLimit.js';
import { joinHandlers } from './joinHandlers.js';
import type { MetricsSink } from '../metrics.js';
import type { StepKind } from '../../shared/process.js';

/** The one registry of socket events: each declares who may call it (tests check every event is here). */
export const HANDLERS: readonly Handler[] = [...joinHandlers, ...Object.values(ACTIVITIES).flatMap((activity) => activity.handlers)];
const BY_EVENT: ReadonlyMap<unknown, Handler> = new Map(HANDLERS.map((h) => [h.event, h]));

export function failure(code: ErrorCode, details?: AckError['details']): AckError {
  return { ok: false, code, message: ERROR_CODES[code], ...(details ? { details } : {}) };
}

function toFailure(error: unknown, log: (error: unknown) => void): AckError {
  if (error instanceof KonsensError) return failure(error.code, error.details);
  // The workshop's node is gone or being replaced (H-10): retried by the client, not a fault to log.
  if (error instanceof ClusterCallFailed) return failure('INTERNAL');
  if (error instanceof ZodError) {
    const details = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    return failure('BAD_REQUEST', details);
  }
  log(error);
  return failure('INTERNAL');
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
}

/** A plain object whose nested values are only JSON (no Buffer or other binary attachment anywhere). Iterative: depth cannot overflow the stack. */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isPlain(value)) return false;
  const stack: object[] = [value];
  while (stack.length > 0) {
    for (const item of Object.values(stack.pop()!)) {
      if (item === null || typeof item !== 'object') continue;
      if (!isPlain(item)) return false;
      stack.push(item);
    }
  }
  return true;
}

/**
 * An event, checked and run. Not itself async: an event of a joined connection goes on to
 * `proceed` without a promise of its own in between (issue 17: a ballot's path is a chain of them).
 */
function dispatch(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, here = false): Promise<Ack<unknown>> {
  const data = socket.data;
  const session = data.session;
  if (!session) {
    if (!handler.callers.includes('guest')) return Promise.resolve(failure('NOT_JOINED'));
    if (data.joining) return Promise.resolve(failure('ALREADY_JOINED'));
  } else if (!handler.callers.includes(session.role)) {
    return Promise.resolve(failure(handler.callers.includes('guest') ? 'ALREADY_JOINED' : 'FORBIDDEN'));
  }
  // A handler's quick check takes only plain JSON of its exact shape (no binary part can hide in it);
  // anything else is checked in full.
  const quick = handler.fast?.(payload);
  // Payloads are JSON objects; zod would take a binary attachment (Buffer) for an object without required keys.
  if (quick === undefined && !isJsonObject(payload)) return Promise.resolve(failure('BAD_REQUEST', [{ path: '', message: 'payload must be a JSON object without binary parts' }]));
  const parsed = quick !== undefined ? { success: true as const, data: quick } : handler.schema.safeParse(payload);
  if (!parsed.success) return Promise.resolve(toFailure(parsed.error, () => undefined));
  if (session) return proceed(handler, socket, deps, payload, parsed.data, here);
  return runJoin(handler, socket, deps, payload, parsed.data, here);
}

/** `dispatch`, with a synchronous throw turned into a rejection: every caller answers both alike. */
function dispatchSafely(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, here = false): Promise<Ack<unknown>> {
  try {
    return dispatch(handler, socket, deps, payload, here);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A join from here (no await before), until the answer is in — here or from the owner: a second join meanwhile is refused. */
async function runJoin(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, checked: unknown, here: boolean): Promise<Ack<unknown>> {
  socket.data.joining = true;
  try {
    return await proceed(handler, socket, deps, payload, checked, here);
  } finally {
    socket.data.joining = false;
  }
}

const succeeded = (data: unknown): Ack<unknown> => ({ ok: true, data });

/** Runs a checked event: on the workshop's owner (relayed, with the payload as it came), or here. */
function proceed(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, checked: unknown, here: boolean): Promise<Ack<unknown>> {
  const session = socket.data.session;
  // One node and the room loaded — every event after a workshop's first: run at once.
  const room = session ? deps.rooms.loadedHere(session.workshopId) : undefined;
  if (room) return runHere(handler, { socket, deps, session, room }, checked);
  return locate(handler, socket, deps, payload, checked, here);
}

/** Finds where the event runs: relayed to the workshop's owner, or here with the room loaded first. */
async function locate(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, checked: unknown, here: boolean): Promise<Ack<unknown>> {
  const session = socket.data.session;
  // Several nodes: the workshop's events run where its room lives (server/cluster).
  if (deps.cluster && !here) {
    const owner = await ownerFor(handler, session, checked, deps);
    if (owner && owner.node !== deps.cluster.nodeId) return relay(handler, socket, deps, payload, checked, owner);
  }
  const room = session ? await deps.rooms.get(session.workshopId) : undefined;
  if (session && !room) return failure('NOT_FOUND');
  return runHere(handler, { socket, deps, session, room }, checked);
}

/** The handler, run here. A throw before its first await reaches `dispatchSafely` (or `locate`, which is async): refused like a rejection. */
function runHere(handler: Handler, ctx: HandlerContext, checked: unknown): Promise<Ack<unknown>> {
  if (ctx.room && !handles(handler.activity, ctx.room.kind)) return Promise.resolve(failure('WRONG_ACTIVITY'));
  return handler.run(ctx, checked).then(succeeded);
}

/** The workshop a join names (by id or code); undefined for an unknown code or another payload. */
async function workshopOfJoin(payload: unknown, deps: RealtimeDeps): Promise<string | undefined> {
  const join = payload as { role?: unknown; workshopId?: unknown; code?: unknown } | null;
  // (An id made up claims nothing: only a workshop that exists has an owner.)
  if (join?.role === 'facilitator' && typeof join.workshopId === 'string') return (await deps.rooms.exists(join.workshopId)) ? join.workshopId : undefined;
  if (typeof join?.code === 'string') return deps.rooms.idOfCode(join.code);
  return undefined;
}

/** The workshop an event is about, and the node that owns it; null where there is none to find (an unknown code). */
async function ownerFor(handler: Handler, session: SocketData['session'], payload: unknown, deps: RealtimeDeps): Promise<{ workshopId: string; node: string } | null> {
  const workshopId = session?.workshopId ?? (handler.event === 'workshop:join' ? await workshopOfJoin(payload, deps) : undefined);
  return workshopId ? { workshopId, node: await deps.cluster!.ownerOf(workshopId) } : null;
}

/**
 * The event, run by the workshop's owner as if the connection were there; the session and socket rooms it
 * gives the connection come back and are applied here. A call that is not answered (the owner died)
 * is tried once more with the owner found afresh — who loads the room from the database.
 */
async function relay(handler: Handler, socket: CallerSocket, deps: RealtimeDeps, payload: unknown, checked: unknown, owner: { workshopId: string; node: string }): Promise<Ack<unknown>> {
  const cluster = deps.cluster!;
  const data = socket.data;
  const request: RelayedEvent = {
    kind: 'event',
    event: handler.event,
    payload,
    session: data.session ?? null,
    headers: { cookie: socket.handshake.headers.cookie, 'x-forwarded-for': socket.handshake.headers['x-forwarded-for'] },
    address: socket.handshake.address,
  };
  let node = owner.node;
  for (let attempt = 0; ; attempt++) {
    if (node === cluster.nodeId) return locate(handler, socket, deps, payload, checked, true);
    try {
      const reply = await cluster.call<RelayedReply>(node, request);
      if (reply.session) data.session = reply.session;
      if (reply.rooms.length > 0) void socket.join(reply.rooms);
      return reply.ack;
    } catch (error) {
      // Only where nothing ran there (the node is gone, or no longer the owner); after a timeout the
      // outcome is unknown, and the client resends with its opId or resume token.
      if (!(error instanceof ClusterCallFailed) || !error.retryable || attempt > 0) throw error;
      cluster.forgetOwner(owner.workshopId);
      node = await cluster.ownerOf(owner.workshopId);
    }
  }
}

/** An event from another node's connection (relay above), run here as that connection. */
export async function runRelayed(request: RelayedEvent, deps: RealtimeDeps, nsp: CallerSocket['nsp'], log: (error: unknown) => void): Promise<RelayedReply> {
  const handler = BY_EVENT.get(request.event);
  if (!handler) return { ack: failure('BAD_REQUEST'), session: null, rooms: [] };
  // The workshop may have moved since the other node looked (this node was taken for gone): never run
  // it against a copy. The other node then asks the owner found afresh.
  const workshopId = request.session?.workshopId ?? (await workshopOfJoin(request.payload, deps));
  if (workshopId && !(await deps.cluster!.stillOwns(workshopId))) throw new NotOwner();
  const rooms: string[] = [];
  const socket: CallerSocket = {
    data: request.session ? { session: request.session } : {},
    handshake: { headers: request.headers, address: request.address },
    nsp,
    join: (names) => {
      rooms.push(...(Array.isArray(names) ? names : [names]));
    },
  };
  const ack = await dispatchSafely(handler, socket, deps, request.payload, true).catch((error: unknown) => toFailure(error, log));
  return { ack, session: socket.data.session ?? null, rooms };
}

/**
 * SPEC D-4, S-5: a batch of answers costs one token per started 4 answers (a
 * ballot of 16 costs 4), so that a participant cannot grow the answer log much
 * faster with batches than with single answers.
 */
export const ANSWERS_PER_TOKEN = 4;

function cost(packet: unknown[], capacity: number): number {
  if (packet[0] !== 'answer:batch') return 1;
  const answers = (packet[1] as { answers?: unknown } | null | undefined)?.answers;
  // An oversized batch costs as much as the largest allowed one, and the schema refuses it;
  // never more than the bucket holds, or the batch could never pass.
  const counted = Array.isArray(answers) ? Math.min(answers.length, LIMITS.batchAnswers) : 1;
  return Math.min(capacity, Math.max(1, Math.ceil(counted / ANSWERS_PER_TOKEN)));
}

/** A socket that keeps sending after this many refusals in a row is disconnected. */
const FLOOD_DISCONNECT = 100;

export function attachRealtime(io: Server, deps: RealtimeDeps, log: (error: unknown) => void): void {
  io.on('connection', (socket) => {
    // SPEC S-5: every incoming event, known or not, takes a token.
    const bucket = new TokenBucket(deps.limits.eventBurst, deps.limits.eventsPerSecond);
    let refused = 0;
    // Every event is handled here, from the one registry: no listeners per connection (a tablet
    // holds nothing per event type), and an event that is not in the registry is ignored. The
    // packet goes no further (next() is never called): this is the last middleware.
    socket.use((packet) => {
      const ack = packet[packet.length - 1] as ((response: Ack<unknown>) => void) | undefined;
      if (!bucket.take(cost(packet, deps.limits.eventBurst))) {
        deps.metrics.refused('RATE_LIMITED');
        if (++refused > FLOOD_DISCONNECT) socket.disconnect(true);
        else if (typeof ack === 'function') ack(failure('RATE_LIMITED'));
        return;
      }
      refused = 0;
      const handler = BY_EVENT.get(packet[0]);
      // Without an acknowledgement callback there is nobody to answer: the event is ignored.
      if (!handler || typeof ack !== 'function') return;
      const payload = packet.length > 2 ? packet[1] : undefined;
      const answer = deps.metrics.enabled ? timed(deps.metrics, handler.event, ack) : ack;
      dispatchSafely(handler, socket as unknown as CallerSocket, deps, payload).then(answer, (error: unknown) => answer(toFailure(error, log)));
    });
  });
}

/** The acknowledgement, counted and timed for the metrics (H-8). */
function timed(metrics: MetricsSink, event: string, ack: (response: Ack<unknown>) => void): (response: Ack<unknown>) => void {
  metrics.event(event);
  const started = performance.now();
  return (response) => {
    if (!response.ok) metrics.refused(response.code);
    metrics.acknowledged((performance.now() - started) / 1000);
    ack(response);
  };
}

function handles(activity: Handler['activity'], kind: StepKind): boolean {
  return activity === 'any' || activity === kind || (Array.isArray(activity) && activity.includes(kind));
}
