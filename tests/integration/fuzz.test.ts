/**
 * Fuzzing the socket boundary (SPEC S-3, S-4, S-7): more than 10,000 generated
 * malformed payloads over every client event, sent by guests and by joined
 * participants, projectors and facilitators, then oversized messages and raw
 * engine.io / Socket.IO frames over a bare WebSocket.
 *
 * Every acknowledged malformed event is refused with the documented code (the
 * role decides first, then the schema: S-2, S-3); only oversized messages and
 * raw garbage may close a connection; nothing reaches an object prototype; the
 * database and the facilitator's state are exactly as before; and afterwards
 * correct work goes on.
 *
 * The generator is seeded: `KONSENS_FUZZ_SEED=<n> npx vitest run tests/integration/fuzz.test.ts`
 * repeats a run exactly (the summary line prints the seed).
 *
 * A *binary* payload (Buffer) where the schema is an object without required
 * keys (`state:get`, `workshop:delete`, `workshop:update`) would pass zod's
 * `z.object`; the transport refuses anything but a plain JSON object, so these
 * are expected to be refused like every other malformed payload.
 */
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_EVENTS,
  ERROR_CODES,
  type Ack,
  type AnswerReceipt,
  type ClientEventName,
  type ErrorCode,
  type FacilitatorState,
  type ParticipantSession,
} from '../../shared/protocol.js';
import {
  answerSetSchema,
  answerWithdrawSchema,
  answerBatchSchema,
  decisionRequestSchema,
  emptySchema,
  participantMoveSchema,
  participantRemoveSchema,
  participantSwitchSchema,
  projectorShowSchema,
  joinSchema,
  phaseSetSchema,
  workshopPatchSchema,
} from '../../shared/schemas.js';
import {
  collectionPhaseSchema,
  collectionUpdateSchema,
  proposalDecideSchema,
  proposalEditSchema,
  proposalMergeSchema,
  proposalSubmitSchema,
  proposalSupportSchema,
} from '../../shared/activities/collection/schemas.js';
import {
  consentAnswerSchema,
  consentRoundSchema,
  statementAddSchema,
  statementReviseSchema,
  statementWithdrawSchema,
  visionPhaseSchema,
  visionUpdateSchema,
} from '../../shared/activities/vision/schemas.js';
import {
  ideaPutSchema,
  overrideSchema,
  pointsSetSchema,
  profileSchema,
  selectionPhaseSchema,
  selectionUpdateSchema,
  voteOpenSchema,
  voteRefSchema,
  voteRevealSchema,
} from '../../shared/activities/selection/schemas.js';
import { connect, createWorkshop, disconnectAll, ok, request, startServer, version, type Client, type TestServer } from '../support/harness.js';

const SEED = Number(process.env.KONSENS_FUZZ_SEED ?? 20_261_124);
/** Payloads per client event over socket.io-client. */
const PER_EVENT = 1_000;
const BATCH = 500;
const ACK_TIMEOUT_MS = 10_000;
/** Generated payloads stay below this many bytes on the wire (the limit is 64 KiB). */
const UNDER_LIMIT = 60_000;
/**
 * Deepest value sent through socket.io-client: its encoder uses JSON.stringify,
 * which in a test process runs out of stack somewhere above 2,000 levels (and
 * sooner with a binary attachment, when the client copies the packet first).
 * Deeper values, 4,000 to 30,000 levels, go out as raw frames below.
 */
const CLIENT_DEPTH = 1_500;
const CLIENT_DEPTH_BINARY = 750;
/** Oversized messages are at least this large. */
const OVER_LIMIT = 70_000;

type Caller = 'guest' | 'participant' | 'projector' | 'facilitator';
const CALLERS: readonly Caller[] = ['guest', 'participant', 'projector', 'facilitator'];

/** Who may send what, as docs/PROTOCOL.md documents it. */
const WHO: Record<ClientEventName, readonly Caller[]> = {
  'workshop:join': ['guest'],
  'state:get': ['participant', 'projector', 'facilitator'],
  'answer:set': ['participant'],
  'answer:withdraw': ['participant'],
  'answer:batch': ['participant'],
  'workshop:update': ['facilitator'],
  'phase:set': ['facilitator'],
  'workshop:delete': ['facilitator'],
  'consolidation:move': ['facilitator'],
  'projector:show': ['facilitator'],
  'workshop:duplicate': ['facilitator'],
  'participant:list': ['facilitator'],
  'participant:move': ['facilitator'],
  'participant:remove': ['facilitator'],
  'participant:switch': ['participant'],
  'proposal:submit': ['participant', 'facilitator'],
  'proposal:support': ['participant'],
  'proposal:edit': ['facilitator'],
  'proposal:merge': ['facilitator'],
  'proposal:decide': ['facilitator'],
  'collection:update': ['facilitator'],
  'collection:phase': ['facilitator'],
  'statement:add': ['facilitator'],
  'statement:revise': ['facilitator'],
  'statement:withdraw': ['facilitator'],
  'consent:open': ['facilitator'],
  'consent:close': ['facilitator'],
  'consent:answer': ['participant'],
  'vision:update': ['facilitator'],
  'vision:phase': ['facilitator'],
  'idea:put': ['facilitator'],
  'vote:open': ['facilitator'],
  'vote:close': ['facilitator'],
  'vote:reveal': ['facilitator'],
  'points:set': ['participant'],
  'selection:override': ['facilitator'],
  'profile:update': ['facilitator'],
  'selection:update': ['facilitator'],
  'selection:phase': ['facilitator'],
};

/** The refusal a malformed payload must get: the role decides before the payload is read (S-2), then the schema (S-3). */
function expectedCode(caller: Caller, event: ClientEventName): ErrorCode {
  if (WHO[event].includes(caller)) return 'BAD_REQUEST';
  if (caller === 'guest') return 'NOT_JOINED';
  return event === 'workshop:join' ? 'ALREADY_JOINED' : 'FORBIDDEN';
}

const SCHEMAS: Record<ClientEventName, { safeParse(value: unknown): { success: boolean } }> = {
  'workshop:join': joinSchema,
  'state:get': emptySchema,
  'answer:set': answerSetSchema,
  'answer:withdraw': answerWithdrawSchema,
  'answer:batch': answerBatchSchema,
  'workshop:update': workshopPatchSchema,
  'phase:set': phaseSetSchema,
  'workshop:delete': emptySchema,
  'consolidation:move': decisionRequestSchema,
  'projector:show': projectorShowSchema,
  'workshop:duplicate': emptySchema,
  'participant:list': emptySchema,
  'participant:move': participantMoveSchema,
  'participant:remove': participantRemoveSchema,
  'participant:switch': participantSwitchSchema,
  'proposal:submit': proposalSubmitSchema,
  'proposal:support': proposalSupportSchema,
  'proposal:edit': proposalEditSchema,
  'proposal:merge': proposalMergeSchema,
  'proposal:decide': proposalDecideSchema,
  'collection:update': collectionUpdateSchema,
  'collection:phase': collectionPhaseSchema,
  'statement:add': statementAddSchema,
  'statement:revise': statementReviseSchema,
  'statement:withdraw': statementWithdrawSchema,
  'consent:open': consentRoundSchema,
  'consent:close': consentRoundSchema,
  'consent:answer': consentAnswerSchema,
  'vision:update': visionUpdateSchema,
  'vision:phase': visionPhaseSchema,
  'idea:put': ideaPutSchema,
  'vote:open': voteOpenSchema,
  'vote:close': voteRefSchema,
  'vote:reveal': voteRevealSchema,
  'points:set': pointsSetSchema,
  'selection:override': overrideSchema,
  'profile:update': profileSchema,
  'selection:update': selectionUpdateSchema,
  'selection:phase': selectionPhaseSchema,
};

// ---------------------------------------------------------------------------
// Deterministic generator

type Rng = () => number;

