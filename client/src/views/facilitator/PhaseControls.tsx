/** Drives the workshop through its phases (SPEC P-1): only the transitions that are allowed now. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { nextPhases, PHASES, type Phase } from '../../../../shared/domain/phases';
import type { Progress } from '../../../../shared/domain/progress';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { setPhase } from '../../net/facilitator';
import { ConfirmDialog } from '../common/ConfirmDialog';
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

/** Who has not finished yet, by name: what the facilitator needs to know before closing for everyone. */
function Unfinished({ progress, config }: { progress: Progress; config: WorkshopConfig }) {
  const { t } = useTranslation();
  const names = new Map(config.organisations.map((o) => [o.id, o.name]));
  const unfinished = progress.organisations.filter((o) => o.status !== 'complete');
  return (
    <>
      <p>{t('facilitator.closeConfirmLead', { count: unfinished.length, total: progress.organisations.length })}</p>
      <ul className="unfinished">
        {unfinished.map((o) => (
          <li key={o.organisationId}>
            <strong>{names.get(o.organisationId) ?? o.organisationId}</strong>
            {' – '}
            {o.status === 'missing'
              ? t('facilitator.closeConfirmMissing')
              : t('facilitator.closeConfirmPartial', { rated: o.themesRated, themes: progress.themes })}
          </li>
        ))}
      </ul>
      <TooFew progress={progress} config={config} />
      <p>{t('facilitator.closeConfirmAfter')}</p>
    </>
  );
}

/** T-4: fewer organisations have rated than the rule needs: every theme would end as "Zu wenige Daten". */
function TooFew({ progress, config }: { progress: Progress; config: WorkshopConfig }) {
  const { t } = useTranslation();
  const min = config.tierRule.minOrganisations;
  const responded = progress.organisations.filter((o) => o.status !== 'missing').length;
  if (responded >= min) return null;
  return <p className="warning-text">{t('facilitator.closeConfirmTooFew', { count: responded, min })}</p>;
}

/** How many organisations have a tablet in the workshop: the turnout the rule will meet if nobody else comes. */
function joinedOrganisations(progress: Progress): number {
  return progress.organisations.filter((o) => o.participants > 0).length;
}

export function PhaseControls({ phase, finalisedAt, progress, config }: { phase: Phase; finalisedAt: number | null; progress: Progress; config: WorkshopConfig }) {
  const { t } = useTranslation();
  const [command, run] = useCommand();
  const [askingClose, setAskingClose] = useState(false);
  const [askingStart, setAskingStart] = useState(false);
  const unfinished = progress.organisations.some((o) => o.status !== 'complete');
  const min = config.tierRule.minOrganisations;
  // The roster itself too small is said in the lobby already (RosterWarning); this is about who came.
  const fewJoined = joinedOrganisations(progress) < min && config.organisations.length >= min;
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
          <button
            key={next}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            disabled={command.status === 'busy'}
            onClick={() => {
              // Closing stops every tablet at once: with organisations still rating, say who and ask first.
              if (next === 'closed' && phase === 'scoring' && unfinished) return setAskingClose(true);
              // Starting with fewer organisations than the rule needs: say so, and that others can still join.
              if (next === 'scoring' && phase === 'lobby' && fewJoined) return setAskingStart(true);
              // P-6: finalising cannot be undone.
              if (next === 'finalised' && !window.confirm(t('facilitator.finaliseConfirm'))) return;
              void run(() => setPhase(next));
            }}
          >
            {t(ACTION[phase][next] ?? `phase.${next}`)}
          </button>
        ))}
      </div>
      {askingClose && phase === 'scoring' && (
        <ConfirmDialog
          title={t('facilitator.closeConfirmTitle')}
          confirmLabel={t('facilitator.closeConfirmYes')}
          cancelLabel={t('facilitator.closeConfirmNo')}
          onConfirm={() => {
            setAskingClose(false);
            void run(() => setPhase('closed'));
          }}
          onCancel={() => setAskingClose(false)}
        >
          <Unfinished progress={progress} config={config} />
        </ConfirmDialog>
      )}
      {askingStart && phase === 'lobby' && (
        <ConfirmDialog
          title={t('facilitator.startConfirmTitle')}
          confirmLabel={t('facilitator.startConfirmYes')}
          cancelLabel={t('facilitator.startConfirmNo')}
          onConfirm={() => {
            setAskingStart(false);
            void run(() => setPhase('scoring'));
          }}
          onCancel={() => setAskingStart(false)}
        >
          <p>{t('facilitator.startConfirmTurnout', { count: joinedOrganisations(progress), total: progress.organisations.length, min })}</p>
          <p>{t('facilitator.startConfirmLate')}</p>
        </ConfirmDialog>
      )}
      {phase === 'lobby' && <p className="hint">{t('facilitator.confirmStart')}</p>}
      {phase === 'lobby' && fewJoined && <p className="hint">{t('facilitator.turnoutHint', { count: joinedOrganisations(progress), min })}</p>}
      {finalisedAt !== null && <p className="notice">{t('facilitator.finalisedAt', { date: formatDateTime(finalisedAt) })}</p>}
      <CommandStatus state={command} />
    </section>
  );
}
