/**
 * The vision's procedure (SPEC VI-1, VI-4): start, finalise (asked first;
 * refused while a check is open), the voting unit while no round has run,
 * the counts, and once finalised, where to go next.
 */
import { useTranslation } from 'react-i18next';
import { VISION_PHASES, type VisionPhase } from '../../../../../shared/activities/vision/schemas';
import type { VisionFacilitatorState } from '../../../../../shared/activities/vision/views';
import type { VotingUnit } from '../../../../../shared/schemas';
import { formatDateTime } from '../../../i18n';
import { setVisionPhase, updateVision } from '../../../net/vision';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';

const UNITS: VotingUnit[] = ['organisation', 'person'];

export function VisionControls({ state, processId }: { state: VisionFacilitatorState; processId: string | null }) {
  const { t } = useTranslation();
  const [phaseCommand, runPhase] = useOperation();
  const [unitCommand, runUnit] = useOperation();
  const { phase, config, finalisedAt } = state.workshop;
  const live = state.statements.filter((s) => s.status !== 'withdrawn');
  const adopted = live.filter((s) => s.status === 'adopted').length;
  const anyRound = state.statements.some((s) => s.rounds.length > 0);
  const finalised = phase === 'finalised';

  const go = (next: VisionPhase) => {
    // VI-4: finalising cannot be undone; with a check open the server says so (no question first).
    if (next === 'finalised' && !state.checking && !window.confirm(t('vision.console.finaliseConfirm', { adopted, count: live.length }))) return;
    void runPhase(() => setVisionPhase(next));
  };

  return (
    <section className="panel vision-controls" aria-labelledby="vision-controls-title">
      <h2 id="vision-controls-title">{t('vision.console.phaseTitle')}</h2>
      <ol className="stepper">
        {VISION_PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? 'step' : undefined} className={p === phase ? 'current' : undefined}>
            {t(`vision.phase.${p}`)}
          </li>
        ))}
      </ol>
      <div className="actions">
        {phase === 'lobby' && (
          <button type="button" className="primary" disabled={phaseCommand.status === 'busy'} onClick={() => go('running')}>
            {t('vision.console.start')}
          </button>
        )}
        {phase === 'running' && (
          <button type="button" disabled={phaseCommand.status === 'busy'} aria-describedby={state.checking ? 'finalise-hint' : undefined} onClick={() => go('finalised')}>
            {t('vision.console.finalise')}
          </button>
        )}
      </div>
      {phase === 'lobby' && <p className="hint">{t('vision.console.lobbyHint')}</p>}
      {phase === 'running' && state.checking && (
        <p id="finalise-hint" className="hint">
          {t('vision.console.finaliseWaits')}
        </p>
      )}
      <OperationStatus state={phaseCommand} />
      {finalisedAt !== null && <p className="notice">{t('vision.console.finalisedAt', { date: formatDateTime(finalisedAt) })}</p>}
      {finalised && processId && (
        <p>
          <a className="button primary" href={`/prozess/${encodeURIComponent(processId)}`}>
            {t('vision.console.toProcess')}
          </a>
        </p>
      )}

      <dl className="collection-counts" aria-label={t('vision.console.counts')}>
        <div>
          <dt>{t('vision.console.statements')}</dt>
          <dd>{live.length}</dd>
        </div>
        <div>
          <dt>{t('vision.console.adopted')}</dt>
          <dd>{adopted}</dd>
        </div>
        <div>
          <dt>{t('vision.console.participants')}</dt>
          <dd>{state.participants}</dd>
        </div>
      </dl>

      <fieldset className="voting-unit" disabled={anyRound || finalised || unitCommand.status === 'busy'}>
        <legend>{t('vision.console.votingUnit')}</legend>
        {UNITS.map((unit) => (
          <label key={unit} className="inline">
            <input
              type="radio"
              name="vision-voting-unit"
              checked={config.votingUnit === unit}
              onChange={() => void runUnit(() => updateVision({ votingUnit: unit }))}
            />
            {t(`vision.console.unit.${unit}`)}
          </label>
        ))}
        <p className="hint">{t(anyRound ? 'vision.console.unitFixed' : 'vision.console.unitHint')}</p>
      </fieldset>
      <OperationStatus state={unitCommand} />
    </section>
  );
}
