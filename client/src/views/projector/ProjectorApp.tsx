/**
 * The projector (1920×1080, read from the back of the room): join code and QR
 * in the lobby, progress without results while scoring, matrix and ranked list
 * after the reveal.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { joinAsProjector } from '../../net/projector';
import { useStore } from '../../store';
import { ConnectionStatus } from '../common/ConnectionStatus';
import { Matrix, preloadMatrix } from '../common/LazyMatrix';
import { Problem } from '../common/Problem';
import { RankedList } from '../common/RankedList';
import { SmallMultiples } from '../common/IndividualResults';
import { TierColumns } from '../common/TierColumns';
import { JoinInvitation } from './JoinInvitation';

// Each other activity's projector: a chunk of its own.
const CollectionProjector = lazy(() => import('../collection/projector/CollectionProjector'));
const DeepDiveProjector = lazy(() => import('../deepdive/projector/DeepDiveProjector'));
const VisionProjector = lazy(() => import('../vision/projector/VisionProjector'));
const SelectionProjector = lazy(() => import('../selection/projector/SelectionProjector'));

export default function ProjectorApp({ code }: { code: string }) {
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const problem = useStore((s) => s.problem);

  useEffect(() => {
    joinAsProjector(code);
    preloadMatrix();
  }, [code]);

  if (problem) {
    return (
      <main id="main" className="app projector">
        <Problem code={problem} />
      </main>
    );
  }
  if (state?.role === 'projector' && state.activity === 'collection') {
    return (
      <Suspense fallback={null}>
        <CollectionProjector state={state} />
      </Suspense>
    );
  }
  if (state?.role === 'projector' && state.activity === 'deepdive') {
    return (
      <Suspense fallback={null}>
        <DeepDiveProjector state={state} />
      </Suspense>
    );
  }
  if (state?.role === 'projector' && state.activity === 'vision') {
    return (
      <Suspense fallback={null}>
        <VisionProjector state={state} />
      </Suspense>
    );
  }
  if (state?.role === 'projector' && state.activity === 'selection') {
    return (
      <Suspense fallback={null}>
        <SelectionProjector state={state} />
      </Suspense>
    );
  }
  if (state?.role !== 'projector' || state.activity !== 'quickcheck') {
    return (
      <main id="main" className="app projector">
        <p>{t('connection.connecting')}</p>
      </main>
    );
  }
  const { workshop, progress, results, consolidation, individual } = state;
  const { config, phase } = workshop;
  const total = config.organisations.length;
  return (
    <div className="app projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main phase-${phase}`}>
        <header className="projector-head">
          <h1>{config.title}</h1>
          <p className="phase-label">{t(`phase.${phase}`)}</p>
        </header>
        {phase === 'lobby' && (
          <>
            <JoinInvitation code={workshop.code} large />
            <p className="big-count" role="status">
              {t('projector.joined', { count: progress.participants })}
            </p>
          </>
        )}
        {(phase === 'scoring' || phase === 'closed') && (
          <div className="progress-view">
            <p className="big-count" role="status">
              {t('projector.organisationsDone', { done: progress.complete, total })}
            </p>
            <progress value={progress.complete} max={total || 1} aria-label={t('projector.organisationsDone', { done: progress.complete, total })} />
            <p>
              {t('projector.organisationsPartial', { count: progress.partial })} · {t('projector.joined', { count: progress.participants })}
            </p>
            {phase === 'closed' && <p className="notice">{t('projector.waitingForReveal')}</p>}
            {phase === 'scoring' && <JoinInvitation code={workshop.code} large={false} />}
          </div>
        )}
        {results && individual && (
          <section className="individual-wall" aria-label={t('individual.title')}>
            <h2>{t('individual.title')}</h2>
            <SmallMultiples individual={individual} results={results} config={config} large />
          </section>
        )}
        {!individual && results && consolidation && phase !== 'revealed' && (
          <div className="reveal consolidated">
            <figure className="matrix-figure">
              <figcaption>{t('results.matrixTitle')}</figcaption>
              <Matrix results={results} config={config} height={760} fontSize={20} tiers={new Map(consolidation.themes.map((c) => [c.themeId, c.tier]))} />
            </figure>
            <section aria-labelledby="consolidated-title">
              <h2 id="consolidated-title">{phase === 'finalised' ? t('consolidation.titleDone') : t('phase.consolidating')}</h2>
              <TierColumns consolidation={consolidation} config={config} />
            </section>
          </div>
        )}
        {!individual && phase === 'revealed' && results && (
          <div className="reveal">
            <figure className="matrix-figure">
              <figcaption>{t('results.matrixTitle')}</figcaption>
              <Matrix results={results} config={config} height={820} fontSize={22} />
            </figure>
            <RankedList results={results} config={config} caption={t('results.ranking')} />
          </div>
        )}
      </main>
    </div>
  );
}
