/** A new password, typed twice (the form checks both are the same before it sends). */
import { useTranslation } from 'react-i18next';
import { PASSWORD_LIMITS } from '../../../../shared/accounts';

export function PasswordFields({ id, label, value, repeat, onChange, onRepeat }: { id: string; label: string; value: string; repeat: string; onChange: (v: string) => void; onRepeat: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete="new-password" required minLength={PASSWORD_LIMITS.min} maxLength={PASSWORD_LIMITS.max} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        {t('account.passwordHint')}
      </p>
      <label htmlFor={`${id}-repeat`}>{t('account.passwordRepeat')}</label>
      <input id={`${id}-repeat`} type="password" autoComplete="new-password" required minLength={PASSWORD_LIMITS.min} maxLength={PASSWORD_LIMITS.max} value={repeat} onChange={(e) => onRepeat(e.target.value)} />
    </>
  );
}

/** The form's own check, in words; null when the password may be sent. */
export function passwordProblem(password: string, repeat: string): 'passwordsDiffer' | 'passwordHint' | null {
  if (password.length < PASSWORD_LIMITS.min) return 'passwordHint';
  return password === repeat ? null : 'passwordsDiffer';
}
