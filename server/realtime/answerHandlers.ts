/** A participant sets, changes or withdraws one answer, or several at once (SPEC D-1, D-2, D-4). */
import { answerBatchSchema, answerSetSchema, answerWithdrawSchema, fastAnswerBatch, fastAnswerSet, fastAnswerWithdraw } from '../../shared/schemas.js';
import type { AnswerReceipt, BatchReceipt } from '../../shared/protocol.js';
import type { AnswerValue } from '../../shared/domain/tally.js';
import type { AnswerEntry } from '../store/types.js';
import { defineHandler } from './handler.js';
import { JsonText } from './jsonEncoder.js';

/** The answer receipt's keys that a batch's receipt carries (toBatchReceipt): a key added to AnswerReceipt fails to compile here until it is decided. */
type Decided = 'opId' | 'themeId' | 'criterionId' | 'value' | 'withdrawn' | 'duplicate';
type NoneLeft<T extends never> = T;
type _EveryReceiptKeyDecided = NoneLeft<Exclude<keyof AnswerReceipt, Decided>>;

/** An answer's receipt as a batch's acknowledgement carries it (SPEC D-4): theme and criterion are the entry's, flags only when true. */
export function toBatchReceipt(r: AnswerReceipt): BatchReceipt {
  return {
    opId: r.opId,
    ...(r.value !== undefined ? { value: r.value } : {}),
    ...(r.withdrawn ? { withdrawn: true as const } : {}),
    ...(r.duplicate ? { duplicate: true as const } : {}),
  };
}

/** `","value":3` and the like, kept: values come from the workshop's scale (at most 11 steps), so the texts are few. */
const valueTexts = new Map<number | null, string>();
function valueText(value: AnswerValue | undefined): string {
  if (value === undefined) return '"';
  let text = valueTexts.get(value);
  if (text === undefined) {
    text = `","value":${JSON.stringify(value)}`;
    if (valueTexts.size < 256) valueTexts.set(value, text);
  }
  return text;
}
const FLAGS = ['}', ',"duplicate":true}', ',"withdrawn":true}', ',"withdrawn":true,"duplicate":true}'];

/**
 * `{ receipts }` of a batch, each receipt as toBatchReceipt has it, as the JSON text `JSON.stringify`
 * writes (tests/unit/receiptsJson.test.ts), written directly (issue 17). Ids need no escaping: only
 * letters, digits, "_" and "-" pass the checks at the boundary (opIdSchema, and the batch's quick
 * check, which is never wider); a value is an integer, null, or undefined (left out).
 */
export function receiptsJson(receipts: readonly AnswerReceipt[]): JsonText<{ receipts: BatchReceipt[] }> {
  // The pieces in one array made at its size and joined once: one flat string and no text in between
  // (a text grown by `+` or a template is a tree of pieces, copied again when it is flattened; issue 17).
  const parts: string[] = new Array(receipts.length * 4 + 2);
  let k = 0;
  parts[k++] = '{"receipts":[';
  for (let i = 0; i < receipts.length; i++) {
    const r = receipts[i]!;
    parts[k++] = i === 0 ? '{"opId":"' : ',{"opId":"';
    parts[k++] = r.opId;
    parts[k++] = valueText(r.value);
    parts[k++] = FLAGS[(r.withdrawn ? 2 : 0) + (r.duplicate ? 1 : 0)]!;
  }
  parts[k] = ']}';
  // Relayed to another node (server/cluster), the text is parsed there again: no objects per receipt here.
  return new JsonText(parts.join(''));
}

export const answerHandlers = [
  defineHandler('answer:set', {
    callers: ['participant'],
    activity: 'quickcheck',
    schema: answerSetSchema,
    fast: fastAnswerSet,
    run: ({ room, session }, { opId, themeId, criterionId, value }) =>
      room!.submit(session!.participantId!, { opId, themeId, criterionId, value }),
  }),

  defineHandler('answer:withdraw', {
    callers: ['participant'],
    activity: 'quickcheck',
    schema: answerWithdrawSchema,
    fast: fastAnswerWithdraw,
    run: ({ room, session }, { opId, themeId, criterionId }) =>
      room!.submit(session!.participantId!, { opId, themeId, criterionId, value: undefined }),
  }),

  defineHandler('answer:batch', {
    callers: ['participant'],
    activity: 'quickcheck',
    schema: answerBatchSchema,
    fast: fastAnswerBatch,
    // A withdrawal has no value (undefined): the entries are answer requests as they come.
    run: ({ room, session }, { answers }) => room!.submitBatch(session!.participantId!, answers as AnswerEntry[]).then(receiptsJson),
  }),
];
