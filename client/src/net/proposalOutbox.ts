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

/** `idea`: a deep-dive's project idea details (DD-3), checked on the device; absent in a theme collection. */
export type PendingProposalOp =
  | { kind: 'submit'; opId: string; title: string; description: string | null; idea?: IdeaDetails | null }
  | { kind: 'support'; opId: string; proposalId: string; support: boolean };

const key = (code: string, participantId: string) => `konsens.proposals.${code}.${participantId}`;
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

export function loadProposalOutbox(code: string, participantId: string): PendingProposalOp[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key(code, participantId)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isOp) : [];
  } catch {
    return [];
  }
}

function save(code: string, participantId: string, ops: PendingProposalOp[]): void {
  try {
    if (ops.length === 0) localStorage.removeItem(key(code, participantId));
    else localStorage.setItem(key(code, participantId), JSON.stringify(ops));
  } catch {
    // Private mode without storage: the operation is still sent from memory while the page is open.
  }
}

/**
 * Queue an operation. A queued support of the same proposal is replaced: only
 * the newest choice counts (one may already be in flight; the newer one is
 * sent after it and wins). Proposals are never replaced: each is one of its own.
 */
export function addProposalOp(code: string, participantId: string, op: PendingProposalOp): void {
  const kept = loadProposalOutbox(code, participantId).filter((queued) => op.kind !== 'support' || queued.kind !== 'support' || queued.proposalId !== op.proposalId);
  save(code, participantId, [...kept, op]);
}

export function removeProposalOps(code: string, participantId: string, opIds: readonly string[]): void {
  const gone = new Set(opIds);
  save(code, participantId, loadProposalOutbox(code, participantId).filter((op) => !gone.has(op.opId)));
}

export function clearProposalOutbox(code: string, participantId: string): void {
  save(code, participantId, []);
}

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
