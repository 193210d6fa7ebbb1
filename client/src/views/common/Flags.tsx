import { useTranslation } from 'react-i18next';
import type { ThemeResult } from '../../../../shared/domain/results';

/** "Diskutieren" and "Zu wenige Daten" as text with an explanation for screen readers and tooltips. */
export function Flags({ result, minOrganisations, insufficient = true }: { result: ThemeResult; minOrganisations: number; insufficient?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {result.discuss && (
        <span className="flag flag-discuss" title={t('flags.discussHint')}>
          {t('flags.discuss')}
          <span className="visually-hidden">: {t('flags.discussHint')}</span>
        </span>
      )}
      {insufficient && result.insufficientData && (
        <span className="flag flag-insufficient" title={t('flags.insufficientHint', { min: minOrganisations })}>
          {t('flags.insufficient')}
        </span>
      )}
    </>
  );
}
