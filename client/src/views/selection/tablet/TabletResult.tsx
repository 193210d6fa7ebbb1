/** A revealed vote on the tablet (SPEC SE-5 … SE-7): each idea's points, and which ideas the budget funds under the deciding rule. */
import { useTranslation } from 'react-i18next';
import type { SelectionParticipantState, VoteView } from '../../../../../shared/activities/selection/views';
import { formatEuro } from '../../../i18n';

export function TabletResult({ state, vote, totals }: { state: SelectionParticipantState; vote: VoteView; totals: Record<string, number> }) {
  const { t } = useTranslation();
  const budget = state.budget?.voteId === vote.id ? state.budget : null;
  const selected = new Set(budget?.selected ?? []);
  const ranked = [...state.ideas].sort((a, b) => (totals[b.id] ?? 0) - (totals[a.id] ?? 0));
  const max = Math.max(1, ...Object.values(totals));
  const rule = t(`selection.rule.${state.workshop.config.rule}Short`);
  const titles = budget?.selected.map((id) => state.ideas.find((i) => i.id === id)?.title ?? id) ?? [];
  const fundedLine = !budget
    ? t('selection.tablet.noBudget')
    : `${t(budget.overrides.length > 0 ? 'selection.tablet.fundedOverridden' : 'selection.tablet.funded', { rule })}: ${titles.length === 0 ? t('selection.tablet.fundedNone') : titles.join(', ')}`;
  return (
    <section className="card tablet-result" aria-labelledby="tablet-result-title">
      <h2 id="tablet-result-title">{t('selection.tablet.resultTitle')}</h2>
      <p className="hint">{fundedLine}</p>
      <ol className="result-bars">
        {ranked.map((idea) => {
          const points = totals[idea.id] ?? 0;
          const funded = selected.has(idea.id);
          return (
            <li key={idea.id} className={funded ? 'funded' : undefined}>
              <span className="result-name">
                {funded && <span className="funded-mark">✓ </span>}
                {idea.title}
                {idea.cost !== null && <span className="result-cost"> · {formatEuro(idea.cost)}</span>}
              </span>
              <span className="result-track" aria-hidden="true">
                <span style={{ width: `${(points / max) * 100}%` }} />
              </span>
              <span className="result-points">
                {t(vote.mode === 'points' ? 'selection.totals.points' : 'selection.tablet.dot', { count: points })}
                {budget && <span className="visually-hidden">, {t(funded ? 'selection.budget.in' : 'selection.budget.out')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
