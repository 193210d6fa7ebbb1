/**
 * "Vorschläge unterstützen" (SPEC TC-5): the open and accepted proposals with
 * their numbers of supports and one toggle each — but not for the tablet's own
 * proposals: supporting what one proposed oneself would only inflate its count.
 * The server does not refuse it (TC-5 names no such rule), so a support given
 * before can still be taken back. The choice shows at once; it is delivered
 * through the outbox like a proposal.
 */
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../../shared/activities/collection/views';
import { support } from '../../../net/collection';
import { useStore } from '../../../store';
import type { SupportChoice } from '../../../store/collectionSlice';
import { IdeaFacts } from '../../deepdive/idea/IdeaFacts';
import { useIdeas, useTerms, type ParticipantProposalState } from '../ideas';
import { refusalText } from '../proposalText';

/** This tablet's choice for a proposal: its own, or — after a merge — that of a proposal merged into it. */
function choiceFor(id: string, choices: Record<string, SupportChoice>, merged: Record<string, string>): SupportChoice | undefined {
  return choices[id] ?? Object.keys(merged).filter((source) => merged[source] === id).map((source) => choices[source]).find((c) => c?.on);
}

export function SupportBoard({ state, board }: { state: ParticipantProposalState; board: ProposalView[] }) {
  const { t } = useTranslation();
  const term = useTerms();
  const ideas = useIdeas();
  const choices = useStore((s) => s.supportChoices);
  const own = useStore((s) => s.ownProposals);
  const mine = new Set(own.map((e) => e.proposalId));
  return (
    <section className="card" aria-labelledby="support-title">
      <h2 id="support-title">{term('support.title')}</h2>
      <p className="hint">{term('support.hint')}</p>
      {board.length === 0 ? (
        <p className="hint">{term('support.empty')}</p>
      ) : (
        <ul className="support-list">
          {board.map((proposal) => {
            const choice = choiceFor(proposal.id, choices, state.merged);
            const on = choice?.on ?? false;
            const titleId = `support-${proposal.id}`;
            const yours = mine.has(proposal.id);
            return (
              <li key={proposal.id}>
                <article className="support-item" aria-labelledby={titleId}>
                  <div className="support-text">
                    <h3 id={titleId} className="support-name">
                      {proposal.title}
                    </h3>
                    {proposal.description && <p className="description">{proposal.description}</p>}
                    {ideas && <IdeaFacts idea={proposal.idea} organisations={ideas.organisations} />}
                    <p className="support-meta">
                      {t('collection.support.count', { count: proposal.supports })}
                      {yours && <span className="tag">{term('support.yours')}</span>}
                    </p>
                  </div>
                  <div className="support-side">
                    {(!yours || on) && (
                      <button type="button" aria-pressed={on} onClick={() => support(proposal.id, !on)}>
                        {on ? t('collection.support.supported') : t('collection.support.support')}
                      </button>
                    )}
                    <span role="status" className={`save-status save-${choice?.delivery === 'failed' ? 'failed' : 'saving'}`}>
                      {choice?.delivery === 'sending'
                        ? t('collection.own.sending')
                        : choice?.delivery === 'failed'
                          ? t('collection.own.failedBecause', { reason: refusalText(t, choice.refusal?.code ?? 'INTERNAL', choice.refusal?.details) })
                          : ''}
                    </span>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
