/** Folded on each card: every version with its time (VI-3) and every round with its tally and reasons (VI-7, VI-9). */
import { useTranslation } from 'react-i18next';
import type { FacilitatorStatementView } from '../../../../../shared/activities/vision/views';
import { formatDateTime } from '../../../i18n';
import { ReasonList, TallyLine } from '../common/StatementBits';
import { StatementText } from '../common/StatementText';

export function VersionHistory({ statement }: { statement: FacilitatorStatementView }) {
  const { t } = useTranslation();
  return (
    <details className="history">
      <summary>{t('vision.console.versions', { count: statement.versions.length })}</summary>
      <ol className="history-list" reversed>
        {[...statement.versions].reverse().map((v) => (
          <li key={v.version}>
            <p className="history-head">
              {t('vision.console.versionAt', { version: v.version, date: formatDateTime(v.at) })}
              {v.version === statement.version && <span className="tag">{t('vision.console.current')}</span>}
            </p>
            <p className="history-title">{v.title}</p>
            <StatementText text={v.text} />
          </li>
        ))}
      </ol>
    </details>
  );
}

export function RoundHistory({ statement, organisationName }: { statement: FacilitatorStatementView; organisationName: (id: string) => string }) {
  const { t } = useTranslation();
  if (statement.rounds.length === 0) return null;
  return (
    <details className="history">
      <summary>{t('vision.console.rounds', { count: statement.rounds.length })}</summary>
      <ol className="history-list" reversed>
        {[...statement.rounds].reverse().map((r) => (
          <li key={r.round}>
            <p className="history-head">
              {t('vision.console.roundAt', { round: r.round, version: r.version, opened: formatDateTime(r.openedAt) })}
              {r.closedAt !== null ? ` – ${t('vision.console.closedAt', { date: formatDateTime(r.closedAt) })}` : ` – ${t('vision.console.stillOpen')}`}
            </p>
            <TallyLine round={r} />
            <ReasonList round={r} organisationName={organisationName} />
          </li>
        ))}
      </ol>
    </details>
  );
}
