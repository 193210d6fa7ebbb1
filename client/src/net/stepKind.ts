/**
 * A note of which kind of step a join code is (collection, deep-dive, vision,
 * selection), so that a device resumes with the right module even when the
 * workshop's public info cannot be read.
 */

/** Kept under the key that once said "a collection" only: marks made before still count. */
const markKey = (code: string) => `konsens.collection.${code}`;

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
