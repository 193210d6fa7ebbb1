/** E-mail, name and password of a new account: the first start and invitations share it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import type { OfficeResult } from '../../net/office';
import { FieldError } from '../common/FieldError';
import { emailProblem, message, type FieldMessage } from '../common/fieldChecks';
import { useFieldProblems } from '../common/useFieldProblems';
import { PasswordFields, passwordProblems } from './PasswordFields';

export function NewAccountForm({ submitLabel, send, refusal }: { submitLabel: string; send: (body: { email: string; name: string; password: string }) => Promise<OfficeResult<AccountView>>; refusal: (code: string) => string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const checks = useFieldProblems();
  return (
    <form
      className="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found: Record<string, FieldMessage> = {};
        const emailSays = emailProblem(email);
        if (emailSays) found['account-email'] = emailSays;
        if (!name.trim()) found['account-name'] = message('formCheck.enterName');
        Object.assign(found, passwordProblems('account-password', password, repeat));
        setProblem(null);
        if (!checks.report(found)) return;
        setBusy(true);
        const reply = await send({ email: email.trim(), name: name.trim(), password });
        if (reply.ok) return location.assign('/');
        setBusy(false);
        setProblem(refusal(reply.code));
      }}
    >
      <label htmlFor="account-email">{t('account.email')}</label>
      <input
        id="account-email"
        type="email"
        autoComplete="username"
        aria-required="true"
        maxLength={254}
        value={email}
        {...checks.aria('account-email')}
        onChange={(e) => {
          setEmail(e.target.value);
          checks.clear('account-email');
        }}
      />
      <FieldError field="account-email" problems={checks.problems} />
      <label htmlFor="account-name">{t('account.name')}</label>
      <input
        id="account-name"
        autoComplete="name"
        aria-required="true"
        maxLength={120}
        value={name}
        {...checks.aria('account-name', 'account-name-hint')}
        onChange={(e) => {
          setName(e.target.value);
          checks.clear('account-name');
        }}
      />
      <p id="account-name-hint" className="hint">
        {t('account.nameHint')}
      </p>
      <FieldError field="account-name" problems={checks.problems} />
      <PasswordFields id="account-password" label={t('account.password')} value={password} repeat={repeat} onChange={setPassword} onRepeat={setRepeat} checks={checks} />
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
