/** PR-3: the process's title (changed in place by whoever manages it), who is responsible, the way back. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView } from '../../../../shared/process';
import { formatDateTime } from '../../i18n';
import { processes } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { message } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';
import { problem, type Say } from './problem';

export function ProcessHeader({ view, onChange }: { view: ProcessView; onChange: (view: ProcessView) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(view.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Say | null>(null);
  const [saved, setSaved] = useState(false);
  const checks = useFieldProblems();
  const input = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes when the form closes: back to the button that opened it. */
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) input.current?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = () => {
    setDraft(view.title);
    setError(null);
    checks.report({});
    setSaved(false);
    setEditing(true);
  };

  return (
    <header className="process-header stack">
      <p className="process-back">
        <a href="/">
          <span aria-hidden="true">← </span>
          {t('process.back')}
        </a>
      </p>
      <div className="process-title-row">
        <h1 className="process-title">{view.title}</h1>
        {view.mayManage && !editing && (
          <button type="button" ref={editButton} onClick={open}>
            {t('process.editTitle')}
          </button>
        )}
      </div>
      {editing && (
        <form
          className="process-title-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const title = draft.trim();
            if (!checks.report(title ? {} : { 'process-title-input': message('formCheck.enterTitle') })) return;
            if (title === view.title) return setEditing(false);
            setBusy(true);
            setError(null);
            const reply = await processes.update(view.id, { title });
            setBusy(false);
            if (!reply.ok) return setError(() => problem('title', reply.code));
            onChange(reply.data);
            setSaved(true);
            setEditing(false);
          }}
        >
          <label htmlFor="process-title-input">{t('process.titleLabel')}</label>
          <div className="process-title-fields">
            <input
              id="process-title-input"
              ref={input}
              aria-required="true"
              maxLength={200}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                checks.clear('process-title-input');
              }}
              {...checks.aria('process-title-input', error ? 'process-title-error' : undefined)}
            />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('process.saving') : t('process.saveTitle')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('process.cancel')}
            </button>
          </div>
          <FieldError field="process-title-input" problems={checks.problems} />
          {error && (
            <p role="alert" className="error" id="process-title-error">
              {error(t)}
            </p>
          )}
        </form>
      )}
      <p className="hint">
        {view.owner ? t('process.owner', { name: view.owner.name }) : t('process.noOwner')} · {t('process.updated', { date: formatDateTime(view.updatedAt) })}
      </p>
      <p role="status" className="process-status">
        {saved ? t('process.titleSaved') : ''}
      </p>
    </header>
  );
}
