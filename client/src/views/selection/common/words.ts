/**
 * The selection's numbers and reasons in words (SPEC BU-6): amounts in euros
 * the way the reader writes them, each rule's reason per idea, who a voter is
 * (an organisation by name; a person by letter, never by name), a refusal.
 */
import type { TFunction } from 'i18next';
import type { EqualSharesReason, GreedyReason } from '../../../../../shared/domain/budget';
import type { VoteView } from '../../../../../shared/activities/selection/views';
import type { ErrorCode, ErrorDetail } from '../../../../../shared/protocol';
import type { Organisation } from '../../../../../shared/schemas';
import { i18next } from '../../../i18n';

/** "30.000 €", "12.500,50 €" in German; "€30,000" in English. */
export function formatEuro(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100) % 100 !== 0;
  return new Intl.NumberFormat(i18next.language, { style: 'currency', currency: 'EUR', minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

/** The amount as one types it back in: "12.500,50". */
export function typedAmount(amount: number): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

export function greedyReasonText(t: TFunction, reason: GreedyReason): string {
  switch (reason.code) {
    case 'selected':
      return t('selection.reason.greedy.selected', { left: formatEuro(reason.remainingAfter) });
    case 'does-not-fit':
      return t('selection.reason.greedy.does-not-fit', { remaining: formatEuro(reason.remaining) });
    default:
      return t(`selection.reason.greedy.${reason.code}`);
  }
}

export function sharesReasonText(t: TFunction, reason: EqualSharesReason): string {
  switch (reason.code) {
    case 'selected':
      return t('selection.reason.equalShares.selected', { round: reason.round, count: Object.keys(reason.payments).length });
    case 'completed':
      return t('selection.reason.equalShares.completed', { left: formatEuro(reason.remainingAfter) });
    case 'supporters-cannot-afford':
      return t('selection.reason.equalShares.supporters-cannot-afford', { held: formatEuro(reason.held) });
    default:
      return t(`selection.reason.equalShares.${reason.code}`);
  }
}

/**
 * A voter as the screens name it: `o:<id>` is an organisation; a person
 * (person mode) gets a letter by its place among the voters, never a name.
 */
export function voterNames(t: TFunction, voterIds: readonly string[], organisations: readonly Organisation[]): Map<string, string> {
  const names = new Map<string, string>();
  let person = 0;
  for (const id of voterIds) {
    if (id.startsWith('o:')) {
      const organisationId = id.slice(2);
      names.set(id, organisations.find((o) => o.id === organisationId)?.name ?? organisationId);
    } else {
      names.set(id, t('selection.reason.person', { letter: personLetter(person++) }));
    }
  }
  return names;
}

function personLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? letters[index]! : `${letters[Math.floor(index / 26) - 1]}${letters[index % 26]}`;
}

export function organisationName(id: string | null, organisations: readonly Organisation[]): string | null {
  if (id === null) return null;
  return organisations.find((o) => o.id === id)?.name ?? id;
}

/** A refusal in words; the selection's own codes carry the vote's limits. */
export function refusalText(t: TFunction, code: ErrorCode | 'network', limits?: { allowance: number; max: number }, details?: ErrorDetail[]): string {
  if (code === 'BAD_REQUEST' && details?.some((d) => d.path === 'reason')) return t('selection.console.reasonMissing');
  return t([`selection.errors.${code}`, `errors.${code}`], { allowance: limits?.allowance ?? '', max: limits?.max ?? '' });
}

/** "3 Organisationen haben abgestimmt" (or persons, in person mode): who has voted, never what. */
export function votersText(t: TFunction, vote: Pick<VoteView, 'unit' | 'voters'>): string {
  return t(vote.unit === 'organisation' ? 'selection.totals.voters' : 'selection.totals.votersPerson', { count: vote.voters });
}
