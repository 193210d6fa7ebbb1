/**
 * A vision statement's title and text checked on the device the way the server
 * checks them (SPEC VI-2, S-8), and a refusal in words.
 */
import type { TFunction } from 'i18next';
import { VISION_LIMITS } from '../../../../../shared/activities/vision/schemas';
import type { ErrorCode, ErrorDetail } from '../../../../../shared/protocol';
import { textProblem } from '../../../../../shared/text';

export const TITLE_MAX = VISION_LIMITS.titleLength;
export const TEXT_MAX = VISION_LIMITS.textLength;
export const REASON_MAX = VISION_LIMITS.reasonLength;

export interface StatementDraft {
  title: string;
  text: string;
}

export type DraftProblem = { field: 'title' | 'text'; key: 'empty' | 'invalid' };

/** The statement as the server will store it, or what is wrong with it. */
export function checkStatement(draft: StatementDraft): { ok: true; statement: StatementDraft } | { ok: false; problem: DraftProblem } {
  const title = draft.title.trim();
  const text = draft.text.replace(/\r\n?/g, '\n').trim();
  if (!title) return { ok: false, problem: { field: 'title', key: 'empty' } };
  if (textProblem(title, false)) return { ok: false, problem: { field: 'title', key: 'invalid' } };
  if (!text) return { ok: false, problem: { field: 'text', key: 'empty' } };
  if (textProblem(text, true)) return { ok: false, problem: { field: 'text', key: 'invalid' } };
  return { ok: true, statement: { title: title.slice(0, TITLE_MAX), text: text.slice(0, TEXT_MAX) } };
}

/** A reason as one line (the server keeps reasons on one line): line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function refusalText(t: TFunction, code: ErrorCode | 'network', details?: ErrorDetail[]): string {
  const detail = code === 'BAD_REQUEST' ? details?.find((d) => d.path === 'title' || d.path === 'text') : undefined;
  if (!detail) return t(`errors.${code}`);
  return t('vision.form.refused', { field: t(`vision.field.${detail.path}`) });
}
