/** Start page: create a workshop (from the Coesfeld template or blank) or import one, and open its console. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../../shared/protocol';
import { createWorkshop, importWorkshop } from '../../net/http';
import { LanguageSwitch } from '../common/LanguageSwitch';

export default function HomeApp() {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<'coesfeld' | 'blank'>('coesfeld');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  return (
    <div className="app home">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="tablet-main">
        <p className="lead">{t('app.tagline')}</p>
        <form
          className="card stack"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setFailed(false);
            const reply = await createWorkshop({ template, title: title.trim() || undefined, date: date || undefined });
            if (reply.ok) location.assign(reply.data.facilitatorPath);
            else {
              setBusy(false);
              setFailed(true);
            }
          }}
        >
          <h1>{t('home.title')}</h1>
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
          <label htmlFor="workshop-date">{t('home.date')}</label>
          <input id="workshop-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          {failed && (
            <p role="alert" className="error">
              {t('home.createFailed')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('home.create')}
          </button>
        </form>
        <ImportForm />
        <p>
          <a href="/join">{t('home.join')}</a>
        </p>
      </main>
    </div>
  );
}

/** SPEC X-5: a workshop file exported from Konsens becomes a new workshop on this server. */
function ImportForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ code: string; details: ErrorDetail[] } | null>(null);
  return (
    <form
      className="card stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setBusy(true);
        setFailed(null);
        const reply = await importWorkshop(await file.text());
        if (reply.ok) location.assign(reply.data.facilitatorPath);
        else {
          setBusy(false);
          setFailed({ code: reply.code, details: reply.details ?? [] });
        }
      }}
    >
      <h2>{t('importing.title')}</h2>
      <p className="hint">{t('importing.hint')}</p>
      <label htmlFor="workshop-file">{t('importing.file')}</label>
      <input id="workshop-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
      <button type="submit" disabled={busy || !file}>
        {t('importing.submit')}
      </button>
    </form>
  );
}
