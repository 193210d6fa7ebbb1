/**
 * The page of one strategy process (SPEC PR-1 … PR-7): its title, its steps
 * (and a new one), the roster of organisations, who facilitates, and the
 * comparison of its Quick-Check rounds (RC-1 … RC-7).
 */
import { use, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import { addStrings } from '../../i18n';
import { officeReady } from '../../i18n/office';
import { processDe } from '../../i18n/process/de';
import { OfficeShell } from '../office/OfficeShell';
import { useAccount } from '../office/useAccount';
import { DeepDiveSection } from './DeepDiveSection';
import { DeleteProcess } from './DeleteProcess';
import { FacilitatorPanel } from './FacilitatorPanel';
import { ProcessHeader } from './ProcessHeader';
import { RosterEditor } from './RosterEditor';
import { RoundComparisonSection } from './comparison/RoundComparisonSection';
import { StepsSection } from './StepsSection';
import { useProcess } from './useProcess';

const processReady = addStrings({ de: processDe, en: () => import('../../i18n/process/en').then((m) => m.processEn) });

export default function ProcessApp({ processId }: { processId: string }) {
  use(officeReady);
  use(processReady);
  const { t } = useTranslation();
  const account = useAccount({ required: true });
  const signedIn = account.status === 'ready' && account.auth.account !== null;
  if (!signedIn) {
    return (
      <OfficeShell account={null} title={t('process.kicker')}>
        {account.status === 'failed' ? (
          <p role="alert" className="error">
            {t('errors.network')}
          </p>
        ) : (
          <p role="status">{t('process.loading')}</p>
        )}
      </OfficeShell>
    );
  }
  return <ProcessPage processId={processId} account={account.auth.account!} />;
}

function ProcessPage({ processId, account }: { processId: string; account: AccountView }) {
  const { t } = useTranslation();
  const { state, reload, replace, retry } = useProcess(processId);
  /** Gate reasons given on this page, by deep-dive (DD-2), shown on their steps. */
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const title = state.status === 'ready' ? state.view.title : null;
  useEffect(() => {
    if (title) document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  if (state.status !== 'ready') {
    return (
      <OfficeShell account={account} title={t('process.kicker')}>
        {state.status === 'loading' && <p role="status">{t('process.loading')}</p>}
        {state.status === 'notFound' && (
          <div className="panel stack">
            <h1>{t('process.kicker')}</h1>
            <p role="alert">{t('process.notFound')}</p>
            <p>
              <a href="/">{t('process.back')}</a>
            </p>
          </div>
        )}
        {state.status === 'failed' && (
          <div className="panel stack">
            <h1>{t('process.kicker')}</h1>
            <p role="alert" className="error">
              {t('process.loadFailed')}
            </p>
            <div className="actions">
              <button type="button" onClick={retry}>
                {t('process.retry')}
              </button>
              <a href="/">{t('process.back')}</a>
            </div>
          </div>
        )}
      </OfficeShell>
    );
  }

  const { view } = state;
  return (
    <OfficeShell account={account} title={t('process.kicker')}>
      <div className="process-page">
        <ProcessHeader view={view} onChange={replace} />
        <StepsSection view={view} reload={reload} reasons={reasons} />
        <DeepDiveSection
          view={view}
          onChange={replace}
          onCreated={async ({ workshop, reason }) => {
            if (reason) setReasons((now) => ({ ...now, [workshop.workshopId]: reason }));
            await reload();
          }}
        />
        <div className="process-columns">
          <RosterEditor view={view} onChange={replace} />
          <FacilitatorPanel view={view} onChange={replace} />
        </div>
        <RoundComparisonSection processId={view.id} steps={view.steps} />
        {view.mayManage && <DeleteProcess view={view} />}
      </div>
    </OfficeShell>
  );
}
