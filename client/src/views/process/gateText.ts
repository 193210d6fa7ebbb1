/** PR-9 in words: the gate's tiers as the reader lists them ("I und II", "I, II und III"; "I and II" in English). */
import type { Tier } from '../../../../shared/domain/tiering';
import { i18next } from '../../i18n';

const ORDER: readonly Tier[] = ['I', 'II', 'III'];

export function tierList(tiers: readonly Tier[]): string {
  const sorted = ORDER.filter((tier) => tiers.includes(tier));
  return new Intl.ListFormat(i18next.language, { style: 'long', type: 'conjunction' }).format(sorted);
}
