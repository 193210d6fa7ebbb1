import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicWorkshopInfo } from '../../../../shared/protocol';

export function OrganisationForm({
  info,
  busy,
  onJoin,
  onOtherCode,
}: {
  info: PublicWorkshopInfo;
  busy: boolean;
  onJoin: (organisationId: string, displayName: string) => void;
  onOtherCode: () => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  // The app checks the choice itself: the browser's own bubble would speak the browser's language, not the page's.
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (organisationId) onJoin(organisationId, name.trim());
        else {
          setMissing(true);
          e.currentTarget.querySelector<HTMLInputElement>('input[name="organisation"]')?.focus();
        }
      }}
    >
      <h1>{info.title}</h1>
      <fieldset aria-describedby={missing ? 'organisation-missing' : undefined}>
        <legend>{t(info.kind === 'quickcheck' ? 'join.organisation' : 'collection.joinOrganisation')}</legend>
        <div className="choice-grid">
          {info.organisations.map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name="organisation" value={o.id} checked={organisationId === o.id} onChange={() => {
                  setOrganisationId(o.id);
                  setMissing(false);
                }}
                aria-invalid={missing || undefined}
              />
              <span>{o.name}</span>
            </label>
          ))}
        </div>
        {missing && (
          <p id="organisation-missing" role="alert" className="error">
            {t('join.organisationMissing')}
          </p>
        )}
      </fieldset>
      <label htmlFor="display-name">{t('join.displayName')}</label>
      <input id="display-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} autoComplete="name" aria-describedby="display-name-hint" />
      <p id="display-name-hint" className="hint">
        {t('join.displayNameHint')}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('join.joining') : t('join.submit')}
      </button>
      <button type="button" className="link" onClick={onOtherCode}>
        {t('join.otherCode')}
      </button>
    </form>
  );
}
