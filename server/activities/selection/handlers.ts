/** A project selection's socket events (SPEC SE-2 … SE-9; docs/PROTOCOL.md "Project selection"). */
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
} from '../../../shared/activities/selection/schemas.js';
import { defineHandler } from '../../realtime/handler.js';
import { actorOf } from '../actor.js';
import { SelectionRoom } from './room.js';

export const selectionHandlers = [
  defineHandler('idea:put', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: ideaPutSchema,
    run: (ctx, { opId, ideaId, ...fields }) => ctx.room!.apply(actorOf(ctx), { type: 'put', opId, ideaId: ideaId ?? SelectionRoom.newId(), isNew: ideaId === undefined, fields }),
  }),

  defineHandler('vote:open', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: voteOpenSchema,
    run: (ctx, { opId, mode, allowance, maxPerIdea, unit }) => ctx.room!.apply(actorOf(ctx), { type: 'open', opId, voteId: SelectionRoom.newId(), mode, allowance, maxPerIdea, unit }),
  }),

  defineHandler('vote:close', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: voteRefSchema,
    run: (ctx, { opId, voteId }) => ctx.room!.apply(actorOf(ctx), { type: 'close', opId, voteId }),
  }),

  defineHandler('vote:reveal', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: voteRevealSchema,
    run: (ctx, { opId, voteId, revealed }) => ctx.room!.apply(actorOf(ctx), { type: 'reveal', opId, voteId, revealed }),
  }),

  defineHandler('points:set', {
    callers: ['participant'],
    activity: 'selection',
    schema: pointsSetSchema,
    run: (ctx, payload) => ctx.room!.setPoints(ctx.session!.participantId!, payload),
  }),

  defineHandler('selection:override', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: overrideSchema,
    run: (ctx, { opId, ideaId, decision, reason }) => ctx.room!.apply(actorOf(ctx), { type: 'override', opId, ideaId, decision, reason: decision === null ? null : (reason ?? null) }),
  }),

  defineHandler('profile:update', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: profileSchema,
    run: (ctx, { opId, ideaId, goal, timeline, status }) => ctx.room!.apply(actorOf(ctx), { type: 'profile', opId, ideaId, goal, timeline, status }),
  }),

  defineHandler('selection:update', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: selectionUpdateSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('selection:phase', {
    callers: ['facilitator'],
    activity: 'selection',
    schema: selectionPhaseSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),
];
