/**
 * PR-5: a new step at the end of the process: a theme collection (TC-1), or a
 * Quick-Check — empty, as the next round of a finalised Quick-Check (its
 * themes, criteria, scale and rule), or with the accepted themes of a
 * finalised theme collection (TC-9).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView, StepKind } from '../../../../shared/process';
import type { CreatedWorkshop } from '../../../../shared/protocol';
import { processes } from '../../net/office';
import { tierList } from './gateText';
import { problem, type Say } from './problem';

export function AddStepForm({ view, onCreated }: { view: ProcessView; onCreated: (created: CreatedWorkshop) => Promise<void> }) {
  const { t } = useTranslation();
  const finalised = view.steps.filter((s) => s.phase === 'finalised');
  const rounds = finalised.filter((s) => s.kind === 'quickcheck').reverse();
  const collections = finalised.filter((s) => s.kind === 'collection').reverse();
  // A process usually begins by collecting its themes.
  const [kind, setKind] = useState<StepKind>(view.steps.length === 0 ? 'collection' : 'quickcheck');
  const [title, setTitle] = useState('');
  /** null: not chosen yet, so the latest finalised round is proposed (its next round is the usual next step). */
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Say | null>(null);
  const from = chosen !== null && (chosen === '' || finalised.some((s) => s.workshopId === chosen)) ? chosen : (rounds[0]?.workshopId ?? '');
  const fromStep = finalised.find((s) => s.workshopId === from);
  const fromText = fromStep ? t(fromStep.kind === 'collection' ? 'process.addStep.fromCollection' : 'process.addStep.fromRound', { position: fromStep.position, title: fromStep.title }) : t('process.addStep.fromNone');
  const option = (key: 'fromRound' | 'fromCollection') => (s: (typeof finalised)[number]) => (
    <option key={s.workshopId} value={s.workshopId}>
      {t(`process.addStep.${key}`, { position: s.position, title: s.title })}
    </option>
  );

  return (
    <form
      className="add-step stack"
      aria-labelledby="add-step-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const reply = await processes.addStep(view.id, { kind, ...(title.trim() ? { title: title.trim() } : {}), ...(from && kind === 'quickcheck' ? { from } : {}) });
        if (!reply.ok) {
          setBusy(false);
          return setError(() => problem('addStep', reply.code));
        }
        setTitle('');
        setChosen(null);
        await onCreated(reply.data);
        setBusy(false);
      }}
    >
      <h3 id="add-step-title">{t('process.addStep.title')}</h3>
      <div className="add-step-fields">
        <div className="field">
          <label htmlFor="step-kind">{t('process.addStep.kind')}</label>
          <select id="step-kind" value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
            <option value="collection">{t('process.steps.kind.collection')}</option>
            <option value="quickcheck">{t('process.steps.kind.quickcheck')}</option>
            <option value="vision">{t('process.steps.kind.vision')}</option>
            <option value="selection">{t('process.steps.kind.selection')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="step-title">{t('process.addStep.stepTitle')}</label>
          <input id="step-title" value={title} maxLength={200} placeholder={t('process.addStep.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} aria-describedby="step-title-hint" />
          <p className="hint" id="step-title-hint">
            {kind === 'vision'
              ? t('process.addStep.titleHintVision', { title: view.title, tiers: tierList(view.settings.deepDiveTiers) })
              : kind === 'selection'
                ? t('process.addStep.titleHintSelection', { title: view.title })
                : t(kind === 'collection' ? 'process.addStep.titleHintCollection' : 'process.addStep.titleHint', { title: view.title })}
          </p>
          <p className="hint">{t('process.addStep.deepDiveHint')}</p>
        </div>
        {kind === 'quickcheck' && (
        <div className="field add-step-from">
          <label htmlFor="step-from">{t('process.addStep.from')}</label>
          <select id="step-from" value={from} title={fromText} onChange={(e) => setChosen(e.target.value)} aria-describedby="step-from-hint">
            <option value="">{t('process.addStep.fromNone')}</option>
            {rounds.map(option('fromRound'))}
            {collections.map(option('fromCollection'))}
          </select>
          <p className="hint" id="step-from-hint">
            {rounds.length > 0 || collections.length > 0 ? t('process.addStep.fromHint') : t('process.addStep.noFinalised')}
          </p>
        </div>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error(t)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('process.addStep.busy') : t('process.addStep.submit')}
        </button>
      </div>
    </form>
  );
}
