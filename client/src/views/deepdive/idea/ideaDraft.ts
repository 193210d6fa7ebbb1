/**
 * A project idea's details as typed (SPEC DD-3), checked on the device the way
 * the server checks them: the lead is one of the organisations or none, the
 * partners one line, the cost an amount in euros as people type it
 * ("12.500,50", "30 000") — shown back, parsed, while typing.
 */
import type { IdeaDetails } from '../../../../../shared/activities/deepdive/schemas';
import { DEEPDIVE_LIMITS } from '../../../../../shared/activities/deepdive/schemas';
import { MAX_EURO, parseEuro } from '../../../../../shared/money';
import { textProblem } from '../../../../../shared/text';
import { typedEuro } from '../../../i18n';

export const PARTNERS_MAX = DEEPDIVE_LIMITS.partnersLength;

export interface IdeaDraft {
  /** '' for none. */
  lead: string;
  partners: string;
  cost: string;
}

export type CostProblem = 'invalid' | 'negative' | 'tooLarge';
export type IdeaProblem = { field: 'partners'; key: 'invalid' } | { field: 'cost'; key: CostProblem };

export function emptyIdea(defaultLead: string | null): IdeaDraft {
  return { lead: defaultLead ?? '', partners: '', cost: '' };
}

/** The draft of an idea as it is (for editing): the cost written the way the reader writes amounts. */
export function ideaDraftOf(idea: IdeaDetails | null): IdeaDraft {
  if (!idea) return emptyIdea(null);
  return { lead: idea.leadOrganisationId ?? '', partners: idea.partners, cost: idea.cost === null ? '' : typedEuro(idea.cost) };
}

/** The typed cost: null when empty, the amount, or what is wrong with it. */
export function readCost(text: string): { ok: true; cost: number | null } | { ok: false; key: CostProblem } {
  const typed = text.trim();
  if (typed === '') return { ok: true, cost: null };
  if (/^[-\u2212]/u.test(typed)) return { ok: false, key: 'negative' };
  const cost = parseEuro(typed);
  if (cost === null) return { ok: false, key: 'invalid' };
  if (cost > MAX_EURO) return { ok: false, key: 'tooLarge' };
  return { ok: true, cost };
}

export function checkIdea(draft: IdeaDraft): { ok: true; idea: IdeaDetails } | { ok: false; problem: IdeaProblem } {
  const partners = draft.partners.trim();
  if (textProblem(partners, false)) return { ok: false, problem: { field: 'partners', key: 'invalid' } };
  const cost = readCost(draft.cost);
  if (!cost.ok) return { ok: false, problem: { field: 'cost', key: cost.key } };
  return { ok: true, idea: { leadOrganisationId: draft.lead || null, partners: partners.slice(0, PARTNERS_MAX), cost: cost.cost } };
}

