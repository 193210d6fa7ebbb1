/** How the round comparison writes its numbers: German decimal comma, a real minus sign. */
import { formatNumber } from '../../i18n';

/** Means on a scale get one decimal; values on 0…1 (RC-5) need two to show a change. */
export function digitsFor(normalised: boolean): number {
  return normalised ? 2 : 1;
}

/** "+0,4", "−0,3" (U+2212), "±0,0"; "–" when there is no delta. */
export function formatDelta(delta: number | null, digits: number): string {
  if (delta === null) return '–';
  const text = formatNumber(Math.abs(delta), digits);
  const zero = Number(Math.abs(delta).toFixed(digits)) === 0;
  if (zero) return `±${text}`;
  return `${delta > 0 ? '+' : '\u2212'}${text}`;
}
