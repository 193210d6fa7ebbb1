/** AC-3: the own account: who you are, and a new password (other sessions end). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import { auth } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { message, type FieldMessage } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';
import { PasswordFields, passwordProblems } from './PasswordFields';

export function OwnAccount({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const checks = useFieldProblems();
  return (
    <div className="office-narrow stack">
      <section className="card" aria-labelledby="own-title">
        <h1 id="own-title">{t('account.ownTitle')}</h1>
        <p>
          <strong>{account.name}</strong>
          <br />
          {account.email}
        </p>
        <p>{t('account.ownRole', { role: t(`account.role.${account.role}`) })}</p>
        {account.oidc && <p className="hint">{t('account.oidcAccount')}</p>}
        <p>
          <a href="/">{t('account.backHome')}</a>
        </p>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <form
          className="stack"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const found: Record<string, FieldMessage> = current ? {} : { 'current-password': message('formCheck.enterCurrentPassword') };
            Object.assign(found, passwordProblems('new-password', next, repeat));
            setOutcome(null);
            if (!checks.report(found)) return;
            setBusy(true);
            const reply = await auth.changePassword({ current, next });
            setBusy(false);
            if (reply.ok) {
              setCurrent('');
              setNext('');
              setRepeat('');
              setOutcome({ ok: true, text: t('account.passwordChanged') });
            } else setOutcome({ ok: false, text: reply.code === 'UNAUTHORISED' ? t('account.wrongPassword') : t(`errors.${reply.code}`) });
          }}
        >
          <label htmlFor="current-password">{t('account.currentPassword')}</label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            aria-required="true"
            maxLength={200}
            value={current}
            {...checks.aria('current-password')}
            onChange={(e) => {
              setCurrent(e.target.value);
              checks.clear('current-password');
            }}
          />
          <FieldError field="current-password" problems={checks.problems} />
          <PasswordFields id="new-password" label={t('account.newPassword')} value={next} repeat={repeat} onChange={setNext} onRepeat={setRepeat} checks={checks} />
          <p role="status" className={outcome && !outcome.ok ? 'error' : undefined}>
            {outcome?.text}
          </p>
          <button type="submit" disabled={busy}>
            {t('account.changePassword')}
          </button>
        </form>
      </section>
    </div>
  );
}
