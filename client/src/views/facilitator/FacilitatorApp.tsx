/**
 * The facilitator's console (laptop): share the workshop, set it up in the
 * lobby, drive the phases, watch who has voted and the live results.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinAsFacilitator } from '../../net/facilitator';
import { useStore } from '../../store';
import { ConnectionStatus } from '../common/ConnectionStatus';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { Matrix, preloadMatrix } from '../common/LazyMatrix';
import { Problem } from '../common/Problem';
import { RankedList } from '../common/RankedList';
import { IndividualResults } from '../common/IndividualResults';
import { isFinal, isRevealed } from '../../../../shared/domain/phases';
import { ConsolidationBoard } from './ConsolidationBoard';
import { DataPanel } from './DataPanel';
import { ExportPanel } from './ExportPanel';
import { PresentationPanel } from './PresentationPanel';
import { PhaseControls } from './PhaseControls';
import { Register } from './Register';
import { RuleEditor } from './RuleEditor';
import { SetupEditor } from './SetupEditor';
import { ShareCard } from './ShareCard';

const secretKey = (workshopId: string) => `konsens.facilitator.${workshopId}`;

/** The secret travels in the link's fragment (never sent to the server by the browser) and is remembered on this laptop. */
function facilitatorSecret(workshopId: string): string | null {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    localStorage.setItem(secretKey(workshopId), fromLink);
    // Out of the address bar (and so out of screenshots, screen sharing and the history); this laptop remembers it.
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return localStorage.getItem(secretKey(workshopId));
}

export default function FacilitatorApp({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [secret] = useState(() => facilitatorSecret(workshopId));
  const state = useStore((s) => s.roleState);
  const problem = useStore((s) => s.problem);

  useEffect(() => {
    if (secret) joinAsFacilitator(workshopId, secret);
    preloadMatrix();
  }, [workshopId, secret]);

  useEffect(() => {
    if (state?.role === 'facilitator') document.title = `${state.workshop.config.title} – ${t('facilitator.title')} – Konsens`;
  }, [state, t]);

  let content;
  if (!secret) content = <Problem code="UNAUTHORISED">{t('facilitator.noSecret')}</Problem>;
  else if (problem) content = <Problem code={problem} />;
  else if (state?.role !== 'facilitator') content = <p>{t('connection.connecting')}</p>;
  else {
    const { workshop, progress, results, consolidation, individual } = state;
    const { config, phase } = workshop;
    content = (
      <div className={`console phase-${phase}`}>
        <div className="console-side">
          <ShareCard code={workshop.code} />
          <PhaseControls phase={phase} finalisedAt={workshop.finalisedAt} />
          <Register progress={progress} config={config} />
          <PresentationPanel config={config} phase={phase} projectorView={workshop.projectorView} />
          {phase !== 'lobby' && <ExportPanel workshopId={workshopId} secret={secret} finalised={isFinal(phase)} />}
          <DataPanel />
        </div>
        <div className="console-main">
          {phase === 'lobby' && <SetupEditor config={config} editable />}
          {consolidation && <ConsolidationBoard consolidation={consolidation} config={config} phase={phase} />}
          <section className="panel" aria-labelledby="results-title">
            <h2 id="results-title">{isRevealed(phase) ? t('facilitator.resultsVisible') : t('facilitator.results')}</h2>
            <figure className="matrix-figure">
              <figcaption className="visually-hidden">{t('results.matrixDescription')}</figcaption>
              <Matrix results={results} config={config} height={420} fontSize={14} />
            </figure>
            <RankedList results={results} config={config} caption={t('results.ranking')} />
          </section>
          {phase !== 'lobby' && phase !== 'scoring' && <IndividualResults individual={individual} results={results} config={config} />}
          {!isFinal(phase) && <RuleEditor config={config} results={results} />}
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
            {state.workshop.config.title} — <strong>{t(`phase.${state.workshop.phase}`)}</strong>
          </span>
        )}
        <LanguageSwitch />
      </header>
      <ConnectionStatus />
      <main id="main">{content}</main>
    </div>
  );
}
