/**
 * Presentation-safe mode: facilitators often mirror the laptop onto the
 * projector, so live results stay hidden on the console until the facilitator
 * looks on purpose. On by default; the choice is remembered in this browser.
 * After the reveal everyone sees the results anyway, and the mode steps aside.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const KEY = 'konsens.presentationSafe';

export interface PresentationSafe {
  /** The mode is on (remembered per browser). */
  on: boolean;
  /** The facilitator chose to look, for now. */
  looking: boolean;
  setOn(on: boolean): void;
  setLooking(looking: boolean): void;
}

export function usePresentationSafe(): PresentationSafe {
  const [on, setOnState] = useState(() => localStorage.getItem(KEY) !== 'off');
  const [looking, setLooking] = useState(false);
  return {
    on,
    looking,
    setOn(next) {
      localStorage.setItem(KEY, next ? 'on' : 'off');
      setOnState(next);
      if (next) setLooking(false);
    },
    setLooking,
  };
}

/** What the console says while the mode is on: that results are hidden, how to look, how to switch it off. */
export function PresentationSafePanel({ safe, hidden }: { safe: PresentationSafe; hidden: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={`panel presentation-safe${hidden ? ' is-hiding' : ''}`} aria-labelledby="safe-title">
      <h2 id="safe-title">{safe.on ? t('facilitator.safeOnTitle') : t('facilitator.safeOffTitle')}</h2>
      {safe.on && <p>{hidden ? t('facilitator.safeHiding') : t('facilitator.safeLooking')}</p>}
      <div className="actions">
        {safe.on && (
          <button type="button" className={hidden ? 'primary' : undefined} onClick={() => safe.setLooking(hidden)}>
            {hidden ? t('facilitator.safeShow') : t('facilitator.safeHide')}
          </button>
        )}
        <label className="inline">
          <input type="checkbox" checked={safe.on} onChange={(e) => safe.setOn(e.target.checked)} />
          {t('facilitator.safeToggle')}
        </label>
      </div>
    </section>
  );
}
