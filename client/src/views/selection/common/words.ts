/**
 * The selection's reasons in words (SPEC BU-6): each rule's reason per idea
 * (amounts by formatEuro of ../../../i18n), who a voter is
 * (an organisation by name; a person by letter, never by name), a refusal.
 */
import type { TFunction } from 'i18next';
import type { EqualSharesReason, GreedyReason } from '../../../../../shared/domain/budget';
import type { VoteView } from '../../../../../shared/activities/selection/views';
import type { ErrorCode, ErrorDetail } from '../../../../../shared/protocol';
import type { Organisation } from '../../../../../shared/schemas';
import { formatEuro } from '../../../i18n';


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


/** A refusal in words; the selection's own codes carry the vote's limits. */
export function refusalText(t: TFunction, code: ErrorCode | 'network', limits?: { allowance: number; max: number }, details?: ErrorDetail[]): string {
  if (code === 'BAD_REQUEST' && details?.some((d) => d.path === 'reason')) return t('selection.console.reasonMissing');
  return t([`selection.errors.${code}`, `errors.${code}`], { allowance: limits?.allowance ?? '', max: limits?.max ?? '' });
}

/** "3 Organisationen haben abgestimmt" (or persons, in person mode): who has voted, never what. */
export function votersText(t: TFunction, vote: Pick<VoteView, 'unit' | 'voters'>): string {
  return t(vote.unit === 'organisation' ? 'selection.totals.voters' : 'selection.totals.votersPerson', { count: vote.voters });
}
