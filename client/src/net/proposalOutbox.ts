/**
 * A collection tablet's operations not yet acknowledged (proposals and
 * supports), kept in localStorage per workshop and participant so that they
 * survive a reload or a sleeping tablet and are resent, in order, with the same
 * opIds: the server answers a repeat with `duplicate: true` and changes nothing
 * (SPEC TC-4). Also a note that a join code is a collection's, so that a device
 * resumes the right screen even when the workshop's public info cannot be read.
 */
export type PendingProposalOp =
  | { kind: 'submit'; opId: string; title: string; description: string | null }
  | { kind: 'support'; opId: string; proposalId: string; support: boolean };

const key = (code: string, participantId: string) => `konsens.proposals.${code}.${participantId}`;
const markKey = (code: string) => `konsens.collection.${code}`;

function isOp(value: unknown): value is PendingProposalOp {
  if (typeof value !== 'object' || value === null) return false;
  const op = value as Record<string, unknown>;
  if (typeof op.opId !== 'string') return false;
  if (op.kind === 'submit') return typeof op.title === 'string' && (op.description === null || typeof op.description === 'string');
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

/** This device joined `code` as a collection. */
export function markCollection(code: string): void {
  try {
    localStorage.setItem(markKey(code), '1');
  } catch {
    // Without storage the public info decides.
  }
}

export function isMarkedCollection(code: string): boolean {
  try {
    return localStorage.getItem(markKey(code)) === '1';
  } catch {
    return false;
  }
}

export function forgetCollectionMark(code: string): void {
  try {
    localStorage.removeItem(markKey(code));
  } catch {
    // Nothing to forget.
  }
}
