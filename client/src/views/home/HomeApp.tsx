/**
 * Start page of a signed-in facilitator: their processes, a new process, a
 * single workshop (a process of one step) or an imported one. Whoever is not
 * signed in is sent to the sign-in page (AC-7).
 */
import { use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../../shared/protocol';
import { officeReady } from '../../i18n/office';
import { workshops } from '../../net/office';
import { DateField } from '../common/DateField';
import { FilePicker } from '../common/FilePicker';
import { OfficeShell } from '../office/OfficeShell';
import { useAccount } from '../office/useAccount';
import { NewProcessForm, ProcessList } from './ProcessList';
import './home.css';

export default function HomeApp() {
  use(officeReady);
  const { t } = useTranslation();
  const state = useAccount({ required: true });
  if (state.status !== 'ready' || !state.auth.account) {
    return <OfficeShell account={null}>{state.status === 'failed' ? <p role="alert">{t('errors.network')}</p> : <p>{t('connection.connecting')}</p>}</OfficeShell>;
  }
  return (
    <OfficeShell account={state.auth.account}>
      <p className="lead">{t('app.tagline')}</p>
      <ProcessList />
      <div className="office-columns">
        <NewProcessForm />
        <SingleWorkshopForm />
        <ImportForm />
      </div>
      <p>
        <a href="/join">{t('home.join')}</a>
      </p>
    </OfficeShell>
  );
}

function SingleWorkshopForm() {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<'coesfeld' | 'blank'>('coesfeld');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [dateValid, setDateValid] = useState(true);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  return (
    <form
      className="card stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setChecked(true);
        if (!dateValid) return;
        setBusy(true);
        setFailed(false);
        const reply = await workshops.create({ template, title: title.trim() || undefined, date: date ?? undefined });
        if (reply.ok) location.assign(reply.data.facilitatorPath);
        else {
          setBusy(false);
          setFailed(true);
        }
      }}
    >
      <h2>{t('processes.singleTitle')}</h2>
      <p className="hint">{t('processes.singleLead')}</p>
      <fieldset>
        <legend>{t('home.template')}</legend>
        <label className="choice">
          <input type="radio" name="template" checked={template === 'coesfeld'} onChange={() => setTemplate('coesfeld')} />
          <span>{t('home.templateCoesfeld')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="template" checked={template === 'blank'} onChange={() => setTemplate('blank')} />
          <span>{t('home.templateBlank')}</span>
        </label>
      </fieldset>
      <label htmlFor="workshop-title">{t('home.workshopTitle')}</label>
      <input id="workshop-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <DateField
        id="workshop-date"
        label={t('home.date')}
        value={date}
        showInvalid={checked}
        onChange={(next, valid) => {
          setDate(next);
          setDateValid(valid);
        }}
      />

      {failed && (
        <p role="alert" className="error">
          {t('home.createFailed')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('home.create')}
      </button>
    </form>
  );
}

/** SPEC X-5: a workshop file exported from Konsens becomes a new workshop on this server. */
function ImportForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ code: string; details: ErrorDetail[] } | null>(null);
  const [noFile, setNoFile] = useState(false);
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setNoFile(!file);
        if (!file) return;
        setBusy(true);
        setFailed(null);
        const reply = await workshops.importFile(await file.text());
        if (reply.ok) location.assign(reply.data.facilitatorPath);
        else {
          setBusy(false);
          setFailed({ code: reply.code, details: reply.details ?? [] });
        }
      }}
    >
      <h2>{t('importing.title')}</h2>
      <p className="hint">{t('importing.hint')}</p>
      <FilePicker
        id="workshop-file"
        label={t('importing.file')}
        accept="application/json,.json"
        file={file}
        onFile={(next) => {
          setFile(next);
          setNoFile(false);
        }}
      />
      {noFile && (
        <p role="alert" className="error">
          {t('filePicker.missing')}
        </p>
      )}
      {failed && (
        <div role="alert" className="error">
          <p>
            {t('importing.failed')} {t(`errors.${failed.code}`)}
          </p>
          {failed.details.length > 0 && (
            <ul>
              {failed.details.slice(0, 5).map((d, i) => (
                <li key={i}>{t('importing.detail', { path: d.path || '–', message: d.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('importing.submit')}
      </button>
    </form>
  );
}
