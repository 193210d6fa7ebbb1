/**
 * Issue 17: `fastAnswerBatch` checks a tablet's batch without zod, and must
 * never be wider than `answerBatchSchema`: whatever it takes, the schema takes
 * too, with the same output. Random payloads, seeded: valid ballots and every
 * kind of mutation the fuzz test sends over the wire.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { answerBatchSchema, answerSetSchema, answerWithdrawSchema, fastAnswerBatch, fastAnswerSet, fastAnswerWithdraw } from '../../shared/schemas.js';

let seed = 20261128;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const ODD_VALUES: unknown[] = [
  '', 'x', 'a b', '__proto__', 'constructor', 'prototype', 'x'.repeat(64), 'x'.repeat(65), 'kurz', 'op-ok-0001', 'op id with space', 'ü-umlaut', '\u0000abcdefgh',
  0, 1, -1, 3, 5, 42, 1.5, -0, 2 ** 53, -(2 ** 53), NaN, Infinity, null, undefined, true, false, [], {}, ['op-00000001'], { value: 3 },
];

function validAnswer(i: number): Record<string, unknown> {
  const base = { opId: `op-${i}-${Math.floor(random() * 1e9).toString(36)}`, themeId: pick(['bildung', 'kultur', 'x_1', 'T-9']), criterionId: pick(['importance', 'potential']) };
  return random() < 0.15 ? { ...base, withdraw: true } : { ...base, value: random() < 0.2 ? null : 1 + Math.floor(random() * 5) };
}

function mutate(answer: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...answer };
  const key = pick(['opId', 'themeId', 'criterionId', 'value', 'withdraw', 'extra', '__proto__']);
  switch (pick(['set', 'delete', 'set'])) {
    case 'delete':
      delete copy[key];
      break;
    default:
      if (key === '__proto__') Object.defineProperty(copy, '__proto__', { value: pick(ODD_VALUES), enumerable: true });
      else copy[key] = pick(ODD_VALUES);
  }
  return copy;
}

function payload(): unknown {
  const roll = random();
  if (roll < 0.03) return pick([null, 'answers', 3, [], { answers: 'x' }, { answers: {} }, { answers: [] }, {}]);
  const count = roll < 0.06 ? pick([0, 100, 101, 150]) : 1 + Math.floor(random() * 20);
  const answers: unknown[] = Array.from({ length: count }, (_, i) => validAnswer(i));
  const mutations = random() < 0.4 ? 0 : 1 + Math.floor(random() * 3);
  for (let m = 0; m < mutations && answers.length > 0; m++) {
    const at = Math.floor(random() * answers.length);
    const r = random();
    if (r < 0.7) answers[at] = mutate(answers[at] as Record<string, unknown>);
    else if (r < 0.8) answers[at] = pick(ODD_VALUES);
    else if (r < 0.9 && answers.length > 1) (answers[at] as Record<string, unknown>).opId = (answers[0] as Record<string, unknown>).opId;
    else answers.push(validAnswer(at));
  }
  const body: Record<string, unknown> = { answers };
  if (random() < 0.1) body.extra = pick(ODD_VALUES);
  return body;
}

/**
 * 20,000 payloads: whatever the quick check takes, the schema takes too, with the same output; both
 * kinds occur in numbers (the quick check is used, and the schema refuses plenty of what it is given).
 */
function neverWider(fast: (payload: unknown) => unknown, schema: z.ZodType, payload: () => unknown): void {
  let taken = 0;
  let refusedBySchema = 0;
  for (let n = 0; n < 20_000; n++) {
    const p = payload();
    const quick = fast(p);
    const zod = schema.safeParse(p);
    if (!zod.success) refusedBySchema++;
    if (quick === undefined) continue;
    taken++;
    expect(zod.success, JSON.stringify(p)).toBe(true);
    expect(quick).toEqual(zod.data);
  }
  expect(taken).toBeGreaterThan(5_000);
  expect(refusedBySchema).toBeGreaterThan(5_000);
}

