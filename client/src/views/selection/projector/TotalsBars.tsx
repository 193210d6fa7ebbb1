/** A revealed vote's totals as ranked bars (SPEC SE-5): the idea's title, a bar and its points — large enough for the back of the room. */
import { useTranslation } from 'react-i18next';
import type { SelectionProjectorState, VoteView } from '../../../../../shared/activities/selection/views';

export function TotalsBars({ state, vote, totals }: { state: SelectionProjectorState; vote: VoteView; totals: Record<string, number> }) {
  const { t } = useTranslation();
  const ranked = [...state.ideas].sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0));
  const max = Math.max(1, ...Object.values(totals));
  const selected = new Set(state.budget?.voteId === vote.id ? state.budget.selected : []);
  return (
    <section className="totals" aria-labelledby="totals-title">
      <h2 id="totals-title">
        {t('selection.projector.totalsTitle')} <span className="totals-voters">({t(vote.unit === 'organisation' ? 'selection.totals.voters' : 'selection.totals.votersPerson', { count: vote.voters })})</span>
      </h2>
      <ol className={ranked.length > 8 ? 'totals-bars dense' : 'totals-bars'}>
        {ranked.map((idea) => {
          const points = totals[idea.id] ?? 0;
          return (
            <li key={idea.id} className={selected.has(idea.id) ? 'chosen' : undefined}>
              <span className="bar-title">{idea.title}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(points / max) * 100}%` }} />
              </span>
              <span className="bar-points">{t(vote.mode === 'points' ? 'selection.totals.points' : 'selection.tablet.dot', { count: points })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
