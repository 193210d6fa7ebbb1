/** PR-4: who facilitates the process: its owner and the co-facilitators the owner adds by e-mail. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef, ProcessView } from '../../../../shared/process';
import { processes } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { emailProblem } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';
import { problem, say, type Say } from './problem';

export function FacilitatorPanel({ view, onChange }: { view: ProcessView; onChange: (view: ProcessView) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; say: Say } | null>(null);
  const coHeading = useRef<HTMLHeadingElement>(null);
  const checks = useFieldProblems();

  const add = async () => {
    const address = email.trim();
    const found = emailProblem(address);
    if (!checks.report(found ? { 'facilitator-email': found } : {})) return;
    if (view.owner && address.toLowerCase() === view.owner.email.toLowerCase()) return setMessage({ error: true, say: say('process.facilitators.isOwner') });
    setBusy(true);
    setMessage(null);
    const reply = await processes.addFacilitator(view.id, address);
    setBusy(false);
    if (!reply.ok) return setMessage({ error: true, say: problem('addFacilitator', reply.code) });
    const person = reply.data.facilitators.find((p) => p.email.toLowerCase() === address.toLowerCase());
    onChange(reply.data);
    setEmail('');
    setMessage({ error: false, say: say('process.facilitators.added', { name: person?.name ?? address }) });
  };

  const remove = async (person: PersonRef) => {
    if (!window.confirm(t('process.facilitators.removeConfirm', { name: person.name }))) return;
    setBusy(true);
    setMessage(null);
    const reply = await processes.removeFacilitator(view.id, person.id);
    setBusy(false);
    if (!reply.ok) return setMessage({ error: true, say: problem('general', reply.code) });
    onChange(reply.data);
    setMessage({ error: false, say: say('process.facilitators.removed', { name: person.name }) });
    coHeading.current?.focus();
  };

  return (
    <section className="panel stack" aria-labelledby="facilitators-title">
      <h2 id="facilitators-title">{t('process.facilitators.title')}</h2>
      <p className="hint">{t('process.facilitators.lead')}</p>
      <h3>{t('process.facilitators.owner')}</h3>
      {view.owner ? <Person person={view.owner} /> : <p className="hint">{t('process.noOwner')}</p>}
      <h3 ref={coHeading} tabIndex={-1}>
        {t('process.facilitators.co')}
      </h3>
      {view.facilitators.length === 0 ? (
        <p className="hint">{t('process.facilitators.noCo')}</p>
      ) : (
        <ul className="people-list">
          {view.facilitators.map((person) => (
            <li key={person.id}>
              <Person person={person} />
              {view.mayManage && (
                <button type="button" className="danger small" disabled={busy} aria-label={t('process.facilitators.removeOf', { name: person.name })} onClick={() => void remove(person)}>
                  {t('process.facilitators.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.mayManage ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor="facilitator-email">{t('process.facilitators.email')}</label>
          <p className="hint" id="facilitator-email-hint">
            {t('process.facilitators.emailHint')}
          </p>
          <div className="inline-form-fields">
            <input
              id="facilitator-email"
              type="email"
              autoComplete="off"
              aria-required="true"
              value={email}
              {...checks.aria('facilitator-email', 'facilitator-email-hint')}
              onChange={(e) => {
                setEmail(e.target.value);
                checks.clear('facilitator-email');
              }}
            />
            <button type="submit" disabled={busy}>
              {t('process.facilitators.add')}
            </button>
          </div>
          <FieldError field="facilitator-email" problems={checks.problems} />
        </form>
      ) : (
        <p className="hint">{t('process.facilitators.readOnly')}</p>
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

function Person({ person }: { person: PersonRef }) {
  return (
    <p className="person">
      <span className="person-name">{person.name}</span>
      <span className="hint break-anywhere">{person.email}</span>
    </p>
  );
}
