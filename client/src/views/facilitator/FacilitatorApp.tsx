/**
 * The facilitator's console (laptop): share the workshop, set it up in the
 * lobby, drive the phases, watch who has voted and the live results.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinAsFacilitator, type FacilitatorAccess } from '../../net/facilitator';
import { useStore } from '../../store';
import { ConnectionStatus } from '../common/ConnectionStatus';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { Matrix, preloadMatrix } from '../common/LazyMatrix';
import { RankedList } from '../common/RankedList';
import { IndividualResults } from '../common/IndividualResults';
import { isFinal, isRevealed } from '../../../../shared/domain/phases';
import { CoFacilitationLink } from './CoFacilitationLink';
import { ConsoleRefusal } from './ConsoleRefusal';
import { ConsolidationBoard } from './ConsolidationBoard';
import { DataPanel } from './DataPanel';
import { ExportPanel } from './ExportPanel';
import { PresentationPanel } from './PresentationPanel';
import { PhaseControls } from './PhaseControls';
import { PresentationSafePanel, usePresentationSafe } from './PresentationSafe';
import { Register } from './Register';
import { RosterWarning } from './RosterWarning';
import { RuleEditor } from './RuleEditor';
import { SetupEditor } from './SetupEditor';
import { ShareCard } from './ShareCard';
import { useProcessId } from './useProcessId';

// Each other activity's console: a chunk of its own.
const CollectionConsole = lazy(() => import('../collection/console/CollectionConsole'));
const DeepDiveConsole = lazy(() => import('../deepdive/console/DeepDiveConsole'));
const VisionConsole = lazy(() => import('../vision/console/VisionConsole'));
const SelectionConsole = lazy(() => import('../selection/console/SelectionConsole'));

let linkSecret: string | null | undefined;

/**
 * A co-facilitation link carries its secret in the fragment (never sent to the
 * server by the browser). It is taken out of the address bar at once — out of
 * screenshots, screen sharing and the history — and read once per page, also
 * when React renders twice.
 */
function takeLinkSecret(): string | null {
  if (linkSecret === undefined) {
    linkSecret = decodeURIComponent(location.hash.slice(1)) || null;
    if (linkSecret) history.replaceState(null, '', location.pathname + location.search);
  }
  return linkSecret;
}

/** The i18n key of an activity's phase name (a deep-dive's phases are a collection's). */
function phaseKey(activity: string, phase: string): string {
  if (activity === 'collection' || activity === 'deepdive') return `collection.phase.${phase}`;
  if (activity === 'vision' || activity === 'selection') return `${activity}.phase.${phase}`;
  return `phase.${phase}`;
}

export default function FacilitatorApp({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [access, setAccess] = useState<FacilitatorAccess | null>(null);
  const [staleLink, setStaleLink] = useState(false);
  const state = useStore((s) => s.roleState);
  const problem = useStore((s) => s.problem);
  const processId = useProcessId(workshopId, access?.via === 'account');
  const safe = usePresentationSafe();

  useEffect(() => {
    joinAsFacilitator(workshopId, { linkSecret: takeLinkSecret(), onAccess: setAccess, onStaleLink: () => setStaleLink(true) });
    preloadMatrix();
  }, [workshopId]);

  useEffect(() => {
    if (state?.role === 'facilitator') document.title = `${state.workshop.config.title} – ${t('facilitator.title')} – Konsens`;
  }, [state, t]);

  let content;
  if (problem) content = <ConsoleRefusal code={problem} staleLink={staleLink} />;
  else if (state?.role === 'facilitator' && state.activity === 'collection' && access) {
    content = (
      <Suspense fallback={<p>{t('connection.connecting')}</p>}>
        <CollectionConsole state={state} workshopId={workshopId} access={access} processId={processId} />
      </Suspense>
    );
  } else if (state?.role === 'facilitator' && state.activity === 'deepdive' && access) {
    content = (
      <Suspense fallback={<p>{t('connection.connecting')}</p>}>
        <DeepDiveConsole state={state} workshopId={workshopId} access={access} processId={processId} />
      </Suspense>
    );
  } else if (state?.role === 'facilitator' && state.activity === 'vision' && access) {
    content = (
      <Suspense fallback={<p>{t('connection.connecting')}</p>}>
        <VisionConsole state={state} workshopId={workshopId} access={access} processId={processId} />
      </Suspense>
    );
  } else if (state?.role === 'facilitator' && state.activity === 'selection' && access) {
    content = (
      <Suspense fallback={<p>{t('connection.connecting')}</p>}>
        <SelectionConsole state={state} workshopId={workshopId} access={access} processId={processId} />
      </Suspense>
    );
  } else if (state?.role !== 'facilitator' || state.activity !== 'quickcheck' || !access) content = <p>{t('connection.connecting')}</p>;
  else {
    const { workshop, progress, results, consolidation, individual } = state;
    const { config, phase } = workshop;
    // Before the reveal, results show on the console only when the facilitator chose to look (presentation-safe mode).
    const resultsHidden = safe.on && !safe.looking && !isRevealed(phase);
    content = (
      <div className={`console phase-${phase}`}>
        <div className="console-side">
          <ShareCard code={workshop.code} />
          {access.via === 'account' && <CoFacilitationLink workshopId={workshopId} />}
          <PhaseControls phase={phase} finalisedAt={workshop.finalisedAt} progress={progress} config={config} />
          <Register progress={progress} config={config} phase={phase} />
          <PresentationPanel config={config} phase={phase} projectorView={workshop.projectorView} />
          {phase !== 'lobby' && <ExportPanel workshopId={workshopId} secret={access.via === 'link' ? access.secret : null} finalised={isFinal(phase)} />}
          <DataPanel viaLink={access.via === 'link'} />
        </div>
        <div className="console-main">
          {phase === 'lobby' && <RosterWarning config={config} />}
          {!isRevealed(phase) && <PresentationSafePanel safe={safe} hidden={resultsHidden} />}
          {phase === 'lobby' && <SetupEditor config={config} editable />}
          {consolidation && <ConsolidationBoard consolidation={consolidation} config={config} phase={phase} />}
          {!resultsHidden && (
            <section className="panel" aria-labelledby="results-title">
              <h2 id="results-title">{isRevealed(phase) ? t('facilitator.resultsVisible') : t('facilitator.results')}</h2>
              <figure className="matrix-figure">
                <figcaption className="visually-hidden">{t('results.matrixDescription')}</figcaption>
                <Matrix results={results} config={config} height={460} fontSize={14} consolidation={consolidation} />
              </figure>
              <RankedList results={results} config={config} caption={t('results.ranking')} consolidation={consolidation} />
            </section>
          )}
          {phase !== 'lobby' && phase !== 'scoring' && !resultsHidden && <IndividualResults individual={individual} results={results} config={config} />}
          {!isFinal(phase) && <RuleEditor config={config} results={results} previewHidden={resultsHidden} />}
          {phase !== 'lobby' && <SetupEditor config={config} editable={false} />}
        </div>
      </div>
    );
  }

  return (
    <div className="app facilitator">
      <header className="topbar">
        <span className="brand">
          {t('app.name')} · {t('facilitator.title')}
        </span>
        {state?.role === 'facilitator' && (
          <span className="topbar-title">
            {state.workshop.config.title} — <strong>{t(phaseKey(state.activity, state.workshop.phase))}</strong>
          </span>
        )}
        {processId && !problem && <a href={`/prozess/${encodeURIComponent(processId)}`}>{t('facilitator.toProcess')}</a>}
        <LanguageSwitch />
      </header>
      <ConnectionStatus />
      <main id="main">{content}</main>
    </div>
  );
}
