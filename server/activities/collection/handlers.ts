/** Theme collection's socket events (SPEC TC-2 … TC-8; docs/PROTOCOL.md "Theme collection"). */
import {
  collectionPhaseSchema,
  collectionUpdateSchema,
  proposalDecideSchema,
  proposalEditSchema,
  proposalMergeSchema,
  proposalSubmitSchema,
  proposalSupportSchema,
} from '../../../shared/activities/collection/schemas.js';
import { defineHandler } from '../../realtime/handler.js';
import { actorOf } from '../actor.js';
import { CollectionRoom } from './room.js';

/** A deep-dive's ideas are proposals with details: the same events serve both (DD-4). */
const BOARD = ['collection', 'deepdive'] as const;

export const collectionHandlers = [
  defineHandler('proposal:submit', {
    callers: ['participant', 'facilitator'],
    activity: BOARD,
    schema: proposalSubmitSchema,
    run: (ctx, { opId, title, description, idea }) =>
      ctx.room!.apply(actorOf(ctx), { type: 'submit', opId, proposalId: CollectionRoom.newProposalId(), title, description: description || null, organisationId: null, idea }, ctx.session!.organisationId ?? null),
  }),

  defineHandler('proposal:support', {
    callers: ['participant'],
    activity: BOARD,
    schema: proposalSupportSchema,
    run: (ctx, { opId, proposalId, support }) => ctx.room!.apply(actorOf(ctx), { type: 'support', opId, proposalId, support }),
  }),

  defineHandler('proposal:edit', {
    callers: ['facilitator'],
    activity: BOARD,
    schema: proposalEditSchema,
    run: (ctx, { opId, proposalId, title, description, idea }) => ctx.room!.apply(actorOf(ctx), { type: 'edit', opId, proposalId, title, description: description || null, idea }),
  }),

  defineHandler('proposal:merge', {
    callers: ['facilitator'],
    activity: BOARD,
    schema: proposalMergeSchema,
    run: (ctx, { opId, sourceId, targetId }) => ctx.room!.apply(actorOf(ctx), { type: 'merge', opId, sourceId, targetId }),
  }),

  defineHandler('proposal:decide', {
    callers: ['facilitator'],
    activity: BOARD,
    schema: proposalDecideSchema,
    run: (ctx, { opId, proposalId, status }) => ctx.room!.apply(actorOf(ctx), { type: 'decide', opId, proposalId, status }),
  }),

  defineHandler('collection:update', {
    callers: ['facilitator'],
    activity: BOARD,
    schema: collectionUpdateSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('collection:phase', {
    callers: ['facilitator'],
    activity: BOARD,
    schema: collectionPhaseSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),
];
