/** "Eigenen Vorschlag hinzufügen": the facilitator proposes, e.g. from the flip chart, in every phase but finalised (TC-2). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitProposal } from '../../../net/collection';
import { IdeaFields } from '../../deepdive/idea/IdeaFields';
import { checkIdea, emptyIdea, type IdeaProblem } from '../../deepdive/idea/ideaDraft';
import { useIdeas, useTerms } from '../ideas';
import { ProposalFields } from '../ProposalFields';
import { checkDraft, type DraftProblem, type ProposalDraft } from '../proposalText';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

const EMPTY: ProposalDraft = { title: '', description: '' };

export function FacilitatorProposalForm() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const term = useTerms();
  const ideas = useIdeas();
  const [idea, setIdea] = useState(() => emptyIdea(ideas?.defaultLead ?? null));
  const [ideaProblem, setIdeaProblem] = useState<IdeaProblem | null>(null);
  const [added, setAdded] = useState('');
  const [command, run] = useOperation();
  return (
    <section className="panel" aria-labelledby="add-proposal-heading">
      <h2 id="add-proposal-heading">{term('console.addTitle')}</h2>
      <p className="hint">{term('console.addHint')}</p>
      <form
        className="stack"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const checked = checkDraft(draft);
          if (!checked.ok) {
            setProblem(checked.problem);
            document.getElementById(`add-proposal-${checked.problem.field}`)?.focus();
            return;
          }
          const details = ideas ? checkIdea(idea) : null;
          if (details && !details.ok) {
            setIdeaProblem(details.problem);
            document.getElementById(`add-proposal-${details.problem.field}`)?.focus();
            return;
          }
          setAdded('');
          if (await run(() => submitProposal(checked.proposal.title, checked.proposal.description, details?.idea))) {
            setDraft(EMPTY);
            setIdea(emptyIdea(ideas?.defaultLead ?? null));
            setAdded(t('collection.console.done.added', { title: checked.proposal.title }));
          }
        }}
      >
        <ProposalFields
          id="add-proposal"
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            if (problem) setProblem(null);
          }}
          problem={problem}
          titleLabel={t('collection.console.title')}
          descriptionLabel={t('collection.console.description')}
        />
        {ideas && (
          <IdeaFields
            id="add-proposal"
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
          <button type="submit" disabled={command.status === 'busy'}>
            {t('collection.console.add')}
          </button>
        </div>
        <OperationStatus state={command} />
        <p role="status" className="hint">
          {added}
        </p>
      </form>
    </section>
  );
}
