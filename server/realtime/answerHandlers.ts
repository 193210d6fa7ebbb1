/** A participant sets, changes or withdraws one answer, or several at once (SPEC D-1, D-2, D-4). */
import { answerBatchSchema, answerSetSchema, answerWithdrawSchema, fastAnswerBatch, fastAnswerSet, fastAnswerWithdraw } from '../../shared/schemas.js';
import type { AnswerReceipt } from '../../shared/protocol.js';
import type { AnswerEntry } from '../store/types.js';
import { defineHandler } from './handler.js';

const inReceipts = (receipts: AnswerReceipt[]) => ({ receipts });

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
    run: ({ room, session }, { answers }) => room!.submitBatch(session!.participantId!, answers as AnswerEntry[]).then(inReceipts),
  }),
];
