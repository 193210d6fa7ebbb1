/**
 * A deep-dive on the projector (SPEC DD-5; 1920×1080 and 1280×720, no
 * scrolling): the theme, how to join (in the room or from home) while ideas
 * are collected, the accepted ideas as cards with their lead and cost, live,
 * and the counts of ideas and participants.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';
import type { DeepDiveProjectorState } from '../../../../../shared/activities/deepdive/views';
import type { Organisation } from '../../../../../shared/schemas';
import { deepDiveReady } from '../../../i18n/deepdive';
import { AcceptedWall } from '../../collection/projector/AcceptedWall';
import { ConnectionStatus } from '../../common/ConnectionStatus';
import { TierBadge } from '../../common/TierBadge';
import { JoinInvitation } from '../../projector/JoinInvitation';
import { formatEuro } from '../idea/ideaDraft';
import { leadName } from '../idea/IdeaFacts';
import '../deepdive.css';

function IdeaLine({ theme, organisations }: { theme: AcceptedTheme; organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  if (!theme.idea) return null;
  const lead = leadName(theme.idea, organisations);
  return (
    <span className="wall-idea">
      <span>
        {t('deepdive.facts.lead')}: {lead ?? t('deepdive.facts.none')}
      </span>
      <span className="wall-cost">{theme.idea.cost === null ? `${t('deepdive.facts.cost')}: ${t('deepdive.facts.open')}` : formatEuro(theme.idea.cost)}</span>
    </span>
  );
}

export default function DeepDiveProjector({ state }: { state: DeepDiveProjectorState }) {
  use(deepDiveReady);
  const { t } = useTranslation();
  const { workshop, accepted, counts } = state;
  const { config, phase } = workshop;
  const countsLine = `${t('deepdive.count.proposals', { count: counts.proposals })} · ${t('collection.count.participants', { count: counts.participants })}`;
  return (
    <div className="app projector collection-projector deepdive-projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main collection-screen phase-${phase}`}>
        <header className="projector-head">
          <h1>
            {t('deepdive.heading', { theme: config.theme.name })} <TierBadge tier={config.theme.tier} />
          </h1>
          <p className="phase-label">{t(`collection.phase.${phase}`)}</p>
        </header>
        {phase === 'lobby' ? (
          <div className="collection-lobby">
            <p className="collection-lead">{t('deepdive.projector.lead')}</p>
            <JoinInvitation code={workshop.code} large />
            <p className="big-count">{t('projector.joined', { count: counts.participants })}</p>
          </div>
        ) : (
          <div className={phase === 'collecting' ? 'collection-stage with-invite' : 'collection-stage'}>
            {phase === 'collecting' && (
              <aside className="collection-invite" aria-label={t('projector.joinAt')}>
                <p className="collection-lead">{t('deepdive.projector.lead')}</p>
                <JoinInvitation code={workshop.code} large={false} />
              </aside>
            )}
            <section className="accepted-wall" aria-labelledby="wall-title">
              <h2 id="wall-title">
                {t('deepdive.accepted.title')} <span className="wall-count">({accepted.length})</span>
              </h2>
              {accepted.length === 0 ? (
                <p className="wall-empty">{t('deepdive.accepted.empty')}</p>
              ) : (
                <AcceptedWall themes={accepted} details={(theme) => <IdeaLine theme={theme} organisations={config.organisations} />} />
              )}
            </section>
          </div>
        )}
        <p className="collection-counts-line" role="status">
          {countsLine}
        </p>
      </main>
    </div>
  );
}
