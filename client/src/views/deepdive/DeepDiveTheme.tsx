/** The theme a deep-dive works on (DD-1): its name, its tier from the Quick-Check, and — opened outside the gate — the recorded reason (DD-2). */
import { useTranslation } from 'react-i18next';
import type { DeepDiveTheme } from '../../../../shared/activities/deepdive/schemas';
import { TierBadge } from '../common/TierBadge';

export function DeepDiveThemeFacts({ theme, showReason }: { theme: DeepDiveTheme; showReason: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="deepdive-theme">
      <p className="deepdive-theme-line">
        <span className="visually-hidden">{t('deepdive.console.tier')}: </span>
        <TierBadge tier={theme.tier} />
      </p>
      {showReason && theme.gateReason && (
        <p className="gate-reason">
          <strong>{t('deepdive.console.gateReason')}</strong> {theme.gateReason}
        </p>
      )}
    </div>
  );
}
