/**
 * The reader's words for a refused request: the process page's own first, the
 * general ones after. Messages are kept as what to say, not as text, so that
 * they follow a change of language.
 */
import type { TFunction } from 'i18next';

export type ProblemContext = 'addFacilitator' | 'addStep' | 'deepDive' | 'gate' | 'roster' | 'title' | 'general';

export type Say = (t: TFunction) => string;

export function problemText(t: TFunction, context: ProblemContext, code: string): string {
  return t([`process.errors.${context}.${code}`, `process.errors.${code}`, `errors.${code}`, 'errors.INTERNAL']);
}

export function problem(context: ProblemContext, code: string): Say {
  return (t) => problemText(t, context, code);
}

export function say(key: string, options?: Record<string, unknown>): Say {
  return (t) => t(key, options);
}
