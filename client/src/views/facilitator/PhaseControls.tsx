/** Drives the workshop through its phases (SPEC P-1): only the transitions that are allowed now. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { nextPhases, PHASES, type Phase } from '../../../../shared/domain/phases';
import { setPhase } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

const ACTION: Record<Phase, Partial<Record<Phase, string>>> = {
  lobby: { scoring: 'facilitator.start' },
  scoring: { closed: 'facilitator.close' },
  closed: { revealed: 'facilitator.reveal', scoring: 'facilitator.reopen' },
  revealed: { consolidating: 'facilitator.consolidate', closed: 'facilitator.hide' },
  consolidating: { finalised: 'facilitator.finalise', revealed: 'facilitator.pauseConsolidation' },
  finalised: {},
};

export function PhaseControls({ phase, finalisedAt }: { phase: Phase; finalisedAt: number | null }) {
  const { t } = useTranslation();
  const [command, run] = useCommand();
  return (
    <section className="panel" aria-labelledby="phase-title">
      <h2 id="phase-title">{t('facilitator.phaseControls')}</h2>
      <ol className="stepper">
        {PHASES.map((p) => (
          <li key={p} aria-current={p === phase ? 'step' : undefined} className={p === phase ? 'current' : undefined}>
            {t(`phase.${p}`)}
          </li>
        ))}
      </ol>
      <div className="actions">
        {nextPhases(phase).map((next, i) => (
          <button key={next} type="button" className={i === 0 ? 'primary' : undefined} disabled={command.status === 'busy'} onClick={() => {
              // P-6: finalising cannot be undone.
              if (next === 'finalised' && !window.confirm(t('facilitator.finaliseConfirm'))) return;
              void run(() => setPhase(next));
            }}
          >
            {t(ACTION[phase][next] ?? `phase.${next}`)}
          </button>
        ))}
      </div>
      {phase === 'lobby' && <p className="hint">{t('facilitator.confirmStart')}</p>}
      {finalisedAt !== null && <p className="notice">{t('facilitator.finalisedAt', { date: formatDateTime(finalisedAt) })}</p>}
      <CommandStatus state={command} />
    </section>
  );
}
