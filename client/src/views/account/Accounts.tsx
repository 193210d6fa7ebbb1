/** AC-5, AC-6: administrators see every account, disable or enable it, and invite people by a one-time link. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole, AccountView, CreatedInvite } from '../../../../shared/accounts';
import { formatDateTime } from '../../i18n';
import { admin } from '../../net/office';

export function Accounts({ me }: { me: AccountView }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    const reply = await admin.accounts();
    if (reply.ok) setAccounts(reply.data);
    else setProblem(reply.code === 'FORBIDDEN' ? t('account.adminOnly') : t('account.loadFailed'));
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="accounts-title">
        <h1 id="accounts-title">{t('account.listTitle')}</h1>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        {accounts && (
          <div className="table-scroll">
            <table className="accounts-table">
              <thead>
                <tr>
                  <th scope="col">{t('account.name')}</th>
                  <th scope="col">{t('account.email')}</th>
                  <th scope="col">{t('account.inviteRole')}</th>
                  <th scope="col">{t('account.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('account.disable')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {a.name} {a.id === me.id && t('account.you')}
                    </td>
                    <td className="break-anywhere">{a.email}</td>
                    <td>{t(`account.role.${a.role}`)}</td>
                    <td>{a.disabled ? t('account.disabled') : t('account.active')}</td>
                    <td>
                      {a.id !== me.id && (
                        <button
                          type="button"
                          aria-label={a.disabled ? t('account.enableOf', { name: a.name }) : t('account.disableOf', { name: a.name })}
                          onClick={async () => {
                            const reply = await admin.setDisabled(a.id, !a.disabled);
                            if (reply.ok) setAccounts((list) => list?.map((x) => (x.id === a.id ? reply.data : x)) ?? null);
                            else setProblem(t(`errors.${reply.code}`));
                          }}
                        >
                          {a.disabled ? t('account.enable') : t('account.disable')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InviteForm />
    </div>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const [role, setRole] = useState<AccountRole>('facilitator');
  const [note, setNote] = useState('');
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const link = invite ? `${location.origin}${invite.path}` : '';
  return (
    <section className="card" aria-labelledby="invite-form-title">
      <h2 id="invite-form-title">{t('account.inviteFormTitle')}</h2>
      <p className="hint">{t('account.inviteFormLead')}</p>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setProblem(null);
          setCopied(false);
          const reply = await admin.invite(role, note.trim() || undefined);
          if (reply.ok) setInvite(reply.data);
          else setProblem(t(`errors.${reply.code}`));
        }}
      >
        <fieldset>
          <legend>{t('account.inviteRole')}</legend>
          {(['facilitator', 'admin'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="invite-role" checked={role === r} onChange={() => setRole(r)} />
              <span>{t(`account.role.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <label htmlFor="invite-note">{t('account.inviteNoteLabel')}</label>
        <input id="invite-note" maxLength={120} value={note} onChange={(e) => setNote(e.target.value)} />
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit" className="primary">
          {t('account.inviteCreate')}
        </button>
      </form>
      <div aria-live="polite">
        {invite && (
          <div className="stack invite-result">
            <label htmlFor="invite-link">{t('account.inviteLink', { date: formatDateTime(invite.expiresAt) })}</label>
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? t('account.copied') : t('account.copy')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
