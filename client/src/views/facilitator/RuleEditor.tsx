/**
 * The tier rule, editable in every phase: fixed thresholds, shown on the scale
 * ("Priorität I ab 3,8") and stored as shares of it (SPEC T-1, T-2), or the
 * natural breaks of the ranking (T-7). The preview applies the draft rule to
 * the current statistics at once, before saving.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../shared/domain/results';
import { proposeTiers } from '../../../../shared/domain/tiering';
import type { TierMethod, TierRule, VotingUnit, WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { updateWorkshop } from '../../net/facilitator';
import { DecimalField } from '../common/DecimalField';
import { ThemeName } from '../common/ThemeName';
import { TierBadge } from '../common/TierBadge';
import { CommandStatus } from './CommandStatus';
import { useCommand } from './useCommand';

export function RuleEditor({ config, results, previewHidden = false }: { config: WorkshopConfig; results: Results; previewHidden?: boolean }) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<TierRule>(config.tierRule);
  const [votingUnit, setVotingUnit] = useState<VotingUnit>(config.votingUnit);
  /** The saved rule the draft started from: pushes of new votes bring equal rules and leave the draft alone. */
  const saved = JSON.stringify([config.tierRule, config.votingUnit]);
  const [base, setBase] = useState(saved);
  const [command, run] = useCommand();
  const { min, max } = config.scale;
  const range = max - min;
  const draft = JSON.stringify([rule, votingUnit]);
  if (saved !== base) {
    // The saved rule changed (here or elsewhere): take it unless a different draft is being edited.
    if (draft === base || draft === saved) {
      setRule(config.tierRule);
      setVotingUnit(config.votingUnit);
    }
    setBase(saved);
  }
  const dirty = draft !== saved;
  const preview = useMemo(() => {
    const after = proposeTiers(results.themes.map((r) => r.criteria), config.scale, rule);
    return results.themes.map((r, i) => ({ themeId: r.themeId, before: r.tier, after: after[i]!.tier }));
  }, [results, config.scale, rule]);
  const byThreshold = rule.method === 'threshold';
  const names = new Map(config.themes.map((th) => [th.id, th.name]));
  const onScale = (share: number) => Math.round((min + share * range) * 10) / 10;
  const toShare = (value: number) => Math.min(1, Math.max(0, (value - min) / range));

  return (
    <section className="panel" aria-labelledby="rule-title">
      <h2 id="rule-title">{t('facilitator.rule')}</h2>
      <p className="hint">
        {byThreshold
          ? t('facilitator.ruleExplanation', { i: formatNumber(onScale(rule.priorityI)), ii: formatNumber(onScale(rule.priorityII)), min, max })
          : t('facilitator.ruleExplanationNaturalBreaks')}
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // A number field whose text is not (yet) a number in its range: it says why; the rule is not sent.
          const unread = e.currentTarget.querySelector<HTMLElement>('input[aria-invalid="true"]');
          if (unread) return unread.focus();
          void run(() => updateWorkshop({ tierRule: rule, votingUnit }));
        }}
      >
        <fieldset>
          <legend>{t('facilitator.ruleMethod')}</legend>
          {(['threshold', 'naturalBreaks'] as const satisfies readonly TierMethod[]).map((method) => (
            <label key={method} className="inline">
              <input type="radio" name="tier-method" checked={rule.method === method} onChange={() => setRule({ ...rule, method })} />
              {t(method === 'threshold' ? 'facilitator.ruleMethodThreshold' : 'facilitator.ruleMethodNaturalBreaks')}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          {byThreshold && (
            <>
              <DecimalField id="rule-priority-1" label={t('facilitator.priorityI')} step={0.1} min={min} max={max} value={onScale(rule.priorityI)} onChange={(value) => setRule((r) => ({ ...r, priorityI: toShare(value) }))} />
              <DecimalField id="rule-priority-2" label={t('facilitator.priorityII')} step={0.1} min={min} max={max} value={onScale(rule.priorityII)} onChange={(value) => setRule((r) => ({ ...r, priorityII: toShare(value) }))} />
            </>
          )}
          <label>
            {t('facilitator.minOrganisations')}
            <input type="number" className="narrow" min={1} max={200} value={rule.minOrganisations} onChange={(e) => setRule({ ...rule, minOrganisations: Math.max(1, Math.round(Number(e.target.value))) })} />
          </label>
          <DecimalField
            id="rule-discuss-spread"
            label={t('facilitator.discussSpread')}
            step={0.1}
            min={0}
            max={range}
            value={Math.round(rule.discussSpread * range * 10) / 10}
            onChange={(value) => setRule((r) => ({ ...r, discussSpread: Math.min(1, Math.max(0, value / range)) }))}
          />
          {config.criteria.map((c) => (
            <DecimalField
              key={c.id}
              id={`rule-weight-${c.id}`}
              label={t('facilitator.criterionWeight', { criterion: c.label })}
              digits={2}
              step={0.5}
              min={0}
              max={100}
              value={rule.weights[c.id] ?? 1}
              onChange={(value) => setRule((r) => ({ ...r, weights: { ...r.weights, [c.id]: value } }))}
            />
          ))}
        </div>
        <fieldset>
          <legend>{t('facilitator.votingUnit')}</legend>
          {(['organisation', 'person'] as const).map((unit) => (
            <label key={unit} className="inline">
              <input type="radio" name="voting-unit" checked={votingUnit === unit} onChange={() => setVotingUnit(unit)} />
              {t(unit === 'organisation' ? 'facilitator.votingUnitOrganisation' : 'facilitator.votingUnitPerson')}
            </label>
          ))}
        </fieldset>
        {dirty && previewHidden && <p className="hint">{t('facilitator.rulePreviewHidden')}</p>}
        {dirty && !previewHidden && (
          <div className="preview">
            <h3>{t('facilitator.rulePreview')}</h3>
            <ul>
              {preview.map((p) => (
                <li key={p.themeId} className={p.before !== p.after ? 'changed' : undefined}>
                  <ThemeName name={names.get(p.themeId) ?? p.themeId} />: <TierBadge tier={p.after} />
                  {p.before !== p.after && (
                    <span className="hint">
                      {' '}
                      ({t('results.tier')} {p.before ?? '–'} → {p.after ?? '–'})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!dirty || rule.priorityII > rule.priorityI || command.status === 'busy'}>
            {t('facilitator.applyRule')}
          </button>
          <CommandStatus state={command} />
        </div>
      </form>
    </section>
  );
}
