/**
 * The open vote on a tablet (SPEC SE-3 … SE-5): how many points (dots) this
 * unit has given and has left, announced politely as it changes; whether the
 * organisation's representatives share them; and per idea the points.
 */
import { useTranslation } from 'react-i18next';
import type { SelectionParticipantState, VoteView } from '../../../../../shared/activities/selection/views';
import { useStore } from '../../../store';
import { shownPoints } from '../../../store/selectionSlice';
import { PointsRow } from './PointsRow';

export function PointsBoard({ state, vote, organisation }: { state: SelectionParticipantState; vote: VoteView; organisation: string }) {
  const { t } = useTranslation();
  const savedPoints = useStore((s) => s.savedPoints);
  const pointsEntries = useStore((s) => s.pointsEntries);
  const points = new Map(state.ideas.map((idea) => [idea.id, shownPoints({ savedPoints, pointsEntries }, idea.id)]));
  const used = [...points.values()].reduce((sum, p) => sum + p, 0);
  const counter =
    vote.mode === 'points'
      ? t('selection.counter.points', { used, allowance: vote.allowance, left: Math.max(0, vote.allowance - used) })
      : t('selection.counter.dots', { used, allowance: vote.allowance });
  return (
    <section className="card points-board" aria-labelledby="points-title">
      <div className="points-head">
        <h2 id="points-title">{t('selection.tablet.voteTitle')}</h2>
        <p className="points-counter" role="status" aria-live="polite">
          {counter}
        </p>
        <progress className="points-progress" value={Math.min(used, vote.allowance)} max={vote.allowance} aria-hidden="true" />
      </div>
      <p className="hint">
        {t(vote.mode === 'points' ? 'selection.tablet.pointsHint' : 'selection.tablet.dotsHint', { allowance: vote.allowance, max: vote.maxPerIdea })}{' '}
        {vote.unit === 'organisation' ? t('selection.tablet.sharedAllowance', { organisation }) : t('selection.tablet.ownAllowance')}
      </p>
      <ul className="points-list">
        {state.ideas.map((idea) => (
          <li key={idea.id}>
            <PointsRow idea={idea} vote={vote} points={points.get(idea.id) ?? 0} organisations={state.workshop.config.organisations} />
          </li>
        ))}
      </ul>
    </section>
  );
}
