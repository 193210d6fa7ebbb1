/**
 * A theme collection on the projector (SPEC TC-10; 1920×1080 and 1280×720, no
 * scrolling): how to join while proposals are open, the accepted themes as
 * cards that appear live, and the counts of proposals and participants.
 * A chunk of its own, loaded by the projector only for a collection.
 */
import { useTranslation } from 'react-i18next';
import type { CollectionProjectorState } from '../../../../../shared/activities/collection/views';
import { ConnectionStatus } from '../../common/ConnectionStatus';
import { JoinInvitation } from '../../projector/JoinInvitation';
import { AcceptedWall } from './AcceptedWall';

export default function CollectionProjector({ state }: { state: CollectionProjectorState }) {
  const { t } = useTranslation();
  const { workshop, accepted, counts } = state;
  const { config, phase } = workshop;
  const countsLine = `${t('collection.count.proposals', { count: counts.proposals })} · ${t('collection.count.participants', { count: counts.participants })}`;
  return (
    <div className="app projector collection-projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main collection-screen phase-${phase}`}>
        <header className="projector-head">
          <h1>{config.title}</h1>
          <p className="phase-label">{t(`collection.phase.${phase}`)}</p>
        </header>
        {phase === 'lobby' ? (
          <div className="collection-lobby">
            <p className="collection-lead">{t('collection.projector.lead')}</p>
            <JoinInvitation code={workshop.code} large />
            <p className="big-count">{t('projector.joined', { count: counts.participants })}</p>
          </div>
        ) : (
          <div className={phase === 'collecting' ? 'collection-stage with-invite' : 'collection-stage'}>
            {phase === 'collecting' && (
              <aside className="collection-invite" aria-label={t('projector.joinAt')}>
                <p className="collection-lead">{t('collection.projector.lead')}</p>
                <JoinInvitation code={workshop.code} large={false} />
              </aside>
            )}
            <section className="accepted-wall" aria-labelledby="wall-title">
              <h2 id="wall-title">
                {t('collection.accepted.title')} <span className="wall-count">({accepted.length})</span>
              </h2>
              {accepted.length === 0 ? <p className="wall-empty">{t('collection.accepted.empty')}</p> : <AcceptedWall themes={accepted} />}
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
