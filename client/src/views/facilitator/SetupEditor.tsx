/** The lobby: edit title, date, themes, organisations, criteria and scale; one save sends it all. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Organisation, Theme, WorkshopConfig } from '../../../../shared/schemas';
import { updateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { ListEditor } from './ListEditor';
import { useCommand } from './useCommand';

type Draft = Pick<WorkshopConfig, 'title' | 'date' | 'themes' | 'organisations' | 'criteria' | 'scale'>;

function draftOf(config: WorkshopConfig): Draft {
  const { title, date, themes, organisations, criteria, scale } = config;
  return structuredClone({ title, date, themes, organisations, criteria, scale });
}

export function SetupEditor({ config, editable }: { config: WorkshopConfig; editable: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(config));
  const [base, setBase] = useState(config);
  const [command, run] = useCommand();
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(base));

  // Take the server's configuration when it changes and nothing is being edited here.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(config));
    setBase(config);
  }, [config]);

  if (!editable) {
    return (
      <section className="panel" aria-labelledby="setup-title">
        <h2 id="setup-title">{t('facilitator.setup')}</h2>
        <p className="hint">{t('facilitator.lockedAfterStart')}</p>
      </section>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <section className="panel" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('facilitator.setup')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => updateWorkshop({ ...draft, themes: draft.themes.map((th) => ({ ...th, description: th.description || undefined })) }));
        }}
      >
        <div className="field-row">
          <label>
            {t('facilitator.workshopTitle')}
            <input value={draft.title} maxLength={200} required onChange={(e) => set('title', e.target.value)} />
          </label>
          <label>
            {t('facilitator.date')}
            <input type="date" value={draft.date ?? ''} onChange={(e) => set('date', e.target.value || null)} />
          </label>
        </div>
        <ListEditor<Theme>
          legend={t('facilitator.themes')}
          items={draft.themes}
          nameLabel={t('facilitator.themeName')}
          addLabel={t('facilitator.addTheme')}
          newItem={(id) => ({ id, name: t('facilitator.newTheme') })}
          onChange={(themes) => set('themes', themes)}
          extra={(theme, update) => (
            <input
              aria-label={`${t('facilitator.themeDescription')}: ${theme.name}`}
              placeholder={t('facilitator.themeDescription')}
              value={theme.description ?? ''}
              maxLength={1000}
              onChange={(e) => update({ description: e.target.value })}
            />
          )}
        />
        <ListEditor<Organisation>
          legend={t('facilitator.organisations')}
          items={draft.organisations}
          nameLabel={t('facilitator.organisationName')}
          addLabel={t('facilitator.addOrganisation')}
          newItem={(id) => ({ id, name: t('facilitator.newOrganisation'), weight: 1 })}
          onChange={(organisations) => set('organisations', organisations)}
          extra={(organisation, update) => (
            <label className="inline">
              {t('facilitator.weight')}
              <input type="number" min={0.1} max={1000} step={0.1} value={organisation.weight} className="narrow" onChange={(e) => update({ weight: Number(e.target.value) || 1 })} />
            </label>
          )}
        />
        <fieldset>
          <legend>{t('facilitator.criteria')}</legend>
          {draft.criteria.map((criterion: Criterion, i) => (
            <label key={criterion.id} className="inline">
              {t('facilitator.criterionLabel')} {i + 1}
              <input value={criterion.label} required maxLength={120} onChange={(e) => set('criteria', draft.criteria.map((c, j) => (j === i ? { ...c, label: e.target.value } : c)))} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('facilitator.scale')}</legend>
          <label className="inline">
            {t('facilitator.scaleMin')}
            <input type="number" className="narrow" min={0} max={10} value={draft.scale.min} onChange={(e) => set('scale', { ...draft.scale, min: Number(e.target.value) })} />
          </label>
          <label className="inline">
            {t('facilitator.scaleMax')}
            <input type="number" className="narrow" min={1} max={20} value={draft.scale.max} onChange={(e) => set('scale', { ...draft.scale, max: Number(e.target.value) })} />
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={!dirty || command.status === 'busy'}>
            {t('facilitator.save')}
          </button>
          <CommandStatus state={command} />
        </div>
      </form>
    </section>
  );
}
