/** The selection's procedure (SPEC SE-1): start, finalise (asked first; refused while a vote is open), the counts, and once finalised, where to go next. */
import { useTranslation } from 'react-i18next';
import { SELECTION_PHASES, type SelectionPhase } from '../../../../../shared/activities/selection/schemas';
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { formatDateTime } from '../../../i18n';
import { setSelectionPhase } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';

export function SelectionControls({ state, processId }: { state: SelectionFacilitatorState; processId: string | null }) {
  const { t } = useTranslation();
  const [command, run] = useOperation();
  const { phase, finalisedAt } = state.workshop;

  const go = (next: SelectionPhase) => {
    // Finalising cannot be undone; with a vote open the server says so (no question first).
    if (next === 'finalised' && !state.open && !window.confirm(t('selection.console.finaliseConfirm'))) return;
    void run(() => setSelectionPhase(next));
  };

  return (
    <section className="panel" aria-labelledby="selection-controls-title">
      <h2 id="selection-controls-title">{t('selection.console.phaseTitle')}</h2>
      <ol className="stepper">
        {SELECTION_PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? 'step' : undefined} className={p === phase ? 'current' : undefined}>
            {t(`selection.phase.${p}`)}
          </li>
        ))}
      </ol>
      <div className="actions">
        {phase === 'lobby' && (
          <button type="button" className="primary" disabled={command.status === 'busy'} onClick={() => go('running')}>
            {t('selection.console.start')}
          </button>
        )}
        {phase === 'running' && (
          <button type="button" disabled={command.status === 'busy'} aria-describedby={state.open ? 'selection-finalise-hint' : undefined} onClick={() => go('finalised')}>
            {t('selection.console.finalise')}
          </button>
        )}
      </div>
      {phase === 'lobby' && <p className="hint">{t('selection.console.lobbyHint')}</p>}
      {phase === 'running' && state.open && (
        <p id="selection-finalise-hint" className="hint">
          {t('selection.console.finaliseWaits')}
        </p>
      )}
      <OperationStatus state={command} />
      {finalisedAt !== null && <p className="notice">{t('selection.console.finalisedAt', { date: formatDateTime(finalisedAt) })}</p>}
      {phase === 'finalised' && processId && (
        <p>
          <a className="button primary" href={`/prozess/${encodeURIComponent(processId)}`}>
            {t('selection.console.toProcess')}
          </a>
        </p>
      )}
      <dl className="collection-counts" aria-label={t('selection.console.counts')}>
        <div>
          <dt>{t('selection.console.ideas')}</dt>
          <dd>{state.ideas.length}</dd>
        </div>
        <div>
          <dt>{t('selection.console.participants')}</dt>
          <dd>{state.participants}</dd>
        </div>
        <div>
          <dt>{t('selection.console.votes')}</dt>
          <dd>{state.votes.length}</dd>
        </div>
      </dl>
    </section>
  );
}
