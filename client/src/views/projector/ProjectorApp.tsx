/**
 * The projector (1920×1080, read from the back of the room): join code and QR
 * in the lobby, progress without results while scoring, matrix and ranked list
 * after the reveal.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { joinAsProjector } from '../../net/projector';
import { useStore } from '../../store';
import { ConnectionStatus } from '../common/ConnectionStatus';
import { Matrix, preloadMatrix } from '../common/LazyMatrix';
import { Problem } from '../common/Problem';
import { RankedList } from '../common/RankedList';
import { SmallMultiples } from '../common/SmallMultiples';
import { TierColumns } from '../common/TierColumns';
import { useShrinkToFit } from '../common/useShrinkToFit';
import { JoinInvitation } from './JoinInvitation';
import './projector.css';

// Each other activity's projector: a chunk of its own.
const CollectionProjector = lazy(() => import('../collection/projector/CollectionProjector'));
const DeepDiveProjector = lazy(() => import('../deepdive/projector/DeepDiveProjector'));
const VisionProjector = lazy(() => import('../vision/projector/VisionProjector'));
const SelectionProjector = lazy(() => import('../selection/projector/SelectionProjector'));

/** The window's height: the projector's type and QR code scale with it, so 1280×720 looks like 1920×1080. */
function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
}

/** The box scrolls, or a heading, badge or name inside it is wider than its own box (clipped). */
const overflows = (element: HTMLElement) =>
  element.scrollHeight > element.clientHeight + 1 ||
  element.scrollWidth > element.clientWidth + 1 ||
  [...element.querySelectorAll<HTMLElement>('h3, .tier, .tier-card, .theme-name, th')].some((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);

/** A box that never scrolls: its type shrinks until the content fits (the individual results lay themselves out to their box). */
function Fit({ children, content, className }: { children: ReactNode; content: unknown; className: string }) {
  const box = useRef<HTMLDivElement>(null);
  useShrinkToFit(box, content, { smallest: 0.2, apply: (element, scale) => element.style.setProperty('--fit', String(scale)), overflows });
  return (
    <div ref={box} className={`fit-box ${className}`}>
      {children}
    </div>
  );
}

export default function ProjectorApp({ code }: { code: string }) {
  const { t } = useTranslation();
  const viewportHeight = useViewportHeight();
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
  // About 22 px at 1080 lines, 15 px at 720: the same size on the wall.
  const matrixFont = Math.max(12, Math.round(viewportHeight / 48));
  return (
    <div className="app projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main quickcheck-screen phase-${phase}`}>
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
            <div className="progress-summary">
              <p className="big-count" role="status">
                {t('projector.organisationsDone', { done: progress.complete, total })}
              </p>
              <progress value={progress.complete} max={total || 1} aria-label={t('projector.organisationsDone', { done: progress.complete, total })} />
              <p className="progress-detail">
                {t('projector.organisationsPartial', { count: progress.partial })} · {t('projector.joined', { count: progress.participants })}
              </p>
            </div>
            {phase === 'closed' && <p className="notice">{t('projector.waitingForReveal')}</p>}
            {/* Latecomers at the back still scan it: about 290 px at 1080 lines. */}
            {phase === 'scoring' && <JoinInvitation code={workshop.code} large={false} qrSize={Math.round(viewportHeight * 0.27)} />}
          </div>
        )}
        {results && individual && (
          <section className="individual-wall" aria-labelledby="individual-wall-title">
            <div className="wall-head">
              <h2 id="individual-wall-title">{t('individual.title')}</h2>
              <p className="hint">{t('individual.smallMultiplesHint')}</p>
            </div>
            <SmallMultiples individual={individual} results={results} config={config} large />
          </section>
        )}
        {!individual && results && consolidation && phase !== 'revealed' && (
          <div className="reveal consolidated">
            <figure className="matrix-figure">
              <figcaption>{t('results.matrixTitle')}</figcaption>
              <Matrix results={results} config={config} fontSize={matrixFont} consolidation={consolidation} />
            </figure>
            <section aria-labelledby="consolidated-title" className="side">
              <h2 id="consolidated-title">{phase === 'finalised' ? t('consolidation.titleDone') : t('phase.consolidating')}</h2>
              <Fit className="side-fit" content={consolidation}>
                <TierColumns consolidation={consolidation} config={config} />
              </Fit>
            </section>
          </div>
        )}
        {!individual && phase === 'revealed' && results && (
          <div className="reveal">
            <figure className="matrix-figure">
              <figcaption>{t('results.matrixTitle')}</figcaption>
              <Matrix results={results} config={config} fontSize={matrixFont} consolidation={consolidation} />
            </figure>
            <Fit className="side-fit" content={consolidation ?? results}>
              <RankedList results={results} config={config} caption={t('results.ranking')} consolidation={consolidation} />
            </Fit>
          </div>
        )}
      </main>
    </div>
  );
}
