/**
 * Project selection (SPEC SE-1 … SE-10) over the one socket: the tablet joins
 * (or resumes with its stored token, getting its unit's points in the open
 * vote) and delivers each setting — absolute points for one idea — through a
 * durable outbox until acknowledged (SE-4); the console sends its commands,
 * each with a fresh opId that is kept while the command is retried.
 */
import type { IdeaPutPayload, ProfileStatus, SelectionPhase, SelectionRule, VoteMode } from '../../../shared/activities/selection/schemas';
import type { SelectionView } from '../../../shared/activities/selection/views';
import type { PointsReceipt, SelectionParticipantSession, SelectionReceipt } from '../../../shared/protocol';
import type { VotingUnit } from '../../../shared/schemas';
import { useStore } from '../store';
import type { PendingPoints } from '../store/selectionSlice';
import { joinLoggedActivity, operation as operationWithRetry, opOutbox, outboxSender } from './delivery';
import { call, newOpId, type CallResult } from './socket';

// ---------- The outbox: settings kept in localStorage until acknowledged ----------

function isPending(value: unknown): value is PendingPoints {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Record<string, unknown>;
  return typeof op.opId === 'string' && typeof op.voteId === 'string' && typeof op.ideaId === 'string' && typeof op.points === 'number';
}

/** A queued setting for the same idea is replaced: settings are absolute, only the newest counts (one in flight is sent first; the newer one wins). */
const outbox = opOutbox<PendingPoints>('konsens.points', isPending, (queued, op) => queued.voteId === op.voteId && queued.ideaId === op.ideaId);

// ---------- The tablet ----------

let code: string | null = null;
let following = false;

const flush = outboxSender<PendingPoints, PointsReceipt>({
  code: () => code,
  outbox,
  send: (op) => call<PointsReceipt>('points:set', op),
  saved: (op, receipt) => useStore.getState().pointsSaved(op, receipt.points),
  // Refused (too many points, the vote closed): resending will not change the answer.
  refused: (op, refusal) => useStore.getState().pointsFailed(op, refusal),
});

/** Every pushed state brings the open vote and, per organisation, its live points (SE-5). */
function followAllocation(): void {
  if (following) return;
  following = true;
  useStore.subscribe((s, previous) => {
    const state = s.roleState;
    if (state === previous.roleState || state?.role !== 'participant' || state.activity !== 'selection') return;
    s.allocationArrived(state.open, state.allocation);
  });
}

/** Join a selection for an organisation, or — without one — resume the session stored on this device. */
export function joinSelection(joinCode: string, first?: { organisationId: string; displayName?: string }): void {
  code = joinCode;
  followAllocation();
  joinLoggedActivity<SelectionParticipantSession>(joinCode, first, {
    kind: 'selection',
    accept: (session) => (session.role === 'participant' && 'activity' in session && session.activity === 'selection' ? session : null),
    joined: ({ participantId, points, state }) => useStore.getState().loadPoints(state.open, points, outbox.load(joinCode, participantId)),
    outbox,
    flush,
  });
}

/** Give `ideaId` this many points in the open vote (SE-4); shown at once as "sending", kept in the outbox until acknowledged. */
export function setPoints(voteId: string, ideaId: string, points: number): void {
  const me = useStore.getState().me;
  if (!me || !code) return;
  const op: PendingPoints = { opId: newOpId(), voteId, ideaId, points };
  outbox.add(code, me.participantId, op);
  useStore.getState().pointsPending(op);
  void flush();
}

// ---------- The console's commands ----------

type SelectionEvent = 'idea:put' | 'vote:open' | 'vote:close' | 'vote:reveal' | 'selection:override' | 'profile:update';

/** A console command, resent with its opId until acknowledged. */
const operation = (event: SelectionEvent, payload: object) => operationWithRetry<SelectionReceipt>(event, payload);

/** Without `ideaId` a new idea; with one, the fields given change (SE-2). */
export function putIdea(idea: Omit<IdeaPutPayload, 'opId'>): Promise<CallResult<SelectionReceipt>> {
  return operation('idea:put', idea);
}

export function openVote(vote: { mode: VoteMode; allowance?: number; maxPerIdea?: number; unit: VotingUnit }): Promise<CallResult<SelectionReceipt>> {
  return operation('vote:open', vote);
}

export function closeVote(voteId: string): Promise<CallResult<SelectionReceipt>> {
  return operation('vote:close', { voteId });
}

export function revealVote(voteId: string, revealed: boolean): Promise<CallResult<SelectionReceipt>> {
  return operation('vote:reveal', { voteId, revealed });
}

/** SE-8: include or exclude against the rule, with a reason; null takes the override back. */
export function overrideIdea(ideaId: string, decision: 'include' | 'exclude' | null, reason?: string): Promise<CallResult<SelectionReceipt>> {
  return operation('selection:override', { ideaId, decision, ...(reason ? { reason } : {}) });
}

export function updateProfile(ideaId: string, profile: { goal?: string; timeline?: string; status?: ProfileStatus }): Promise<CallResult<SelectionReceipt>> {
  return operation('profile:update', { ideaId, ...profile });
}

/** `budget` as a number or as typed ("30.000"): the server reads it (DD-3). */
export function updateSelection(patch: { title?: string; date?: string | null; budget?: number | string | null; rule?: SelectionRule }): Promise<CallResult<SelectionView>> {
  return call<SelectionView>('selection:update', patch);
}

export function setSelectionPhase(phase: SelectionPhase): Promise<CallResult<SelectionView>> {
  return call<SelectionView>('selection:phase', { phase });
}
