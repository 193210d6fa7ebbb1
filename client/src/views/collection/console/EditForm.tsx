/** Inline edit of a proposal's title and description (TC-8); of an idea's details too (DD-3). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorProposalView } from '../../../../../shared/activities/collection/views';
import { editProposal } from '../../../net/collection';
import { IdeaFields } from '../../deepdive/idea/IdeaFields';
import { checkIdea, ideaDraftOf, type IdeaProblem } from '../../deepdive/idea/ideaDraft';
import { useIdeas } from '../ideas';
import { ProposalFields } from '../ProposalFields';
import { checkDraft, type DraftProblem } from '../proposalText';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

export function EditForm({ proposal, onClose }: { proposal: FacilitatorProposalView; onClose: (message: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ title: proposal.title, description: proposal.description ?? '' });
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const ideas = useIdeas();
  const [idea, setIdea] = useState(() => ideaDraftOf(proposal.idea));
  const [ideaProblem, setIdeaProblem] = useState<IdeaProblem | null>(null);
  const [command, run] = useOperation();
  const title = useRef<HTMLInputElement>(null);
  const id = `edit-${proposal.id}`;
  useEffect(() => title.current?.focus(), []);
  return (
    <form
      className="inline-edit stack"
      noValidate
      aria-label={t('collection.console.editLegend', { title: proposal.title })}
      onSubmit={async (e) => {
        e.preventDefault();
        const checked = checkDraft(draft);
        if (!checked.ok) {
          setProblem(checked.problem);
          document.getElementById(`${id}-${checked.problem.field}`)?.focus();
          return;
        }
        const details = ideas ? checkIdea(idea) : null;
        if (details && !details.ok) {
          setIdeaProblem(details.problem);
          document.getElementById(`${id}-${details.problem.field}`)?.focus();
          return;
        }
        if (await run(() => editProposal(proposal.id, checked.proposal.title, checked.proposal.description, details?.idea))) onClose(t('collection.console.done.edited'));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose(null);
      }}
    >
      <ProposalFields
        id={id}
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          if (problem) setProblem(null);
        }}
        problem={problem}
        titleLabel={t('collection.console.title')}
        descriptionLabel={t('collection.console.description')}
        titleRef={title}
      />
      {ideas && (
        <IdeaFields
          id={id}
          draft={idea}
          organisations={ideas.organisations}
          problem={ideaProblem}
          onChange={(next) => {
            setIdea(next);
            if (ideaProblem) setIdeaProblem(null);
          }}
        />
      )}
      <div className="actions">
        <button type="submit" className="small primary" disabled={command.status === 'busy'}>
          {t('collection.console.save')}
        </button>
        <button type="button" className="small" onClick={() => onClose(null)}>
          {t('collection.console.cancel')}
        </button>
      </div>
      <OperationStatus state={command} />
    </form>
  );
}
