/** Add an idea or change one (SPEC SE-2): title, theme, lead organisation, partners and the cost typed as people write amounts. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionIdea } from '../../../../../shared/activities/selection/schemas';
import { MAX_EURO, parseEuro } from '../../../../../shared/money';
import type { Organisation } from '../../../../../shared/schemas';
import { putIdea } from '../../../net/selection';
import { useOperation } from '../../collection/console/useOperation';
import { FieldError } from '../../common/FieldError';
import { message, type FieldMessage } from '../../common/fieldChecks';
import { useFieldProblems } from '../../common/useFieldProblems';
import { OperationStatus } from '../common/OperationStatus';
import { typedEuro } from '../../../i18n';

export function IdeaForm({ idea, organisations, onDone }: { idea: SelectionIdea | null; organisations: readonly Organisation[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [command, run] = useOperation();
  const [title, setTitle] = useState(idea?.title ?? '');
  const [themeName, setThemeName] = useState(idea?.themeName ?? '');
  const [lead, setLead] = useState(idea?.leadOrganisationId ?? '');
  const [partners, setPartners] = useState(idea?.partners ?? '');
  const [cost, setCost] = useState(idea?.cost === null || idea?.cost === undefined ? '' : typedEuro(idea.cost));
  const checks = useFieldProblems();
  const first = useRef<HTMLInputElement>(null);
  const prefix = idea ? `idea-${idea.id}` : 'idea-new';
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    const typedCost = cost.trim();
    const amount = typedCost === '' ? null : parseEuro(typedCost);
    const found: Record<string, FieldMessage> = {};
    if (!title.trim()) found[`${prefix}-title`] = message('selection.console.titleMissing');
    if (typedCost !== '' && (amount === null || amount > MAX_EURO)) found[`${prefix}-cost`] = message('selection.console.budgetInvalid');
    if (!checks.report(found)) return;
    const ok = await run(() =>
      putIdea({ ...(idea ? { ideaId: idea.id } : {}), title: title.trim(), themeName: themeName.trim(), leadOrganisationId: lead || null, partners: partners.trim(), cost: amount }),
    );
    if (ok) onDone();
  };

  return (
    <form
      className="idea-form"
      noValidate
      aria-labelledby={`${prefix}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${prefix}-heading`}>{idea ? t('selection.console.editTitle', { title: idea.title }) : t('selection.console.newTitle')}</h3>
      <div className="idea-form-grid">
        <div>
          <label>
            {t('selection.console.title')}
            <input
              id={`${prefix}-title`}
              ref={first}
              value={title}
              maxLength={80}
              aria-required="true"
              {...checks.aria(`${prefix}-title`)}
              onChange={(e) => {
                setTitle(e.target.value);
                checks.clear(`${prefix}-title`);
              }}
            />
          </label>
          <FieldError field={`${prefix}-title`} problems={checks.problems} />
        </div>
        <label>
          {t('selection.console.themeName')}
          <input value={themeName} maxLength={80} onChange={(e) => setThemeName(e.target.value)} />
        </label>
        <label>
          {t('selection.console.lead')}
          <select value={lead} onChange={(e) => setLead(e.target.value)}>
            <option value="">{t('selection.idea.noLead')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('selection.console.partners')}
          <input value={partners} maxLength={300} onChange={(e) => setPartners(e.target.value)} />
        </label>
        <div>
          <label>
            {t('selection.console.cost')}
            <input
              id={`${prefix}-cost`}
              value={cost}
              inputMode="decimal"
              placeholder="12.500"
              {...checks.aria(`${prefix}-cost`)}
              onChange={(e) => {
                setCost(e.target.value);
                checks.clear(`${prefix}-cost`);
              }}
            />
          </label>
          <FieldError field={`${prefix}-cost`} problems={checks.problems} />
        </div>
      </div>
      <OperationStatus state={command} />
      <div className="actions">
        <button type="submit" className="primary" disabled={command.status === 'busy'}>
          {t('selection.console.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('selection.console.cancel')}
        </button>
      </div>
    </form>
  );
}
