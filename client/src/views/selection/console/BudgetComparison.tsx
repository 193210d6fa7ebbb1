/**
 * Both budget rules side by side (SPEC SE-6 … SE-8, BU-6): per idea its points
 * and cost, and for each rule in or out with the reason in words — under Equal
 * Shares who pays how much, on demand — what each rule spends and leaves, the
 * facilitator's overrides with their reasons, and the resulting selection.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetView, SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { greedyReasonText, sharesReasonText, voterNames } from '../common/words';
import { formatEuro } from '../../../i18n';
import { OverrideForm } from './OverrideForm';
import { SelectionResult } from './SelectionResult';

function Verdict({ selected }: { selected: boolean }) {
  const { t } = useTranslation();
  return <span className={selected ? 'verdict verdict-in' : 'verdict verdict-out'}>{selected ? `✓ ${t('selection.budget.in')}` : `✗ ${t('selection.budget.out')}`}</span>;
}

function RuleHead({ rule, budget }: { rule: 'greedy' | 'equalShares'; budget: BudgetView }) {
  const { t } = useTranslation();
  return (
    <th scope="col" className={budget.rule === rule ? 'rule-col deciding' : 'rule-col'}>
      {t(`selection.rule.${rule}Short`)}
      {budget.rule === rule && <span className="deciding-badge">{t('selection.rule.deciding')}</span>}
    </th>
  );
}

export function BudgetComparison({ state }: { state: SelectionFacilitatorState }) {
  const { t } = useTranslation();
  const [overriding, setOverriding] = useState<string | null>(null);
  const { budget } = state;
  const { config, phase } = state.workshop;
  if (!budget) {
    return (
      <section className="panel" aria-labelledby="budget-view-title">
        <h2 id="budget-view-title">{t('selection.console.budgetViewTitle')}</h2>
        <p className="hint">{t('selection.console.budgetViewEmpty')}</p>
      </section>
    );
  }
  const { greedy, equalShares } = budget;
  const names = voterNames(t, Object.keys(equalShares.shares), config.organisations);
  const overrides = new Map(budget.overrides.map((o) => [o.ideaId, o]));
  const chosen = new Set(budget.selected);
  // Costed ideas by rank (both rules rank alike, BU-1), then those without a cost.
  const costed = state.ideas.filter((i) => greedy.ideas[i.id]).sort((a, b) => greedy.ideas[a.id]!.rank - greedy.ideas[b.id]!.rank);
  const rows = [...costed, ...state.ideas.filter((i) => !greedy.ideas[i.id])];
  const editable = phase !== 'finalised';
  const firstShare = Object.values(equalShares.shares)[0];
  const columns = editable ? 6 : 5;
  return (
    <section className="panel budget-view" aria-labelledby="budget-view-title">
      <h2 id="budget-view-title">{t('selection.console.budgetViewTitle')}</h2>
      <table className="budget-table">
        <caption>{t('selection.console.budgetCaption', { budget: formatEuro(budget.budget) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('selection.console.colIdea')}</th>
            <th scope="col" className="num">
              {t('selection.console.colPoints')}
            </th>
            <th scope="col" className="num">
              {t('selection.console.colCost')}
            </th>
            <RuleHead rule="greedy" budget={budget} />
            <RuleHead rule="equalShares" budget={budget} />
            <th scope="col">{t('selection.console.colSelection')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((idea) => {
            const g = greedy.ideas[idea.id];
            const s = equalShares.ideas[idea.id];
            const override = overrides.get(idea.id);
            const payments = s?.reason.code === 'selected' ? Object.entries(s.reason.payments) : [];
            return [
              <tr key={idea.id} className={chosen.has(idea.id) ? 'chosen' : undefined}>
                <th scope="row">{idea.title}</th>
                <td className="num">{g?.totalPoints ?? (state.votes.at(-1)?.totals?.[idea.id] ?? 0)}</td>
                <td className="num">{idea.cost === null ? '–' : formatEuro(idea.cost)}</td>
                {g && s ? (
                  <>
                    <td className={budget.rule === 'greedy' ? 'deciding' : undefined}>
                      <Verdict selected={g.selected} />
                      <span className="reason">{greedyReasonText(t, g.reason)}</span>
                    </td>
                    <td className={budget.rule === 'equalShares' ? 'deciding' : undefined}>
                      <Verdict selected={s.selected} />
                      <span className="reason">{sharesReasonText(t, s.reason)}</span>
                      {payments.length > 0 && (
                        <details className="payments">
                          <summary>{t('selection.reason.whoPays')}</summary>
                          <ul>
                            {payments.map(([voter, amount]) => (
                              <li key={voter}>{t('selection.reason.pays', { who: names.get(voter) ?? voter, amount: formatEuro(amount) })}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </>
                ) : (
                  <td colSpan={2}>
                    <span className="reason">{t('selection.reason.withoutCost')}</span>
                  </td>
                )}
                <td>
                  <strong>{t(chosen.has(idea.id) ? 'selection.console.selected' : 'selection.console.notSelected')}</strong>
                  {override && (
                    <span className="override-note">
                      {t(override.decision === 'include' ? 'selection.console.overrideIncluded' : 'selection.console.overrideExcluded', { reason: override.reason })}
                    </span>
                  )}
                  {editable && overriding !== idea.id && (
                    <button type="button" className="small link" aria-label={`${t('selection.console.override')} ${idea.title}`} onClick={() => setOverriding(idea.id)}>
                      {t('selection.console.override')}
                    </button>
                  )}
                </td>
              </tr>,
              overriding === idea.id && (
                <tr key={`${idea.id}-override`} className="override-row">
                  <td colSpan={columns}>
                    <OverrideForm idea={idea} current={override ?? null} onDone={() => setOverriding(null)} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('selection.console.colSpent')}
            </th>
            <td>{t('selection.budget.spentLeft', { spent: formatEuro(greedy.spent), left: formatEuro(greedy.left) })}</td>
            <td>
              {t('selection.budget.spentLeft', { spent: formatEuro(equalShares.spent), left: formatEuro(equalShares.left) })}
              {firstShare && <span className="reason">{t('selection.budget.shares', { share: formatEuro(firstShare.initial) })}</span>}
            </td>
            <td>{t('selection.budget.spentLeft', { spent: formatEuro(budget.spent), left: formatEuro(budget.left) })}</td>
          </tr>
        </tfoot>
      </table>
      <SelectionResult state={state} budget={budget} />
    </section>
  );
}
