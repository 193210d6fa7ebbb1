/**
 * A collection tablet's own proposals and supports, each with its delivery
 * status: "sending" until the server acknowledged it, then "saved"; "failed"
 * when the server refused it (SPEC TC-4). What became of a saved proposal
 * (accepted, rejected, merged) is read from the pushed state, not kept here.
 */
import type { StateCreator } from 'zustand';
import type { OwnProposal } from '../../../shared/activities/collection/views';
import type { IdeaDetails } from '../../../shared/activities/deepdive/schemas';
import type { ErrorCode, ErrorDetail } from '../../../shared/protocol';
import type { PendingProposalOp } from '../net/proposalOutbox';
import type { Store } from './index';

export type Delivery = 'sending' | 'saved' | 'failed';

/** Why the server did not store an operation. */
export interface Refusal {
  code: ErrorCode | 'network';
  details?: ErrorDetail[];
}

export interface OwnEntry {
  opId: string;
  /** As typed, or as the server held it when the tablet joined. */
  title: string;
  description: string | null;
  /** A deep-dive's project idea details (DD-3); null in a theme collection. */
  idea: IdeaDetails | null;
  /** The server's id, once acknowledged. */
  proposalId: string | null;
  delivery: Delivery;
  refusal: Refusal | null;
}

export interface SupportChoice {
  /** Shown: the newest choice. */
  on: boolean;
  /** What the server acknowledged. */
  saved: boolean;
  delivery: Delivery;
  /** The newest operation; older acknowledgements do not change the status. */
  opId: string | null;
  refusal: Refusal | null;
}

type SubmitOp = Extract<PendingProposalOp, { kind: 'submit' }>;
type SupportOp = Extract<PendingProposalOp, { kind: 'support' }>;

export interface CollectionSlice {
  ownProposals: OwnEntry[];
  /** By proposal id. */
  supportChoices: Record<string, SupportChoice>;
  /** After (re)joining: the server's proposals and supports, with queued operations on top. */
  loadCollection(own: OwnProposal[], supports: string[], pending: PendingProposalOp[]): void;
  proposalPending(op: SubmitOp): void;
  proposalSaved(opId: string, proposalId: string): void;
  proposalFailed(opId: string, refusal: Refusal): void;
  /** Take a refused proposal off the list. */
  dismissProposal(opId: string): void;
  /** `replaces`: choices of proposals merged into this one, which this choice now stands for. */
  supportPending(op: SupportOp, replaces: string[]): void;
  /** `proposalId`: where the support went (a merged proposal's support goes to its target). */
  supportSaved(op: SupportOp, proposalId: string): void;
  supportFailed(op: SupportOp, refusal: Refusal): void;
}

export const collectionSlice: StateCreator<Store, [], [], CollectionSlice> = (set) => ({
  ownProposals: [],
  supportChoices: {},
  loadCollection: (own, supports, pending) =>
    set((s) => {
      const stored = new Set(own.map((p) => p.opId));
      const ownProposals: OwnEntry[] = own.map((p) => ({ opId: p.opId, title: p.title, description: p.description, idea: p.idea ?? null, proposalId: p.id, delivery: 'saved', refusal: null }));
      for (const op of pending) {
        if (op.kind === 'submit' && !stored.has(op.opId)) ownProposals.push({ opId: op.opId, title: op.title, description: op.description, idea: op.idea ?? null, proposalId: null, delivery: 'sending', refusal: null });
      }
      // Refusals seen on this page stay in view until dismissed (they are in no outbox).
      ownProposals.push(...s.ownProposals.filter((e) => e.delivery === 'failed' && !stored.has(e.opId)));
      const supportChoices: Record<string, SupportChoice> = {};
      for (const id of supports) supportChoices[id] = { on: true, saved: true, delivery: 'saved', opId: null, refusal: null };
      for (const op of pending) {
        if (op.kind !== 'support') continue;
        const saved = supportChoices[op.proposalId]?.saved ?? false;
        supportChoices[op.proposalId] = { on: op.support, saved, delivery: 'sending', opId: op.opId, refusal: null };
      }
      return { ownProposals, supportChoices };
    }),
  proposalPending: (op) =>
    set((s) => ({ ownProposals: [...s.ownProposals, { opId: op.opId, title: op.title, description: op.description, idea: op.idea ?? null, proposalId: null, delivery: 'sending', refusal: null }] })),
  proposalSaved: (opId, proposalId) =>
    set((s) => ({ ownProposals: s.ownProposals.map((e) => (e.opId === opId ? { ...e, proposalId, delivery: 'saved', refusal: null } : e)) })),
  proposalFailed: (opId, refusal) =>
    set((s) => ({ ownProposals: s.ownProposals.map((e) => (e.opId === opId ? { ...e, delivery: 'failed', refusal } : e)) })),
  dismissProposal: (opId) => set((s) => ({ ownProposals: s.ownProposals.filter((e) => e.opId !== opId) })),
  supportPending: (op, replaces) =>
    set((s) => {
      const supportChoices = { ...s.supportChoices };
      for (const id of replaces) delete supportChoices[id];
      const saved = s.supportChoices[op.proposalId]?.saved ?? replaces.some((id) => s.supportChoices[id]?.saved);
      supportChoices[op.proposalId] = { on: op.support, saved, delivery: 'sending', opId: op.opId, refusal: null };
      return { supportChoices };
    }),
  supportSaved: (op, proposalId) =>
    set((s) => {
      const current = s.supportChoices[op.proposalId];
      const supportChoices = { ...s.supportChoices };
      if (current && current.opId !== op.opId) {
        supportChoices[op.proposalId] = { ...current, saved: op.support };
        return { supportChoices };
      }
      delete supportChoices[op.proposalId];
      supportChoices[proposalId] = { on: op.support, saved: op.support, delivery: 'saved', opId: op.opId, refusal: null };
      return { supportChoices };
    }),
  supportFailed: (op, refusal) =>
    set((s) => {
      const current = s.supportChoices[op.proposalId];
      if (!current || current.opId !== op.opId) return {};
      return { supportChoices: { ...s.supportChoices, [op.proposalId]: { ...current, on: current.saved, delivery: 'failed', refusal } } };
    }),
});