describe('fastAnswerBatch (issue 17)', () => {
  it('is never wider than the schema and answers the same output for 20,000 random payloads', () => {
    neverWider(fastAnswerBatch, answerBatchSchema, payload);
  });

  it('takes every plain ballot a tablet sends, so the schema is only asked about the unusual', () => {
    for (let n = 0; n < 2_000; n++) {
      const p = { answers: Array.from({ length: 1 + (n % 100) }, (_, i) => validAnswer(i)) };
      expect(fastAnswerBatch(p)).toEqual(answerBatchSchema.parse(p));
    }
  });

  it('leaves the refusals to the schema: a duplicate opId, both value and withdraw, a fraction, a reserved id', () => {
    const ok = { opId: 'op-00000001', themeId: 'bildung', criterionId: 'importance', value: 3 };
    const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ ...ok, opId: `op-${String(i).padStart(8, '0')}` }));
    for (const answers of [
      [ok, { ...ok }],
      // A duplicate among later answers, in a ballot and in a batch longer than one (found another way).
      [...numbered(3), numbered(3)[1]!],
      [...numbered(40), numbered(40)[31]!],
      [{ ...ok, withdraw: true }],
      [{ ...ok, value: 2.5 }],
      [{ ...ok, themeId: '__proto__' }],
      [{ ...ok, value: undefined }],
    ]) {
      expect(fastAnswerBatch({ answers })).toBeUndefined();
      expect(answerBatchSchema.safeParse({ answers }).success).toBe(false);
    }
  });

  it('takes only plain JSON of the exact shape, so that the transport may skip its binary check for it (S-3)', () => {
    const ok = { opId: 'op-00000001', themeId: 'bildung', criterionId: 'importance', value: 3 };
    const payload = { answers: [ok] };
    // Taken as it is: no copy per answer.
    expect(fastAnswerBatch(payload)).toBe(payload);
    for (const odd of [
      { answers: [ok], extra: Buffer.from('x') },
      { answers: [{ ...ok, value: Buffer.from('3') }] },
      { answers: [{ ...ok, note: 'x' }] },
      { answers: [Object.assign(Object.create(null) as object, ok)] },
      { answers: [ok], __proto__: { polluted: true } },
      JSON.parse('{"answers":[{"opId":"op-00000001","themeId":"bildung","criterionId":"importance","value":3,"__proto__":{"x":1}}]}') as unknown,
      Buffer.from(JSON.stringify(payload)),
    ]) {
      expect(fastAnswerBatch(odd)).toBeUndefined();
    }
  });
});

describe('fastAnswerSet and fastAnswerWithdraw (a tap, issue 17)', () => {
  const cases = [
    ['answer:set', fastAnswerSet, answerSetSchema, (i: number) => ({ ...validAnswer(i), withdraw: undefined })],
    ['answer:withdraw', fastAnswerWithdraw, answerWithdrawSchema, (i: number) => ({ ...validAnswer(i), value: undefined, withdraw: undefined })],
  ] as const;

  for (const [event, fast, schema, valid] of cases) {
    it(`${event}: never wider than its schema, the same output, for 20,000 random payloads`, () => {
      let n = 0;
      neverWider(fast, schema, () => {
        const base = JSON.parse(JSON.stringify(valid(n++))) as Record<string, unknown>;
        return random() < 0.05 ? pick(ODD_VALUES) : random() < 0.35 ? base : mutate(base);
      });
    });
  }

  it('takes a tablet’s taps as they are and leaves binary or odd shapes to the schema', () => {
    const tap = { opId: 'op-00000001', themeId: 'bildung', criterionId: 'importance', value: 3 };
    expect(fastAnswerSet(tap)).toBe(tap);
    expect(fastAnswerSet({ ...tap, value: null })).toEqual({ ...tap, value: null });
    const withdrawal = { opId: 'op-00000002', themeId: 'bildung', criterionId: 'importance' };
    expect(fastAnswerWithdraw(withdrawal)).toBe(withdrawal);
    for (const odd of [{ ...tap, value: Buffer.from('3') }, { ...tap, extra: 1 }, { ...tap, value: 2.5 }, { ...tap, opId: 'short' }, Object.assign(Object.create(null) as object, tap), Buffer.from(JSON.stringify(tap))]) {
      expect(fastAnswerSet(odd)).toBeUndefined();
    }
    expect(fastAnswerWithdraw(tap)).toBeUndefined();
  });
});

describe('the quick checks\' id alphabet (issue 17)', () => {
  it('takes a character in an opId, theme or criterion exactly where the schemas do: every code unit up to U+3000, and astral ones', () => {
    const characters = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).concat(['😀', '\ud800', '\udfff']);
    let taken = 0;
    for (const ch of characters) {
      for (const field of ['opId', 'themeId', 'criterionId'] as const) {
        const tap = { opId: 'op-00000001', themeId: 'bildung', criterionId: 'importance', value: 3, [field]: `id${ch}x0000001` };
        const schema = answerSetSchema.safeParse(tap).success;
        expect(fastAnswerSet(tap) !== undefined, `${field} with U+${ch.charCodeAt(0).toString(16)}`).toBe(schema);
        expect(fastAnswerBatch({ answers: [tap] }) !== undefined).toBe(answerBatchSchema.safeParse({ answers: [tap] }).success);
        if (schema) taken++;
      }
    }
    // Digits, letters of both cases, '_' and '-', in each of the three fields.
    expect(taken).toBe(3 * 64);
  });
});
