/**
 * "Sie bewerten für …" with a way out for whoever picked the wrong
 * organisation (SPEC J-5): choose the right one, told first that the answers
 * given so far go with them. A move by the facilitator is announced here too.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { switchOrganisation } from '../../net/participant';
import { useStore } from '../../store';

export function OrganisationSwitch({ config, organisationId, canSwitch }: { config: WorkshopConfig; organisationId: string; canSwitch: boolean }) {
  const { t } = useTranslation();
  const movedTo = useStore((s) => s.movedTo);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => config.organisations.find((o) => o.id === id)?.name ?? '';
  const organisation = name(organisationId);

  return (
    <>
      <p className="who">
        {t('ballot.youAre', { organisation })}{' '}
        {canSwitch && !open && (
          <button type="button" className="link" onClick={() => setOpen(true)}>
            {t('ballot.switchOpen')}
          </button>
        )}
      </p>
      {movedTo && (
        <div role="status" className="banner banner-info">
          <p>{t('ballot.movedNotice', { organisation: name(movedTo) })}</p>
          <button type="button" onClick={() => useStore.getState().setMovedTo(null)}>
            {t('ballot.movedDismiss')}
          </button>
        </div>
      )}
      {open && canSwitch && (
        <form
          className="card stack organisation-switch"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!choice || choice === organisationId) {
              setProblem(t('ballot.switchMissing'));
              return;
            }
            setBusy(true);
            void switchOrganisation(choice).then((reply) => {
              setBusy(false);
              if (reply.ok) {
                setOpen(false);
                setChoice('');
                setProblem(null);
              } else setProblem(t(`errors.${reply.code}`));
            });
          }}
        >
          <fieldset aria-describedby="switch-effect">
            <legend>{t('ballot.switchTitle')}</legend>
            <p id="switch-effect" className="hint">
              {t('ballot.switchEffect', { organisation })}
            </p>
            <div className="choice-grid">
              {config.organisations
                .filter((o) => o.id !== organisationId)
                .map((o) => (
                  <label key={o.id} className="choice">
                    <input type="radio" name="switch-organisation" value={o.id} checked={choice === o.id} onChange={() => (setChoice(o.id), setProblem(null))} />
                    <span>{o.name}</span>
                  </label>
                ))}
            </div>
          </fieldset>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('ballot.switchSubmit')}
            </button>
            <button type="button" onClick={() => (setOpen(false), setProblem(null))}>
              {t('ballot.switchCancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
