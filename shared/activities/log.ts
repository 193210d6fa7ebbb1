/**
 * What every logged activity (theme collection, vision, deep-dive) shares: an
 * operation carries who sent it, a client-made opId and the time; the server
 * stores it in the workshop's append-only log before it acknowledges, and the
 * activity is its log replayed through the activity's pure rules. A resend of
 * an opId changes nothing (TC-4, VI-4, DD-4).
 */
import type { ErrorCode } from '../protocol.js';

/** Who sent an operation: `p:<participant id>`, or `f:<account id>` / `f:link` for the facilitator. */
export type ActorKey = string;

export interface LoggedOp {
  actor: ActorKey;
  opId: string;
  type: string;
  at: number;
}

export const isFacilitatorActor = (actor: ActorKey) => actor.startsWith('f:');

export const participantActor = (participantId: string): ActorKey => `p:${participantId}`;

/** AC-9: a signed-in facilitator by account, a co-facilitation link as one. */
export const facilitatorActor = (accountId: string | null): ActorKey => `f:${accountId ?? 'link'}`;

export const opKey = (actor: ActorKey, opId: string) => `${actor}\u0000${opId}`;

/** The pure rules of a logged activity, as the server's room drives them. */
export interface ActivityRules<S, Op extends LoggedOp, Ctx> {
  /** The state the log adds up to; `config` is the activity's configuration (what it was created with). */
  replay(log: readonly Op[], config: unknown): S;
  /** The operation this actor already sent with this opId, if any. */
  appliedBefore(state: S, actor: ActorKey, opId: string): Op | undefined;
  /** Why the operation is refused now, or null. */
  refusal(state: S, op: Op, ctx: Ctx): ErrorCode | null;
  /** Apply an accepted operation (mutates the state); an opId applied before changes nothing. */
  apply(state: S, op: Op): void;
}

/** The public part of a logged activity's workshop row, as every screen gets it. */
export interface ActivityView<C, P extends string> {
  id: string;
  code: string;
  phase: P;
  config: C;
  /** Increases with every change of configuration or phase. */
  revision: number;
  finalisedAt: number | null;
}
