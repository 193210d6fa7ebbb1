/**
 * Issue 17: a ballot's receipts go out as JSON text written directly
 * (server/realtime/answerHandlers.ts, receiptsJson), each as toBatchReceipt
 * has it. It must be exactly what `JSON.stringify` writes, and its ids must
 * need no escaping: whatever id the boundary lets through is written the same
 * with or without `JSON.stringify`.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerReceipt } from '../../shared/protocol.js';
import { answerBatchSchema, fastAnswerBatch, idSchema } from '../../shared/schemas.js';
import { receiptsJson, toBatchReceipt } from '../../server/realtime/answerHandlers.js';
import { JsonText } from '../../server/realtime/jsonEncoder.js';

let seed = 20261129;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const id = () => Array.from({ length: 1 + Math.floor(random() * 64) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

function receipt(): AnswerReceipt {
  const roll = random();
  const value = roll < 0.2 ? undefined : roll < 0.35 ? null : Math.floor(random() * 11) - 5;
  return { opId: id(), themeId: id(), criterionId: id(), value, withdrawn: value === undefined, duplicate: random() < 0.3 };
}

describe('receipts written as JSON text', () => {
  it('are exactly what JSON.stringify writes, for withdrawals, abstentions, values and duplicates alike', () => {
    for (let n = 0; n < 500; n++) {
      const receipts = Array.from({ length: Math.floor(random() * 20) }, receipt);
      const written = receiptsJson(receipts);
      expect(written.text).toBe(JSON.stringify({ receipts: receipts.map(toBatchReceipt) }));
      // Elsewhere (a reply relayed between nodes) it serialises to the value it stands for.
      expect(JSON.stringify({ ok: true, data: written })).toBe(JSON.stringify({ ok: true, data: { receipts: receipts.map(toBatchReceipt) } }));
    }
  });

  it('holds for the receipt as the room builds it, and for a value of -0 (written as 0)', () => {
    const built: AnswerReceipt = { opId: 'b0-1', themeId: 'bildung', criterionId: 'importance', value: -0, withdrawn: false, duplicate: false };
    expect(receiptsJson([built]).text).toBe('{"receipts":[{"opId":"b0-1","value":0}]}');
    const withdrawn: AnswerReceipt = { ...built, value: undefined, withdrawn: true, duplicate: true };
    expect(receiptsJson([built, withdrawn]).text).toBe('{"receipts":[{"opId":"b0-1","value":0},{"opId":"b0-1","withdrawn":true,"duplicate":true}]}');
    expect(receiptsJson([]).text).toBe('{"receipts":[]}');
    expect(new JsonText('{"a":[1,null]}').toJSON()).toEqual({ a: [1, null] });
  });

  it('only ever meets ids that JSON writes without escaping: every code unit the id schema or the batch check lets through', () => {
    const admitted: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const candidate = `op${char}id`;
      const bySchema = idSchema.safeParse(candidate).success;
      const byQuickCheck = fastAnswerBatch({ answers: [{ opId: `${candidate}-12345678`, themeId: candidate, criterionId: candidate, value: 1 }] }) !== undefined;
      // The batch's own schema (opIdSchema for the opId, idSchema for the others), each id on its own.
      const entry = { opId: 'op-12345678', themeId: 'theme', criterionId: 'criterion', value: 1 };
      const byBatchSchema = (['opId', 'themeId', 'criterionId'] as const).some(
        (key) => answerBatchSchema.safeParse({ answers: [{ ...entry, [key]: key === 'opId' ? `${candidate}-12345678` : candidate }] }).success,
      );
      if (bySchema || byQuickCheck || byBatchSchema) {
        admitted.push(char);
        expect(JSON.stringify(candidate)).toBe(`"${candidate}"`);
      }
    }
    // The alphabet and nothing else.
    expect(admitted.sort().join('')).toBe([...ALPHABET].sort().join(''));
    expect(answerBatchSchema.safeParse({ answers: [{ opId: 'op"id-1234', themeId: 'a', criterionId: 'b', value: 1 }] }).success).toBe(false);
  });
});
