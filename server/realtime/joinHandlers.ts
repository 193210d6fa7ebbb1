/** Joining a workshop in one of the three roles, and resynchronising after a reconnect. */
import type { z } from 'zod';
import { PROTOCOL_VERSION, type AnySession, type ErrorCode, type Resync } from '../../shared/protocol.js';
import { emptySchema, joinSchema } from '../../shared/schemas.js';
import { KonsensError } from '../errors.js';
import { LoggedRoom } from '../activities/loggedRoom.js';
import type { LiveRoom } from '../rooms/liveRoom.js';
import { Room } from '../rooms/room.js';
import type { Actor } from '../../shared/accounts.js';
import { readCookie, SESSION_COOKIE } from '../accounts/cookies.js';
import { mayFacilitateWorkshop } from '../processes/access.js';
import { clientAddress } from '../security/address.js';
import { audienceRoom, participantRoom } from './broadcaster.js';
import { defineHandler, type HandlerContext, type SocketData, type SocketSession } from './handler.js';

/**
 * Refusals that may be guessing: they count against the address (SPEC S-6). An unknown resume
 * token (192 random bits) cannot be guessed, and whole rooms resume at once after a server reset.
 */
const FAILED_JOIN: ReadonlySet<ErrorCode> = new Set(['NOT_FOUND', 'UNAUTHORISED']);

async function roomOrNotFound(find: Promise<LiveRoom | undefined>): Promise<LiveRoom> {
  const room = await find;
  if (!room) throw new KonsensError('NOT_FOUND');
  return room;
}

function enter(ctx: HandlerContext, room: LiveRoom, session: SocketSession): void {
  (ctx.socket.data as SocketData).session = session;
  // Everyone is also in the workshop's own room (its id), e.g. to be told that it was deleted.
  const rooms = [room.id, audienceRoom(room.id, session.role)];
  if (session.organisationId) rooms.push(audienceRoom(room.id, session.role, session.organisationId));
  if (session.participantId) rooms.push(participantRoom(room.id, session.participantId));
  void ctx.socket.join(rooms);
}

/**
 * AC-7: a signed-in facilitator of the workshop's process (the session cookie
 * came with the connection); AC-8: or the holder of its co-facilitation link.
 * The connection joins a room named after its session or link, so that
 * signing out, disabling the account or a new link closes it (AC-6).
 */
async function facilitatorOf(ctx: HandlerContext, room: LiveRoom, secret: string | undefined): Promise<Actor> {
  if (secret !== undefined) {
    if (!room.verifyFacilitator(secret)) throw new KonsensError('UNAUTHORISED');
    void ctx.socket.join(linkRoom(room.id));
    return { accountId: null, name: LINK_ACTOR };
  }
  const signedIn = await ctx.deps.accounts.authenticate(readCookie(ctx.socket.handshake.headers, SESSION_COOKIE));
  if (!signedIn) throw new KonsensError('NOT_SIGNED_IN');
  if (!(await mayFacilitateWorkshop(ctx.deps.store, signedIn.account, room.id))) throw new KonsensError('FORBIDDEN');
  void ctx.socket.join(sessionRoom(signedIn.sessionHash));
  return { accountId: signedIn.account.id, name: signedIn.account.name };
}

/** The name decisions taken through a co-facilitation link are recorded under. */
export const LINK_ACTOR = 'Co-Moderation (Link)';

export const sessionRoom = (sessionHash: string) => `session:${sessionHash}`;
export const linkRoom = (workshopId: string) => `link:${workshopId}`;

async function joinAs(ctx: HandlerContext, payload: z.output<typeof joinSchema>): Promise<AnySession> {
  switch (payload.role) {
    case 'participant': {
      const room = await roomOrNotFound(ctx.deps.rooms.byCode(payload.code));
      const { participant, resumeToken } = await room.join(payload);
      const { id: participantId, organisationId, displayName } = participant;
      enter(ctx, room, { workshopId: room.id, role: 'participant', participantId, organisationId });
      const common = { role: 'participant' as const, participantId, organisationId, displayName, resumeToken };
      if (room instanceof LoggedRoom) {
        return { ...common, activity: room.kind, ...room.own(participantId), state: room.stateFor('participant', organisationId) } as AnySession;
      }
      const quickCheck = room as Room;
      return { ...common, answers: quickCheck.ownAnswers(participantId), state: quickCheck.participantState(organisationId) };
    }
    case 'facilitator': {
      const room = await roomOrNotFound(ctx.deps.rooms.get(payload.workshopId));
      const actor = await facilitatorOf(ctx, room, payload.secret);
      enter(ctx, room, { workshopId: room.id, role: 'facilitator', actor });
      return { role: 'facilitator', state: room.stateFor('facilitator') } as AnySession;
    }
    case 'projector': {
      const room = await roomOrNotFound(ctx.deps.rooms.byCode(payload.code));
      enter(ctx, room, { workshopId: room.id, role: 'projector' });
      return { role: 'projector', state: room.stateFor('projector') } as AnySession;
    }
  }
}

export const joinHandlers = [
  defineHandler('workshop:join', {
    callers: ['guest'],
    activity: 'any',
    schema: joinSchema,
    async run(ctx, payload): Promise<AnySession> {
      // SPEC J-4: a client of another protocol version is told to reload before anything else.
      if (payload.protocolVersion !== PROTOCOL_VERSION) throw new KonsensError('PROTOCOL_MISMATCH');
      const { headers, address: remote } = ctx.socket.handshake;
      const address = clientAddress(headers, remote, ctx.deps.trustProxy);
      // A resume token (192 random bits) cannot be guessed: a tablet resuming with one is never held up by
      // someone else's wrong codes from the same address (a whole room behind one NAT).
      const resuming = payload.role === 'participant' && payload.resumeToken !== undefined;
      if (!resuming && (await ctx.deps.joinFailures.blocked(address))) throw new KonsensError('RATE_LIMITED');
      try {
        return await joinAs(ctx, payload);
      } catch (error) {
        if (error instanceof KonsensError && FAILED_JOIN.has(error.code)) await ctx.deps.joinFailures.fail(address);
        throw error;
      }
    },
  }),

  defineHandler('state:get', {
    callers: ['participant', 'facilitator', 'projector'],
    activity: 'any',
    schema: emptySchema,
    async run({ room, session }): Promise<Resync> {
      // J-5: a Quick-Check participant may have been moved to another organisation since joining.
      const organisationId = room instanceof Room && session!.participantId ? (room.organisationOf(session!.participantId) ?? null) : (session!.organisationId ?? null);
      const state = room!.stateFor(session!.role, organisationId);
      if (!session!.participantId) return { state };
      if (room instanceof LoggedRoom) return { state, ...room.own(session!.participantId) };
      return { state, answers: (room as Room).ownAnswers(session!.participantId) };
    },
  }),
];
