/** The lobby: edit title, date, themes, organisations, criteria and scale; one save sends it all. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Criterion, Organisation, Theme, WorkshopConfig } from '../../../../shared/schemas';
import { updateWorkshop } from '../../net/facilitator';
import { CommandStatus } from './CommandStatus';
import { DateField } from '../common/DateField';
import { DecimalField } from '../common/DecimalField';
import { ListEditor } from './ListEditor';
import { useCommand } from './useCommand';

type Draft = Pick<WorkshopConfig, 'title' | 'date' | 'themes' | 'organisations' | 'criteria' | 'scale'>;

function draftOf(config: WorkshopConfig): Draft {
  const { title, date, themes, organisations, criteria, scale } = config;
  return structuredClone({ title, date, themes, organisations, criteria, scale });
}

/** What the server would refuse, said before sending and in the page's language. */
function checkDraft(draft: Draft, dateValid: boolean, t: TFunction): string[] {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push(t('formCheck.required', { field: t('facilitator.workshopTitle') }));
  if (!dateValid) problems.push(t('formCheck.date', { field: t('facilitator.date') }));
  draft.themes.forEach((theme, i) => theme.name.trim() || problems.push(t('formCheck.requiredIn', { list: t('facilitator.themes'), index: i + 1 })));
  draft.organisations.forEach((o, i) => o.name.trim() || problems.push(t('formCheck.requiredIn', { list: t('facilitator.organisations'), index: i + 1 })));
  draft.criteria.forEach((c, i) => c.label.trim() || problems.push(t('formCheck.requiredIn', { list: t('facilitator.criteria'), index: i + 1 })));
  return problems;
}

export function SetupEditor({ config, editable }: { config: WorkshopConfig; editable: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(config));
  const [base, setBase] = useState(config);
  const [command, run] = useCommand();
  const [dateValid, setDateValid] = useState(true);
  const [problems, setProblems] = useState<string[]>([]);
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
      {/* The app checks the form itself, in the page's language (the browser's bubbles speak the browser's). */}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = checkDraft(draft, dateValid, t);
          setProblems(found);
          if (found.length > 0) return;
          // A weight whose text is not (yet) a number in its range says why itself; nothing is sent.
          const unread = e.currentTarget.querySelector<HTMLElement>('.decimal-field input[aria-invalid="true"]');
          if (unread) return unread.focus();
          void run(() => updateWorkshop({ ...draft, themes: draft.themes.map((th) => ({ ...th, description: th.description || undefined })) }));
        }}
      >
        <div className="field-row">
          <label>
            {t('facilitator.workshopTitle')}
            <input value={draft.title} maxLength={200} aria-required="true" aria-invalid={problems.length > 0 && !draft.title.trim() ? true : undefined} onChange={(e) => set('title', e.target.value)} />
          </label>
          <DateField
            id="setup-date"
            label={t('facilitator.date')}
            value={draft.date}
            showInvalid={problems.length > 0}
            onChange={(date, valid) => {
              setDateValid(valid);
              set('date', date);
            }}
          />
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
            <DecimalField id={`weight-${organisation.id}`} inline label={t('facilitator.weight')} digits={2} step={0.1} min={0.1} max={1000} value={organisation.weight} onChange={(weight) => update({ weight })} />
          )}
        />
        <fieldset className="criteria-fields">
          <legend>{t('facilitator.criteria')}</legend>
          {draft.criteria.map((criterion: Criterion, i) => (
            <label key={criterion.id} className="inline">
              {t('facilitator.criterionLabel')} {i + 1}
              <input value={criterion.label} aria-required="true" maxLength={120} onChange={(e) => set('criteria', draft.criteria.map((c, j) => (j === i ? { ...c, label: e.target.value } : c)))} />
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
        {problems.length > 0 && (
          <div role="alert" className="error">
            <p className="form-problems">{t('formCheck.title')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={(!dirty && dateValid) || command.status === 'busy'}>
            {t('facilitator.save')}
          </button>
          <CommandStatus state={command} />
        </div>
      </form>
    </section>
  );
}
