/**
 * After the last theme: whether every answer reached the server. "Alles
 * gespeichert" only when each one is acknowledged (SPEC D-1); until then, how
 * many are still on their way.
 */
import { useTranslation } from 'react-i18next';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { useStore } from '../../store';
import { cellKey } from '../../store/ballotSlice';

export function BallotDone({ config, complete }: { config: WorkshopConfig; complete: boolean }) {
  const { t } = useTranslation();
  const counts = useStore((s) => {
    let saving = 0;
    let failed = 0;
    for (const theme of config.themes)
      for (const criterion of config.criteria) {
        const status = s.answers[cellKey(theme.id, criterion.id)]?.status;
        if (status === 'saving') saving++;
        else if (status === 'failed') failed++;
      }
    return `${saving}/${failed}`;
  });
  const [saving, failed] = counts.split('/').map(Number) as [number, number];
  const state = !complete ? null : failed > 0 ? 'failed' : saving > 0 ? 'saving' : 'saved';
  // The live region is always there, so that its message is announced when it appears.
  return (
    <div role="status" className={state ? `card ballot-done ballot-done-${state}` : 'ballot-done-empty'}>
      {state === 'saved' && (
        <>
          <h2>
            <span aria-hidden="true">✓ </span>
            {t('ballot.doneTitle')}
          </h2>
          <p>{t('ballot.doneSaved')}</p>
        </>
      )}
      {state === 'saving' && (
        <>
          <h2>{t('ballot.doneSendingTitle')}</h2>
          <p>{t('ballot.doneSending', { count: saving })}</p>
        </>
      )}
      {state === 'failed' && (
        <>
          <h2>{t('ballot.doneFailedTitle')}</h2>
          <p>{t('ballot.doneFailed', { count: failed })}</p>
        </>
      )}
    </div>
  );
}
