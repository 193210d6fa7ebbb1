/** A statement's title (one line) and text (paragraphs and lists), with counters: for adding and for revising. */
import { useTranslation } from 'react-i18next';
import { TEXT_MAX, TITLE_MAX, type DraftProblem, type StatementDraft } from '../common/refusal';

export function StatementFields({
  id,
  draft,
  onChange,
  problem,
  titleRef,
}: {
  id: string;
  draft: StatementDraft;
  onChange: (draft: StatementDraft) => void;
  problem: DraftProblem | null;
  titleRef?: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const error = (field: DraftProblem['field']) =>
    problem?.field === field ? (
      <p id={`${id}-${field}-error`} className="error">
        {t(`vision.form.${problem.key}`, { field: t(`vision.field.${field}`) })}
      </p>
    ) : null;
  const describedBy = (field: DraftProblem['field'], ...more: string[]) => [...more, problem?.field === field ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="proposal-fields">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('vision.field.title')}</label>
        <input
          id={`${id}-title`}
          ref={titleRef}
          value={draft.title}
          maxLength={TITLE_MAX}
          autoComplete="off"
          aria-invalid={problem?.field === 'title' || undefined}
          aria-describedby={describedBy('title', `${id}-title-count`)}
          onChange={(e) => onChange({ ...draft, title: e.target.value })}
        />
        <p id={`${id}-title-count`} className="hint counter">
          {t('vision.form.counter', { count: draft.title.length, max: TITLE_MAX })}
        </p>
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('vision.field.text')}</label>
        <textarea
          id={`${id}-text`}
          value={draft.text}
          maxLength={TEXT_MAX}
          rows={5}
          aria-invalid={problem?.field === 'text' || undefined}
          aria-describedby={describedBy('text', `${id}-text-hint`, `${id}-text-count`)}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
        />
        <p id={`${id}-text-hint`} className="hint">
          {t('vision.form.textHint')}
        </p>
        <p id={`${id}-text-count`} className="hint counter">
          {t('vision.form.counter', { count: draft.text.length, max: TEXT_MAX })}
        </p>
        {error('text')}
      </div>
    </div>
  );
}
