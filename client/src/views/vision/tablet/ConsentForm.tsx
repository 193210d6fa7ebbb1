/**
 * The statement under check, on top of the tablet, with the three answers
 * (SPEC VI-5): Zustimmung, Bedenken (an optional note), schwerwiegender
 * Einwand (a reason, required — said before sending; the server refuses it
 * too). The answer goes through the outbox with its opId and may be changed
 * while the round is open. In organisation mode the organisation's current
 * answer is shown: another representative may have given it, and it counts.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_ANSWERS, type ConsentAnswer } from '../../../../../shared/activities/vision/schemas';
import type { StatementView, VisionParticipantState } from '../../../../../shared/activities/vision/views';
import { textProblem } from '../../../../../shared/text';
import { answerConsent } from '../../../net/vision';
import { useStore } from '../../../store';
import { StatementKind } from '../common/StatementBits';
import { StatementText } from '../common/StatementText';
import { oneLine, REASON_MAX, refusalText } from '../common/refusal';
import { DeliveryStatus } from './DeliveryStatus';

export function ConsentForm({ statement, state, organisation }: { statement: StatementView; state: VisionParticipantState; organisation: string }) {
  const { t } = useTranslation();
  const id = useId();
  const round = statement.round!;
  const stored = useStore((s) => s.consentAnswers[statement.id]);
  const entry = stored?.round === round.round ? stored : undefined;
  // The pushed state comes at most once a second: until it names the organisation's answer, this device's saved one stands.
  const organisationAnswer = state.organisationAnswers?.find((a) => a.statementId === statement.id && a.round === round.round) ?? (state.organisationAnswers ? entry?.saved : undefined) ?? undefined;
  const current = entry?.shown ?? organisationAnswer ?? null;
  // Until the person changes something, the form shows the answer that stands.
  const [draft, setDraft] = useState<{ answer: ConsentAnswer | null; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const shown = draft ?? { answer: current?.answer ?? null, text: current?.text ?? '' };
  const byOrganisation = state.workshop.config.votingUnit === 'organisation';
  const titleId = `${id}-title`;
  const needsText = shown.answer === 'concern' || shown.answer === 'objection';

  const submit = () => {
    if (!shown.answer) {
      setProblem(t('vision.consent.chooseFirst'));
      return;
    }
    const text = needsText ? oneLine(shown.text) : '';
    if (shown.answer === 'objection' && !text) {
      setProblem(t('vision.consent.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    if (text && textProblem(text, false)) {
      setProblem(t('vision.form.refused', { field: t('vision.field.reason') }));
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    answerConsent(statement.id, round.round, shown.answer, text ? text.slice(0, REASON_MAX) : null);
    setDraft(null);
  };

  return (
    <section className="card consent-card" aria-labelledby={titleId}>
      <p className="consent-kicker">{t('vision.consent.kicker', { round: round.round })}</p>
      <StatementKind statement={statement} workshop={state.workshop} />
      <h2 id={titleId} className="consent-title">
        {statement.title}
      </h2>
      <StatementText text={statement.text} className="consent-text" />
      <p className="hint">{t(byOrganisation ? 'vision.consent.answeredOrganisations' : 'vision.consent.answeredPersons', { count: round.answered })}</p>
      <form
        className="stack consent-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="consent-choices">
          <legend>{t('vision.consent.legend', { title: statement.title })}</legend>
          {CONSENT_ANSWERS.map((answer) => (
            <label key={answer} className={`consent-choice choice-${answer}`}>
              <input
                type="radio"
                name={`${id}-answer`}
                value={answer}
                checked={shown.answer === answer}
                aria-labelledby={`${id}-${answer}-name`}
                aria-describedby={`${id}-${answer}-hint`}
                onChange={() => {
                  setDraft({ answer, text: shown.text });
                  setProblem(null);
                }}
              />
              <span id={`${id}-${answer}-name`} className="choice-name">
                {t(`vision.answer.${answer}`)}
              </span>
              <span id={`${id}-${answer}-hint`} className="choice-hint">
                {t(`vision.consent.${answer}Hint`)}
              </span>
            </label>
          ))}
        </fieldset>
        {needsText && (
          <div className="field reason-field">
            <label htmlFor={`${id}-reason`}>{t(shown.answer === 'objection' ? 'vision.consent.reasonLabel' : 'vision.consent.noteLabel')}</label>
            {shown.answer === 'objection' && (
              <p id={`${id}-reason-hint`} className="notice-inline">
                {t('vision.consent.reasonHint')}
              </p>
            )}
            <textarea
              id={`${id}-reason`}
              ref={reasonRef}
              rows={3}
              maxLength={REASON_MAX}
              value={shown.text}
              aria-required={shown.answer === 'objection' || undefined}
              aria-invalid={problem !== null && shown.answer === 'objection' ? true : undefined}
              aria-describedby={[shown.answer === 'objection' ? `${id}-reason-hint` : '', problem ? `${id}-problem` : '', `${id}-reason-count`].filter(Boolean).join(' ')}
              onChange={(e) => {
                setDraft({ answer: shown.answer, text: e.target.value });
                setProblem(null);
              }}
            />
            <p id={`${id}-reason-count`} className="hint counter">
              {t('vision.form.counter', { count: shown.text.length, max: REASON_MAX })}
            </p>
          </div>
        )}
        {problem && (
          <p id={`${id}-problem`} role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {entry?.saved || organisationAnswer ? t('vision.consent.change') : t('vision.consent.send')}
          </button>
          <DeliveryStatus entry={entry ?? null} refusal={entry?.refusal ? refusalText(t, entry.refusal.code, entry.refusal.details) : null} />
        </div>
      </form>
      {byOrganisation && (
        <div className="organisation-answer">
          <p>
            {organisationAnswer ? (
              <>
                {t('vision.consent.organisationAnswer', { organisation })} <strong>{t(`vision.answer.${organisationAnswer.answer}`)}</strong>
                {organisationAnswer.text && <> – „{organisationAnswer.text}“</>}
              </>
            ) : (
              t('vision.consent.organisationNone', { organisation })
            )}
          </p>
          <p className="hint">{t('vision.consent.countsForOrganisation', { organisation })}</p>
        </div>
      )}
    </section>
  );
}
