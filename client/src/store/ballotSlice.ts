/**
 * The participant's own answers, each with its delivery status: "saving" until
 * the server acknowledged it, then "saved" (SPEC D-1). `saved` is what the
 * server holds; `value` is what the tablet shows.
 */
import type { StateCreator } from 'zustand';
import type { AnswerValue } from '../../../shared/domain/tally';
import type { OwnAnswer } from '../../../shared/protocol';
import type { Store } from './index';

export type AnswerStatus = 'saving' | 'saved' | 'failed';

export interface CellAnswer {
  /** Shown value; undefined = no answer. */
  value: AnswerValue | undefined;
  /** Value the server acknowledged. */
  saved: AnswerValue | undefined;
  status: AnswerStatus;
  /** The newest operation for this cell; older acknowledgements do not change the status. */
  opId: string | null;
}

export interface Me {
  participantId: string;
  organisationId: string;
  displayName: string | null;
}

export interface PendingAnswer {
  opId: string;
  themeId: string;
  criterionId: string;
  value: AnswerValue | undefined;
}

export const cellKey = (themeId: string, criterionId: string) => `${themeId}/${criterionId}`;

export interface BallotSlice {
  me: Me | null;
  answers: Record<string, CellAnswer>;
  /** The organisation the facilitator moved this tablet to (SPEC J-5), until the notice is dismissed. */
  movedTo: string | null;
  setMe(me: Me | null): void;
  setMovedTo(organisationId: string | null): void;
  /** After (re)joining: the server's answers, with not yet acknowledged ones on top. */
  loadAnswers(saved: OwnAnswer[], pending: PendingAnswer[]): void;
  answerPending(op: PendingAnswer): void;
  answerSaved(op: PendingAnswer, stored: AnswerValue | undefined): void;
  answerFailed(op: PendingAnswer): void;
}

export const ballotSlice: StateCreator<Store, [], [], BallotSlice> = (set) => ({
  me: null,
  answers: {},
  movedTo: null,
  setMe: (me) => set({ me }),
  setMovedTo: (movedTo) => set({ movedTo }),
  loadAnswers: (saved, pending) => {
    const answers: Record<string, CellAnswer> = {};
    for (const a of saved) answers[cellKey(a.themeId, a.criterionId)] = { value: a.value, saved: a.value, status: 'saved', opId: null };
    for (const op of pending) {
      const key = cellKey(op.themeId, op.criterionId);
      answers[key] = { value: op.value, saved: answers[key]?.saved, status: 'saving', opId: op.opId };
    }
    set({ answers });
  },
  answerPending: (op) =>
    set((s) => {
      const key = cellKey(op.themeId, op.criterionId);
      return { answers: { ...s.answers, [key]: { value: op.value, saved: s.answers[key]?.saved, status: 'saving', opId: op.opId } } };
    }),
  answerSaved: (op, stored) =>
    set((s) => {
      const key = cellKey(op.themeId, op.criterionId);
      const current = s.answers[key];
      const newest = !current || current.opId === op.opId;
      const cell: CellAnswer = newest
        ? { value: stored, saved: stored, status: 'saved', opId: op.opId }
        : { ...current, saved: stored };
      return { answers: { ...s.answers, [key]: cell } };
    }),
  answerFailed: (op) =>
    set((s) => {
      const key = cellKey(op.themeId, op.criterionId);
      const current = s.answers[key];
      if (!current || current.opId !== op.opId) return {};
      return { answers: { ...s.answers, [key]: { ...current, value: current.saved, status: 'failed' } } };
    }),
});
