/**
 * One theme of the decided tiers (DD-1): its deep-dives, or a button to add
 * one; outside the gate (DD-2) only with a reason, asked for in a small form
 * of its own — the server refuses a deep-dive there without one, and so does
 * this form, in words.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepDiveOffer as Offer } from '../../../../shared/activities/deepdive/gate';
import type { CreatedWorkshop } from '../../../../shared/protocol';
import { LIMITS } from '../../../../shared/schemas';
import { processes } from '../../net/office';
import { problem, say, type Say } from './problem';

export interface Created {
  workshop: CreatedWorkshop;
  theme: string;
  reason: string | null;
}

export function DeepDiveOffer({ processId, offer, onCreated }: { processId: string; offer: Offer; onCreated: (created: Created) => Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Say | null>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const id = `deepdive-${offer.themeId}`;
  const existing = offer.workshopIds;

  useEffect(() => {
    if (asking) reasonField.current?.focus();
  }, [asking]);

  const create = async (withReason: string | null) => {
    setBusy(true);
    setError(null);
    const reply = await processes.addStep(processId, { kind: 'deepdive', themeId: offer.themeId, ...(withReason ? { reason: withReason } : {}) });
    if (!reply.ok) {
      setBusy(false);
      return setError(() => problem('deepDive', reply.code));
    }
    setAsking(false);
    setReason('');
    await onCreated({ workshop: reply.data, theme: offer.name, reason: withReason });
    setBusy(false);
  };

  return (
    <li className={`deepdive-offer${offer.offered ? '' : ' outside'}`}>
      <div className="deepdive-offer-head">
        <h4 className="deepdive-offer-name">{offer.name}</h4>
      </div>
      {!offer.offered && <p className="deepdive-outside-note">{t('process.deepDives.outside')}</p>}
      {existing.length > 0 ? (
        <ul className="deepdive-links">
          {existing.map((workshopId, index) => (
            <li key={workshopId}>
              <a href={`/moderation/${encodeURIComponent(workshopId)}`}>
                {existing.length > 1 ? t('process.deepDives.openNumbered', { number: index + 1 }) : t('process.deepDives.open')}
                <span className="visually-hidden"> {t('process.deepDives.openFor', { theme: offer.name })}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : offer.offered ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} aria-label={t('process.deepDives.createFor', { theme: offer.name })} onClick={() => void create(null)}>
            {busy ? t('process.deepDives.creating') : t('process.deepDives.create')}
          </button>
        </div>
      ) : !asking ? (
        <div className="actions">
          <button type="button" aria-label={t('process.deepDives.anywayFor', { theme: offer.name })} onClick={() => setAsking(true)}>
            {t('process.deepDives.anyway')}
          </button>
        </div>
      ) : (
        <form
          className="reason-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const text = reason.trim();
            if (!text) {
              setError(() => say('process.deepDives.reasonMissing'));
              reasonField.current?.focus();
              return;
            }
            void create(text);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(false);
          }}
        >
          <label htmlFor={`${id}-reason`}>{t('process.deepDives.reason')}</label>
          <textarea
            id={`${id}-reason`}
            ref={reasonField}
            className="reason-input"
            rows={2}
            maxLength={LIMITS.reasonLength}
            aria-required="true"
            aria-invalid={error !== null || undefined}
            aria-describedby={`${id}-reason-hint${error ? ` ${id}-reason-error` : ''}`}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (error) setError(null);
            }}
          />
          <p id={`${id}-reason-hint`} className="hint">
            {t('process.deepDives.reasonHint')}
          </p>
          {error && (
            <p role="alert" id={`${id}-reason-error`} className="error">
              {error(t)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('process.deepDives.creating') : t('process.deepDives.createWithReason')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('process.deepDives.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && !asking && (
        <p role="alert" className="error">
          {error(t)}
        </p>
      )}
    </li>
  );
}
