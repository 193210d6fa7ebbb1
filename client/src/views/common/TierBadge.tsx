/**
 * A tier is never told by colour alone (WCAG 1.4.1): the badge carries the
 * numeral as text and a shape per tier, and the colour only adds to it.
 */
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/domain/tiering';

export const TIER_SHAPE: Record<Tier, string> = { I: '●', II: '▲', III: '■' };

export function TierBadge({ tier }: { tier: Tier | null }) {
  const { t } = useTranslation();
  if (!tier) return <span className="tier tier-none">{t('tier.none')}</span>;
  return (
    <span className={`tier tier-${tier}`}>
      <span aria-hidden="true" className="tier-shape">
        {TIER_SHAPE[tier]}
      </span>{' '}
      {t(`tier.${tier}`)}
    </span>
  );
}
