/**
 * The frame of every office screen (start page, process, account): brand,
 * where you are, who is signed in, sign-out and the language.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/accounts';
import { auth } from '../../net/office';
import { LanguageSwitch } from '../common/LanguageSwitch';

export function OfficeShell({ account, title, children }: { account: AccountView | null; title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="app office">
      <header className="topbar">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        {title && <span className="topbar-title">{title}</span>}
        {account && (
          <nav className="account-nav" aria-label={t('account.navigation')}>
            <a href="/konto">{account.name}</a>
            {account.role === 'admin' && <a href="/konten">{t('account.accounts')}</a>}
            <button
              type="button"
              disabled={leaving}
              onClick={async () => {
                setLeaving(true);
                await auth.logout();
                location.assign('/anmelden');
              }}
            >
              {t('account.signOut')}
            </button>
          </nav>
        )}
        <LanguageSwitch />
      </header>
      <main id="main" className="office-main">
        {children}
      </main>
    </div>
  );
}
