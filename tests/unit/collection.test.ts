/** Theme collection's pure rules (SPEC TC-2 … TC-9), with hand-built operations. */
import { describe, expect, it } from 'vitest';
import {
  acceptedProposals,
  applyCollectionOp,
  collectionRefusal,
  current,
  emptyCollection,
  replayCollection,
  type CollectionContext,
  type CollectionOp,
  type CollectionState,
} from '../../shared/activities/collection/rules.js';
import { COLLECTION_LIMITS } from '../../shared/activities/collection/schemas.js';
import { ownProposals, participantCollectionState, projectorCollectionState } from '../../shared/activities/collection/views.js';
import { textProblem } from '../../shared/text.js';
import { proposalSubmitSchema } from '../../shared/activities/collection/schemas.js';

const open: CollectionContext = { phase: 'collecting', supportAllowed: true };
let seq = 0;
const submit = (actor: string, proposalId: string, title: string, organisationId: string | null = 'olfen'): CollectionOp => ({ type: 'submit', actor, opId: `op-${++seq}`, at: seq, proposalId, title, description: null, organisationId });
const support = (actor: string, proposalId: string, on = true): CollectionOp => ({ type: 'support', actor, opId: `op-${++seq}`, at: seq, proposalId, support: on });
const merge = (sourceId: string, targetId: string): CollectionOp => ({ type: 'merge', actor: 'f:anna', opId: `op-${++seq}`, at: seq, sourceId, targetId });
const decide = (proposalId: string, status: 'open' | 'accepted' | 'rejected'): CollectionOp => ({ type: 'decide', actor: 'f:anna', opId: `op-${++seq}`, at: seq, proposalId, status });

/** Check, then apply, as the server does; throws on a refusal. */
function run(state: CollectionState, op: CollectionOp, ctx = open): CollectionState {
  const refusal = collectionRefusal(state, op, ctx);
  if (refusal) throw new Error(refusal);
  applyCollectionOp(state, op);
  return state;
}

const view = { id: 'w', code: 'ABCDEF', phase: 'collecting' as const, config: { title: 'Themen', date: null, organisations: [], supportAllowed: true }, revision: 1, finalisedAt: null };

