/**
 * "Vertiefungen" (SPEC DD-1, DD-2, PR-9): once a Quick-Check of the process is
 * finalised, its themes by decided tier, the gate in words, and per theme its
 * deep-dives or a button to add one. Themes outside the gate are marked as
 * such and get a deep-dive only with a recorded reason. Owners and
 * administrators change the gate.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepDiveOffer, DeepDiveOffers } from '../../../../shared/activities/deepdive/gate';
import type { Tier } from '../../../../shared/domain/tiering';
import type { ProcessView } from '../../../../shared/process';
import { formatDateTime } from '../../i18n';
import { processes } from '../../net/office';
import { TierBadge } from '../common/TierBadge';
import { DeepDiveOffer as OfferItem, type Created } from './DeepDiveOffer';
import { GateEditor } from './GateEditor';
import { tierList } from './gateText';
import '../deepdive/deepdive.css';

type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; offers: DeepDiveOffers };

const GROUPS: (Tier | null)[] = ['I', 'II', 'III', null];

export function DeepDiveSection({
  view,
  onChange,
  onCreated,
}: {
  view: ProcessView;
  onChange: (view: ProcessView) => void;
  onCreated: (created: Created) => Promise<void>;
}) {
  const { t } = useTranslation();
  const hasQuickCheck = view.steps.some((s) => s.kind === 'quickcheck' && s.phase === 'finalised');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [created, setCreated] = useState<Created | null>(null);
  // What the offers depend on: the finalised steps, the deep-dives made, the gate.
  const basis = `${view.settings.deepDiveTiers.join()}|${view.steps.map((s) => `${s.workshopId}:${s.phase}`).join()}`;

  const load = useCallback(async () => {
    const reply = await processes.deepDives(view.id);
    setLoaded(reply.ok ? { status: 'ready', offers: reply.data } : { status: 'failed' });
  }, [view.id]);

  useEffect(() => {
    if (hasQuickCheck) void load();
  }, [hasQuickCheck, load, basis]);

  const gate = t('process.deepDives.gate', { tiers: tierList(view.settings.deepDiveTiers) });
  let body;
  if (!hasQuickCheck) body = <p>{t('process.deepDives.noQuickCheck')}</p>;
  else if (loaded.status === 'loading') body = <p role="status">{t('process.deepDives.loading')}</p>;
  else if (loaded.status === 'failed')
    body = (
      <div className="actions">
        <p role="alert" className="error">
          {t('process.deepDives.failed')}
        </p>
        <button type="button" onClick={() => void load()}>
          {t('process.deepDives.retry')}
        </button>
      </div>
    );
  else {
    const { offers } = loaded;
    body = (
      <>
        <p className="hint">{t('process.deepDives.source', { title: offers.source.title, date: formatDateTime(offers.source.finalisedAt) })}</p>
        <div className="deepdive-tiers">
          {GROUPS.map((tier) => {
            const themes = offers.themes.filter((theme) => theme.tier === tier);
            if (themes.length === 0) return null;
            const inGate = tier !== null && offers.tiers.includes(tier);
            const headingId = `deepdive-tier-${tier ?? 'none'}`;
            return (
              <section key={tier ?? 'none'} className="deepdive-tier" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {tier ? <TierBadge tier={tier} /> : <span>{t('process.deepDives.noTier')}</span>}
                  <span className="hint">
                    {t('process.deepDives.themes', { count: themes.length })}
                    {!inGate && <> · {t('process.deepDives.outsideGroup')}</>}
                  </span>
                </h3>
                <ul className="deepdive-offers">
                  {themes.map((offer: DeepDiveOffer) => (
                    <OfferItem
                      key={offer.themeId}
                      processId={view.id}
                      offer={offer}
                      onCreated={async (next) => {
                        setCreated(next);
                        await onCreated(next);
                      }}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </>
    );
  }

  return (
    <section className="panel stack deepdive-section" aria-labelledby="deepdives-title">
      <h2 id="deepdives-title">{t('process.deepDives.title')}</h2>
      <p className="hint">{t('process.deepDives.lead')}</p>
      <p className="deepdive-gate">{gate}</p>
      <GateEditor view={view} onChange={onChange} />
      {body}
      <div role="status" className="process-status">
        {created && (
          <p className="step-created">
            {created.reason ? t('process.deepDives.createdWithReason', { theme: created.theme, reason: created.reason }) : t('process.deepDives.created', { theme: created.theme })}{' '}
            <a href={created.workshop.facilitatorPath}>{t('process.deepDives.openConsole')}</a>
          </p>
        )}
      </div>
    </section>
  );
}
