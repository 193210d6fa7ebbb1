/**
 * A project selection on the projector (SPEC SE-5 … SE-7; 1920×1080 and
 * 1280×720, no scrolling, read from the back of the room): the invitation in
 * the lobby; during a vote the ideas and how many have voted, never the
 * totals; after the reveal the points per idea as ranked bars and both budget
 * rules side by side with the selection.
 * A chunk of its own, loaded by the projector only for a selection.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionProjectorState } from '../../../../../shared/activities/selection/views';
import { selectionReady } from '../../../i18n/selection';
import { ConnectionStatus } from '../../common/ConnectionStatus';
import { JoinInvitation } from '../../projector/JoinInvitation';
import { displayCode } from '../../tablet/code';
import { votersText } from '../common/words';
import { formatEuro } from '../../../i18n';
import '../selection.css';
import { BudgetColumns } from './BudgetColumns';
import { TotalsBars } from './TotalsBars';
import { useFitHeight } from './useFitHeight';

/**
 * Beside the invitation (a vote open) a few ideas stand in one column in large
 * type, more in two; across the whole screen in two; many in three. The stage
 * shrinks them further if need be (useFitHeight).
 */
function wallClass(count: number, beside: boolean): string {
  if (beside && count <= 5) return 'idea-wall roomy';
  return count > (beside ? 12 : 8) ? 'idea-wall dense' : 'idea-wall';
}

function IdeaWall({ state, beside = false }: { state: SelectionProjectorState; beside?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={wallClass(state.ideas.length, beside)}>
      {state.ideas.map((idea) => (
        <li key={idea.id}>
          <span className="wall-title">{idea.title}</span>
          <span className="wall-meta">{[idea.themeName, idea.cost === null ? t('selection.idea.noCost') : formatEuro(idea.cost)].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}

export default function SelectionProjector({ state }: { state: SelectionProjectorState }) {
  use(selectionReady);
  const { t } = useTranslation();
  const { workshop } = state;
  const { config, phase } = workshop;
  const latest = state.votes.at(-1);
  const open = latest?.open ? latest : undefined;
  const fit = useFitHeight<HTMLDivElement>(state);

  let stage;
  if (phase === 'lobby') {
    stage = (
      <div className="selection-lobby">
        <p className="selection-lead">{t('selection.projector.lead')}</p>
        <JoinInvitation code={workshop.code} large />
        <p className="big-count">{t('projector.joined', { count: state.participants })}</p>
      </div>
    );
  } else if (open) {
    stage = (
      <div className="selection-voting">
        <section className="voting-ideas" aria-labelledby="voting-ideas-title">
          <h2 id="voting-ideas-title">{t('selection.projector.waiting')}</h2>
          <IdeaWall state={state} beside />
        </section>
        {/* Latecomers scan the code from their seats: it is sized by the screen's height (.voting-side .qr), as on the Quick-Check's lobby. */}
        <aside className="voting-side">
          <p className="big-count" role="status">
            {votersText(t, open)}
          </p>
          <p className="selection-lead">{t('selection.projector.voteOpen')}</p>
          <JoinInvitation code={workshop.code} large={false} />
        </aside>
      </div>
    );
  } else if (latest?.revealed && latest.totals) {
    stage = (
      <div className="selection-reveal">
        <TotalsBars state={state} vote={latest} totals={latest.totals} />
        {state.budget && state.budget.voteId === latest.id && <BudgetColumns state={state} budget={state.budget} />}
      </div>
    );
  } else {
    stage = (
      <div className="selection-waiting">
        {latest && (
          <p className="notice" role="status">
            {t('selection.projector.closed')} {votersText(t, latest)}.
          </p>
        )}
        <section aria-labelledby="waiting-ideas-title">
          <h2 id="waiting-ideas-title">{t('selection.projector.waiting')}</h2>
          <IdeaWall state={state} />
        </section>
      </div>
    );
  }

  return (
    <div className="app projector selection-projector">
      <ConnectionStatus />
      <main id="main" className={`projector-main selection-screen phase-${phase}`}>
        <header className="projector-head">
          <h1>{config.title}</h1>
          <p className="phase-label">{t(`selection.phase.${phase}`)}</p>
        </header>
        <div className="selection-stage" ref={fit}>
          {stage}
        </div>
        {phase !== 'lobby' && !open && (
          <p className="selection-join-line">
            {t('selection.projector.joinLine', { host: `${location.host}/join` })} <strong>{displayCode(workshop.code)}</strong>
          </p>
        )}
      </main>
    </div>
  );
}
