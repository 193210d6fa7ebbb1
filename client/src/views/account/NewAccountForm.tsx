/** E-mail, name and password of a new account: the first start and invitations share it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import type { OfficeResult } from '../../net/office';
import { PasswordFields, passwordProblem } from './PasswordFields';

export function NewAccountForm({ submitLabel, send, refusal }: { submitLabel: string; send: (body: { email: string; name: string; password: string }) => Promise<OfficeResult<AccountView>>; refusal: (code: string) => string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const local = passwordProblem(password, repeat);
        if (local) return setProblem(t(`account.${local}`));
        setBusy(true);
        setProblem(null);
        const reply = await send({ email: email.trim(), name: name.trim(), password });
        if (reply.ok) return location.assign('/');
        setBusy(false);
        setProblem(refusal(reply.code));
      }}
    >
      <label htmlFor="account-email">{t('account.email')}</label>
      <input id="account-email" type="email" autoComplete="username" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="account-name">{t('account.name')}</label>
      <input id="account-name" autoComplete="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} aria-describedby="account-name-hint" />
      <p id="account-name-hint" className="hint">
        {t('account.nameHint')}
      </p>
      <PasswordFields id="account-password" label={t('account.password')} value={password} repeat={repeat} onChange={setPassword} onRepeat={setRepeat} />
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
