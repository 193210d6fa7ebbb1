/**
 * The details of a project idea (SPEC DD-3), below its title and description:
 * the lead organisation (one of the deep-dive's, or none), the partners, and
 * the estimated cost typed as people write amounts, shown back as parsed.
 */
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../../shared/schemas';
import { formatEuro } from '../../../i18n';
import { PARTNERS_MAX, readCost, type IdeaDraft, type IdeaProblem } from './ideaDraft';

export function IdeaFields({
  id,
  draft,
  onChange,
  problem,
  organisations,
}: {
  id: string;
  draft: IdeaDraft;
  onChange: (draft: IdeaDraft) => void;
  problem: IdeaProblem | null;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation();
  const cost = readCost(draft.cost);
  const costProblem = problem?.field === 'cost' ? problem.key : null;
  // The parsed amount while typing; a wrong amount is named at once, in words, not only on sending.
  const preview = draft.cost.trim() === '' ? t('deepdive.idea.costNone') : cost.ok && cost.cost !== null ? t('deepdive.idea.costPreview', { amount: formatEuro(cost.cost) }) : null;
  const costError = costProblem ?? (!cost.ok ? cost.key : null);
  return (
    <div className="idea-fields">
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t('deepdive.idea.lead')}</label>
        <select id={`${id}-lead`} value={draft.lead} onChange={(e) => onChange({ ...draft, lead: e.target.value })}>
          <option value="">{t('deepdive.idea.leadNone')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-partners`}>{t('deepdive.idea.partners')}</label>
        <input
          id={`${id}-partners`}
          value={draft.partners}
          maxLength={PARTNERS_MAX}
          autoComplete="off"
          aria-invalid={problem?.field === 'partners' || undefined}
          aria-describedby={`${id}-partners-hint${problem?.field === 'partners' ? ` ${id}-partners-error` : ''}`}
          onChange={(e) => onChange({ ...draft, partners: e.target.value })}
        />
        <p id={`${id}-partners-hint`} className="hint">
          {t('deepdive.idea.partnersHint')}
        </p>
        {problem?.field === 'partners' && (
          <p id={`${id}-partners-error`} className="error">
            {t('deepdive.idea.partnersInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-cost`}>{t('deepdive.idea.cost')}</label>
        <div className="cost-input">
          <input
            id={`${id}-cost`}
            value={draft.cost}
            inputMode="decimal"
            autoComplete="off"
            maxLength={40}
            aria-invalid={costError !== null || undefined}
            aria-describedby={`${id}-cost-hint ${id}-cost-check`}
            onChange={(e) => onChange({ ...draft, cost: e.target.value })}
          />
          <span aria-hidden="true" className="cost-unit">
            €
          </span>
        </div>
        <p id={`${id}-cost-hint`} className="hint">
          {t('deepdive.idea.costHint')}
        </p>
        <p id={`${id}-cost-check`} className={costError ? 'error' : 'hint cost-preview'}>
          {costError ? t(`deepdive.idea.costProblem.${costError}`) : preview}
        </p>
      </div>
    </div>
  );
}
