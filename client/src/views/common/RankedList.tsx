/** The ranked list: Priority I / II / III, both means, n, flags (projector and facilitator). */
import { useTranslation } from 'react-i18next';
import type { Consolidation } from '../../../../shared/domain/consolidation';
import type { Results } from '../../../../shared/domain/results';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { ThemeName } from './ThemeName';
import { Flags } from './Flags';
import { softHyphenate } from './wrapLabel';
import { TierBadge } from './TierBadge';

/**
 * @param consolidation once there is one, the decided tiers (SPEC C-3) in their
 * order, as on the consolidation board; where one differs from the computed
 * tier, the computed one stands beside it.
 */
export function RankedList({ results, config, caption, consolidation }: { results: Results; config: WorkshopConfig; caption: string; consolidation?: Consolidation | null }) {
  const { t } = useTranslation();
  const byId = new Map(results.themes.map((r) => [r.themeId, r]));
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  const rows = consolidation
    ? consolidation.themes.map((c) => ({ themeId: c.themeId, tier: c.tier, computed: c.moved ? c.computed : undefined }))
    : results.ranking.map((themeId) => ({ themeId, tier: byId.get(themeId)?.tier ?? null, computed: undefined }));
  return (
    <table className="ranked">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.rank')}</th>
          <th scope="col">{t('results.theme')}</th>
          <th scope="col">{t('results.tier')}</th>
          {config.criteria.map((c) => (
            <th scope="col" key={c.id} className="num">
              {softHyphenate(c.label)}
            </th>
          ))}
          <th scope="col" className="num">
            <abbr title={t('results.nOrganisations')}>{t('results.n')}</abbr>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ themeId, tier, computed }, index) => {
          const result = byId.get(themeId);
          if (!result) return null;
          return (
            <tr key={themeId} className={`row-tier-${tier ?? 'none'}`}>
              {/* Themes without enough data are listed last but not ranked (SPEC T-4, T-6). */}
              <td className="num">{result.insufficientData ? '–' : index + 1}</td>
              <th scope="row">
                <span className="theme-name">
                  <ThemeName name={names.get(themeId) ?? themeId} />
                </span>{' '}
                <Flags result={result} minOrganisations={config.tierRule.minOrganisations} insufficient={false} />
              </th>
              <td>
                <TierBadge tier={tier} />
                {computed !== undefined && (
                  <span className="computed-tier"> {t('results.computedTier', { tier: computed ? t(`tier.short.${computed}`) : t('tier.none') })}</span>
                )}
              </td>
              {result.criteria.map((c) => (
                <td key={c.criterionId} className="num">
                  <span className="mean">{formatNumber(c.mean)}</span>
                  <span className="spread"> ± {formatNumber(c.sd)}</span>
                </td>
              ))}
              <td className="num">{Math.min(...result.criteria.map((c) => c.nOrganisations))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
