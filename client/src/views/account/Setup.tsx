/** AC-1: the one-time link the server printed at its first start creates the first administrator. */
import { useTranslation } from 'react-i18next';
import { auth } from '../../net/office';
import { OfficeShell } from '../office/OfficeShell';
import { NewAccountForm } from './NewAccountForm';

export function Setup({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <OfficeShell account={null}>
      <section className="card office-narrow" aria-labelledby="setup-title">
        <h1 id="setup-title">{t('account.setupTitle')}</h1>
        <p>{t('account.setupLead')}</p>
        <NewAccountForm
          submitLabel={t('account.setupSubmit')}
          send={(body) => auth.setup({ token, ...body })}
          refusal={(code) => (code === 'UNAUTHORISED' ? t('account.setupInvalid') : t(`errors.${code}`))}
        />
      </section>
    </OfficeShell>
  );
}
