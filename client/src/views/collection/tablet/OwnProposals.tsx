/**
 * "Ihre Vorschläge": each with its delivery (wird gesendet … / gespeichert /
 * nicht gespeichert, with the reason) and, once stored, what became of it.
 * In a deep-dive, "Ihre Ideen" with their details (DD-3).
 */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store';
import type { OwnEntry } from '../../../store/collectionSlice';
import { IdeaFacts } from '../../deepdive/idea/IdeaFacts';
import { useIdeas, useTerms, type ParticipantProposalState } from '../ideas';
import { refusalText } from '../proposalText';
import { fateOf, type Fate } from './fate';

function fateText(term: ReturnType<typeof useTerms>, fate: Fate): string {
  // A theme collection without its own words for it yet says what it said before finalising.
  if (fate.status === 'notTaken') return term('own.notTaken', { defaultValue: term('own.open') });
  if (fate.status !== 'merged') return term(`own.${fate.status}`);
  if (!fate.target) return term('own.mergedUnknown');
  return term(fate.target.accepted ? 'own.mergedAccepted' : 'own.merged', { title: fate.target.title });
}

function OwnItem({ entry, state, own }: { entry: OwnEntry; state: ParticipantProposalState; own: OwnEntry[] }) {
  const { t } = useTranslation();
  const term = useTerms();
  const ideas = useIdeas();
  // The details as the facilitator may have edited them, where the tablet sees them; else as sent.
  const idea = (entry.proposalId && state.accepted.find((p) => p.id === entry.proposalId)?.idea) || entry.idea;
  const fate = entry.proposalId ? fateOf({ ...entry, proposalId: entry.proposalId }, state, own) : null;
  const delivery =
    entry.delivery === 'failed'
      ? entry.refusal
        ? t('collection.own.failedBecause', { reason: refusalText(t, entry.refusal.code, entry.refusal.details) })
        : t('collection.own.failed')
      : t(`collection.own.${entry.delivery}`);
  return (
    <li className={`own-item delivery-${entry.delivery}${fate ? ` fate-${fate.status}` : ''}`}>
      <div className="own-text">
        <span className="own-title">{fate?.title ?? entry.title}</span>
        {entry.description && <span className="description">{entry.description}</span>}
        {ideas && <IdeaFacts idea={idea} organisations={ideas.organisations} />}
      </div>
      <div className="own-state">
        <span role="status" className={`save-status save-${entry.delivery === 'sending' ? 'saving' : entry.delivery}`}>
          {delivery}
        </span>
        {fate && (
          <span className={`fate-badge fate-${fate.status}`}>
            <span className="visually-hidden">{t('collection.own.status')}: </span>
            {fateText(term, fate)}
          </span>
        )}
        {entry.delivery === 'failed' && (
          <button type="button" className="small" onClick={() => useStore.getState().dismissProposal(entry.opId)}>
            {t('collection.own.dismiss')}
          </button>
        )}
      </div>
    </li>
  );
}

export function OwnProposals({ state }: { state: ParticipantProposalState }) {
  const term = useTerms();
  const own = useStore((s) => s.ownProposals);
  if (own.length === 0 && state.workshop.phase !== 'collecting') return null;
  return (
    <section className="card" aria-labelledby="own-title">
      <h2 id="own-title">{term('own.title')}</h2>
      {own.length === 0 ? (
        <p className="hint">{term('own.empty')}</p>
      ) : (
        <ul className="own-list">
          {own.map((entry) => (
            <OwnItem key={entry.opId} entry={entry} state={state} own={own} />
          ))}
        </ul>
      )}
    </section>
  );
}
