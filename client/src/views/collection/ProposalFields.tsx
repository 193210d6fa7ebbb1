/** Title (one line, with a counter) and optional description of a proposal: the tablet's form and the console's. */
import { useTranslation } from 'react-i18next';
import { CountedField } from '../common/CountedField';
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
  const error = (field: DraftProblem['field']) => (problem?.field === field ? draftProblemText(t, problem) : null);
  return (
    <div className="proposal-fields">
      <CountedField
        id={`${id}-title`}
        label={titleLabel}
        value={draft.title}
        max={TITLE_MAX}
        counter={t('collection.form.counter', { count: draft.title.length, max: TITLE_MAX })}
        onChange={(title) => onChange({ ...draft, title })}
        error={error('title')}
        {...(titleRef ? { inputRef: titleRef } : {})}
      />
      <CountedField
        id={`${id}-description`}
        label={descriptionLabel}
        value={draft.description}
        max={DESCRIPTION_MAX}
        rows={3}
        counter={t('collection.form.counter', { count: draft.description.length, max: DESCRIPTION_MAX })}
        onChange={(description) => onChange({ ...draft, description })}
        error={error('description')}
        {...(descriptionHint ? { hint: descriptionHint } : {})}
      />
    </div>
  );
}
