/** The small checks forms make before they send (the server checks everything again), and what they say. */
import type { TFunction } from 'i18next';

/** What to say, looked up when shown, so that it follows a change of language. */
export type FieldMessage = (t: TFunction) => string;

/** Problems by field id, in the order of the form. */
export type FieldProblems = Readonly<Record<string, FieldMessage>>;

export function message(key: string, options?: Record<string, unknown>): FieldMessage {
  return (t) => t(key, options);
}

/** The id of a field's message: the field's id + "-error". */
export function errorId(field: string): string {
  return `${field}-error`;
}

/** One @ with text on both sides and no spaces: enough to catch a slip. */
export function isPlausibleEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(text.trim());
}

/** What to say about a required e-mail field; null when it may be sent. */
export function emailProblem(text: string): FieldMessage | null {
  if (!text.trim()) return message('formCheck.enterEmail');
  return isPlausibleEmail(text) ? null : message('formCheck.emailInvalid');
}

/** The whole number typed, or null when the text is not one from `min` to `max`. */
export function wholeNumberIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}
