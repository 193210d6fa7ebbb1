/**
 * Answers not yet acknowledged, kept in localStorage so that they survive a
 * reload or a sleeping tablet, and are resent in order after reconnecting.
 * The server deduplicates by opId, so resending is always safe (SPEC D-2).
 */
import type { PendingAnswer } from '../store/ballotSlice';

const key = (code: string, participantId: string) => `konsens.outbox.${code}.${participantId}`;

interface Stored {
  opId: string;
  themeId: string;
  criterionId: string;
  /** null = abstain; absent = withdraw. */
  value?: number | null;
}

export function loadOutbox(code: string, participantId: string): PendingAnswer[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key(code, participantId)) ?? '[]') as Stored[];
    return raw.map((s) => ({ opId: s.opId, themeId: s.themeId, criterionId: s.criterionId, value: 'value' in s ? s.value : undefined }));
  } catch {
    return [];
  }
}

function save(code: string, participantId: string, ops: PendingAnswer[]): void {
  const stored: Stored[] = ops.map((op) => ({ opId: op.opId, themeId: op.themeId, criterionId: op.criterionId, ...(op.value === undefined ? {} : { value: op.value }) }));
  if (stored.length === 0) localStorage.removeItem(key(code, participantId));
  else localStorage.setItem(key(code, participantId), JSON.stringify(stored));
}

/**
 * Queue an answer. Older answers for the same cell are dropped: only the newest
 * counts. One may already be in flight; its acknowledgement then finds it gone,
 * which is fine, as the newer answer is sent after it and wins.
 */
export function addToOutbox(code: string, participantId: string, op: PendingAnswer): void {
  const kept = loadOutbox(code, participantId).filter((queued) => queued.themeId !== op.themeId || queued.criterionId !== op.criterionId);
  save(code, participantId, [...kept, op]);
}

export function removeFromOutbox(code: string, participantId: string, opIds: readonly string[]): void {
  const gone = new Set(opIds);
  save(code, participantId, loadOutbox(code, participantId).filter((op) => !gone.has(op.opId)));
}

export function clearOutbox(code: string, participantId: string): void {
  localStorage.removeItem(key(code, participantId));
}
