/** A participant sets, changes or withdraws one answer, or several at once (SPEC D-1, D-2, D-4). */
import { answerBatchSchema, answerSetSchema, answerWithdrawSchema, fastAnswerBatch, fastAnswerSet, fastAnswerWithdraw } from '../../shared/schemas.js';
import type { AnswerReceipt } from '../../shared/protocol.js';
import type { AnswerEntry } from '../store/types.js';
import { defineHandler } from './handler.js';
import { JsonText } from './jsonEncoder.js';

/** The receipt's keys in the order the room builds them (server/rooms/room.ts, receipt): a key added to AnswerReceipt fails to compile here until it is written below too. */
type WrittenKey = 'opId' | 'themeId' | 'criterionId' | 'value' | 'withdrawn' | 'duplicate';
type NoneLeft<T extends never> = T;
type _EveryReceiptKeyWritten = NoneLeft<Exclude<keyof AnswerReceipt, WrittenKey>>;

/**
 * `{ receipts }` as the JSON text `JSON.stringify` writes (tests/unit/receiptsJson.test.ts), written
 * directly (issue 17: for a ballot's sixteen receipts about half the time, the Buffer's copy included).
 * Ids need no escaping: only letters, digits, "_" and "-" pass the checks at the boundary (idSchema and
 * opIdSchema, and the batch's quick check, which is never wider); a value is an integer, null, or undefined (left out).
 */
export function receiptsJson(receipts: readonly AnswerReceipt[]): JsonText<{ receipts: AnswerReceipt[] }> {
  // One flat string by join: a text grown by `+` is a tree of pieces, which the collector copies piece by
  // piece while the acknowledgement waits to be written (slower than JSON.stringify at 3,000 ballots).
  const parts: string[] = [];
  for (const r of receipts) {
    const value = r.value === undefined ? '' : `"value":${r.value},`;
    parts.push(`{"opId":"${r.opId}","themeId":"${r.themeId}","criterionId":"${r.criterionId}",${value}"withdrawn":${r.withdrawn},"duplicate":${r.duplicate}}`);
  }
  // The receipts go along for a reply relayed to another node (serialised there as the value, not parsed again).
  return new JsonText(`{"receipts":[${parts.join(',')}]}`, { receipts: receipts as AnswerReceipt[] });
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
