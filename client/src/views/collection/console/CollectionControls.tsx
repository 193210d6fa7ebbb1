/**
 * The collection's procedure (SPEC TC-2): only the transitions allowed now; the
 * support setting (TC-5); the counts; once finalised, where to go next (TC-9).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_TRANSITIONS } from '../../../../../shared/activities/collection/rules';
import { COLLECTION_PHASES, type CollectionPhase } from '../../../../../shared/activities/collection/schemas';
import { LIMITS } from '../../../../../shared/schemas';
import { formatDateTime } from '../../../i18n';
import { setCollectionPhase, updateCollection } from '../../../net/collection';
import { useIdeas, useTerms, type FacilitatorProposalState } from '../ideas';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './useOperation';

const ACTION: Record<CollectionPhase, string> = {
  lobby: '',
  collecting: 'console.start',
  closed: 'console.close',
  finalised: 'console.finalise',
};

export function CollectionControls({ state, processId }: { state: FacilitatorProposalState; processId: string | null }) {
  const { t } = useTranslation();
  const term = useTerms();
  const ideas = useIdeas() !== null;
  const [phaseCommand, runPhase] = useOperation();
  const [setting, runSetting] = useOperation();
  const { phase, config, finalisedAt } = state.workshop;
  const live = state.proposals.filter((p) => p.status !== 'merged').length;
  const accepted = state.proposals.filter((p) => p.status === 'accepted').length;
  const finalised = phase === 'finalised';
  // The box shows the choice at once; the server's state takes over when it says the same.
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => {
    if (wanted !== null && config.supportAllowed === wanted) setWanted(null);
  }, [config.supportAllowed, wanted]);

  const go = (next: CollectionPhase) => {
    // TC-2: finalising cannot be undone; what it hands on is said before.
    if (next === 'finalised' && !window.confirm(term('console.finaliseConfirm', { count: accepted }))) return;
    void runPhase(() => setCollectionPhase(next));
  };

  return (
    <section className="panel collection-controls" aria-labelledby="collection-controls-title">
      <h2 id="collection-controls-title">{t('collection.console.phaseTitle')}</h2>
      <ol className="stepper">
        {COLLECTION_PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? 'step' : undefined} className={p === phase ? 'current' : undefined}>
            {t(`collection.phase.${p}`)}
          </li>
        ))}
      </ol>
      {!finalised && (
        <div className="actions">
          {COLLECTION_TRANSITIONS[phase].map((next, i) => (
            <button key={next} type="button" className={i === 0 ? 'primary' : undefined} disabled={phaseCommand.status === 'busy'} onClick={() => go(next)}>
              {term(phase === 'closed' && next === 'collecting' ? 'console.reopen' : ACTION[next])}
            </button>
          ))}
        </div>
      )}
      {phase === 'lobby' && <p className="hint">{term('console.lobbyHint')}</p>}
      {phase === 'closed' && <p className="hint">{term('console.closedHint')}</p>}
      <OperationStatus state={phaseCommand} />
      {finalisedAt !== null && <p className="notice">{term('console.finalisedAt', { date: formatDateTime(finalisedAt) })}</p>}
      {finalised && (
        <div className="next-step">
          <h3>{t('collection.console.nextStep')}</h3>
          {processId ? (
            <a className="button primary" href={`/prozess/${encodeURIComponent(processId)}`}>
              {term('console.nextStepLink')}
            </a>
          ) : (
            <p>{term('console.nextStepText')}</p>
          )}
        </div>
      )}

      <dl className="collection-counts" aria-label={t('collection.console.counts')}>
        <div>
          <dt>{term('console.proposals')}</dt>
          <dd>{live}</dd>
        </div>
        <div>
          <dt>{t('collection.console.participants')}</dt>
          <dd>{state.participants}</dd>
        </div>
        <div>
          <dt>{t('collection.console.acceptedCount')}</dt>
          <dd>{accepted}</dd>
        </div>
      </dl>
      {!ideas && accepted > LIMITS.themes && <p className="notice">{t('collection.console.tooMany', { max: LIMITS.themes })}</p>}

      <div className="support-setting">
        <label className="inline">
          <input
            type="checkbox"
            checked={wanted ?? config.supportAllowed}
            disabled={finalised}
            aria-describedby="support-setting-hint"
            onChange={async (e) => {
              const next = e.target.checked;
              setWanted(next);
              if (!(await runSetting(() => updateCollection({ supportAllowed: next })))) setWanted(null);
            }}
          />
          {term('console.supportAllowed')}
        </label>
        <p id="support-setting-hint" className="hint">
          {term('console.supportHint')}
        </p>
        <OperationStatus state={setting} />
      </div>
    </section>
  );
}
