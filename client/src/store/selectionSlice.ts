/**
 * A selection tablet's points in the open vote (SPEC SE-4, SE-5): what the
 * server holds for this device's voting unit, per idea, and each idea's
 * newest setting with its delivery — "sending" until acknowledged, "saved",
 * or "failed" with the refusal (the idea then shows the stored points again).
 * With `unit: 'organisation'` the stored points follow the organisation's
 * live allocation, as another representative may change them.
 */
import type { StateCreator } from 'zustand';
import type { Refusal } from './collectionSlice';
import type { Store } from './index';

/** A setting as the outbox keeps it until the server acknowledged it: absolute, so a resend cannot add up. */
export interface PendingPoints {
  opId: string;
  voteId: string;
  ideaId: string;
  points: number;
}

export interface PointsEntry {
  voteId: string;
  /** The newest setting while it is on its way; null once answered. */
  pending: number | null;
  /** The newest operation: an older acknowledgement does not change the status. */
  opId: string;
  delivery: 'sending' | 'saved' | 'failed';
  refusal: Refusal | null;
}

export interface SelectionSlice {
  /** The vote the points belong to (the open one). */
  pointsVote: string | null;
  /** What the server holds for this device's voting unit in that vote, by idea. */
  savedPoints: Record<string, number>;
  /** By idea: this device's newest setting in that vote. */
  pointsEntries: Record<string, PointsEntry>;
  /** After (re)joining: the unit's points the server holds, with queued settings on top. */
  loadPoints(voteId: string | null, points: Record<string, number>, pending: readonly PendingPoints[]): void;
  /** A pushed state: the open vote, and in organisation mode the organisation's points in it. */
  allocationArrived(voteId: string | null, allocation: Record<string, number> | null): void;
  pointsPending(op: PendingPoints): void;
  pointsSaved(op: PendingPoints, stored: number): void;
  pointsFailed(op: PendingPoints, refusal: Refusal): void;
}

/** The points an idea shows: the setting on its way, else what the server holds. */
export function shownPoints(slice: Pick<SelectionSlice, 'savedPoints' | 'pointsEntries'>, ideaId: string): number {
  const entry = slice.pointsEntries[ideaId];
  return entry?.delivery === 'sending' && entry.pending !== null ? entry.pending : (slice.savedPoints[ideaId] ?? 0);
}

const sending = (op: PendingPoints): PointsEntry => ({ voteId: op.voteId, pending: op.points, opId: op.opId, delivery: 'sending', refusal: null });

export const selectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  pointsVote: null,
  savedPoints: {},
  pointsEntries: {},
  loadPoints: (voteId, points, pending) =>
    set(() => {
      const pointsEntries: Record<string, PointsEntry> = {};
      for (const op of pending) if (op.voteId === voteId) pointsEntries[op.ideaId] = sending(op);
      return { pointsVote: voteId, savedPoints: { ...points }, pointsEntries };
    }),
  allocationArrived: (voteId, allocation) =>
    set((s) => {
      if (voteId !== s.pointsVote) {
        // Another vote: what this unit held in the last one no longer counts.
        const pointsEntries = Object.fromEntries(Object.entries(s.pointsEntries).filter(([, e]) => e.voteId === voteId));
        return { pointsVote: voteId, savedPoints: { ...(allocation ?? {}) }, pointsEntries };
      }
      // A push after an acknowledgement reflects at least that setting: the allocation is the newer truth.
      return allocation ? { savedPoints: { ...allocation } } : {};
    }),
  pointsPending: (op) => set((s) => ({ pointsEntries: { ...s.pointsEntries, [op.ideaId]: sending(op) } })),
  pointsSaved: (op, stored) =>
    set((s) => {
      if (op.voteId !== s.pointsVote) return {};
      const savedPoints = { ...s.savedPoints, [op.ideaId]: stored };
      const current = s.pointsEntries[op.ideaId];
      // A newer setting is on its way: this one is only what the server holds meanwhile.
      if (current && current.opId !== op.opId) return { savedPoints };
      return { savedPoints, pointsEntries: { ...s.pointsEntries, [op.ideaId]: { voteId: op.voteId, pending: null, opId: op.opId, delivery: 'saved', refusal: null } } };
    }),
  pointsFailed: (op, refusal) =>
    set((s) => {
      const current = s.pointsEntries[op.ideaId];
      if (op.voteId !== s.pointsVote || (current && current.opId !== op.opId)) return {};
      return { pointsEntries: { ...s.pointsEntries, [op.ideaId]: { voteId: op.voteId, pending: null, opId: op.opId, delivery: 'failed', refusal } } };
    }),
});
