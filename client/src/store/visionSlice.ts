/**
 * A vision tablet's answers in open consent rounds (SPEC VI-5), each with its
 * delivery: "sending" until the server acknowledged it, then "saved"; "failed"
 * when the server refused it (the choice falls back to what was saved). What
 * the organisation's answer is (another representative may have answered) and
 * how a round ended is read from the pushed state, not kept here.
 */
import type { StateCreator } from 'zustand';
import type { ConsentAnswer } from '../../../shared/activities/vision/schemas';
import type { UnitAnswer } from '../../../shared/activities/vision/views';
import type { Refusal } from './collectionSlice';
import type { Store } from './index';

/** An answer as the outbox keeps it until the server acknowledged it. */
export interface PendingConsentAnswer {
  opId: string;
  statementId: string;
  round: number;
  answer: ConsentAnswer;
  text: string | null;
}

export interface ChosenAnswer {
  answer: ConsentAnswer;
  text: string | null;
}

export interface ConsentEntry {
  round: number;
  /** Shown as chosen: the newest choice (after a refusal, the saved one). */
  shown: ChosenAnswer | null;
  /** What the server acknowledged. */
  saved: ChosenAnswer | null;
  delivery: 'sending' | 'saved' | 'failed';
  /** The newest operation; an older acknowledgement does not change the status. */
  opId: string | null;
  refusal: Refusal | null;
}

export interface VisionSlice {
  /** By statement id: this device's answer in the statement's open round. */
  consentAnswers: Record<string, ConsentEntry>;
  /** After (re)joining: the unit's answers the server holds, with queued ones on top. */
  loadConsent(consent: UnitAnswer[], pending: PendingConsentAnswer[]): void;
  consentPending(op: PendingConsentAnswer): void;
  consentSaved(op: PendingConsentAnswer): void;
  consentFailed(op: PendingConsentAnswer, refusal: Refusal): void;
}

const chosen = (a: { answer: ConsentAnswer; text: string | null }): ChosenAnswer => ({ answer: a.answer, text: a.text });

export const visionSlice: StateCreator<Store, [], [], VisionSlice> = (set) => ({
  consentAnswers: {},
  loadConsent: (consent, pending) =>
    set((s) => {
      const consentAnswers: Record<string, ConsentEntry> = {};
      for (const a of consent) consentAnswers[a.statementId] = { round: a.round, shown: chosen(a), saved: chosen(a), delivery: 'saved', opId: null, refusal: null };
      for (const op of pending) {
        const stored = consentAnswers[op.statementId];
        const saved = stored?.round === op.round ? stored.saved : null;
        consentAnswers[op.statementId] = { round: op.round, shown: chosen(op), saved, delivery: 'sending', opId: op.opId, refusal: null };
      }
      // A refusal seen on this page stays in view while its round is the one shown.
      for (const [id, entry] of Object.entries(s.consentAnswers)) {
        if (entry.delivery === 'failed' && !consentAnswers[id]) consentAnswers[id] = entry;
      }
      return { consentAnswers };
    }),
  consentPending: (op) =>
    set((s) => {
      const current = s.consentAnswers[op.statementId];
      const saved = current?.round === op.round ? current.saved : null;
      return { consentAnswers: { ...s.consentAnswers, [op.statementId]: { round: op.round, shown: chosen(op), saved, delivery: 'sending', opId: op.opId, refusal: null } } };
    }),
  consentSaved: (op) =>
    set((s) => {
      const current = s.consentAnswers[op.statementId];
      if (current && current.round === op.round && current.opId !== op.opId) {
        // A newer choice is on its way: this one is only what the server holds meanwhile.
        return { consentAnswers: { ...s.consentAnswers, [op.statementId]: { ...current, saved: chosen(op) } } };
      }
      return { consentAnswers: { ...s.consentAnswers, [op.statementId]: { round: op.round, shown: chosen(op), saved: chosen(op), delivery: 'saved', opId: op.opId, refusal: null } } };
    }),
  consentFailed: (op, refusal) =>
    set((s) => {
      const current = s.consentAnswers[op.statementId];
      if (current && current.opId !== op.opId) return {};
      const saved = current?.round === op.round ? current.saved : null;
      return { consentAnswers: { ...s.consentAnswers, [op.statementId]: { round: op.round, shown: saved, saved, delivery: 'failed', opId: op.opId, refusal } } };
    }),
});
