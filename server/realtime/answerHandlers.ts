/** A participant sets, changes or withdraws one answer (SPEC D-1, D-2). */
import { answerSetSchema, answerWithdrawSchema } from '../../shared/schemas.js';
import { defineHandler } from './handler.js';

export const answerHandlers = [
  defineHandler('answer:set', {
    callers: ['participant'],
    schema: answerSetSchema,
    run: ({ room, session }, { opId, themeId, criterionId, value }) =>
      room!.submit(session!.participantId!, { opId, themeId, criterionId, value }),
  }),

  defineHandler('answer:withdraw', {
    callers: ['participant'],
    schema: answerWithdrawSchema,
    run: ({ room, session }, { opId, themeId, criterionId }) =>
      room!.submit(session!.participantId!, { opId, themeId, criterionId, value: undefined }),
  }),
];
