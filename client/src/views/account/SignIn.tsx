/** AC-3: sign in with e-mail and password (or the organisation's identity provider, AC-10), then back to where you came from. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/accounts';
import { auth } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { emailProblem, message, type FieldMessage } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';
import { OfficeShell } from '../office/OfficeShell';
import { safeNext } from '../office/useAccount';

export function SignIn() {
  const { t } = useTranslation();
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  // AC-10: what the way back from the organisation's provider said.
  const oidcOutcome = params.get('anmeldung');
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const checks = useFieldProblems();

  useEffect(() => {
    void auth.status().then((reply) => {
      if (!reply.ok) return;
      // Already signed in (e.g. in another tab): straight on.
      if (reply.data.account) location.replace(next);
      else setStatus(reply.data);
    });
  }, [next]);

  return (
    <OfficeShell account={null}>
      <section className="card office-narrow" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('account.signInTitle')}</h1>
        <p>{t('account.signInLead')}</p>
        {status?.setupRequired && <p className="hint">{t('account.noAccountYet')}</p>}
        {oidcOutcome && ['fehlgeschlagen', 'unbekannt', 'deaktiviert', 'gesperrt'].includes(oidcOutcome) && (
          <p role="alert" className="error">
            {t(`account.oidcOutcome.${oidcOutcome}`)}
          </p>
        )}
        {status?.oidc.enabled && (
          <>
            <a className="button primary" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
              {t('account.oidc', { label: status.oidc.label })}
            </a>
            <p className="hint">{t('account.or')}</p>
          </>
        )}
        <form
          className="stack"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const found: Record<string, FieldMessage> = {};
            const emailSays = emailProblem(email);
            if (emailSays) found['sign-in-email'] = emailSays;
            if (!password) found['sign-in-password'] = message('formCheck.enterPassword');
            setProblem(null);
            if (!checks.report(found)) return;
            setBusy(true);
            const reply = await auth.login({ email: email.trim(), password });
            if (reply.ok) return location.assign(next);
            setBusy(false);
            setProblem(reply.code === 'UNAUTHORISED' || reply.code === 'BAD_REQUEST' ? t('account.wrongCredentials') : t(`errors.${reply.code}`));
          }}
        >
          <label htmlFor="sign-in-email">{t('account.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            aria-required="true"
            maxLength={254}
            value={email}
            {...checks.aria('sign-in-email')}
            onChange={(e) => {
              setEmail(e.target.value);
              checks.clear('sign-in-email');
            }}
          />
          <FieldError field="sign-in-email" problems={checks.problems} />
          <label htmlFor="sign-in-password">{t('account.password')}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            aria-required="true"
            maxLength={200}
            value={password}
            {...checks.aria('sign-in-password')}
            onChange={(e) => {
              setPassword(e.target.value);
              checks.clear('sign-in-password');
            }}
          />
          <FieldError field="sign-in-password" problems={checks.problems} />
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('account.signingIn') : t('account.signIn')}
          </button>
        </form>
        <p>
          <a href="/join">{t('account.joinInstead')}</a>
        </p>
      </section>
    </OfficeShell>
  );
}
