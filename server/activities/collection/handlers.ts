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
import { defineHandler, type HandlerContext } from '../../realtime/handler.js';
import { CollectionRoom, facilitatorActor, participantActor } from './room.js';

/** The sender as the log names it: a participant, or the facilitator (by account or link, AC-9). */
function actorOf({ session }: HandlerContext<CollectionRoom>): string {
  return session!.role === 'participant' ? participantActor(session!.participantId!) : facilitatorActor(session!.actor?.accountId ?? null);
}

export const collectionHandlers = [
  defineHandler('proposal:submit', {
    callers: ['participant', 'facilitator'],
    activity: 'collection',
    schema: proposalSubmitSchema,
    run: (ctx, { opId, title, description }) =>
      ctx.room!.apply(actorOf(ctx), { type: 'submit', opId, proposalId: CollectionRoom.newProposalId(), title, description: description || null }, ctx.session!.organisationId ?? null),
  }),

  defineHandler('proposal:support', {
    callers: ['participant'],
    activity: 'collection',
    schema: proposalSupportSchema,
    run: (ctx, { opId, proposalId, support }) => ctx.room!.apply(actorOf(ctx), { type: 'support', opId, proposalId, support }),
  }),

  defineHandler('proposal:edit', {
    callers: ['facilitator'],
    activity: 'collection',
    schema: proposalEditSchema,
    run: (ctx, { opId, proposalId, title, description }) => ctx.room!.apply(actorOf(ctx), { type: 'edit', opId, proposalId, title, description: description || null }),
  }),

  defineHandler('proposal:merge', {
    callers: ['facilitator'],
    activity: 'collection',
    schema: proposalMergeSchema,
    run: (ctx, { opId, sourceId, targetId }) => ctx.room!.apply(actorOf(ctx), { type: 'merge', opId, sourceId, targetId }),
  }),

  defineHandler('proposal:decide', {
    callers: ['facilitator'],
    activity: 'collection',
    schema: proposalDecideSchema,
    run: (ctx, { opId, proposalId, status }) => ctx.room!.apply(actorOf(ctx), { type: 'decide', opId, proposalId, status }),
  }),

  defineHandler('collection:update', {
    callers: ['facilitator'],
    activity: 'collection',
    schema: collectionUpdateSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('collection:phase', {
    callers: ['facilitator'],
    activity: 'collection',
    schema: collectionPhaseSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),
];
