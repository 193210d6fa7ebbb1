/** A vision step's socket events (SPEC VI-2 … VI-8; docs/PROTOCOL.md "Vision"). */
import {
  consentAnswerSchema,
  consentRoundSchema,
  statementAddSchema,
  statementReviseSchema,
  statementWithdrawSchema,
  visionPhaseSchema,
  visionUpdateSchema,
} from '../../../shared/activities/vision/schemas.js';
import { defineHandler } from '../../realtime/handler.js';
import { actorOf } from '../actor.js';
import { VisionRoom } from './room.js';

export const visionHandlers = [
  defineHandler('statement:add', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: statementAddSchema,
    run: (ctx, { opId, kind, themeId, title, text }) =>
      ctx.room!.apply(actorOf(ctx), { type: 'add', opId, statementId: VisionRoom.newStatementId(), kind, themeId: kind === 'picture' ? (themeId ?? null) : null, title, text }),
  }),

  defineHandler('statement:revise', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: statementReviseSchema,
    run: (ctx, { opId, statementId, title, text }) => ctx.room!.apply(actorOf(ctx), { type: 'revise', opId, statementId, title, text }),
  }),

  defineHandler('statement:withdraw', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: statementWithdrawSchema,
    run: (ctx, { opId, statementId, withdrawn }) => ctx.room!.apply(actorOf(ctx), { type: 'withdraw', opId, statementId, withdrawn }),
  }),

  defineHandler('consent:open', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: consentRoundSchema,
    run: (ctx, { opId, statementId }) => ctx.room!.apply(actorOf(ctx), { type: 'open', opId, statementId }),
  }),

  defineHandler('consent:close', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: consentRoundSchema,
    run: (ctx, { opId, statementId }) => ctx.room!.apply(actorOf(ctx), { type: 'close', opId, statementId }),
  }),

  defineHandler('consent:answer', {
    callers: ['participant'],
    activity: 'vision',
    schema: consentAnswerSchema,
    run: (ctx, { opId, statementId, round, answer, text }) => ctx.room!.answer(ctx.session!.participantId!, { opId, statementId, round, answer, text: text || null }),
  }),

  defineHandler('vision:update', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: visionUpdateSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('vision:phase', {
    callers: ['facilitator'],
    activity: 'vision',
    schema: visionPhaseSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),
];
