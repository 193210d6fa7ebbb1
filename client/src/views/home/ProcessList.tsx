/** PR-1, PR-2: the signed-in facilitator's processes, newest change first, and a new one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessSummary, StepView } from '../../../../shared/process';

/** A step's phase by its activity: a collection's (and a deep-dive's), a Quick-Check's, or a vision's and selection's. */
function stepPhaseKey(step: StepView): string {
  if (step.kind === 'collection' || step.kind === 'deepdive') return `collection.phase.${step.phase}`;
  if (step.kind === 'quickcheck') return `phase.${step.phase}`;
  return `processes.stepPhase.${step.phase}`;
}
import { formatDateTime } from '../../i18n';
import { processes } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { message } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';

export function ProcessList() {
  const { t } = useTranslation();
  const [list, setList] = useState<ProcessSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void processes.list().then((reply) => (reply.ok ? setList(reply.data) : setFailed(true)));
  }, []);
  return (
    <section aria-labelledby="processes-title" className="stack home-processes">
      <h1 id="processes-title">{t('processes.title')}</h1>
      <p className="hint">{t('processes.lead')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('account.loadFailed')}
        </p>
      )}
      {list?.length === 0 && <p>{t('processes.empty')}</p>}
      {list && list.length > 0 && (
        <ul className="process-list">
          {list.map((p) => {
            const latest = p.steps.at(-1);
            return (
              <li key={p.id} className="card process-card" lang="de">
                <h3>
                  <a href={`/prozess/${encodeURIComponent(p.id)}`}>{p.title}</a>
                </h3>
                <p>
                  {p.steps.length > 0 ? t('processes.steps', { count: p.steps.length }) : t('processes.noSteps')}
                  {latest && (
                    <>
                      {' · '}
                      {t('processes.latestStep', { title: latest.title, phase: t(stepPhaseKey(latest)) })}
                    </>
                  )}
                </p>
                <p className="hint">
                  {p.owner ? t('processes.owner', { name: p.owner.name }) : t('processes.noOwner')} · {t('processes.updated', { date: formatDateTime(p.updatedAt) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function NewProcessForm() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<'coesfeld' | 'blank'>('coesfeld');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const checks = useFieldProblems();
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setFailed(null);
        if (!checks.report(title.trim() ? {} : { 'process-title': message('formCheck.enterTitle') })) return;
        setBusy(true);
        const reply = await processes.create({ title: title.trim(), template });
        if (reply.ok) return location.assign(`/prozess/${encodeURIComponent(reply.data.id)}`);
        setBusy(false);
        setFailed(reply.code === 'BAD_REQUEST' ? t('processes.createFailed') : t(`errors.${reply.code}`));
      }}
    >
      <h2>{t('processes.newTitle')}</h2>
      <label htmlFor="process-title">{t('processes.processTitle')}</label>
      <input
        id="process-title"
        aria-required="true"
        maxLength={200}
        value={title}
        placeholder={t('processes.processTitlePlaceholder')}
        {...checks.aria('process-title')}
        onChange={(e) => {
          setTitle(e.target.value);
          checks.clear('process-title');
        }}
      />
      <FieldError field="process-title" problems={checks.problems} />
      <fieldset>
        <legend>{t('processes.roster')}</legend>
        <label className="choice">
          <input type="radio" name="process-roster" checked={template === 'coesfeld'} onChange={() => setTemplate('coesfeld')} />
          <span>{t('processes.rosterCoesfeld')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="process-roster" checked={template === 'blank'} onChange={() => setTemplate('blank')} />
          <span>{t('processes.rosterBlank')}</span>
        </label>
      </fieldset>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('processes.create')}
      </button>
    </form>
  );
}