/** mulberry32: small, fast and good enough to fuzz with; the same seed gives the same run. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An own enumerable property, also for "__proto__" (as JSON.parse creates it). */
function own(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function isBinary(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function containsBinary(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (isBinary(v)) return true;
    if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

/** Levels of nesting, counted iteratively. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    max = Math.max(max, d);
    if (v && typeof v === 'object' && !isBinary(v)) for (const item of Object.values(v)) stack.push([item, d + 1]);
  }
  return max;
}

/**
 * What the server receives for a value the client emits: JSON semantics
 * (undefined keys dropped, NaN and ±Infinity become null, -0 becomes 0), binary
 * attachments arrive as Buffers (or, for measuring, as the placeholder the text
 * packet carries). Iterative: deep values are no problem.
 */
function wire(value: unknown, binary: 'buffer' | 'placeholder' = 'buffer'): unknown {
  const convert = (v: unknown, inArray: boolean): unknown => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return inArray ? null : undefined;
    if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
    if (v === null || typeof v !== 'object') return v;
    if (binary === 'placeholder') return { _placeholder: true, num: 0 };
    return Buffer.from(v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array((v as ArrayBufferView).buffer, (v as ArrayBufferView).byteOffset, (v as ArrayBufferView).byteLength));
  };
  const root: unknown[] = [];
  const work: { from: unknown; into: (v: unknown) => void; inArray: boolean }[] = [{ from: value, into: (v) => (root[0] = v), inArray: true }];
  while (work.length > 0) {
    const { from, into, inArray } = work.pop()!;
    if (from !== null && typeof from === 'object' && !isBinary(from)) {
      // Plain assignments (own() only for "__proto__"): JSON.stringify of dictionary-mode objects needs far more stack.
      if (Array.isArray(from)) {
        const out: unknown[] = from.map(() => null);
        into(out);
        from.forEach((item, i) => work.push({ from: item, into: (v) => (out[i] = v), inArray: true }));
      } else {
        const out: Record<string, unknown> = {};
        into(out);
        for (const [key, item] of Object.entries(from)) {
          if (item === undefined || typeof item === 'function') continue;
          if (key === '__proto__') own(out, key, null);
          else out[key] = null;
          work.push({ from: item, into: (v) => (out[key] = v), inArray: false });
        }
      }
    } else {
      into(convert(from, inArray));
    }
  }
  return root[0];
}

/**
 * JSON.stringify for plain data, iteratively: JSON.stringify itself runs out of
 * stack on values that are a few thousand levels deep.
 */
function toJson(value: unknown): string {
  const out: string[] = [];
  const tasks: ({ lit: string } | { val: unknown })[] = [{ val: value }];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if ('lit' in task) {
      out.push(task.lit);
      continue;
    }
    const v = task.val;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
    } else if (Array.isArray(v)) {
      tasks.push({ lit: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        tasks.push({ val: v[i] });
        if (i > 0) tasks.push({ lit: ',' });
      }
      tasks.push({ lit: '[' });
    } else {
      const entries = Object.entries(v).filter(([, item]) => item !== undefined && typeof item !== 'function');
      tasks.push({ lit: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        tasks.push({ val: entries[i]![1] }, { lit: `${JSON.stringify(entries[i]![0])}:` });
        if (i > 0) tasks.push({ lit: ',' });
      }
      tasks.push({ lit: '{' });
    }
  }
  return out.join('');
}

/** Bytes of the Socket.IO text packet carrying these arguments (binary attachments go separately). */
function wireBytes(event: string, args: unknown[]): number {
  return Buffer.byteLength(toJson(wire([event, ...args], 'placeholder')));
}

const CHARS = [
  'a', 'Z', 'q', '0', '7', '_', '-', ' ', '.', '/', '\\', '"', "'", '<', '>', '{', '}', '[', ']', ':', ',', '%', '$',
  '\u0000', '\u0007', '\n', '\t', '\u007f', 'ä', 'ß', '€', '😀', '\u202e', '\u200b', '\ud800', '\udfff', '\ufeff', '\uffff',
];
const ILLEGAL_IN_IDS = ['$', '.', '/', 'ä', '\u0000', '"', '<', '😀', '%'];
const RESERVED = ['__proto__', 'constructor', 'prototype'];
const PROTO_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":[]}',
  '{"__proto__":null}',
  '{"__proto__":{"toString":"x","valueOf":1}}',
  '{"hasOwnProperty":1,"toString":"x","valueOf":{},"isPrototypeOf":[]}',
  '[{"__proto__":{"polluted":"yes"}},{"constructor":{"prototype":{"polluted":"yes"}}}]',
];
const EXTRA_KEYS = [...RESERVED, 'toString', 'valueOf', 'hasOwnProperty', 'isAdmin', 'role', 'phase', 'workshopId', 'secret', 'x'.repeat(100), '', ' ', '\u0000', '😀'];

type Kind = 'string' | 'int' | 'nullableInt' | 'nullableDate' | 'list' | 'object' | 'defaultedObject' | 'boolean';

interface Field {
  name: string;
  kind: Kind;
  required: boolean;
  valid: () => unknown;
  invalid: () => unknown;
}

interface Fuzzed {
  event: ClientEventName;
  /** Arguments before the acknowledgement; [] sends no payload at all. */
  args: unknown[];
  strategy: string;
}

interface Context {
  code: string;
  workshopId: string;
  secret: string;
  resumeToken: string;
  themes: string[];
  criteria: string[];
  organisations: string[];
}

class Generator {
  constructor(
    private readonly rng: Rng,
    private readonly ctx: Context,
  ) {}

  int(n: number): number {
    return Math.floor(this.rng() * n);
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  string(max: number): string {
    let s = '';
    const n = this.int(max + 1);
    for (let i = 0; i < n; i++) s += this.pick(CHARS);
    return s;
  }

  /** A string that cannot be an id, an op id, a token or a join code. */
  illegal(max = 20): string {
    const s = this.string(max);
    const at = this.int(s.length + 1);
    return s.slice(0, at) + this.pick(ILLEGAL_IN_IDS) + s.slice(at);
  }

  /** A string of about this many UTF-8 bytes. */
  bigString(bytes: number): string {
    const chunk = this.chance(0.5) ? 'x' : this.string(16) + 'x';
    const per = Buffer.byteLength(chunk);
    return chunk.repeat(Math.max(1, Math.floor(bytes / per)));
  }

  protoObject(): unknown {
    return JSON.parse(this.pick(PROTO_JSON)) as unknown;
  }

  /** Nested arrays and objects, built iteratively; depth up to 5,000 stays below the message limit. */
  deep(depth: number): unknown {
    const style = this.int(4);
    let v: unknown = this.pick<unknown>([1, 'x', null, true, [], {}]);
    for (let i = 0; i < depth; i++) {
      if (style === 0 || (style === 2 && i % 2 === 0)) v = [v];
      else if (style === 3 && i % 97 === 0) v = own({}, this.pick(RESERVED), v);
      else v = { a: v };
    }
    return v;
  }

  binary(): unknown {
    const bytes = Buffer.from(Array.from({ length: this.int(64) }, () => this.int(256)));
    return this.pick<unknown>([bytes, new Uint8Array(bytes), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)]);
  }

  nanLike(): unknown {
    return this.pick<unknown>([NaN, Infinity, -Infinity, Number('1e309'), Number('-1e309'), Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, -(2 ** 63), 1e-7]);
  }

  nanLikeString(): string {
    return this.pick(['NaN', 'Infinity', '-Infinity', '1e309', '0x10', '1_000', '3', '-0', 'null', 'undefined', 'true', '[]', '{}']);
  }

  /** A value of the wrong type for a field of this kind: never undefined, and never something the kind accepts. */
  wrongType(kind: Kind): unknown {
    const nullOk = kind === 'nullableInt' || kind === 'nullableDate';
    // A schema of optional, defaulted keys (the tier rule) takes any object: give it no object.
    const objectOk = kind === 'defaultedObject';
    const choices: (() => unknown)[] = [
      // A boolean is the one type a boolean field takes: give it anything else.
      () => (kind === 'boolean' ? this.pick(['true', 1]) : this.pick([true, false])),
      () => (objectOk ? [this.protoObject()] : this.protoObject()),
      () => (objectOk ? this.deepArray(1 + this.int(40)) : this.deep(1 + this.int(40))),
      () => [this.wrongType(kind === 'list' ? 'string' : kind)],
    ];
    if (!nullOk) choices.push(() => null, () => this.nanLike());
    if (kind !== 'string') choices.push(() => this.string(30), () => this.nanLikeString(), () => '');
    if (kind !== 'int' && kind !== 'nullableInt') choices.push(() => this.pick([0, 1, -1, 3, 42]));
    if (kind === 'int' || kind === 'nullableInt') choices.push(() => this.pick([0.5, 1.5, -2.25, 3.0000001]));
    if (kind !== 'list') choices.push(() => [], () => [this.string(5)]);
    if (kind !== 'object' && kind !== 'defaultedObject') choices.push(() => ({}), () => ({ value: 3 }));
    if (kind !== 'defaultedObject') choices.push(() => this.binary());
    return this.pick(choices)();
  }

  opId(): string {
    return `op-${this.int(1e9).toString(36)}-${this.int(1e9).toString(36)}`;
  }

  fields(event: ClientEventName, role: 'participant' | 'facilitator' | 'projector' = 'participant'): Field[] {
    const { ctx } = this;
    const f = (name: string, kind: Kind, required: boolean, valid: () => unknown, invalid: readonly unknown[] | (() => unknown)): Field => ({
      name,
      kind,
      required,
      valid,
      invalid: () => {
        if (this.chance(0.35)) return this.wrongType(kind);
        if (typeof invalid === 'function') return invalid();
        const v = this.pick(invalid);
        return typeof v === 'function' ? (v as () => unknown)() : v;
      },
    });
    const badId = [
      '', 'a'.repeat(65), ...RESERVED, 'a b', 'a.b', '../etc', 'a/b', 'ä', '😀', 'x\u0000', 'x\n', '<script>',
      () => this.illegal(), () => this.illegal(64),
    ];
    const badOpId = ['', 'short', 'a'.repeat(7), 'a'.repeat(65), 'op id 12345', 'op-ä-12345', 'op/../1234', () => this.illegal(40)];
    const badToken = ['', 'short', 'a'.repeat(15), 'a'.repeat(129), 'token with spaces 123', '€'.repeat(20), '$'.repeat(20), () => this.illegal(40) + 'x'.repeat(16)];
    const badVersion = ['1', '', 1.5, -1, 1_000_001, 2 ** 53, NaN, Infinity, -Infinity];
    const badCode = ['', 'AB', 'ABC', 'A'.repeat(13), 'A'.repeat(33), 'ÄÖÜ123', 'ABC$EF', 'ABC.EF', 'ABCDEF\u0000', '----', '  ', () => this.illegal(10)];
    const badRole = ['', 'admin', 'guest', 'Participant', 'PROJECTOR', 'facilitator ', ...RESERVED, 'toString', 'hasOwnProperty'];
    switch (event) {
      case 'answer:set':
      case 'answer:withdraw': {
        const list = [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('themeId', 'string', true, () => this.pick(ctx.themes), badId),
          f('criterionId', 'string', true, () => this.pick(ctx.criteria), badId),
        ];
        if (event === 'answer:set') {
          list.push(f('value', 'nullableInt', true, () => this.pick([1, 2, 3, 4, 5, null]), [3.5, -0.5, '3', '', 'null', 'NaN', 'Infinity', 1e308, 2 ** 53, 1e-7, [3], { value: 3 }]));
        }
        return list;
      }
      case 'answer:batch': {
        const item = (over: Record<string, unknown> = {}) => ({ opId: this.opId(), themeId: this.pick(ctx.themes), criterionId: this.pick(ctx.criteria), value: this.pick([1, 2, 3, 4, 5, null]), ...over });
        const withdrawal = () => ({ opId: this.opId(), themeId: this.pick(ctx.themes), criterionId: this.pick(ctx.criteria), withdraw: true });
        return [
          f('answers', 'list', true, () => (this.chance(0.5) ? [item()] : [item(), withdrawal(), item()]), [
            [], [null], [{}], [1, 2], [item({ opId: 'short' })], [item({ themeId: '__proto__' })], [item({ criterionId: 'a b' })],
            [item({ value: 3.5 })], [item({ value: '3' })], [item({ value: 1e308 })], [item({ withdraw: true })], [item({ withdraw: false })],
            [{ ...withdrawal(), withdraw: 'yes' }], [{ opId: this.opId(), themeId: 'bildung', criterionId: 'importance' }],
            [item(), item({ opId: 'a'.repeat(65) })], [item(), 'x'], () => Array.from({ length: 301 }, () => item()),
          ]),
        ];
      }
      case 'phase:set':
        return [f('phase', 'string', true, () => this.pick(['lobby', 'scoring', 'closed', 'revealed']), ['', 'LOBBY', 'Scoring', 'scoring ', ' closed', 'revealed\u0000', 'done', 'open', ...RESERVED, 'toString', 'hasOwnProperty', 'valueOf'])];
      case 'workshop:join': {
        const code = () => this.pick([ctx.code, ctx.code.toLowerCase(), `${ctx.code.slice(0, 3)}-${ctx.code.slice(3)}`, ` ${ctx.code} `]);
        const common = [f('role', 'string', true, () => role, badRole), f('protocolVersion', 'int', true, () => version, badVersion)];
        if (role === 'facilitator') {
          return [...common, f('workshopId', 'string', true, () => ctx.workshopId, badId), f('secret', 'string', false, () => ctx.secret, badToken)];
        }
        if (role === 'projector') return [...common, f('code', 'string', true, code, badCode)];
        return [
          ...common,
          f('code', 'string', true, code, badCode),
          f('organisationId', 'string', false, () => this.pick(ctx.organisations), badId),
          f('displayName', 'string', false, () => this.pick(['Anna', 'Jörg Müller', '']), ['x'.repeat(61), 'ä'.repeat(61), '😀'.repeat(61)]),
          f('resumeToken', 'string', false, () => ctx.resumeToken, badToken),
        ];
      }
      case 'workshop:update': {
        const org = (over: Record<string, unknown> = {}) => ({ id: `org${this.int(1000)}`, name: 'Organisation', ...over });
        const theme = (over: Record<string, unknown> = {}) => ({ id: `t${this.int(1000)}`, name: 'Thema', ...over });
        const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
        return [
          f('title', 'string', false, () => 'Neuer Titel', ['', '   ', '\t\n', 'x'.repeat(201), ['Titel']]),
          f('date', 'nullableDate', false, () => '2026-11-24', ['', 'tomorrow', '2026-13-01', '2026-00-10', '2026-1-1', '26-11-24', '2026/11/24', '2026-11-24T10:00:00Z', ' 2026-11-24', 20_261_124]),
          f('organisations', 'list', false, () => [org()], [
            [null], [{}], [{ id: 'a' }], [org({ id: '__proto__' })], [org({ id: 'constructor' })], [org({ name: '' })], [org({ name: '   ' })],
            [org({ weight: 0 })], [org({ weight: -1 })], [org({ weight: '1' })], [org({ weight: 1001 })], [org({ weight: NaN })],
            [org({ weight: Infinity })], [org({ id: 'a b' })], [org({ name: 'x'.repeat(121) })], () => many(201, (i) => org({ id: `o${i}` })),
          ]),
          f('themes', 'list', false, () => [theme()], [
            [null], [{ id: 'a' }], [{ name: 'x' }], [theme({ id: 'prototype' })], [theme({ description: 5 })], [theme({ description: 'd'.repeat(1001) })],
            () => many(51, (i) => theme({ id: `t${i}` })),
          ]),
          f('criteria', 'list', false, () => [{ id: 'importance', label: 'Bedeutung' }], [
            [], [null], [{ id: 'a' }], [{ id: 'a', label: '' }], [{ id: '__proto__', label: 'x' }], () => many(7, (i) => ({ id: `c${i}`, label: 'K' })),
          ]),
          f('scale', 'object', false, () => ({ min: 1, max: 5 }), [
            { min: 5, max: 1 }, { min: 1, max: 1 }, { min: 0, max: 20 }, { min: 0, max: 11 }, { min: '1', max: '5' }, { min: 1.5, max: 5 },
            { min: -1, max: 5 }, { min: 1 }, { max: 5 }, {}, { min: NaN, max: 5 }, { min: 1, max: Infinity },
          ]),
          f('votingUnit', 'string', false, () => 'person', ['people', '', 'Organisation', 'PERSON', '__proto__']),
          f('tierRule', 'defaultedObject', false, () => ({ priorityI: 0.7, priorityII: 0.5 }), [
            { priorityI: 2 }, { priorityI: -0.1 }, { priorityI: 0.4, priorityII: 0.6 }, () => ({ weights: JSON.parse('{"__proto__":5}') as unknown }),
            () => ({ weights: JSON.parse('{"constructor":2}') as unknown }), () => ({ weights: JSON.parse('{"prototype":1}') as unknown }),
            { weights: { 'a b': 1 } }, { weights: { a: -1 } }, { weights: { a: 101 } }, { weights: { a: '1' } }, { weights: [] }, { weights: 'x' },
            { minOrganisations: 0 }, { minOrganisations: 1.5 }, { minOrganisations: 201 }, { discussSpread: 2 }, { discussSpread: '0.5' }, { priorityI: NaN },
          ]),
        ];
      }
      case 'consolidation:move':
        return [
          f('themeId', 'string', true, () => this.pick(ctx.themes), badId),
          f('tier', 'string', true, () => this.pick(['I', 'II', 'III']), ['', 'IV', 'i', '1', 1, 'Priorität I', ' I', 'I\u0000', ...RESERVED, 'toString']),
          f('reason', 'string', true, () => 'Pflichtaufgabe nach OZG', ['', '   ', '\t\n', 'x'.repeat(501), ['Grund']]),
        ];
      case 'projector:show':
        return [f('view', 'string', true, () => this.pick(['overview', 'individual']), ['', 'Overview', 'matrix', 'individual ', ...RESERVED, 'valueOf'])];
      case 'state:get':
      case 'workshop:delete':
      case 'workshop:duplicate':
      case 'participant:list':
        return [];
      case 'participant:move':
        return [f('participantId', 'string', true, () => 'p1', badId), f('organisationId', 'string', true, () => this.pick(ctx.organisations), badId)];
      case 'participant:remove':
        return [f('participantId', 'string', true, () => 'p1', badId)];
      case 'participant:switch':
        return [f('organisationId', 'string', true, () => this.pick(ctx.organisations), badId)];
      case 'proposal:submit':
      case 'proposal:edit': {
        // S-8: titles are one line of text, descriptions paragraphs, both without control or non-characters.
        const title = f('title', 'string', true, () => this.pick(['Digitale Verwaltung', 'Glasfaser für alle', 'Ü „Schule“ 👍']), [
          '', '   ', 'x'.repeat(81), 'a\u0000b', 'Zeile\nzwei', 'a\u001Bb', 'a\u0085b', 'a\uFFFEb', 'a\uFDD0b', 'a\uD800b', ['Titel'], () => this.string(12) + '\u0007',
        ]);
        const description = f('description', 'string', false, () => 'Mehr dazu.\nZweite Zeile.', ['x'.repeat(501), 'a\u0000b', 'a\uFFFFb', 'a\u0007', ['x']]);
        const opIdField = f('opId', 'string', true, () => this.opId(), badOpId);
        return event === 'proposal:submit' ? [opIdField, title, description] : [opIdField, f('proposalId', 'string', true, () => 'p1', badId), title, description];
      }
      case 'proposal:support':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('proposalId', 'string', true, () => 'p1', badId),
          f('support', 'boolean', true, () => this.pick([true, false]), ['yes', 'true', 1, 0, null, [true]]),
        ];
      case 'proposal:merge':
        return [f('opId', 'string', true, () => this.opId(), badOpId), f('sourceId', 'string', true, () => 'p1', badId), f('targetId', 'string', true, () => 'p2', badId)];
      case 'proposal:decide':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('proposalId', 'string', true, () => 'p1', badId),
          f('status', 'string', true, () => this.pick(['open', 'accepted', 'rejected']), ['merged', 'ACCEPTED', '', 'accepted ', ...RESERVED, 'toString']),
        ];
      case 'collection:update':
        return [
          f('title', 'string', false, () => 'Themen sammeln', ['', '   ', 'x'.repeat(201), 'a\u0000', 'a\nb', ['Titel']]),
          f('date', 'nullableDate', false, () => '2026-11-24', ['', 'tomorrow', '2026-13-01', '2026/11/24', 20_261_124]),
          f('supportAllowed', 'boolean', false, () => true, ['yes', 'false', 1, 0, [false]]),
        ];
      case 'collection:phase':
        return [f('phase', 'string', true, () => this.pick(['lobby', 'collecting', 'closed', 'finalised']), ['', 'scoring', 'Collecting', 'open', ...RESERVED, 'valueOf'])];
      case 'statement:add':
      case 'statement:revise': {
        // S-8: a title is one line, a statement's text paragraphs and lists, both without control or non-characters.
        const opIdField = f('opId', 'string', true, () => this.opId(), badOpId);
        const title = f('title', 'string', true, () => this.pick(['Grundsatz: digital zuerst', 'Zukunftsbild Bildung']), ['', '   ', 'x'.repeat(121), 'a\nb', 'a\u0000b', 'a\uFFFEb', ['Titel']]);
        const text = f('text', 'string', true, () => 'Wir handeln gemeinsam.\n\n- offen\n- sicher', ['', '  \n ', 'x'.repeat(4001), 'a\u0000b', 'a\u0007', 'a\uFDD0b', ['Text']]);
        if (event === 'statement:revise') return [opIdField, f('statementId', 'string', true, () => 's1', badId), title, text];
        return [opIdField, f('kind', 'string', true, () => 'principle', ['', 'Principle', 'vision', ...RESERVED]), title, text];
      }
      case 'statement:withdraw':
        return [f('opId', 'string', true, () => this.opId(), badOpId), f('statementId', 'string', true, () => 's1', badId), f('withdrawn', 'boolean', true, () => this.pick([true, false]), ['yes', 1, 0, null, [true]])];
      case 'consent:open':
      case 'consent:close':
        return [f('opId', 'string', true, () => this.opId(), badOpId), f('statementId', 'string', true, () => 's1', badId)];
      case 'consent:answer':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('statementId', 'string', true, () => 's1', badId),
          f('round', 'int', true, () => 1 + this.int(3), [0, -1, 1.5, 1001, '1', NaN]),
          f('answer', 'string', true, () => this.pick(['consent', 'concern']), ['', 'Consent', 'veto', 'yes', ...RESERVED]),
          f('text', 'string', false, () => 'Bitte Datenschutz ergänzen.', ['x'.repeat(501), 'a\nb', 'a\u0000', 'a\uFFFF', ['x']]),
        ];
      case 'vision:update':
        return [
          f('title', 'string', false, () => 'Vision', ['', '   ', 'x'.repeat(201), 'a\u0000', 'a\nb', ['Titel']]),
          f('date', 'nullableDate', false, () => '2026-11-24', ['', 'tomorrow', '2026-13-01', 20_261_124]),
          f('votingUnit', 'string', false, () => this.pick(['organisation', 'person']), ['', 'Person', 'people', ...RESERVED]),
        ];
      case 'vision:phase':
        return [f('phase', 'string', true, () => this.pick(['lobby', 'running', 'finalised']), ['', 'collecting', 'Running', ...RESERVED, 'valueOf'])];
      case 'idea:put':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('title', 'string', false, () => 'Tablets für Grundschulen', ['', '   ', 'x'.repeat(81), 'a\nb', 'a\u0000b', 'a\uFFFEb', ['Titel']]),
          f('partners', 'string', false, () => 'Schulträger', ['x'.repeat(301), 'a\nb', 'a\u0007', ['x']]),
        ];
      case 'vote:open':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('mode', 'string', true, () => this.pick(['points', 'dots']), ['', 'Points', 'stars', ...RESERVED]),
          f('allowance', 'int', false, () => this.pick([5, 100]), [0, -1, 1.5, 1001, '100']),
          f('unit', 'string', false, () => this.pick(['organisation', 'person']), ['', 'Person', 'people', ...RESERVED]),
        ];
      case 'vote:close':
        return [f('opId', 'string', true, () => this.opId(), badOpId), f('voteId', 'string', true, () => 'v1', badId)];
      case 'vote:reveal':
        return [f('opId', 'string', true, () => this.opId(), badOpId), f('voteId', 'string', true, () => 'v1', badId), f('revealed', 'boolean', true, () => true, ['yes', 1, 0, null, [true]])];
      case 'points:set':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('voteId', 'string', true, () => 'v1', badId),
          f('ideaId', 'string', true, () => 'i1', badId),
          f('points', 'int', true, () => this.int(10), [-1, 1.5, 1001, '5', NaN]),
        ];
      case 'selection:override':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('ideaId', 'string', true, () => 'i1', badId),
          f('decision', 'nullableDate', true, () => this.pick(['include', 'exclude']), ['', 'in', 'Include', ...RESERVED]),
          f('reason', 'string', true, () => 'Kofinanzierung gesichert', ['', '   ', 'x'.repeat(501), 'a\nb', 'a\u0000', ['x']]),
        ];
      case 'profile:update':
        return [
          f('opId', 'string', true, () => this.opId(), badOpId),
          f('ideaId', 'string', true, () => 'i1', badId),
          f('status', 'string', false, () => this.pick(['planned', 'running']), ['', 'Planned', 'geplant', ...RESERVED]),
          f('timeline', 'string', false, () => '2021–2022', ['x'.repeat(201), 'a\nb', 'a\u0007', ['x']]),
        ];
      case 'selection:update':
        return [
          f('title', 'string', false, () => 'Projektauswahl', ['', '   ', 'x'.repeat(201), 'a\u0000', 'a\nb', ['Titel']]),
          // Costs and budgets (nullable amounts) are checked in tests/unit/money.test.ts and the deep-dive and selection tests.
          f('date', 'nullableDate', false, () => '2026-11-24', ['', 'tomorrow', '2026-13-01', 20_261_124]),
          f('rule', 'string', false, () => this.pick(['greedy', 'equalShares']), ['', 'Greedy', 'mes', ...RESERVED]),
        ];
      case 'selection:phase':
        return [f('phase', 'string', true, () => this.pick(['lobby', 'running', 'finalised']), ['', 'voting', 'Running', ...RESERVED, 'valueOf'])];
    }
  }

  /** A top-level payload that is not an object. */
  nonObject(base?: Record<string, unknown>): { args: unknown[]; strategy: string } {
    const choices: [string, () => unknown[]][] = [
      ['no payload', () => []],
      ['null', () => [null]],
      ['number', () => [this.pick([0, -0, 1, -1, 42, 3.14, 2 ** 53 + 2, Number.MAX_VALUE])]],
      ['NaN-like', () => [this.nanLike()]],
      ['NaN-like string', () => [this.nanLikeString()]],
      ['string', () => [this.string(40)]],
      ['big string', () => [this.bigString(10_000 + this.int(40_000))]],
      ['boolean', () => [this.pick([true, false])]],
      ['array', () => [this.pick<unknown>([[], [{}], [null], [1, 2, 3], [[]], [this.protoObject()]])]],
      ['deep array', () => [this.deepArray(100 + this.int(CLIENT_DEPTH - 99))]],
      ['binary', () => [this.binary()]],
    ];
    if (base) {
      choices.push(
        ['array instead of object', () => [[base]]],
        ['values instead of object', () => [Object.values(base)]],
        ['entries instead of object', () => [Object.entries(base)]],
      );
    }
    const [strategy, make] = this.pick(choices);
    return { args: make(), strategy };
  }

  deepArray(depth: number): unknown {
    let v: unknown = this.pick<unknown>([[], {}, 1, this.protoObject()]);
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }

  /** One payload for an event that takes an object with fields. */
  objectPayload(event: ClientEventName): { args: unknown[]; strategy: string } {
    const role = this.pick(['participant', 'facilitator', 'projector'] as const);
    const fields = this.fields(event, role);
    const base: Record<string, unknown> = {};
    for (const field of fields) if (field.required || this.chance(0.5)) base[field.name] = field.valid();
    const required = fields.filter((x) => x.required);
    const body: Record<string, unknown> = { ...base };
    const invalidate = (field: Field, value: unknown = field.invalid()) =>
      own(body, field.name, field.kind === 'defaultedObject' && value !== null && typeof value === 'object' && !Array.isArray(value) ? [value] : value);
    const s = this.int(100);
    let strategy: string;
    if (s < 14) return this.nonObject(base);
    if (s < 40) {
      strategy = 'wrong value';
      const n = 1 + this.int(2);
      for (let i = 0; i < n; i++) invalidate(this.pick(fields));
    } else if (s < 52 && required.length > 0) {
      strategy = 'missing key';
      const n = 1 + this.int(required.length);
      for (let i = 0; i < n; i++) delete body[this.pick(required).name];
      if (event === 'workshop:join' && body.role !== undefined && this.chance(0.5)) delete body.role;
      // Removing optional keys never makes a payload invalid: make sure one required key is gone.
      if (required.every((x) => body[x.name] !== undefined)) delete body[required[0]!.name];
    } else if (s < 64) {
      strategy = '__proto__ keys';
      const wrapped = JSON.parse(`{"${this.pick(RESERVED)}": ${JSON.stringify(base)}}`) as Record<string, unknown>;
      for (const key of Object.keys(body)) delete body[key];
      for (const [key, value] of Object.entries(wrapped)) own(body, key, value);
      if (this.chance(0.5)) own(body, 'constructor', JSON.parse('{"prototype":' + JSON.stringify(base) + '}'));
      // Optional-only schemas accept {}: one known key must be wrong as well.
      if (required.length === 0) invalidate(this.pick(fields), this.protoObject());
    } else if (s < 74) {
      strategy = 'deep nesting';
      invalidate(this.pick(fields), this.deep(100 + this.int(CLIENT_DEPTH - 99)));
    } else if (s < 82) {
      strategy = 'big string';
      const scalars = fields.filter((x) => x.kind === 'string' || x.kind === 'nullableInt' || x.kind === 'int');
      const target = this.pick(scalars.length > 0 ? scalars : fields);
      invalidate(target, this.bigString(10_000 + this.int(40_000)));
    } else if (s < 90) {
      strategy = 'NaN-like';
      const target = this.pick(fields);
      // "NaN" is a fine id and NaN becomes null on the wire: each kind gets the variant it refuses.
      const nullable = target.kind === 'nullableInt' || target.kind === 'nullableDate';
      invalidate(target, target.kind === 'string' ? this.nanLike() : nullable ? this.nanLikeString() : this.pick<unknown>([this.nanLike(), this.nanLikeString()]));
    } else {
      strategy = 'combined';
      const n = 2 + this.int(3);
      for (let i = 0; i < n; i++) {
        const field = this.pick(fields);
        if (field.required && this.chance(0.3)) delete body[field.name];
        else invalidate(field, this.chance(0.5) ? field.invalid() : this.wrongType(field.kind));
      }
      if (fields.every((x) => !x.required || body[x.name] !== undefined) && fields.every((x) => body[x.name] === base[x.name])) {
        invalidate(this.pick(fields));
      }
    }
    // Extra keys never repair a payload: none of them is a field of this event.
    if (this.chance(0.4)) {
      const names = new Set(this.fields(event, 'participant').concat(this.fields(event, 'facilitator')).map((x) => x.name));
      const extras = EXTRA_KEYS.filter((k) => !names.has(k));
      const n = 1 + this.int(4);
      for (let i = 0; i < n; i++) own(body, this.chance(0.2) ? this.string(10) + '#' : this.pick(extras), this.wrongType('string'));
      strategy += ' + extra keys';
    }
    return { args: [body], strategy };
  }

  next(event: ClientEventName): Fuzzed {
    const generated = event === 'state:get' || event === 'workshop:delete' || event === 'workshop:duplicate' || event === 'participant:list' ? this.nonObject() : this.objectPayload(event);
    let args = generated.args;
    let strategy = generated.strategy;
    // Only the first argument is the payload: a valid one after it must not be read.
    if (args.length === 1 && this.chance(0.03)) {
      args = [...args, event === 'workshop:join' ? { role: 'projector', code: this.ctx.code, protocolVersion: version } : {}];
      strategy += ' + second argument';
    }
    return { event, args, strategy };
  }
}

