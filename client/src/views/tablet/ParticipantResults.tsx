/** After the reveal: the group result and the participant's own organisation beside it, per theme. */
import { useTranslation } from 'react-i18next';
import type { ParticipantState } from '../../../../shared/protocol';
import { formatNumber } from '../../i18n';
import { Flags } from '../common/Flags';
import { ThemeName } from '../common/ThemeName';
import { TierBadge } from '../common/TierBadge';

/**
 * Each step of the scale is a segment of the bar, so the lowest score fills
 * the first one (1 of 5 = 20 %) instead of showing as no bar at all; only
 * "no value" is empty.
 */
function Bar({ value, min, max, kind }: { value: number | null; min: number; max: number; kind: 'group' | 'own' }) {
  const width = value === null ? 0 : ((value - min + 1) / (max - min + 1)) * 100;
  return (
    <span className={`bar bar-${kind}`} aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

export function ParticipantResults({ state }: { state: ParticipantState }) {
  const { t } = useTranslation();
  const { config } = state.workshop;
  const results = state.results;
  if (!results) return <p>{t('results.hidden')}</p>;
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  const own = new Map(state.organisation?.themes.map((o) => [o.themeId, o]));
  const byId = new Map(results.themes.map((r) => [r.themeId, r]));
  // After the consolidation the decided tiers count, in their order (SPEC C-3).
  const decided = new Map(state.consolidation?.themes.map((c) => [c.themeId, c]));
  const order = state.consolidation && state.workshop.phase !== 'revealed' ? state.consolidation.themes.map((c) => c.themeId) : results.ranking;
  const { min, max } = config.scale;
  return (
    <>
      <h2>{state.workshop.phase === 'finalised' ? t('consolidation.titleDone') : state.workshop.phase === 'consolidating' ? t('phase.consolidating') : t('results.title')}</h2>
      <ol className="result-list">
        {order.map((themeId) => {
          const result = byId.get(themeId)!;
          const consolidated = state.workshop.phase !== 'revealed' ? decided.get(themeId) : undefined;
          const mine = own.get(themeId);
          return (
            <li key={themeId} className="card">
              <h3>
                <ThemeName name={names.get(themeId) ?? themeId} /> <TierBadge tier={consolidated ? consolidated.tier : result.tier} />{' '}
                {consolidated?.moved && (
                  <span className="moved-note">{t('consolidation.movedFrom', { tier: consolidated.computed ? t(`tier.${consolidated.computed}`) : t('tier.none') })}</span>
                )}{' '}
                <Flags result={result} minOrganisations={config.tierRule.minOrganisations} insufficient={false} />
              </h3>
              <dl className="compare">
                {config.criteria.map((criterion, i) => {
                  const group = result.criteria[i]?.mean ?? null;
                  const ownValue = mine?.criteria[i]?.mean ?? null;
                  return (
                    <div key={criterion.id}>
                      <dt>{criterion.label}</dt>
                      <dd>
                        <span className="compare-label">{t('results.group')}</span>
                        <Bar value={group} min={min} max={max} kind="group" />
                        <span className="num">{formatNumber(group)}</span>
                      </dd>
                      <dd>
                        <span className="compare-label">{t('results.own')}</span>
                        <Bar value={ownValue} min={min} max={max} kind="own" />
                        <span className="num">{formatNumber(ownValue)}</span>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </li>
          );
        })}
      </ol>
    </>
  );
}
