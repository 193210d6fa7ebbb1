/** The ranked list: Priority I / II / III, both means, n, flags (projector and facilitator). */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../shared/domain/results';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { ThemeName } from './ThemeName';
import { Flags } from './Flags';
import { TierBadge } from './TierBadge';

/**
 * Long German compounds in column headers may break at their joint
 * ("Digitalisierungs-potenzial"): a soft hyphen after a linking -s.
 */
export function softHyphenate(label: string): string {
  return label.replace(/(ungs|heits|keits|tions|täts)(?=\p{L}{4,})/gu, '$1\u00AD');
}

export function RankedList({ results, config, caption }: { results: Results; config: WorkshopConfig; caption: string }) {
  const { t } = useTranslation();
  const byId = new Map(results.themes.map((r) => [r.themeId, r]));
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
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
        {results.ranking.map((themeId, index) => {
          const result = byId.get(themeId)!;
          return (
            <tr key={themeId} className={`row-tier-${result.tier ?? 'none'}`}>
              {/* Themes without enough data are listed last but not ranked (SPEC T-4, T-6). */}
              <td className="num">{result.insufficientData ? '–' : index + 1}</td>
              <th scope="row">
                <span className="theme-name">
                  <ThemeName name={names.get(themeId) ?? themeId} />
                </span>{' '}
                <Flags result={result} minOrganisations={config.tierRule.minOrganisations} insufficient={false} />
              </th>
              <td>
                <TierBadge tier={result.tier} />
              </td>
              {result.criteria.map((c) => (
                <td key={c.criterionId} className="num">
                  {formatNumber(c.mean)}
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
