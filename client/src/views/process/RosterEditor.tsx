/**
 * PR-3: the process's one roster of organisations. It applies to new steps and
 * to steps still in their lobby; managers edit it here, others read it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView } from '../../../../shared/process';
import { LIMITS } from '../../../../shared/schemas';
import { processes } from '../../net/office';
import { organisationId } from './organisationId';
import { problem, say, type Say } from './problem';
import { checkRoster, rowsOf, sameRoster, type RosterRow } from './roster';

export function RosterEditor({ view, onChange }: { view: ProcessView; onChange: (view: ProcessView) => void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<RosterRow[]>(() => rowsOf(view.organisations, i18n.language));
  const [seen, setSeen] = useState(view.organisations);
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; say: Say } | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const table = useRef<HTMLDivElement>(null);
  const dirty = !sameRoster(rows, view.organisations);

  // A roster saved elsewhere (or this one, saved) replaces the rows, unless there are unsaved edits.
  if (seen !== view.organisations) {
    setSeen(view.organisations);
    if (!dirty) setRows(rowsOf(view.organisations, i18n.language));
  }

  // After a removal, focus stays in the table: on the row that moved up, else on the new name field.
  useEffect(() => {
    if (focusRow === null) return;
    const target = table.current?.querySelector<HTMLElement>(`[data-remove="${focusRow}"]`) ?? document.getElementById('roster-new-name');
    target?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const update = (index: number, patch: Partial<RosterRow>) => {
    setMessage(null);
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const save = async () => {
    const checked = checkRoster(rows, LIMITS.organisations);
    if (!checked.ok) return setMessage({ error: true, say: say(`process.roster.${checked.problem.key}`, checked.problem) });
    setBusy(true);
    const reply = await processes.update(view.id, { organisations: checked.organisations });
    setBusy(false);
    if (!reply.ok) return setMessage({ error: true, say: problem('roster', reply.code) });
    setRows(rowsOf(reply.data.organisations, i18n.language));
    setSeen(reply.data.organisations);
    onChange(reply.data);
    setMessage({ error: false, say: say('process.roster.saved') });
  };

  const manage = view.mayManage;
  return (
    <section className="panel stack roster" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('process.roster.title')}</h2>
      <p className="hint">{t('process.roster.hint')}</p>
      {rows.length === 0 ? (
        <p>{t('process.roster.empty')}</p>
      ) : (
        <div className="table-scroll" ref={table}>
          <table className="roster-table">
            <caption className="visually-hidden">{t('process.roster.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process.roster.name')}</th>
                <th scope="col" className="num">
                  {t('process.roster.weight')}
                </th>
                {manage && (
                  <th scope="col">
                    <span className="visually-hidden">{t('process.roster.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) =>
                manage ? (
                  <tr key={row.id}>
                    <td>
                      <input aria-label={t('process.roster.nameOf', { index: index + 1 })} value={row.name} maxLength={LIMITS.nameLength} onChange={(e) => update(index, { name: e.target.value })} />
                    </td>
                    <td className="num">
                      <input className="roster-weight" inputMode="decimal" aria-label={t('process.roster.weightOf', { name: row.name })} aria-describedby="roster-weight-hint" value={row.weight} onChange={(e) => update(index, { weight: e.target.value })} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger small"
                        data-remove={index}
                        aria-label={t('process.roster.removeOf', { name: row.name })}
                        onClick={() => {
                          setMessage(null);
                          setRows(rows.filter((_, i) => i !== index));
                          setFocusRow(Math.min(index, rows.length - 2));
                        }}
                      >
                        {t('process.roster.remove')}
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={row.id}>
                    <td className="break-anywhere">{row.name}</td>
                    <td className="num">{row.weight}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint" id="roster-weight-hint">
        {t('process.roster.weightHint')}
      </p>
      {manage ? (
        <>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const name = newName.trim();
              if (!name) return;
              setMessage(null);
              setRows([...rows, { id: organisationId(name, rows.map((r) => r.id)), name, weight: '1' }]);
              setNewName('');
            }}
          >
            <label htmlFor="roster-new-name">{t('process.roster.newName')}</label>
            <div className="inline-form-fields">
              <input id="roster-new-name" value={newName} maxLength={LIMITS.nameLength} onChange={(e) => setNewName(e.target.value)} />
              <button type="submit">{t('process.roster.add')}</button>
            </div>
          </form>
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !dirty} onClick={save}>
              {busy ? t('process.saving') : t('process.roster.save')}
            </button>
            <button
              type="button"
              disabled={busy || !dirty}
              onClick={() => {
                setRows(rowsOf(view.organisations, i18n.language));
                setMessage(null);
              }}
            >
              {t('process.roster.reset')}
            </button>
            {dirty && <span className="unsaved">{t('process.roster.unsaved')}</span>}
          </div>
        </>
      ) : (
        <p className="hint">{t('process.roster.readOnly')}</p>
      )}
      <div role="status" className="process-status">
        {message && !message.error && <p>{message.say(t)}</p>}
      </div>
      {message?.error && (
        <p role="alert" className="error">
          {message.say(t)}
        </p>
      )}
    </section>
  );
}
