/** What only the facilitator may do: edit the workshop and move it through its phases. */
import { phaseSetSchema, workshopPatchSchema } from '../../shared/schemas.js';
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
];
