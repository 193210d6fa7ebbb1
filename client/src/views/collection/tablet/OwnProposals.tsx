/**
 * "Ihre Vorschläge": each with its delivery (wird gesendet … / gespeichert /
 * nicht gespeichert, with the reason) and, once stored, what became of it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CollectionParticipantState } from '../../../../../shared/activities/collection/views';
import { useStore } from '../../../store';
import type { OwnEntry } from '../../../store/collectionSlice';
import { refusalText } from '../proposalText';
import { fateOf, type Fate } from './fate';

function fateText(t: TFunction, fate: Fate): string {
  if (fate.status !== 'merged') return t(`collection.own.${fate.status}`);
  if (!fate.target) return t('collection.own.mergedUnknown');
  return t(fate.target.accepted ? 'collection.own.mergedAccepted' : 'collection.own.merged', { title: fate.target.title });
}

function OwnItem({ entry, state, own }: { entry: OwnEntry; state: CollectionParticipantState; own: OwnEntry[] }) {
  const { t } = useTranslation();
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
      </div>
      <div className="own-state">
        <span role="status" className={`save-status save-${entry.delivery === 'sending' ? 'saving' : entry.delivery}`}>
          {delivery}
        </span>
        {fate && (
          <span className={`fate-badge fate-${fate.status}`}>
            <span className="visually-hidden">{t('collection.own.status')}: </span>
            {fateText(t, fate)}
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

export function OwnProposals({ state }: { state: CollectionParticipantState }) {
  const { t } = useTranslation();
  const own = useStore((s) => s.ownProposals);
  if (own.length === 0 && state.workshop.phase !== 'collecting') return null;
  return (
    <section className="card" aria-labelledby="own-title">
      <h2 id="own-title">{t('collection.own.title')}</h2>
      {own.length === 0 ? (
        <p className="hint">{t('collection.own.empty')}</p>
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
