/** One statement on the tablet: what it is, its title, text and status, and its latest closed round's result without names (VI-8). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store';
import type { StatementView, VisionView } from '../../../../../shared/activities/vision/views';
import { ReasonList, StatementKind, StatusBadge, TallyLine } from '../common/StatementBits';
import { StatementText } from '../common/StatementText';
import { refusalText } from '../common/refusal';

export function StatementItem({ statement, workshop }: { statement: StatementView; workshop: VisionView }) {
  const { t } = useTranslation();
  const titleId = `statement-${statement.id}`;
  const round = statement.round && !statement.round.open ? statement.round : null;
  // An answer still on its way when the round closed is refused (CHECK_CLOSED): say so where the round's result is.
  const mine = useStore((s) => s.consentAnswers[statement.id]);
  const refused = round && mine?.delivery === 'failed' && mine.round === round.round ? mine.refusal : null;
  return (
    <article className={`statement-item status-${statement.status}`} aria-labelledby={titleId}>
      <div className="statement-head">
        <div>
          <StatementKind statement={statement} workshop={workshop} />
          <h3 id={titleId} className="statement-title">
            {statement.title}
          </h3>
        </div>
        <StatusBadge status={statement.status} />
      </div>
      <StatementText text={statement.text} />
      {round && (
        <div className="round-result">
          <p className="round-result-title">
            {t(round.version === statement.version ? 'vision.result.round' : 'vision.result.roundEarlier', { round: round.round, version: round.version })}
          </p>
          <TallyLine round={round} />
          <ReasonList round={round} />
          {refused && (
            <p className="error">{t('vision.delivery.failed', { reason: refusalText(t, refused.code, refused.details) })}</p>
          )}
        </div>
      )}
    </article>
  );
}
