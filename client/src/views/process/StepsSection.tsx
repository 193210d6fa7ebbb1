/** PR-5: the steps in order, each with its console, and a form for the next one; a deep-dive with its theme, tier and gate reason (DD-1, DD-2). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView, StepTheme, StepView } from '../../../../shared/process';
import type { CreatedWorkshop } from '../../../../shared/protocol';
import { formatDateTime } from '../../i18n';
import { TierBadge } from '../common/TierBadge';
import { AddStepForm } from './AddStepForm';

/** A step's phase in the reader's words; a collection (and a deep-dive, DD-4), a vision and a selection have phases of their own. */
export function phaseText(t: (key: string) => string, step: StepView): string {
  if (step.kind === 'collection' || step.kind === 'deepdive') return t(`process.steps.collectionPhase.${step.phase}`);
  if (step.kind === 'vision') return t(`process.steps.visionPhase.${step.phase}`);
  if (step.kind === 'selection') return t(`process.steps.selectionPhase.${step.phase}`);
  return t(`phase.${step.phase}`);
}

/**
 * A deep-dive's gate reason: from the step when the server lists it there, else
 * the one given on this page (the step list's theme does not carry it yet).
 */
function gateReasonOf(step: StepView, reasons: Readonly<Record<string, string>>): string | null {
  const theme = step.theme as (StepTheme & { gateReason?: string | null }) | null;
  return theme?.gateReason ?? reasons[step.workshopId] ?? null;
}

export function StepsSection({ view, reload, reasons = {} }: { view: ProcessView; reload: () => Promise<ProcessView | null>; reasons?: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ workshop: CreatedWorkshop; step: StepView | null } | null>(null);
  const newId = created?.workshop.workshopId ?? null;

  // The new row takes focus once it is listed, so that keyboard and screen-reader users land on it.
  useEffect(() => {
    if (newId) document.getElementById(`step-${newId}`)?.focus();
  }, [newId]);

  return (
    <section className="panel stack" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('process.steps.title')}</h2>
      <p className="hint">{t('process.steps.lead')}</p>
      {view.steps.length === 0 ? (
        <p>{t('process.steps.empty')}</p>
      ) : (
        <ol className="step-list">
          {view.steps.map((step) => (
            <StepItem key={step.workshopId} step={step} isNew={step.workshopId === newId} gateReason={gateReasonOf(step, reasons)} />
          ))}
        </ol>
      )}
      <div role="status" className="process-status">
        {created && (
          <p className="step-created">
            {created.step ? t('process.addStep.created', { position: created.step.position, title: created.step.title }) : t('process.addStep.createdShort')}{' '}
            <a href={created.workshop.facilitatorPath}>{t('process.addStep.openNew')}</a>
          </p>
        )}
      </div>
      <AddStepForm
        view={view}
        onCreated={async (workshop) => {
          const next = await reload();
          setCreated({ workshop, step: next?.steps.find((s) => s.workshopId === workshop.workshopId) ?? null });
        }}
      />
    </section>
  );
}

function StepItem({ step, isNew, gateReason }: { step: StepView; isNew: boolean; gateReason: string | null }) {
  const { t } = useTranslation();
  return (
    <li id={`step-${step.workshopId}`} className={`step-item${isNew ? ' step-new' : ''}`} tabIndex={isNew ? -1 : undefined}>
      <div className="step-body">
        <p className="step-kicker">
          {t('process.steps.position', { position: step.position })} · {t(`process.steps.kind.${step.kind}`)}
        </p>
        <h3 className="step-title">{step.title}</h3>
        <dl className="step-facts">
          {step.theme && (
            <div>
              <dt>{t('process.steps.theme')}</dt>
              <dd className="step-theme">
                {step.theme.name} <TierBadge tier={step.theme.tier} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('process.steps.phase')}</dt>
            <dd>
              <span className={`step-phase phase-${step.phase}`}>{phaseText(t, step)}</span>
              {step.finalisedAt !== null && <> · {t('process.steps.finalised', { date: formatDateTime(step.finalisedAt) })}</>}
            </dd>
          </div>
          <div>
            <dt>{t('process.steps.code')}</dt>
            <dd>
              <code className="step-code">{step.code}</code>
            </dd>
          </div>
        </dl>
        {gateReason && (
          <p className="step-reason gate-reason">
            <strong>{t('process.steps.gateReason')}:</strong> {gateReason}
          </p>
        )}
      </div>
      <a className="button" href={`/moderation/${encodeURIComponent(step.workshopId)}`}>
        {t('process.steps.open')}
        <span className="visually-hidden"> {t('process.steps.openContext', { position: step.position, title: step.title })}</span>
      </a>
    </li>
  );
}
