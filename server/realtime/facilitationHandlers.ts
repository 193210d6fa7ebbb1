/** What only the facilitator may do: edit the workshop, move it through its phases, consolidate, copy, delete. */
import { decisionRequestSchema, emptySchema, phaseSetSchema, projectorShowSchema, workshopPatchSchema } from '../../shared/schemas.js';
import { defineHandler } from './handler.js';

export const facilitationHandlers = [
  defineHandler('workshop:update', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: workshopPatchSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('phase:set', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: phaseSetSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),

  defineHandler('consolidation:move', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: decisionRequestSchema,
    run: ({ room, session }, request) => room!.decide(request, session!.actor ?? null),
  }),

  defineHandler('projector:show', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: projectorShowSchema,
    run: ({ room }, { view }) => room!.showOnProjector(view),
  }),

  defineHandler('workshop:duplicate', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: emptySchema,
    run: ({ room, deps }) => deps.rooms.duplicate(room!),
  }),

  defineHandler('workshop:delete', {
    callers: ['facilitator'],
    activity: 'any',
    schema: emptySchema,
    async run({ room, deps }) {
      const id = room!.id;
      await deps.rooms.delete(id);
      deps.onDeleted(id);
      return { deleted: true as const };
    },
  }),
];
