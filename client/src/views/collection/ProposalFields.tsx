/** Title (one line, with a counter) and optional description of a proposal: the tablet's form and the console's. */
import { useTranslation } from 'react-i18next';
import { DESCRIPTION_MAX, draftProblemText, TITLE_MAX, type DraftProblem, type ProposalDraft } from './proposalText';

export function ProposalFields({
  id,
  draft,
  onChange,
  problem,
  titleLabel,
  descriptionLabel,
  descriptionHint,
  titleRef,
}: {
  id: string;
  draft: ProposalDraft;
  onChange: (draft: ProposalDraft) => void;
  problem: DraftProblem | null;
  titleLabel: string;
  descriptionLabel: string;
  descriptionHint?: string;
  titleRef?: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const error = (field: DraftProblem['field']) =>
    problem?.field === field ? (
      <p id={`${id}-${field}-error`} className="error">
        {draftProblemText(t, problem)}
      </p>
    ) : null;
  const describedBy = (field: DraftProblem['field'], ...more: string[]) => [...more, problem?.field === field ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="proposal-fields">
      <div className="field">
        <label htmlFor={`${id}-title`}>{titleLabel}</label>
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
          {t('collection.form.counter', { count: draft.title.length, max: TITLE_MAX })}
        </p>
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{descriptionLabel}</label>
        <textarea
          id={`${id}-description`}
          value={draft.description}
          maxLength={DESCRIPTION_MAX}
          rows={3}
          aria-invalid={problem?.field === 'description' || undefined}
          aria-describedby={describedBy('description', ...(descriptionHint ? [`${id}-description-hint`] : []), `${id}-description-count`)}
          onChange={(e) => onChange({ ...draft, description: e.target.value })}
        />
        {descriptionHint && (
          <p id={`${id}-description-hint`} className="hint">
            {descriptionHint}
          </p>
        )}
        <p id={`${id}-description-count`} className="hint counter">
          {t('collection.form.counter', { count: draft.description.length, max: DESCRIPTION_MAX })}
        </p>
        {error('description')}
      </div>
    </div>
  );
}
