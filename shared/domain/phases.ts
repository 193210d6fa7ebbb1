/**
 * The workshop's phases and who may do what in them (SPEC P-1 … P-5).
 * Pure: the server enforces these, the client uses them to show only what is allowed.
 */
export const PHASES = ['lobby', 'scoring', 'closed', 'revealed', 'consolidating', 'finalised'] as const;
export type Phase = (typeof PHASES)[number];

export const ROLES = ['participant', 'facilitator', 'projector'] as const;
export type Role = (typeof ROLES)[number];

/**
 * P-1: lobby → scoring → closed → revealed → consolidating → finalised. Scoring
 * may be reopened from closed, a reveal may be taken back (revealed → closed)
 * and consolidation paused (consolidating → revealed; decisions are kept).
 * There is no way back to the lobby (the structure is fixed once answers can
 * exist) and none out of finalised (P-6: the workshop is read-only).
 */
const TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  lobby: ['scoring'],
  scoring: ['closed'],
  closed: ['scoring', 'revealed'],
  revealed: ['consolidating', 'closed'],
  consolidating: ['finalised', 'revealed'],
  finalised: [],
};

export function canTransition(from: Phase, to: Phase): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextPhases(from: Phase): readonly Phase[] {
  return TRANSITIONS[from];
}

/** P-2: answers are accepted only while scoring is open. */
export function acceptsAnswers(phase: Phase): boolean {
  return phase === 'scoring';
}

/** P-3: themes, organisations, criteria and scale can change only in the lobby. */
export function acceptsStructureEdits(phase: Phase): boolean {
  return phase === 'lobby';
}

const REVEALED: ReadonlySet<Phase> = new Set(['revealed', 'consolidating', 'finalised']);

/** Results are revealed in this phase and every later one. */
export function isRevealed(phase: Phase): boolean {
  return REVEALED.has(phase);
}

/**
 * P-4: the facilitator always sees results; projector and participants only
 * once they are revealed.
 */
export function resultsVisible(role: Role, phase: Phase): boolean {
  return role === 'facilitator' || isRevealed(phase);
}

/** P-5: themes are moved between tiers only during the consolidation. */
export function acceptsDecisions(phase: Phase): boolean {
  return phase === 'consolidating';
}

/** P-6: a finalised workshop is read-only; it can be exported, duplicated or deleted. */
export function isFinal(phase: Phase): boolean {
  return phase === 'finalised';
}
