/** What only the facilitator may do: edit the workshop and move it through its phases. */
import { emptySchema, phaseSetSchema, workshopPatchSchema } from '../../shared/schemas.js';
import { defineHandler } from './handler.js';

export const facilitationHandlers = [
  defineHandler('workshop:update', {
    callers: ['facilitator'],
    schema: workshopPatchSchema,
    run: ({ room }, patch) => room!.update(patch),
  }),

  defineHandler('phase:set', {
    callers: ['facilitator'],
    schema: phaseSetSchema,
    run: ({ room }, { phase }) => room!.setPhase(phase),
  }),

  defineHandler('workshop:delete', {
    callers: ['facilitator'],
    schema: emptySchema,
    async run({ room, deps }) {
      const id = room!.id;
      await deps.rooms.delete(id);
      deps.onDeleted(id);
      return { deleted: true as const };
    },
  }),
];
