/**
 * One criterion of one theme: the scale as large radio buttons (≥ 44 px) plus
 * an explicit abstention. Native radios: Tab enters the group, arrow keys move.
 */
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../../shared/domain/tally';
import type { Criterion, Scale } from '../../../../shared/schemas';

export function ScoreRow({
  themeId,
  criterion,
  scale,
  value,
  onChange,
}: {
  themeId: string;
  criterion: Criterion;
  scale: Scale;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const name = `${themeId}--${criterion.id}`;
  const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const hintId = `${name}--hint`;
  return (
    <fieldset className="score-row">
      <legend>{criterion.label}</legend>
      <div className="scale">
        {/* The numbers and, under the first and the last of them, what they mean. */}
        <div className="scale-steps-wrap">
          <div className="scale-steps">
            {steps.map((step) => (
              <label key={step} className="score">
                <input type="radio" name={name} value={step} checked={value === step} onChange={() => onChange(step)} aria-describedby={hintId} />
                <span>{step}</span>
              </label>
            ))}
          </div>
          <p id={hintId} className="scale-hint">
            <span>
              {scale.min} = {t('ballot.scaleLow')}
            </span>
            <span>
              {scale.max} = {t('ballot.scaleHigh')}
            </span>
          </p>
        </div>
        <label className="score abstain">
          <input type="radio" name={name} value="abstain" checked={value === null} onChange={() => onChange(null)} />
          <span>{t('ballot.abstain')}</span>
        </label>
      </div>
    </fieldset>
  );
}
