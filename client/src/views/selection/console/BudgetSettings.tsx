/**
 * Budget and deciding rule (SPEC SE-1, SE-7): the budget typed as people
 * write amounts ("30.000", "12.500,50"), and the rule with a sentence on what
 * each does. Both change until the selection is finalised.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECTION_RULES } from '../../../../../shared/activities/selection/schemas';
import type { SelectionFacilitatorState } from '../../../../../shared/activities/selection/views';
import { MAX_EURO, parseEuro } from '../../../../../shared/money';
import { updateSelection } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { OperationStatus } from '../common/OperationStatus';
import { formatEuro, typedEuro } from '../../../i18n';

export function BudgetSettings({ state }: { state: SelectionFacilitatorState }) {
  const { t } = useTranslation();
  const { config, phase } = state.workshop;
  const finalised = phase === 'finalised';
  const [typed, setTyped] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [budgetCommand, runBudget] = useOperation();
  const [ruleCommand, runRule] = useOperation();
  const shown = typed ?? (config.budget === null ? '' : typedEuro(config.budget));

  const save = async () => {
    const text = shown.trim();
    const amount = text === '' ? null : parseEuro(text);
    if (text !== '' && (amount === null || amount > MAX_EURO)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    // The server reads the typed text the same way (DD-3).
    if (await runBudget(() => updateSelection({ budget: text === '' ? null : text }))) setTyped(null);
  };

  return (
    <section className="panel budget-settings" aria-labelledby="budget-settings-title">
      <h2 id="budget-settings-title">{t('selection.console.budgetTitle')}</h2>
      <form
        className="budget-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="selection-budget">{t('selection.console.budget')}</label>
        <div className="inline-form-fields">
          <input
            id="selection-budget"
            inputMode="decimal"
            autoComplete="off"
            value={shown}
            disabled={finalised}
            aria-invalid={invalid || undefined}
            aria-describedby="selection-budget-hint selection-budget-saved"
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" disabled={finalised || budgetCommand.status === 'busy'}>
            {t('selection.console.saveBudget')}
          </button>
        </div>
        <p id="selection-budget-hint" className={invalid ? 'error' : 'hint'} role={invalid ? 'alert' : undefined}>
          {invalid ? t('selection.console.budgetInvalid') : t('selection.console.budgetHint')}
        </p>
        <p id="selection-budget-saved" className="budget-saved">
          {config.budget === null ? t('selection.console.budgetNone') : t('selection.console.budgetSaved', { budget: formatEuro(config.budget) })}
        </p>
        <OperationStatus state={budgetCommand} />
      </form>
      <fieldset className="rule-choice" disabled={finalised || ruleCommand.status === 'busy'}>
        <legend>{t('selection.console.ruleLegend')}</legend>
        {SELECTION_RULES.map((rule) => (
          <div key={rule} className="rule-option">
            <label className="inline">
              <input
                type="radio"
                name="selection-rule"
                checked={config.rule === rule}
                aria-describedby={`rule-explain-${rule}`}
                onChange={() => void runRule(() => updateSelection({ rule }))}
              />
              {t(`selection.rule.${rule}`)}
            </label>
            <p id={`rule-explain-${rule}`} className="hint">
              {t(`selection.rule.${rule}Explain`)}
            </p>
          </div>
        ))}
      </fieldset>
      <OperationStatus state={ruleCommand} />
    </section>
  );
}
