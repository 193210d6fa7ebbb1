/** Which Quick-Check rounds of a process can be compared, and which two are proposed. */
import type { StepView } from '../../../../../shared/process';

export function quickChecks(steps: readonly StepView[]): StepView[] {
  return steps.filter((s) => s.kind === 'quickcheck').sort((a, b) => a.position - b.position);
}

/**
 * The two latest rounds; a round still in its lobby has no means yet, so the
 * two latest with scoring begun come first when there are two of them.
 */
export function proposedPair(rounds: readonly StepView[]): { from: string; to: string } | null {
  const scored = rounds.filter((s) => s.phase !== 'lobby');
  const pool = scored.length >= 2 ? scored : rounds;
  const [from, to] = pool.slice(-2);
  return from && to ? { from: from.workshopId, to: to.workshopId } : null;
}
