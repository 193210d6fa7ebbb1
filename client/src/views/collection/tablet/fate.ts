/**
 * What became of a tablet's own proposal, read from the pushed state (SPEC
 * TC-10): merged (and into which), rejected, accepted, still open — or, once
 * the collection is finalised and nobody can decide any more, not taken up.
 * The state is always the newest word; the title shown is the current one
 * where the tablet can see it (the facilitator may have edited it).
 */
import type { OwnEntry } from '../../../store/collectionSlice';
import type { ParticipantProposalState } from '../ideas';

export type Fate =
  | { status: 'open' | 'notTaken' | 'accepted' | 'rejected'; title: string }
  | { status: 'merged'; title: string; target: { title: string; accepted: boolean } | null };

/** A proposal's current title, where the tablet can see it. */
function titleOf(id: string, state: ParticipantProposalState, own: readonly OwnEntry[]): string | null {
  return state.accepted.find((p) => p.id === id)?.title ?? state.board?.find((p) => p.id === id)?.title ?? own.find((e) => e.proposalId === id)?.title ?? null;
}

export function fateOf(entry: OwnEntry & { proposalId: string }, state: ParticipantProposalState, own: readonly OwnEntry[]): Fate {
  const id = entry.proposalId;
  const title = titleOf(id, state, own) ?? entry.title;
  const targetId = state.merged[id];
  if (targetId) {
    const targetTitle = titleOf(targetId, state, own);
    const target = targetTitle === null ? null : { title: targetTitle, accepted: state.accepted.some((p) => p.id === targetId) };
    return { status: 'merged', title, target };
  }
  if (state.rejected.includes(id)) return { status: 'rejected', title };
  if (state.accepted.some((p) => p.id === id)) return { status: 'accepted', title };
  // Decisions can change until the collection is finalised (TC-8); then an undecided proposal stays out.
  return { status: state.workshop.phase === 'finalised' ? 'notTaken' : 'open', title };
}
