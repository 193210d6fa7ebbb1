/**
 * A collection tablet's operations not yet acknowledged (proposals and
 * supports), kept in localStorage per workshop and participant so that they
 * survive a reload or a sleeping tablet and are resent, in order, with the same
 * opIds: the server answers a repeat with `duplicate: true` and changes nothing
 * (SPEC TC-4).
 */
import type { IdeaDetails } from '../../../shared/activities/deepdive/schemas';
import { opOutbox } from './delivery';

/** `idea`: a deep-dive's project idea details (DD-3), checked on the device; absent in a theme collection. */
export type PendingProposalOp =
  | { kind: 'submit'; opId: string; title: string; description: string | null; idea?: IdeaDetails | null }
  | { kind: 'support'; opId: string; proposalId: string; support: boolean };


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
