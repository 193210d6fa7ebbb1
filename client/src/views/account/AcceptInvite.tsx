/** AC-5: an invitation link: see what it is for, then create the account (and be signed in). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteInfo } from '../../../../shared/accounts';
import { formatDateTime } from '../../i18n';
import { auth } from '../../net/office';
import { OfficeShell } from '../office/OfficeShell';
import { NewAccountForm } from './NewAccountForm';

export function AcceptInvite({ token }: { token: string }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<InviteInfo | 'invalid' | null>(null);
  useEffect(() => {
    void auth.inviteInfo(token).then((reply) => setInfo(reply.ok ? reply.data : 'invalid'));
  }, [token]);
  return (
    <OfficeShell account={null}>
      <section className="card office-narrow" aria-labelledby="invite-title">
        <h1 id="invite-title">{t('account.inviteTitle')}</h1>
        {info === null && <p>{t('connection.connecting')}</p>}
        {info === 'invalid' && <p role="alert">{t('errors.INVITE_USED')}</p>}
        {info !== null && info !== 'invalid' && (
          <>
            <p>{t('account.inviteLead', { role: t(`account.role.${info.role}`), date: formatDateTime(info.expiresAt) })}</p>
            {info.note && <p>{t('account.inviteNote', { note: info.note })}</p>}
            <NewAccountForm submitLabel={t('account.inviteSubmit')} send={(body) => auth.acceptInvite(token, body)} refusal={(code) => t(`errors.${code}`)} />
          </>
        )}
      </section>
    </OfficeShell>
  );
}