// ---------------------------------------------------------------------------
// Sending and checking

type Outcome = { kind: 'ack'; response: Ack<unknown> } | { kind: 'disconnected' } | { kind: 'timeout' };

function send(socket: Client, event: string, args: unknown[], timeoutMs = ACK_TIMEOUT_MS): Promise<Outcome> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(outcome);
    };
    const onDisconnect = () => finish({ kind: 'disconnected' });
    const timer = setTimeout(() => finish(socket.connected ? { kind: 'timeout' } : { kind: 'disconnected' }), timeoutMs);
    socket.on('disconnect', onDisconnect);
    try {
      (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args, (response: Ack<unknown>) =>
        finish({ kind: 'ack', response }),
      );
    } catch (error) {
      // A fault of this test (too deep for the client's encoder), not of the server: say so.
      throw new Error(`socket.io-client could not encode ${event} (depth ${depthOf(args)}): ${String(error)}`, { cause: error });
    }
  });
}

/** Why a refusal is not the documented one, or null when it is. */
function wrongRefusal(response: unknown, expected: ErrorCode | 'any'): string | null {
  if (!response || typeof response !== 'object') return `not an acknowledgement object: ${String(response)}`;
  const r = response as { ok?: unknown; code?: unknown; message?: unknown; details?: unknown };
  if (r.ok !== false) return `accepted: ${JSON.stringify(response).slice(0, 200)}`;
  if (typeof r.code !== 'string' || !(r.code in ERROR_CODES)) return `unknown code ${String(r.code)}`;
  if (expected !== 'any' && r.code !== expected) return `code ${r.code}, expected ${expected}`;
  if (r.message !== ERROR_CODES[r.code as ErrorCode]) return `message ${String(r.message)}`;
  if (r.code === 'BAD_REQUEST' && (!Array.isArray(r.details) || r.details.length === 0)) return 'BAD_REQUEST without details';
  return null;
}

