/**
 * The account screens, one chunk: sign-in (/anmelden), first start
 * (/setup/<token>), invitations (/invite/<token>), the own account (/konto)
 * and, for administrators, the accounts (/konten).
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { officeReady } from '../../i18n/office';
import { OfficeShell } from '../office/OfficeShell';
import { useAccount } from '../office/useAccount';
import { Accounts } from './Accounts';
import { AcceptInvite } from './AcceptInvite';
import { OwnAccount } from './OwnAccount';
import { Setup } from './Setup';
import { SignIn } from './SignIn';

export type AccountPage = 'anmelden' | 'setup' | 'invite' | 'konto' | 'konten';

export default function AccountApp({ page, token }: { page: string; token: string }) {
  use(officeReady);
  const known = page as AccountPage;
  switch (known) {
    case 'setup':
      return <Setup token={token} />;
    case 'invite':
      return <AcceptInvite token={token} />;
    case 'konto':
    case 'konten':
      return <SignedInPage page={known} />;
    default:
      return <SignIn />;
  }
}

function SignedInPage({ page }: { page: 'konto' | 'konten' }) {
  const { t } = useTranslation();
  const state = useAccount({ required: true });
  if (state.status !== 'ready' || !state.auth.account) {
    return <OfficeShell account={null}>{state.status === 'failed' ? <p role="alert">{t('account.loadFailed')}</p> : <p>{t('connection.connecting')}</p>}</OfficeShell>;
  }
  const { account } = state.auth;
  return (
    <OfficeShell account={account} title={page === 'konto' ? t('account.ownTitle') : t('account.listTitle')}>
      {page === 'konto' ? <OwnAccount account={account} /> : <Accounts me={account} />}
    </OfficeShell>
  );
}
