/**
 * "Themenfeld vorschlagen": checked like the server checks it, then queued in
 * the outbox and shown at once under "Ihre Vorschläge" as being sent (TC-3, TC-4).
 * In a deep-dive: "Projektidee einreichen", with the idea's details (DD-3).
 */
import { useRef, useState } from 'react';
import { propose } from '../../../net/collection';
import { useStore } from '../../../store';
import { IdeaFields } from '../../deepdive/idea/IdeaFields';
import { checkIdea, emptyIdea, type IdeaProblem } from '../../deepdive/idea/ideaDraft';
import { useIdeas, useTerms } from '../ideas';
import { ProposalFields } from '../ProposalFields';
import { checkDraft, PROPOSALS_PER_PARTICIPANT, type DraftProblem, type ProposalDraft } from '../proposalText';

const EMPTY: ProposalDraft = { title: '', description: '' };

export function ProposalForm() {
  const term = useTerms();
  const ideas = useIdeas();
  const [draft, setDraft] = useState(EMPTY);
  const [idea, setIdea] = useState(() => emptyIdea(ideas?.defaultLead ?? null));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [ideaProblem, setIdeaProblem] = useState<IdeaProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  // Refused proposals do not count against the limit: the server did not store them.
  const made = useStore((s) => s.ownProposals.filter((e) => e.delivery !== 'failed').length);
  const remaining = PROPOSALS_PER_PARTICIPANT - made;

  return (
    <section className="card proposal-form" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{term('form.title')}</h2>
      {remaining <= 0 ? (
        <p className="notice">{term('form.limit', { max: PROPOSALS_PER_PARTICIPANT })}</p>
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const checked = checkDraft(draft);
            if (!checked.ok) {
              setProblem(checked.problem);
              setAnnouncement('');
              document.getElementById(`propose-${checked.problem.field}`)?.focus();
              return;
            }
            const details = ideas ? checkIdea(idea) : null;
            if (details && !details.ok) {
              setIdeaProblem(details.problem);
              setAnnouncement('');
              document.getElementById(`propose-${details.problem.field}`)?.focus();
              return;
            }
            propose(checked.proposal.title, checked.proposal.description, details?.idea);
            setDraft(EMPTY);
            setIdea(emptyIdea(ideas?.defaultLead ?? null));
            setProblem(null);
            setIdeaProblem(null);
            setAnnouncement(term('form.queued', { title: checked.proposal.title }));
            titleRef.current?.focus();
          }}
        >
          <ProposalFields
            id="propose"
            draft={draft}
            onChange={(next) => {
              setDraft(next);
              if (problem) setProblem(null);
            }}
            problem={problem}
            titleLabel={term('form.name')}
            descriptionLabel={term('form.description')}
            descriptionHint={term('form.descriptionHint')}
            titleRef={titleRef}
          />
          {ideas && (
            <IdeaFields
              id="propose"
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
            <button type="submit" className="primary">
              {term('form.submit')}
            </button>
            {remaining <= 5 && <p className="hint">{term('form.remaining', { count: remaining })}</p>}
          </div>
        </form>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
