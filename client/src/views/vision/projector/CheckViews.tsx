/** The projector while a check is open (the statement, how many answered) and after it closed (tally, reasons without names, status). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundView, StatementView, VisionView } from '../../../../../shared/activities/vision/views';
import { ReasonList, StatementKind, StatusBadge, TallyLine } from '../common/StatementBits';
import { StatementText } from '../common/StatementText';
import { useFitText } from '../common/useFitText';

export function CheckView({ statement, round, workshop, expected }: { statement: StatementView; round: RoundView; workshop: VisionView; expected: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useFitText(box, `${statement.title}\n${statement.text}`);
  return (
    <section className="vision-stage check-stage" aria-labelledby="check-title">
      <div ref={box} className="fit-box">
        <p className="consent-kicker">{t('vision.consent.kicker', { round: round.round })}</p>
        <StatementKind statement={statement} workshop={workshop} />
        <h2 id="check-title" className="stage-title">
          {statement.title}
        </h2>
        <StatementText text={statement.text} />
      </div>
      <p className="answered-count" role="status">
        {t('vision.projector.answered', { answered: round.answered, expected })}
      </p>
    </section>
  );
}

export function ResultView({ statement, round, workshop }: { statement: StatementView; round: RoundView; workshop: VisionView }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useFitText(box, `${statement.title}\n${(round.reasons ?? []).map((r) => r.text).join('\n')}`);
  return (
    <section className="vision-stage result-stage" aria-labelledby="result-title">
      <div className="result-head">
        <div>
          <p className="consent-kicker">{t('vision.result.round', { round: round.round, version: round.version })}</p>
          <StatementKind statement={statement} workshop={workshop} />
          <h2 id="result-title" className="stage-title">
            {statement.title}
          </h2>
        </div>
        <StatusBadge status={statement.status} />
      </div>
      <TallyLine round={round} />
      <div ref={box} className="fit-box">
        {(round.reasons ?? []).length > 0 ? <ReasonList round={round} /> : <p className="hint">{t('vision.result.noReasons')}</p>}
      </div>
    </section>
  );
}
