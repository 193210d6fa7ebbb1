/**
 * Both budget rules side by side on the projector (SPEC SE-6, SE-7): per rule
 * the ideas in or out, each with its reason, what the rule spends and leaves;
 * below, the selection (the deciding rule with the overrides).
 */
import { useTranslation } from 'react-i18next';
import type { BudgetView, SelectionProjectorState } from '../../../../../shared/activities/selection/views';
import type { EqualSharesReason, GreedyReason, IdeaOutcome } from '../../../../../shared/domain/budget';
import { greedyReasonText, sharesReasonText } from '../common/words';
import { formatEuro } from '../../../i18n';

function RuleColumn<R extends GreedyReason | EqualSharesReason>({
  rule,
  budget,
  state,
  outcomes,
  reasonText,
  spent,
  left,
}: {
  rule: 'greedy' | 'equalShares';
  budget: BudgetView;
  state: SelectionProjectorState;
  outcomes: Readonly<Record<string, IdeaOutcome<R>>>;
  reasonText: (reason: R) => string;
  spent: number;
  left: number;
}) {
  const { t } = useTranslation();
  const ideas = state.ideas.filter((i) => outcomes[i.id]).sort((a, b) => outcomes[a.id]!.rank - outcomes[b.id]!.rank);
  const deciding = budget.rule === rule;
  return (
    <section className={deciding ? 'rule-column deciding' : 'rule-column'} aria-labelledby={`rule-${rule}-title`}>
      <h3 id={`rule-${rule}-title`}>
        {t(`selection.rule.${rule}Short`)}
        {deciding && <span className="deciding-badge">{t('selection.rule.deciding')}</span>}
      </h3>
      <ul>
        {ideas.map((idea) => {
          const o = outcomes[idea.id]!;
          return (
            <li key={idea.id} className={o.selected ? 'in' : 'out'}>
              <span className="rule-idea">
                <span aria-hidden="true">{o.selected ? '✓ ' : '✗ '}</span>
                <span className="visually-hidden">{t(o.selected ? 'selection.budget.in' : 'selection.budget.out')}: </span>
                {idea.title}
              </span>
              <span className="rule-reason">{reasonText(o.reason)}</span>
            </li>
          );
        })}
      </ul>
      <p className="rule-sum">{t('selection.budget.spentLeft', { spent: formatEuro(spent), left: formatEuro(left) })}</p>
    </section>
  );
}

export function BudgetColumns({ state, budget }: { state: SelectionProjectorState; budget: BudgetView }) {
  const { t } = useTranslation();
  const titles = budget.selected.map((id) => state.ideas.find((i) => i.id === id)?.title ?? id);
  return (
    <section className="budget-columns" aria-labelledby="budget-columns-title">
      <h2 id="budget-columns-title">{t('selection.projector.budgetTitle', { budget: formatEuro(budget.budget) })}</h2>
      <div className="rule-columns">
        <RuleColumn rule="greedy" budget={budget} state={state} outcomes={budget.greedy.ideas} reasonText={(r) => greedyReasonText(t, r)} spent={budget.greedy.spent} left={budget.greedy.left} />
        <RuleColumn
          rule="equalShares"
          budget={budget}
          state={state}
          outcomes={budget.equalShares.ideas}
          reasonText={(r) => sharesReasonText(t, r)}
          spent={budget.equalShares.spent}
          left={budget.equalShares.left}
        />
      </div>
      <p className="selection-line">
        {titles.length === 0 ? t('selection.projector.selectionNone') : t('selection.projector.selectionLine', { rule: t(`selection.rule.${budget.rule}Short`), titles: titles.join(', ') })}
      </p>
    </section>
  );
}
