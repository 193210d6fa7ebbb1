/**
 * The projector's screen for a board of proposals (SPEC TC-10, DD-5; 1920×1080
 * and 1280×720, no scrolling): how to join while proposals are open, the
 * accepted ones as cards that appear live, and the counts. A theme collection
 * and a deep-dive fill in their own words and card details.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptedTheme } from '../../../../../shared/activities/collection/views';
import type { CollectionPhase } from '../../../../../shared/activities/collection/schemas';
import { ConnectionStatus } from '../../common/ConnectionStatus';
import { JoinInvitation } from '../../projector/JoinInvitation';
import { AcceptedWall } from './AcceptedWall';

export interface BoardWords {
  heading: ReactNode;
  lead: string;
  acceptedTitle: string;
  acceptedEmpty: string;
  counts: string;
}

export function BoardScreen({
  className,
  code,
  phase,
  participants,
  accepted,
  words,
  details,
}: {
  className: string;
  code: string;
  phase: CollectionPhase;
  participants: number;
  accepted: AcceptedTheme[];
  words: BoardWords;
  details?: (theme: AcceptedTheme) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`app projector collection-projector ${className}`}>
      <ConnectionStatus />
      <main id="main" className={`projector-main collection-screen phase-${phase}`}>
        <header className="projector-head">
          <h1>{words.heading}</h1>
          <p className="phase-label">{t(`collection.phase.${phase}`)}</p>
        </header>
        {phase === 'lobby' ? (
          <div className="collection-lobby">
            <p className="collection-lead">{words.lead}</p>
            <JoinInvitation code={code} large />
            <p className="big-count">{t('projector.joined', { count: participants })}</p>
          </div>
        ) : (
          <div className={phase === 'collecting' ? 'collection-stage with-invite' : 'collection-stage'}>
            {phase === 'collecting' && (
              <aside className="collection-invite" aria-label={t('projector.joinAt')}>
                <p className="collection-lead">{words.lead}</p>
                <JoinInvitation code={code} large={false} />
              </aside>
            )}
            <section className="accepted-wall" aria-labelledby="wall-title">
              <h2 id="wall-title">
                {words.acceptedTitle} <span className="wall-count">({accepted.length})</span>
              </h2>
              {accepted.length === 0 ? <p className="wall-empty">{words.acceptedEmpty}</p> : <AcceptedWall themes={accepted} {...(details ? { details } : {})} />}
            </section>
          </div>
        )}
        <p className="collection-counts-line" role="status">
          {words.counts}
        </p>
      </main>
    </div>
  );
}
