/** Small pieces every vision screen shows of a statement: what it is, its status, a closed round's tally and reasons. */
import { useTranslation } from 'react-i18next';
import type { RoundView, StatementView } from '../../../../../shared/activities/vision/views';
import type { VisionView } from '../../../../../shared/activities/vision/views';

/** "Grundsatz", or "Zukunftsbild · Bildung". */
export function StatementKind({ statement, workshop }: { statement: Pick<StatementView, 'kind' | 'themeId'>; workshop: VisionView }) {
  const { t } = useTranslation();
  const theme = statement.themeId ? workshop.config.themes.find((th) => th.themeId === statement.themeId) : undefined;
  return (
    <p className="statement-kind">
      {statement.kind === 'principle' ? t('vision.kind.principle') : t('vision.kind.picture', { theme: theme?.name ?? statement.themeId ?? '' })}
    </p>
  );
}

export function StatusBadge({ status }: { status: StatementView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`vision-status status-${status}`}>
      <span className="visually-hidden">{t('vision.statusLabel')}: </span>
      {t(`vision.status.${status}`)}
    </span>
  );
}

/** A round's tally as three numbers with their words. */
export function TallyLine({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  if (!round.tally) return null;
  const { consent, concern, objection } = round.tally;
  return (
    <ul className="tally" aria-label={t('vision.result.tally')}>
      <li className="tally-consent">
        <strong>{consent}</strong> {t('vision.answer.consentCount', { count: consent })}
      </li>
      <li className="tally-concern">
        <strong>{concern}</strong> {t('vision.answer.concernCount', { count: concern })}
      </li>
      <li className="tally-objection">
        <strong>{objection}</strong> {t('vision.answer.objectionCount', { count: objection })}
      </li>
    </ul>
  );
}

/** Concerns and objections with their texts; with `organisationName` (the console only) who raised each. */
export function ReasonList({ round, organisationName }: { round: RoundView; organisationName?: (id: string) => string }) {
  const { t } = useTranslation();
  const reasons = round.reasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons">
      {reasons.map((reason, i) => (
        <li key={i} className={`reason reason-${reason.answer}`}>
          <span className="reason-kind">{t(`vision.answer.${reason.answer}`)}</span>
          {organisationName && reason.organisationId && <span className="reason-who"> · {organisationName(reason.organisationId)}</span>}
          {': '}
          <span className="reason-text">{reason.text ?? t('vision.result.noNote')}</span>
        </li>
      ))}
    </ul>
  );
}
