/** Inline edit of a proposal's title and description (TC-8). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorProposalView } from '../../../../../shared/activities/collection/views';
import { editProposal } from '../../../net/collection';
import { ProposalFields } from '../ProposalFields';
import { checkDraft, type DraftProblem } from '../proposalText';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

export function EditForm({ proposal, onClose }: { proposal: FacilitatorProposalView; onClose: (message: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ title: proposal.title, description: proposal.description ?? '' });
  const [problem, setProblem] = useState<DraftProblem | null>(null);
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
        if (await run(() => editProposal(proposal.id, checked.proposal.title, checked.proposal.description))) onClose(t('collection.console.done.edited'));
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