describe('theme collection', () => {
  it('TC-2: participants propose only while collecting; the facilitator also before and after, never once finalised', () => {
    const state = emptyCollection();
    expect(collectionRefusal(state, submit('p:1', 'a', 'Verwaltung'), { phase: 'lobby', supportAllowed: false })).toBe('WRONG_PHASE');
    expect(collectionRefusal(state, submit('p:1', 'a', 'Verwaltung'), { phase: 'closed', supportAllowed: false })).toBe('WRONG_PHASE');
    expect(collectionRefusal(state, submit('f:anna', 'a', 'Verwaltung'), { phase: 'lobby', supportAllowed: false })).toBeNull();
    expect(collectionRefusal(state, submit('f:anna', 'a', 'Verwaltung'), { phase: 'finalised', supportAllowed: false })).toBe('FINALISED');
    expect(collectionRefusal(state, decide('a', 'accepted'), { phase: 'finalised', supportAllowed: false })).toBe('FINALISED');
  });

  it('TC-3: a participant makes at most the limit of proposals; the facilitator is not limited by it', () => {
    const state = emptyCollection();
    for (let i = 0; i < COLLECTION_LIMITS.proposalsPerParticipant; i++) run(state, submit('p:1', `a${i}`, `Thema ${i}`));
    expect(collectionRefusal(state, submit('p:1', 'over', 'Noch eins'), open)).toBe('PROPOSAL_LIMIT');
    expect(collectionRefusal(state, submit('p:2', 'other', 'Noch eins'), open)).toBeNull();
    expect(collectionRefusal(state, submit('f:anna', 'fac', 'Noch eins'), open)).toBeNull();
  });

  it('TC-4: an operation applied before changes nothing; replaying the log gives the same collection', () => {
    const log = [submit('p:1', 'a', 'Verwaltung'), submit('p:2', 'b', 'Bildung'), support('p:3', 'a'), decide('b', 'accepted')];
    const state = emptyCollection();
    for (const op of log) run(state, op);
    for (const op of log) applyCollectionOp(state, op);
    expect(state.order).toEqual(['a', 'b']);
    expect(state.proposals.get('a')!.supporters.size).toBe(1);
    const replayed = replayCollection([...log, ...log]);
    expect([...replayed.proposals.values()]).toEqual([...state.proposals.values()]);
    expect(ownProposals(replayed, 'p:1')).toEqual([{ id: 'a', opId: log[0]!.opId, title: 'Verwaltung', description: null, idea: null, status: 'open', mergedInto: null }]);
  });

  it('TC-5: one support per participant and proposal; taken back; only when allowed and while collecting; not for a rejected proposal', () => {
    const state = run(emptyCollection(), submit('p:1', 'a', 'Verwaltung'));
    run(state, support('p:2', 'a'));
    run(state, support('p:2', 'a'));
    expect(state.proposals.get('a')!.supporters.size).toBe(1);
    run(state, support('p:3', 'a'));
    run(state, support('p:2', 'a', false));
    expect([...state.proposals.get('a')!.supporters]).toEqual(['p:3']);
    expect(collectionRefusal(state, support('p:2', 'a'), { phase: 'collecting', supportAllowed: false })).toBe('SUPPORT_OFF');
    expect(collectionRefusal(state, support('p:2', 'a'), { phase: 'closed', supportAllowed: true })).toBe('WRONG_PHASE');
    expect(collectionRefusal(state, support('p:2', 'nope'), open)).toBe('UNKNOWN_PROPOSAL');
    run(state, decide('a', 'rejected'));
    expect(collectionRefusal(state, support('p:2', 'a'), open)).toBe('PROPOSAL_CLOSED');
  });

  it('TC-7: a merge keeps every origin and support (each supporter once), flattens earlier merges, and a support of a merged proposal counts for its target', () => {
    const state = emptyCollection();
    run(state, submit('p:1', 'a', 'Digitale Verwaltung', 'olfen'));
    run(state, submit('p:2', 'b', 'Verwaltung digital', 'senden'));
    run(state, submit('p:3', 'c', 'E-Government', 'kreis'));
    run(state, support('p:4', 'a'));
    run(state, support('p:4', 'b'));
    run(state, support('p:5', 'b'));
    run(state, merge('b', 'a'));
    expect(state.proposals.get('b')).toMatchObject({ status: 'merged', mergedInto: 'a' });
    expect(state.proposals.get('a')!.origins.map((o) => [o.proposalId, o.organisationId])).toEqual([['a', 'olfen'], ['b', 'senden']]);
    expect([...state.proposals.get('a')!.supporters].sort()).toEqual(['p:4', 'p:5']);
    run(state, merge('a', 'c'));
    expect(state.proposals.get('b')!.mergedInto).toBe('c');
    expect(state.proposals.get('c')!.origins.map((o) => o.proposalId)).toEqual(['c', 'a', 'b']);
    run(state, support('p:6', 'b'));
    expect(current(state, 'b')!.id).toBe('c');
    expect(state.proposals.get('c')!.supporters.has('p:6')).toBe(true);
    expect(collectionRefusal(state, merge('b', 'c'), open)).toBe('PROPOSAL_CLOSED');
    expect(collectionRefusal(state, merge('c', 'c'), open)).toBe('BAD_REQUEST');
    expect(collectionRefusal(state, decide('a', 'accepted'), open)).toBe('PROPOSAL_CLOSED');
    expect(participantCollectionState(view, state).merged).toEqual({ a: 'c', b: 'c' });
  });

  it('TC-9: accepted themes in the order they were accepted; taking an acceptance back removes it', () => {
    const state = emptyCollection();
    for (const [id, title] of [['a', 'Verwaltung'], ['b', 'Bildung'], ['c', 'Mobilität']] as const) run(state, submit('p:1', id, title));
    run(state, decide('c', 'accepted'));
    run(state, decide('a', 'accepted'));
    run(state, decide('b', 'rejected'));
    expect(acceptedProposals(state).map((p) => p.title)).toEqual(['Mobilität', 'Verwaltung']);
    run(state, decide('c', 'open'));
    run(state, decide('c', 'accepted'));
    expect(acceptedProposals(state).map((p) => p.title)).toEqual(['Verwaltung', 'Mobilität']);
    expect(projectorCollectionState(view, state, 3)).toMatchObject({ accepted: [{ title: 'Verwaltung' }, { title: 'Mobilität' }], counts: { proposals: 3, participants: 3 } });
    const participant = participantCollectionState(view, state);
    expect(participant.rejected).toEqual(['b']);
    expect(participant.board?.map((p) => p.id)).toEqual(['a', 'c']);
    expect(participantCollectionState({ ...view, config: { ...view.config, supportAllowed: false } }, state).board).toBeNull();
  });

  it('S-8, TC-1: a title is 1–80 characters of text; control characters and non-characters are refused, line breaks only in the description', () => {
    expect(proposalSubmitSchema.safeParse({ opId: 'op-000001', title: '  Verwaltung  ' }).data?.title).toBe('Verwaltung');
    for (const title of ['', '   ', 'x'.repeat(81), 'a\u0000b', 'a\nb', 'a\u001Bb', 'a\u0085b', 'a\uFFFEb', 'a\uFDD0b', 'a\u{10FFFF}b', 'a\uD800b']) {
      expect(proposalSubmitSchema.safeParse({ opId: 'op-000001', title }).success, JSON.stringify(title)).toBe(false);
    }
    expect(proposalSubmitSchema.safeParse({ opId: 'op-000001', title: 'Ü 👍 „Straße“ – ok', description: 'Zeile 1\r\nZeile 2\tTab' }).data?.description).toBe('Zeile 1\nZeile 2\tTab');
    expect(textProblem('a\u0007', true)).toBe('contains a control character');
    expect(textProblem('gut', false)).toBeNull();
  });
});