function describePayload(args: unknown[]): string {
  if (args.length === 0) return '(no payload)';
  try {
    return toJson(wire(args, 'placeholder')).slice(0, 160);
  } catch {
    return '(unprintable)';
  }
}

const TABLES = ['workshops', 'participants', 'answer_log', 'answers', 'answer_ops'] as const;

function snapshotDb(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => `"${c.name}"`);
      snapshot[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all();
    }
    return snapshot;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------
// Raw frames over a bare WebSocket

type RawFrame = string | Buffer | { invalidUtf8: Buffer };

interface RawCase {
  label: string;
  /** Sent after the engine.io open packet, before the namespace is connected. */
  before?: RawFrame[];
  frames: RawFrame[];
  /** Acknowledgement ids that must be answered, with the event they carry (well-formed packets with malformed payloads). */
  expect?: Record<number, ClientEventName>;
  /** The frames leave the namespace ("41"): what follows in the same breath is dropped, the connection may stay open. */
  quiet?: boolean;
}

interface RawResult {
  acks: Map<number, unknown>;
  closed: number | null;
  probe: unknown;
  joined: boolean;
}

const PROBE_ID = 777_777;
const JOIN_ID = 0;

function rawCase(url: string, join: object | null, c: RawCase, timeoutMs = 3_000): Promise<RawResult> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const result: RawResult = { acks: new Map(), closed: null, probe: undefined, joined: join === null };
  const write = (frame: RawFrame) => {
    if (typeof frame === 'string' || Buffer.isBuffer(frame)) ws.send(frame);
    else ws.send(frame.invalidUtf8, { binary: false });
  };
  const sendFrames = () => {
    for (const frame of c.frames) write(frame);
    ws.send(`42${PROBE_ID}["state:get",{}]`);
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...result, acks: new Map(result.acks) });
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
    };
    const timer = setTimeout(finish, timeoutMs);
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      result.closed = code;
      finish();
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = (data as Buffer).toString();
      if (text.startsWith('0{')) {
        for (const frame of c.before ?? []) write(frame);
        ws.send('40');
      } else if (text === '2') {
        ws.send('3');
      } else if (text.startsWith('40')) {
        if (join) ws.send(`42${JOIN_ID}${JSON.stringify(['workshop:join', join])}`);
        else sendFrames();
      } else {
        const m = /^43(\d+)(\[.*)$/s.exec(text);
        if (!m) return;
        const id = Number(m[1]);
        const response = (JSON.parse(m[2]!) as unknown[])[0];
        if (id === JOIN_ID && join && !result.joined) {
          result.joined = (response as { ok?: boolean }).ok === true;
          if (result.joined) sendFrames();
          else finish();
        } else if (id === PROBE_ID) {
          result.probe = response;
          finish();
        } else {
          result.acks.set(id, response);
        }
      }
    });
  });
}

