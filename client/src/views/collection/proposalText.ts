/**
 * A proposal's text checked on the device the way the server checks it (SPEC
 * TC-3, S-8): the form says what is wrong before anything is sent. The server
 * checks again; its refusal is put in words by `refusalText`.
 */
import type { TFunction } from 'i18next';
import { COLLECTION_LIMITS } from '../../../../shared/activities/collection/schemas';
import type { ErrorCode, ErrorDetail } from '../../../../shared/protocol';
import { textProblem } from '../../../../shared/text';

export const TITLE_MAX = COLLECTION_LIMITS.titleLength;
export const DESCRIPTION_MAX = COLLECTION_LIMITS.descriptionLength;
export const PROPOSALS_PER_PARTICIPANT = COLLECTION_LIMITS.proposalsPerParticipant;

export interface ProposalDraft {
  title: string;
  description: string;
}

export interface CheckedProposal {
  title: string;
  description: string | null;
}

export type DraftProblem = { field: 'title' | 'description'; key: 'empty' | 'invalid' };

/** The text as the server will store it (trimmed, line breaks normalised), or what is wrong with it. */
export function checkDraft(draft: ProposalDraft): { ok: true; proposal: CheckedProposal } | { ok: false; problem: DraftProblem } {
  const title = draft.title.trim();
  const description = draft.description.replace(/\r\n?/g, '\n').trim();
  if (!title) return { ok: false, problem: { field: 'title', key: 'empty' } };
  if (textProblem(title, false)) return { ok: false, problem: { field: 'title', key: 'invalid' } };
  if (textProblem(description, true)) return { ok: false, problem: { field: 'description', key: 'invalid' } };
  return { ok: true, proposal: { title: title.slice(0, TITLE_MAX), description: description ? description.slice(0, DESCRIPTION_MAX) : null } };
}

export function draftProblemText(t: TFunction, problem: DraftProblem): string {
  if (problem.key === 'empty') return t('collection.form.empty');
  return t('collection.form.invalid', { field: t(`collection.field.${problem.field}`) });
}

const DETAIL: Record<string, string> = {
  'contains a control character': 'control',
  'contains an unpaired surrogate': 'surrogate',
  'contains a Unicode non-character': 'nonCharacter',
};

/** A refusal in words: the error code's sentence, and for a refused text which field and why. */
export function refusalText(t: TFunction, code: ErrorCode | 'network', details?: ErrorDetail[]): string {
  // A deep-dive's idea details (DD-3): the cost or the partners the server did not take.
  const ideaDetail = code === 'BAD_REQUEST' ? details?.find((d) => d.path === 'idea.cost' || d.path === 'idea.partners') : undefined;
  if (ideaDetail) return t(ideaDetail.path === 'idea.cost' ? 'deepdive.idea.costProblem.invalid' : 'deepdive.idea.partnersInvalid');
  const detail = code === 'BAD_REQUEST' ? details?.find((d) => d.path === 'title' || d.path === 'description') : undefined;
  if (!detail) return t(`errors.${code}`);
  const field = t(`collection.field.${detail.path}`);
  return t(`collection.refusal.${DETAIL[detail.message] ?? 'other'}`, { field });
}
