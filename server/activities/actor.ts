/** The sender of a logged activity's operation as its log names it: a participant, or the facilitator (by account or link, AC-9). */
import { facilitatorActor, participantActor, type ActorKey } from '../../shared/activities/log.js';
import type { HandlerContext } from '../realtime/handler.js';

export function actorOf({ session }: Pick<HandlerContext, 'session'>): ActorKey {
  return session!.role === 'participant' ? participantActor(session!.participantId!) : facilitatorActor(session!.actor?.accountId ?? null);
}
