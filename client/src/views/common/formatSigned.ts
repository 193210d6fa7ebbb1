import { formatNumber } from '../../i18n';

/**
 * A difference with its sign, as typeset text writes it: "+0,5", "−1,5" with
 * a real minus sign (U+2212; Intl gives a hyphen-minus), "0,0" without one.
 */
export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return formatNumber(null);
  const magnitude = formatNumber(Math.abs(value), digits);
  if (Number(Math.abs(value).toFixed(digits)) === 0) return magnitude;
  return `${value < 0 ? '\u2212' : '+'}${magnitude}`;
}
