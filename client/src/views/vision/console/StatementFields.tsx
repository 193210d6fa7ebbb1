/** A statement's title (one line) and text (paragraphs and lists), with counters: for adding and for revising. */
import { useTranslation } from 'react-i18next';
import { CountedField } from '../../common/CountedField';
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
  const error = (field: DraftProblem['field']) => (problem?.field === field ? t(`vision.form.${problem.key}`, { field: t(`vision.field.${field}`) }) : null);
  return (
    <div className="proposal-fields">
      <CountedField
        id={`${id}-title`}
        label={t('vision.field.title')}
        value={draft.title}
        max={TITLE_MAX}
        counter={t('vision.form.counter', { count: draft.title.length, max: TITLE_MAX })}
        onChange={(title) => onChange({ ...draft, title })}
        error={error('title')}
        {...(titleRef ? { inputRef: titleRef } : {})}
      />
      <CountedField
        id={`${id}-text`}
        label={t('vision.field.text')}
        value={draft.text}
        max={TEXT_MAX}
        rows={5}
        hint={t('vision.form.textHint')}
        counter={t('vision.form.counter', { count: draft.text.length, max: TEXT_MAX })}
        onChange={(text) => onChange({ ...draft, text })}
        error={error('text')}
      />
    </div>
  );
}
