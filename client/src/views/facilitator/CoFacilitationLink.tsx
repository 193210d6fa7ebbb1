/**
 * The co-facilitation link (SPEC AC-8), for signed-in facilitators: someone
 * without an account (a guest facilitator, the meeting-room laptop) runs the
 * console with it. Only its hash is stored, so the link is shown once, right
 * after it is made; a new one ends the old one, and it can be revoked.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/protocol';
import { workshops } from '../../net/office';
import { CopyField } from './CopyField';

type Outcome = { state: 'idle' | 'busy' } | { state: 'done'; message: 'created' | 'replaced' | 'revoked' } | { state: 'failed'; code: ErrorCode | 'network' };

export function CoFacilitationLink({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  /** A link was made on this page: the next one replaces it. (Whether an earlier one exists, the server does not say.) */
  const [madeHere, setMadeHere] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (url) field.current?.focus();
  }, [url]);

  const busy = outcome.state === 'busy';
  const make = async () => {
    if (madeHere && !window.confirm(t('share.replaceConfirm'))) return;
    setOutcome({ state: 'busy' });
    const reply = await workshops.newLink(workshopId);
    if (!reply.ok) return setOutcome({ state: 'failed', code: reply.code });
    setUrl(`${location.origin}${reply.data.path}`);
    setOutcome({ state: 'done', message: madeHere ? 'replaced' : 'created' });
    setMadeHere(true);
  };
  const revoke = async () => {
    if (!window.confirm(t('share.revokeConfirm'))) return;
    setOutcome({ state: 'busy' });
    const reply = await workshops.revokeLink(workshopId);
    if (!reply.ok) return setOutcome({ state: 'failed', code: reply.code });
    setUrl(null);
    setMadeHere(false);
    setOutcome({ state: 'done', message: 'revoked' });
  };

  return (
    <section className="panel co-facilitation" aria-labelledby="co-facilitation-title">
      <h2 id="co-facilitation-title">{t('share.coTitle')}</h2>
      <div className="stack">
        <p className="hint">{t('share.coLead')}</p>
        {url && (
          <>
            <CopyField id="co-facilitation-url" label={t('share.link')} value={url} inputRef={field} />
            <p className="notice">{t('share.warning')}</p>
          </>
        )}
        <div className="actions">
          <button type="button" aria-disabled={busy} onClick={() => !busy && void make()}>
            {madeHere ? t('share.replace') : t('share.create')}
          </button>
          <button type="button" aria-disabled={busy} onClick={() => !busy && void revoke()}>
            {t('share.revoke')}
          </button>
          {url && (
            <button type="button" onClick={() => setUrl(null)}>
              {t('share.hide')}
            </button>
          )}
        </div>
        <p role="status" className="hint">
          {outcome.state === 'busy' ? t('share.busy') : outcome.state === 'done' ? t(`share.${outcome.message}`) : ''}
        </p>
        {outcome.state === 'failed' && (
          <p role="alert" className="error">
            {t(`errors.${outcome.code}`)}
          </p>
        )}
      </div>
    </section>
  );
}
