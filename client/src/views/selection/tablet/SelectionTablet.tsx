/**
 * A participant's tablet in a project selection (SPEC SE-3 … SE-5), in the
 * room or from home: the ideas; while a vote is open, the points (or dots)
 * of this device's voting unit, each setting delivered through the outbox;
 * after the vote, that it ended, and once revealed the totals and which ideas
 * the budget funds. A chunk of its own: other activities' tablets never load it.
 */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionReady } from '../../../i18n/selection';
import { useStore } from '../../../store';
import { IdeaFacts } from '../common/IdeaFacts';
import '../selection.css';
import { PointsBoard } from './PointsBoard';
import { TabletResult } from './TabletResult';

export default function SelectionTablet() {
  use(selectionReady);
  const { t } = useTranslation();
  const state = useStore((s) => s.roleState);
  const me = useStore((s) => s.me);
  if (state?.role !== 'participant' || state.activity !== 'selection' || !me) return <p className="card">{t('connection.connecting')}</p>;
  const { config, phase } = state.workshop;
  const organisation = config.organisations.find((o) => o.id === me.organisationId)?.name ?? '';
  const open = state.open ? state.votes.find((v) => v.id === state.open) : undefined;
  const latest = state.votes.at(-1);
  const revealed = state.votes.findLast((v) => v.revealed);
  let notice: 'lobby' | 'waiting' | 'closed' | 'finalised' | null = null;
  if (phase === 'lobby') notice = 'lobby';
  else if (phase === 'finalised') notice = 'finalised';
  else if (!latest) notice = 'waiting';
  // A revealed vote's result says itself that the vote ended.
  else if (!open && !latest.revealed) notice = 'closed';
  return (
    <div className={`selection-tablet phase-${phase}`}>
      <div className="ballot-head">
        <h1 className="workshop-title">{config.title}</h1>
        <p className="who">{t('selection.tablet.youAre', { organisation })}</p>
      </div>
      {open ? (
        <PointsBoard key={open.id} state={state} vote={open} organisation={organisation} />
      ) : (
        notice && (
          <section className="card selection-notice" aria-labelledby="selection-notice-title">
            <h2 id="selection-notice-title">{t(`selection.tablet.${notice}Title`)}</h2>
            <p>{t(`selection.tablet.${notice}`)}</p>
          </section>
        )
      )}
      {!open && revealed?.totals && <TabletResult state={state} vote={revealed} totals={revealed.totals} />}
      {!open && !revealed && state.ideas.length > 0 && (
        <section className="card" aria-labelledby="selection-ideas-title">
          <h2 id="selection-ideas-title">{t('selection.tablet.ideas')}</h2>
          <ul className="selection-idea-list">
            {state.ideas.map((idea) => (
              <li key={idea.id}>
                <h3 className="selection-idea-title">{idea.title}</h3>
                <IdeaFacts idea={idea} organisations={config.organisations} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
