/** A new password, typed twice (the form checks both are the same before it sends). */
import { useTranslation } from 'react-i18next';
import { PASSWORD_LIMITS } from '../../../../shared/accounts';
import { FieldError } from '../common/FieldError';
import { message, type FieldMessage } from '../common/fieldChecks';
import type { FieldChecks } from '../common/useFieldProblems';

export function PasswordFields({ id, label, value, repeat, onChange, onRepeat, checks }: { id: string; label: string; value: string; repeat: string; onChange: (v: string) => void; onRepeat: (v: string) => void; checks: FieldChecks }) {
  const { t } = useTranslation();
  const repeatId = `${id}-repeat`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        aria-required="true"
        maxLength={PASSWORD_LIMITS.max}
        value={value}
        {...checks.aria(id, `${id}-hint`)}
        onChange={(e) => {
          onChange(e.target.value);
          checks.clear(id);
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {t('account.passwordHint')}
      </p>
      <FieldError field={id} problems={checks.problems} />
      <label htmlFor={repeatId}>{t('account.passwordRepeat')}</label>
      <input
        id={repeatId}
        type="password"
        autoComplete="new-password"
        aria-required="true"
        maxLength={PASSWORD_LIMITS.max}
        value={repeat}
        {...checks.aria(repeatId)}
        onChange={(e) => {
          onRepeat(e.target.value);
          checks.clear(repeatId);
        }}
      />
      <FieldError field={repeatId} problems={checks.problems} />
    </>
  );
}

/** The form's own check of the two fields, by field id (nothing when the password may be sent). */
export function passwordProblems(id: string, password: string, repeat: string): Record<string, FieldMessage> {
  const found: Record<string, FieldMessage> = {};
  if (password.length < PASSWORD_LIMITS.min) found[id] = message('formCheck.passwordLength', { min: PASSWORD_LIMITS.min });
  if (repeat === '') found[`${id}-repeat`] = message('formCheck.passwordRepeat');
  else if (repeat !== password) found[`${id}-repeat`] = message('account.passwordsDiffer');
  return found;
}