/** A well-formed event packet with an acknowledgement id and a payload given as JSON text. */
const packet = (id: number, event: string, json: string) => `42${id}["${event}",${json}]`;
const deepText = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth);

// ---------------------------------------------------------------------------

describe('fuzzing the socket boundary', () => {
  let server: TestServer;
  const logged: unknown[] = [];
  let ctx: Context;
  let facilitator: Client;
  let participantSession: ParticipantSession;
  const actors: { caller: Caller; socket: Client }[] = [];
  let dbBefore: Record<string, unknown[]>;
  let stateBefore: FacilitatorState;
  let prototypeBefore: string[];
  let arrayPrototypeBefore: string[];
  const validAnswers: { themeId: string; criterionId: string; value: number | null; participantId: string }[] = [];
  const counts = { payloads: 0, refused: new Map<string, number>(), disconnects: 0, oversized: 0, raw: 0, rawClosed: 0, lenientBinary: 0, resampled: 0 };
  const started = Date.now();
  const failures: string[] = [];
  const fail = (message: string) => {
    if (failures.length < 30) failures.push(message);
  };
  const countRefusal = (code: string) => counts.refused.set(code, (counts.refused.get(code) ?? 0) + 1);

  async function joinAs(caller: Caller, socket: Client): Promise<void> {
    if (caller === 'participant') await ok(socket, 'workshop:join', { role: 'participant', code: ctx.code, resumeToken: ctx.resumeToken, protocolVersion: version });
    if (caller === 'projector') await ok(socket, 'workshop:join', { role: 'projector', code: ctx.code, protocolVersion: version });
    if (caller === 'facilitator') await ok(socket, 'workshop:join', { role: 'facilitator', workshopId: ctx.workshopId, secret: ctx.secret, protocolVersion: version });
  }

  beforeAll(async () => {
    server = await startServer({
      eventBurst: 1_000_000,
      eventsPerSecond: 1_000_000,
      joinFailureBurst: 1_000_000,
      joinFailuresPerMinute: 1_000_000,
      log: (error) => logged.push(error),
    });
    const created = await createWorkshop(server.url);
    facilitator = connect(server.url);
    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'workshop:join', {
      role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version,
    });
    const tablet = connect(server.url);
    participantSession = await ok<ParticipantSession>(tablet, 'workshop:join', {
      role: 'participant', code: created.code, organisationId: 'coesfeld', displayName: 'Fuzzy', protocolVersion: version,
    });
    ctx = {
      code: created.code,
      workshopId: created.workshopId,
      secret: created.facilitatorSecret,
      resumeToken: participantSession.resumeToken,
      themes: state.workshop.config.themes.map((t) => t.id),
      criteria: state.workshop.config.criteria.map((c) => c.id),
      organisations: state.workshop.config.organisations.map((o) => o.id),
    };
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    // A few valid answers, so that "nothing changed" has something to keep.
    for (const [themeId, criterionId, value] of [['bildung', 'importance', 4], ['bildung', 'potential', null], ['kultur', 'importance', 2]] as const) {
      await ok<AnswerReceipt>(tablet, 'answer:set', { opId: `setup-${themeId}-${criterionId}`, themeId, criterionId, value });
      validAnswers.push({ themeId, criterionId, value, participantId: participantSession.participantId });
    }
    actors.push({ caller: 'participant', socket: tablet }, { caller: 'facilitator', socket: facilitator });
    for (const caller of ['guest', 'guest', 'guest', 'participant', 'projector', 'projector', 'facilitator'] as const) {
      const socket = connect(server.url);
      await joinAs(caller, socket);
      actors.push({ caller, socket });
    }
    stateBefore = (await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {})).state;
    dbBefore = snapshotDb(server.dbFile);
    prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    arrayPrototypeBefore = Object.getOwnPropertyNames(Array.prototype).sort();
  });

  afterAll(async () => {
    disconnectAll();
    await server?.close();
  });

  it('S-3/S-7: over 10,000 malformed payloads on every event, from every role, are refused with the documented code', async () => {
    const gen = new Generator(mulberry32(SEED), ctx);
    const rng = mulberry32(SEED ^ 0x5eed);
    const jobs: { fuzzed: Fuzzed; actor: { caller: Caller; socket: Client } }[] = [];
    for (let i = 0; i < PER_EVENT * CLIENT_EVENTS.length; i++) {
      const event = CLIENT_EVENTS[i % CLIENT_EVENTS.length]!;
      // Half go to a caller that may send the event, so that the payload is actually read.
      const allowed = actors.filter((a) => WHO[event].includes(a.caller));
      const actor = rng() < 0.5 ? allowed[Math.floor(rng() * allowed.length)]! : actors[Math.floor(rng() * actors.length)]!;
      let fuzzed: Fuzzed | null = null;
      for (let attempt = 0; attempt < 20 && !fuzzed; attempt++) {
        const candidate = gen.next(event);
        if (wireBytes(event, candidate.args) > UNDER_LIMIT || (containsBinary(candidate.args) && depthOf(candidate.args) > CLIENT_DEPTH_BINARY)) {
          counts.resampled++;
          continue;
        }
        const payload = candidate.args.length === 0 ? undefined : wire(candidate.args[0]);
        if (SCHEMAS[event].safeParse(payload).success) {
          // Only a binary payload may pass the schema (see the file comment); anything else is a generator bug.
          if (!containsBinary(candidate.args[0])) throw new Error(`generator made a valid ${event} payload: ${describePayload(candidate.args)}`);
          counts.lenientBinary++;
        }
        fuzzed = candidate;
      }
      if (fuzzed) jobs.push({ fuzzed, actor });
    }
    expect(jobs.length).toBeGreaterThanOrEqual(10_000);

    for (let from = 0; from < jobs.length; from += BATCH) {
      await Promise.all(
        jobs.slice(from, from + BATCH).map(async ({ fuzzed, actor }) => {
          const outcome = await send(actor.socket, fuzzed.event, fuzzed.args);
          counts.payloads++;
          const what = `${actor.caller} ${fuzzed.event} [${fuzzed.strategy}] ${describePayload(fuzzed.args)}`;
          if (outcome.kind === 'ack') {
            const why = wrongRefusal(outcome.response, expectedCode(actor.caller, fuzzed.event));
            if (why) fail(`${what}: ${why}`);
            else countRefusal((outcome.response as { code: string }).code);
          } else if (outcome.kind === 'disconnected') {
            counts.disconnects++;
            fail(`${what}: the connection was closed`);
          } else {
            fail(`${what}: no acknowledgement on a connected socket`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    for (const { socket } of actors) expect(socket.connected).toBe(true);
  });

  it('S-4: oversized messages close only their own connection and are never acknowledged as accepted', async () => {
    const gen = new Generator(mulberry32(SEED + 1), ctx);
    const shapes: ((bytes: number) => unknown)[] = [
      (bytes) => ({ opId: 'x'.repeat(bytes), themeId: 'bildung', criterionId: 'importance', value: 3 }),
      (bytes) => ({ title: '😀'.repeat(Math.ceil(bytes / 4)) }),
      (bytes) => 'ä'.repeat(Math.ceil(bytes / 2)),
      (bytes) => Array.from({ length: Math.ceil(bytes / 2) }, () => 0),
      (bytes) => Object.fromEntries(Array.from({ length: Math.ceil(bytes / 8) }, (_, i) => [`k${i}`, 1])),
      (bytes) => ({ role: 'projector', code: ctx.code, protocolVersion: version, pad: gen.bigString(bytes) }),
      (bytes) => [gen.deepArray(CLIENT_DEPTH), 'x'.repeat(bytes)],
      (bytes) => ({ opId: Buffer.alloc(bytes, 1), themeId: 'bildung', criterionId: 'importance', value: 3 }),
    ];
    const bystander = actors.find((a) => a.caller === 'projector')!.socket;
    const cases = 48;
    await Promise.all(
      Array.from({ length: cases }, async (_, i) => {
        const caller = CALLERS[i % CALLERS.length]!;
        const event = CLIENT_EVENTS[i % CLIENT_EVENTS.length]!;
        const shape = shapes[i % shapes.length]!;
        const payload = shape(OVER_LIMIT + gen.int(200_000));
        const socket = connect(server.url);
        await joinAs(caller, socket);
        const size = isBinary((payload as { opId?: unknown }).opId) ? OVER_LIMIT : wireBytes(event, [payload]);
        expect(size).toBeGreaterThan(64 * 1024);
        const outcome = await send(socket, event, [payload]);
        counts.oversized++;
        if (outcome.kind === 'ack') fail(`oversized ${caller} ${event}: acknowledged ${JSON.stringify(outcome.response).slice(0, 120)}`);
        else if (outcome.kind === 'timeout') fail(`oversized ${caller} ${event}: neither acknowledged nor closed`);
        else counts.disconnects++;
      }),
    );
    expect(failures).toEqual([]);
    expect(bystander.connected).toBe(true);
    expect(await ok(bystander, 'state:get', {})).toHaveProperty('state.workshop.id', ctx.workshopId);
  });

  it('S-3/S-4: raw engine.io and Socket.IO frames: garbage closes at most its own connection, malformed events are refused', async () => {
    const gen = new Generator(mulberry32(SEED + 2), ctx);
    const joins: Record<Caller, object | null> = {
      guest: null,
      participant: { role: 'participant', code: ctx.code, resumeToken: ctx.resumeToken, protocolVersion: version },
      projector: { role: 'projector', code: ctx.code, protocolVersion: version },
      facilitator: { role: 'facilitator', workshopId: ctx.workshopId, secret: ctx.secret, protocolVersion: version },
    };
    const valid = `{"opId":"raw-op-0001","themeId":"bildung","criterionId":"importance"`;
    const placeholder = '{"_placeholder":true,"num":0}';
    /** Well-formed packets whose payload is malformed; JSON text, so 1e999 (Infinity) and duplicate keys get through. */
    const malformed: [ClientEventName, string][] = [
      ['workshop:join', `{"role":"participant","code":{"__proto__":{}}}`],
      ['workshop:join', `{"__proto__":{"role":"projector","code":"${ctx.code}","protocolVersion":1}}`],
      ['workshop:join', `{"constructor":{"prototype":{"role":"facilitator","workshopId":"${ctx.workshopId}"}},"role":"facilitator","protocolVersion":1}`],
      ['workshop:join', `{"role":"projector","code":"${ctx.code}","protocolVersion":1e999}`],
      ['workshop:join', `{"role":"projector","code":"${ctx.code}","protocolVersion":-1e999}`],
      ['workshop:join', `{"role":"projector","role":"admin","code":"${ctx.code}","protocolVersion":1}`],
      ['workshop:join', `{"role":"facilitator","workshopId":"${ctx.workshopId}","secret":"${ctx.secret}\\u0000","protocolVersion":1}`],
      ['workshop:join', `{"role":"participant","code":"${ctx.code}","organisationId":"__proto__","protocolVersion":1}`],
      ['workshop:join', `{"role":"participant","code":"${ctx.code}","organisationId":"coesfeld","displayName":"${'x'.repeat(61)}","protocolVersion":1}`],
      ['workshop:join', `[{"role":"projector","code":"${ctx.code}","protocolVersion":1}]`],
      ['answer:set', `${valid},"value":1e999}`],
      ['answer:set', `${valid},"value":-1e999}`],
      ['answer:set', `${valid},"value":1.0000001}`],
      ['answer:set', `${valid},"value":"\\u0033"}`],
      ['answer:set', `{"__proto__":${valid},"value":3}}`],
      ['answer:set', `{"opId":"raw-op-0002","themeId":"bildung","themeId":"__proto__","criterionId":"importance","value":3}`],
      ['answer:set', `{"opId":"raw-op-0003","themeId":"bildung","criterionId":${deepText(5_000, '{"a":', '}')},"value":3}`],
      ['answer:set', `{"opId":"${'o'.repeat(60_000)}","themeId":"bildung","criterionId":"importance","value":3}`],
      ['answer:withdraw', `${valid.replace('raw-op-0001', 'short')}}`],
      ['answer:withdraw', deepText(30_000, '[', ']')],
      ['answer:batch', `{"answers":[${valid},"value":3}],"answers":"x"}`],
      ['answer:batch', `{"answers":{"0":${valid},"value":3},"length":1}}`],
      ['answer:batch', `{"answers":[${valid},"value":3,"withdraw":true}]}`],
      ['answer:batch', `{"answers":[${valid},"value":3}, {"__proto__":${valid},"value":3}}]}`],
      ['phase:set', `{"phase":"scoring\\u0000"}`],
      ['phase:set', `{"phase":"closed","phase":"bogus"}`],
      ['phase:set', `{"phase":{"__proto__":"closed"}}`],
      ['phase:set', `{"constructor":{"prototype":{"phase":"closed"}}}`],
      ['phase:set', `"closed"`],
      ['workshop:update', `{"title":${deepText(10_000, '{"a":', '}')}}`],
      ['workshop:update', `{"tierRule":{"weights":{"__proto__":5,"constructor":2},"priorityI":0.7,"priorityII":0.5,"minOrganisations":3,"discussSpread":0.25}}`],
      ['workshop:update', `{"title":"ok","scale":{"min":1e999,"max":5}}`],
      ['workshop:update', `[{"title":"Neuer Titel"}]`],
      ['workshop:update', `null`],
      ['state:get', deepText(30_000, '[', ']')],
      ['state:get', `[{"__proto__":{"polluted":"yes"}}]`],
      ['state:get', `1e999`],
      ['state:get', `"${'s'.repeat(60_000)}"`],
      ['workshop:delete', `[{}]`],
      ['workshop:delete', `0`],
      ['workshop:delete', `null`],
    ];
    for (const [event, json] of malformed) {
      expect(SCHEMAS[event].safeParse(JSON.parse(json)).success, `${event} ${json.slice(0, 80)} must be malformed`).toBe(false);
    }
    const ackCases: RawCase[] = malformed.map(([event, json], i) => ({ label: `${event} ${json.slice(0, 60)}`, frames: [packet(100 + i, event, json)], expect: { [100 + i]: event } }));
    // Binary attachments: a Buffer where an object or a string is expected.
    const binaryCases: [ClientEventName, string][] = [
      ['workshop:join', placeholder],
      ['answer:set', placeholder],
      ['answer:withdraw', `{"opId":${placeholder},"themeId":"bildung","criterionId":"importance"}`],
      ['phase:set', placeholder],
      ['phase:set', `{"phase":${placeholder}}`],
      ['workshop:update', `{"title":${placeholder}}`],
    ];
    binaryCases.forEach(([event, json], i) =>
      ackCases.push({ label: `binary ${event} ${json}`, frames: [`451-${200 + i}["${event}",${json}]`, Buffer.from([0, 1, 2, 0xff])], expect: { [200 + i]: event } }),
    );
    // Generated malformed payloads as raw packets.
    for (let i = 0; i < 60; i++) {
      const event = CLIENT_EVENTS[i % CLIENT_EVENTS.length]!;
      const { args } = gen.next(event);
      const payload = args.length === 0 ? undefined : wire(args[0]);
      if (payload === undefined || containsBinary(payload) || SCHEMAS[event].safeParse(payload).success) continue;
      const json = toJson(payload);
      if (Buffer.byteLength(json) > UNDER_LIMIT) continue;
      ackCases.push({ label: `generated ${event}`, frames: [packet(300 + i, event, json)], expect: { [300 + i]: event } });
    }
    // Depth 5,000 to 30,000, past what socket.io-client can encode: built as text, each within the 64 KiB limit.
    const deepValues = [
      deepText(5_000, '[', ']'),
      deepText(5_000, '{"a":', '}'),
      deepText(4_000, '{"__proto__":', '}'),
      deepText(1_800, '[{"constructor":{"prototype":', '}}]'),
      deepText(30_000, '[', ']'),
    ];
    const atField: Record<ClientEventName, (deep: string) => string> = {
      'workshop:join': (deep) => `{"role":"projector","code":${deep},"protocolVersion":1}`,
      'state:get': (deep) => `[${deep}]`,
      'answer:set': (deep) => `{"opId":"deep-op-0001","themeId":${deep},"criterionId":"importance","value":3}`,
      'answer:withdraw': (deep) => `{"opId":"deep-op-0002","themeId":"bildung","criterionId":${deep}}`,
      'answer:batch': (deep) => `{"answers":[{"opId":"deep-op-0003","themeId":"bildung","criterionId":"importance","value":${deep}}]}`,
      'workshop:update': (deep) => `{"title":${deep}}`,
      'phase:set': (deep) => `{"phase":${deep}}`,
      'workshop:delete': (deep) => `[${deep}]`,
      'consolidation:move': (deep) => `{"themeId":"bildung","tier":${deep},"reason":"Grund"}`,
      'projector:show': (deep) => `{"view":${deep}}`,
      'workshop:duplicate': (deep) => `[${deep}]`,
      'participant:list': (deep) => `[${deep}]`,
      'participant:move': (deep) => `{"participantId":${deep},"organisationId":"kreis"}`,
      'participant:remove': (deep) => `{"participantId":${deep}}`,
      'participant:switch': (deep) => `{"organisationId":${deep}}`,
      'proposal:submit': (deep) => `{"opId":"deep-op-0004","title":${deep}}`,
      'proposal:support': (deep) => `{"opId":"deep-op-0005","proposalId":"p1","support":${deep}}`,
      'proposal:edit': (deep) => `{"opId":"deep-op-0006","proposalId":${deep},"title":"Titel"}`,
      'proposal:merge': (deep) => `{"opId":"deep-op-0007","sourceId":"p1","targetId":${deep}}`,
      'proposal:decide': (deep) => `{"opId":"deep-op-0008","proposalId":"p1","status":${deep}}`,
      'collection:update': (deep) => `{"supportAllowed":${deep}}`,
      'collection:phase': (deep) => `{"phase":${deep}}`,
      'statement:add': (deep) => `{"opId":"deep-op-0009","kind":"principle","title":${deep},"text":"Text"}`,
      'statement:revise': (deep) => `{"opId":"deep-op-0010","statementId":"s1","title":"Titel","text":${deep}}`,
      'statement:withdraw': (deep) => `{"opId":"deep-op-0011","statementId":"s1","withdrawn":${deep}}`,
      'consent:open': (deep) => `{"opId":"deep-op-0012","statementId":${deep}}`,
      'consent:close': (deep) => `{"opId":${deep},"statementId":"s1"}`,
      'consent:answer': (deep) => `{"opId":"deep-op-0013","statementId":"s1","round":1,"answer":${deep}}`,
      'vision:update': (deep) => `{"votingUnit":${deep}}`,
      'vision:phase': (deep) => `{"phase":${deep}}`,
      'idea:put': (deep) => `{"opId":"deep-op-0014","title":${deep}}`,
      'vote:open': (deep) => `{"opId":"deep-op-0015","mode":${deep}}`,
      'vote:close': (deep) => `{"opId":"deep-op-0016","voteId":${deep}}`,
      'vote:reveal': (deep) => `{"opId":"deep-op-0017","voteId":"v1","revealed":${deep}}`,
      'points:set': (deep) => `{"opId":"deep-op-0018","voteId":"v1","ideaId":"i1","points":${deep}}`,
      'selection:override': (deep) => `{"opId":"deep-op-0019","ideaId":"i1","decision":${deep},"reason":"Grund"}`,
      'profile:update': (deep) => `{"opId":"deep-op-0020","ideaId":"i1","status":${deep}}`,
      'selection:update': (deep) => `{"rule":${deep}}`,
      'selection:phase': (deep) => `{"phase":${deep}}`,
    };
    CLIENT_EVENTS.forEach((event, e) =>
      deepValues.forEach((deep, d) => {
        const json = atField[event](deep);
        const id = 500 + e * 10 + d;
        expect(SCHEMAS[event].safeParse(JSON.parse(json)).success).toBe(false);
        expect(Buffer.byteLength(json)).toBeLessThan(UNDER_LIMIT + 1_000);
        ackCases.push({ label: `deep ${event} ${json.slice(0, 40)}`, frames: [packet(id, event, json)], expect: { [id]: event } });
      }),
    );

    const garbage: RawCase[] = [
      '42["answer:set",', '42[', '421[', '4299999999999["x"]', '4299999999999["answer:set",{}]', '420000000001["phase:set",{"phase":1}]',
      '2', '3', '6', '1', '5', '4', '40', '43["x"]', '44', '45', '46', '47', '49', '4a', '4 ', 'x', '', ' ', '\u0000', '0', '0{}',
      '421["disconnect"]', '421["connect"]', '421["newListener",{}]', '421["removeListener",{}]', '421["disconnecting"]', '421["connect_error"]',
      '421["__proto__",{}]', '421["constructor",{}]', '421["hasOwnProperty",{}]', '421["toString",{}]', '421[1,{}]', '421[null,{}]',
      '421[{"__proto__":{}},{}]', '421[["state:get"],{}]', '421[]', '421{}', '421null', '4213', '421"x"', '421[null]',
      '42-1["state:get",{}]', '421.5["state:get",{}]', '421e5["state:get",{}]', '42/admin,1["state:get",{}]', '42/,1["state:get",[]]',
      '42/__proto__,1["state:get",{}]', '421["answer:set",{"value":NaN}]', '421["answer:set",{"value":Infinity}]', "421['state:get',{}]",
      '421["state:get",{}]garbage', '421["state:get",{}]421["state:get",{}]', `421["${'e'.repeat(60_000)}",{}]`,
      `4${'2'.repeat(60_000)}`, `421${deepText(30_000, '[', ']', '"state:get"')}`,
      '451-1["answer:set",{"_placeholder":true,"num":5}]', '451-1["answer:set",{"_placeholder":true,"num":-1}]',
      '451-1["answer:set",{"_placeholder":true,"num":"0"}]', '4511-1["answer:set",{}]', '45a-1["answer:set",{}]', '450-1["answer:set",{}]',
      '452-1["answer:set",[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]]',
    ].map((frame) => ({ label: `garbage ${JSON.stringify(frame.slice(0, 50))}`, frames: [frame] }));
    garbage.push(
      { label: 'namespace disconnect "41"', frames: ['41'], quiet: true },
      { label: 'binary frame without a packet', frames: [Buffer.from([1, 2, 3])] },
      { label: 'empty binary frame', frames: [Buffer.alloc(0)] },
      { label: 'text frame with invalid UTF-8', frames: [{ invalidUtf8: Buffer.from([0x34, 0x32, 0xff, 0xfe, 0x5b]) }] },
      { label: 'binary event, text where the attachment belongs', frames: ['451-1["answer:set",{"_placeholder":true,"num":0}]', '421["state:get",{}]'] },
      { label: 'binary event, attachment 30,000 levels deep', frames: [`451-1["answer:set",${deepText(30_000, '[', ']', placeholder)}]`, Buffer.from([1])] },
      { label: 'attachment placeholder under __proto__', frames: [`451-1["answer:set",{"__proto__":${placeholder}}]`, Buffer.from([1])] },
      { label: 'message over the size limit', frames: [`421["state:get",{}]${'x'.repeat(OVER_LIMIT)}`] },
      { label: 'binary frame over the size limit', frames: ['451-1["answer:set",{"_placeholder":true,"num":0}]', Buffer.alloc(OVER_LIMIT)] },
      { label: 'event before the namespace is connected', before: ['42["workshop:join",{}]'], frames: [] },
      { label: 'garbage before the namespace is connected', before: ['4{', '2', Buffer.from([9])], frames: [] },
      { label: 'ack packet before the namespace is connected', before: ['431[]'], frames: [] },
      { label: 'connect to a namespace that does not exist', before: ['40/nope,'], frames: [] },
    );
    // Truncated well-formed packets: never valid JSON.
    for (let i = 0; i < 60; i++) {
      const [event, json] = malformed[i % malformed.length]!;
      const full = packet(400 + i, event, json);
      garbage.push({ label: `truncated ${event}`, frames: [full.slice(0, 3 + gen.int(Math.min(full.length - 4, 200)))] });
    }

    const runs: { caller: Caller; c: RawCase }[] = [];
    for (const c of [...ackCases, ...garbage]) {
      // Frames before the namespace is connected: only a guest, as nobody can join after them.
      for (const caller of c.before ? (['guest'] as const) : CALLERS) runs.push({ caller, c });
    }
    for (let from = 0; from < runs.length; from += 40) {
      await Promise.all(
        runs.slice(from, from + 40).map(async ({ caller, c }) => {
          const result = await rawCase(server.url, joins[caller], c, c.quiet ? 500 : 3_000);
          counts.raw += c.frames.length + (c.before?.length ?? 0);
          const what = `raw ${caller} ${c.label}`;
          if (!result.joined) {
            fail(`${what}: could not join`);
            return;
          }
          for (const [id, response] of result.acks) {
            const event = c.expect?.[id];
            const why = wrongRefusal(response, event ? expectedCode(caller, event) : 'any');
            if (why) fail(`${what}: ack ${id}: ${why}`);
            else countRefusal((response as { code: string }).code);
          }
          for (const id of Object.keys(c.expect ?? {})) {
            if (!result.acks.has(Number(id))) fail(`${what}: no acknowledgement for ${id} (closed: ${result.closed})`);
          }
          if (result.closed !== null) {
            counts.rawClosed++;
            counts.disconnects++;
            if (c.expect) fail(`${what}: a well-formed packet closed the connection (${result.closed})`);
          } else if (result.probe === undefined) {
            if (!c.quiet) fail(`${what}: the connection neither closed nor answered the next event`);
          } else {
            // Still open: the connection works as before.
            const why = caller === 'guest' ? wrongRefusal(result.probe, 'NOT_JOINED') : (result.probe as { ok?: boolean }).ok === true ? null : `probe refused ${JSON.stringify(result.probe)}`;
            if (why) fail(`${what}: afterwards ${why}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('S-7: afterwards no prototype has gained a property, the server never failed, and nothing has changed', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayPrototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(logged).toEqual([]);
    expect(server.app.httpServer.listening).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(state).toEqual(stateBefore);
    expect(snapshotDb(server.dbFile)).toEqual(dbBefore);
  });

  it('S-3: correct work goes on: a fresh participant joins and answers, the facilitator sees it, the database holds exactly the valid answers', async () => {
    const tablet = connect(server.url);
    const session = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: ctx.code, organisationId: 'olfen', protocolVersion: version });
    const receipt = await ok<AnswerReceipt>(tablet, 'answer:set', { opId: 'after-fuzz-0001', themeId: 'mobilitaet', criterionId: 'potential', value: 5 });
    expect(receipt).toEqual({ opId: 'after-fuzz-0001', themeId: 'mobilitaet', criterionId: 'potential', value: 5, withdrawn: false, duplicate: false });
    validAnswers.push({ themeId: 'mobilitaet', criterionId: 'potential', value: 5, participantId: session.participantId });
    // The fuzzed participant is still itself, with its answers.
    const again = await request<{ answers: unknown[] }>(actors[0]!.socket, 'state:get', {});
    expect(again).toMatchObject({ ok: true });

    const { state } = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(state.workshop.revision).toBe(stateBefore.workshop.revision);
    expect(state.progress.participants).toBe(stateBefore.progress.participants + 1);
    expect(state.progress.organisations.find((o) => o.organisationId === 'olfen')).toMatchObject({ participants: 1, answered: 1 });
    const cell = state.results.themes.find((t) => t.themeId === 'mobilitaet')!.criteria.find((c) => c.criterionId === 'potential')!;
    expect(cell).toMatchObject({ nPersons: 1, nOrganisations: 1, mean: 5 });

    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const answers = db.prepare('SELECT participant_id AS participantId, theme_id AS themeId, criterion_id AS criterionId, value FROM answers ORDER BY updated_at, theme_id, criterion_id').all();
      const sortKey = (a: { themeId: string; criterionId: string }) => `${a.themeId}/${a.criterionId}`;
      const sorted = <T extends { themeId: string; criterionId: string }>(list: T[]) => [...list].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
      expect(sorted(answers as typeof validAnswers)).toEqual(sorted(validAnswers));
      expect(db.prepare('SELECT count(*) AS n FROM answer_ops').get()).toEqual({ n: validAnswers.length });
      expect(db.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM workshops').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }

    const refused = [...counts.refused].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(
      `fuzz seed=${SEED}: ${counts.payloads} socket.io payloads + ${counts.oversized} oversized + ${counts.raw} raw frames; ` +
        `refused by code: ${refused}; disconnects ${counts.disconnects} (oversized ${counts.oversized}, raw ${counts.rawClosed}); ` +
        `accepted 0; binary payloads that zod alone would take for an object ${counts.lenientBinary}; resampled ${counts.resampled}; ${Date.now() - started} ms`,
    );
  });
});
