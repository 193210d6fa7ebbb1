/** The selection (SPEC SE-7, SE-8): the deciding rule's result with the overrides, in the ideas' order, with what it spends and leaves. */
import { useTranslation } from 'react-i18next';
import type { BudgetView, SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { formatEuro } from '../../../i18n';

export function SelectionResult({ state, budget }: { state: SelectionFacilitatorState; budget: BudgetView }) {
  const { t } = useTranslation();
  const titles = new Map(state.ideas.map((i) => [i.id, i]));
  // SE-6: the console counts the latest vote, also while it is still open — then the selection is provisional.
  const live = state.votes.some((v) => v.id === budget.voteId && v.open);
  return (
    <section className="selection-result" aria-labelledby="selection-result-title">
      <h3 id="selection-result-title">{t(live ? 'selection.console.resultTitleLive' : 'selection.console.resultTitle')}</h3>
      <p className="hint">{t('selection.console.resultRule', { rule: t(`selection.rule.${budget.rule}Short`) })}</p>
      {budget.selected.length === 0 ? (
        <p>{t('selection.console.resultEmpty')}</p>
      ) : (
        <ul className="selection-chosen">
          {budget.selected.map((id) => {
            const idea = titles.get(id);
            return (
              <li key={id}>
                <span>{idea?.title ?? id}</span>
                <span className="num">{idea?.cost === null || idea?.cost === undefined ? '–' : formatEuro(idea.cost)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="selection-total">
        <strong>{t('selection.budget.spentLeft', { spent: formatEuro(budget.spent), left: formatEuro(budget.left) })}</strong>
      </p>
      {budget.left < 0 && (
        <p className="error" role="status">
          {t('selection.console.overBudget', { amount: formatEuro(-budget.left) })}
        </p>
      )}
    </section>
  );
}
