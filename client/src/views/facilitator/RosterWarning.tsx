/**
 * SPEC T-4 in the lobby: with fewer organisations on the roster than the rule
 * needs to answer, every theme would end as "Zu wenige Daten". Say so before
 * the rating starts, while the roster or the rule can still change.
 */
import { useTranslation } from 'react-i18next';
import type { WorkshopConfig } from '../../../../shared/schemas';

export function RosterWarning({ config }: { config: WorkshopConfig }) {
  const { t } = useTranslation();
  const count = config.organisations.length;
  const min = config.tierRule.minOrganisations;
  if (count >= min) return null;
  return (
    <section className="panel warning-panel" aria-labelledby="roster-warning-title">
      <h2 id="roster-warning-title">
        <span aria-hidden="true">⚠ </span>
        {t('facilitator.rosterTooSmallTitle')}
      </h2>
      <p>{t('facilitator.rosterTooSmall', { count, min })}</p>
      <p>{t('facilitator.rosterTooSmallFix')}</p>
    </section>
  );
}
