/** PR-5: the steps in order, each with its console, and a form for the next one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView, StepView } from '../../../../shared/process';
import type { CreatedWorkshop } from '../../../../shared/protocol';
import { formatDateTime } from '../../i18n';
import { AddStepForm } from './AddStepForm';

/** A step's phase in the reader's words; a collection has phases of its own. */
export function phaseText(t: (key: string) => string, step: StepView): string {
  return step.kind === 'collection' ? t(`process.steps.collectionPhase.${step.phase}`) : t(`phase.${step.phase}`);
}

export function StepsSection({ view, reload }: { view: ProcessView; reload: () => Promise<ProcessView | null> }) {
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
            <StepItem key={step.workshopId} step={step} isNew={step.workshopId === newId} />
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

function StepItem({ step, isNew }: { step: StepView; isNew: boolean }) {
  const { t } = useTranslation();
  return (
    <li id={`step-${step.workshopId}`} className={`step-item${isNew ? ' step-new' : ''}`} tabIndex={isNew ? -1 : undefined}>
      <div className="step-body">
        <p className="step-kicker">
          {t('process.steps.position', { position: step.position })} · {t(`process.steps.kind.${step.kind}`)}
        </p>
        <h3 className="step-title">{step.title}</h3>
        <dl className="step-facts">
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
      </div>
      <a className="button" href={`/moderation/${encodeURIComponent(step.workshopId)}`}>
        {t('process.steps.open')}
        <span className="visually-hidden"> {t('process.steps.openContext', { position: step.position, title: step.title })}</span>
      </a>
    </li>
  );
}
