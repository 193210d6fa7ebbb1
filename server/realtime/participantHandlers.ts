/**
 * Fixing who a tablet rates for (SPEC J-5, J-6): the facilitator lists the
 * tablets, moves one to another organisation or removes it; a participant
 * switches their own organisation. The tablets concerned are told through their
 * participant's socket room, on whichever node they are connected.
 */
import { emptySchema, participantMoveSchema, participantRemoveSchema, participantSwitchSchema } from '../../shared/schemas.js';
import type { ParticipantEntry } from '../../shared/protocol.js';
import { audienceRoom, participantRoom } from './broadcaster.js';
import { defineHandler, type CallerSocket } from './handler.js';

/** The participant's connections leave their old organisation's room, join the new one's, and are told. */
function moved(socket: CallerSocket, workshopId: string, from: string, entry: ParticipantEntry): void {
  if (from === entry.organisationId) return;
  const own = socket.nsp.in(participantRoom(workshopId, entry.participantId));
  own.socketsLeave(audienceRoom(workshopId, 'participant', from));
  own.socketsJoin(audienceRoom(workshopId, 'participant', entry.organisationId));
  own.emit('participant:moved', { organisationId: entry.organisationId });
}

export const participantHandlers = [
  defineHandler('participant:list', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: emptySchema,
    run: async ({ room }) => ({ participants: room!.participantList() }),
  }),

  defineHandler('participant:move', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: participantMoveSchema,
    async run({ room, socket }, { participantId, organisationId }) {
      const from = room!.organisationOf(participantId);
      const entry = await room!.move(participantId, organisationId);
      if (from) moved(socket, room!.id, from, entry);
      return entry;
    },
  }),

  defineHandler('participant:switch', {
    callers: ['participant'],
    activity: 'quickcheck',
    schema: participantSwitchSchema,
    async run({ room, socket, session }, { organisationId }) {
      const participantId = session!.participantId!;
      const from = room!.organisationOf(participantId);
      const entry = await room!.move(participantId, organisationId);
      if (from) moved(socket, room!.id, from, entry);
      return entry;
    },
  }),

  defineHandler('participant:remove', {
    callers: ['facilitator'],
    activity: 'quickcheck',
    schema: participantRemoveSchema,
    async run({ room, socket }, { participantId }) {
      const result = await room!.remove(participantId);
      const own = socket.nsp.in(participantRoom(room!.id, participantId));
      // After the facilitator's acknowledgement; not forced, so that the notice arrives before the close.
      setImmediate(() => {
        own.emit('participant:removed');
        own.disconnectSockets(false);
      });
      return result;
    },
  }),
];
