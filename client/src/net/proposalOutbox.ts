/**
 * A collection tablet's operations not yet acknowledged (proposals and
 * supports), kept in localStorage per workshop and participant so that they
 * survive a reload or a sleeping tablet and are resent, in order, with the same
 * opIds: the server answers a repeat with `duplicate: true` and changes nothing
 * (SPEC TC-4). Also a note of which kind of step a join code is (collection,
 * deep-dive, vision), so that a device resumes with the right module even when
 * the workshop's public info cannot be read.
 */
import type { IdeaDetails } from '../../../shared/activities/deepdive/schemas';
import { opOutbox } from './delivery';

/** `idea`: a deep-dive's project idea details (DD-3), checked on the device; absent in a theme collection. */
export type PendingProposalOp =
  | { kind: 'submit'; opId: string; title: string; description: string | null; idea?: IdeaDetails | null }
  | { kind: 'support'; opId: string; proposalId: string; support: boolean };

/** Kept under the key that once said "a collection" only: marks made before still count. */
const markKey = (code: string) => `konsens.collection.${code}`;

function isIdea(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object') return false;
  const idea = value as Record<string, unknown>;
  return (idea.leadOrganisationId === null || typeof idea.leadOrganisationId === 'string') && typeof idea.partners === 'string' && (idea.cost === null || typeof idea.cost === 'number');
}

function isOp(value: unknown): value is PendingProposalOp {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Record<string, unknown>;
  if (typeof op.opId !== 'string') return false;
  if (op.kind === 'submit') return typeof op.title === 'string' && (op.description === null || typeof op.description === 'string') && isIdea(op.idea);
  return op.kind === 'support' && typeof op.proposalId === 'string' && typeof op.support === 'boolean';
}

/**
 * A queued support of the same proposal is replaced: only the newest choice
 * counts (one may already be in flight; the newer one is sent after it and
 * wins). Proposals are never replaced: each is one of its own.
 */
export const proposalOutbox = opOutbox<PendingProposalOp>('konsens.proposals', isOp, (queued, op) => op.kind === 'support' && queued.kind === 'support' && queued.proposalId === op.proposalId);

/** The kinds of step whose device resumes with a module other than the Quick-Check's. */
export type MarkedStepKind = 'collection' | 'deepdive' | 'vision' | 'selection';

const MARKED: readonly string[] = ['collection', 'deepdive', 'vision', 'selection'] satisfies MarkedStepKind[];

/** This device joined `code`, a step of this kind. */
export function markStepKind(code: string, kind: MarkedStepKind): void {
  try {
    localStorage.setItem(markKey(code), kind);
  } catch {
    // Without storage the public info decides.
  }
}

/** The kind of step this device joined with `code`, if it noted one. */
export function markedStepKind(code: string): MarkedStepKind | null {
  try {
    const kind = localStorage.getItem(markKey(code));
    // '1': a collection's mark from before the kinds were told apart.
    if (kind === '1') return 'collection';
    return kind && MARKED.includes(kind) ? (kind as MarkedStepKind) : null;
  } catch {
    return null;
  }
}

export function forgetStepKind(code: string): void {
  try {
    localStorage.removeItem(markKey(code));
  } catch {
    // Nothing to forget.
  }
}

/** This device joined `code` as a collection (a deep-dive joins through the collection's module too). */
export function markCollection(code: string): void {
  markStepKind(code, 'collection');
}

export function isMarkedCollection(code: string): boolean {
  return markedStepKind(code) === 'collection';
}

export function forgetCollectionMark(code: string): void {
  forgetStepKind(code);
}
