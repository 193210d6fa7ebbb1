/**
 * "Themenfeld vorschlagen": checked like the server checks it, then queued in
 * the outbox and shown at once under "Ihre Vorschläge" as being sent (TC-3, TC-4).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { propose } from '../../../net/collection';
import { useStore } from '../../../store';
import { ProposalFields } from '../ProposalFields';
import { checkDraft, PROPOSALS_PER_PARTICIPANT, type DraftProblem, type ProposalDraft } from '../proposalText';

const EMPTY: ProposalDraft = { title: '', description: '' };

export function ProposalForm() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const titleRef = useRef<HTMLInputElement>(null);
  // Refused proposals do not count against the limit: the server did not store them.
  const made = useStore((s) => s.ownProposals.filter((e) => e.delivery !== 'failed').length);
  const remaining = PROPOSALS_PER_PARTICIPANT - made;

  return (
    <section className="card proposal-form" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{t('collection.form.title')}</h2>
      {remaining <= 0 ? (
        <p className="notice">{t('collection.form.limit', { max: PROPOSALS_PER_PARTICIPANT })}</p>
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
            propose(checked.proposal.title, checked.proposal.description);
            setDraft(EMPTY);
            setProblem(null);
            setAnnouncement(t('collection.form.queued', { title: checked.proposal.title }));
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
            titleLabel={t('collection.form.name')}
            descriptionLabel={t('collection.form.description')}
            descriptionHint={t('collection.form.descriptionHint')}
            titleRef={titleRef}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('collection.form.submit')}
            </button>
            {remaining <= 5 && <p className="hint">{t('collection.form.remaining', { count: remaining })}</p>}
          </div>
        </form>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
