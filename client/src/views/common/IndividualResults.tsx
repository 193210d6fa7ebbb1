/**
 * Individual results (Einzelergebnisse, SPEC E-1): each organisation's values
 * beside the group's, as a table for one organisation and as small multiples
 * for all (SmallMultiples). Organisations appear by name only where the server
 * sent a name (E-2); otherwise as "Organisation A, B, …".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndividualResult } from '../../../../shared/domain/individual';
import type { Results } from '../../../../shared/domain/results';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { formatSigned } from './formatSigned';
import { softHyphenate } from './wrapLabel';
import { SmallMultiples, useOrganisationLabel } from './SmallMultiples';
import { ThemeName } from './ThemeName';

interface Props {
  individual: IndividualResult[];
  results: Results;
  config: WorkshopConfig;
}

function groupMeans(results: Results): Map<string, (number | null)[]> {
  return new Map(results.themes.map((r) => [r.themeId, r.criteria.map((c) => c.mean)]));
}

/** The facilitator's view: pick an organisation for the table; all of them as small multiples below. */
export function IndividualResults({ individual, results, config }: Props) {
  const { t } = useTranslation();
  const label = useOrganisationLabel();
  const [selected, setSelected] = useState<string | null>(null);
  const current = individual.find((o) => o.key === selected) ?? individual[0];
  const group = groupMeans(results);
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  return (
    <section className="panel" aria-labelledby="individual-title">
      <h2 id="individual-title">{t('individual.title')}</h2>
      {current ? (
        <>
          <label className="field-row">
            <span>{t('individual.organisation')}</span>
            <select value={current.key} onChange={(event) => setSelected(event.target.value)}>
              {individual.map((o) => (
                <option key={o.key} value={o.key}>
                  {label(o)}
                </option>
              ))}
            </select>
          </label>
          {/* Compact columns (abbreviated sub-headings, criterion names that break at their joint) fit the console's
              panel at 1280 px; only many criteria make it scroll, in its panel, never the page (keyboard-scrollable). */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('individual.tableCaption', { organisation: label(current) })}>
            <table className="individual-table">
              <caption>{t('individual.tableCaption', { organisation: label(current) })}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t('results.theme')}
                  </th>
                  {config.criteria.map((c) => (
                    <th scope="colgroup" colSpan={3} key={c.id} className="criterion">
                      {softHyphenate(c.label)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {config.criteria.map((c) => [
                    <th scope="col" className="num group-start" key={`${c.id}-own`}>
                      <abbr title={t('results.ownValue')}>{t('results.ownShort')}</abbr>
                    </th>,
                    <th scope="col" className="num" key={`${c.id}-group`}>
                      {t('individual.group')}
                    </th>,
                    <th scope="col" className="num" key={`${c.id}-diff`}>
                      <abbr title={t('results.differenceLong')}>{t('results.differenceShort')}</abbr>
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {current.themes.map((theme) => (
                  <tr key={theme.themeId}>
                    <th scope="row">
                      <ThemeName name={names.get(theme.themeId) ?? theme.themeId} />
                    </th>
                    {theme.criteria.map((c, i) => {
                      const groupValue = group.get(theme.themeId)?.[i] ?? null;
                      const difference = c.mean !== null && groupValue !== null ? c.mean - groupValue : null;
                      return [
                        <td className="num group-start" key={`${c.criterionId}-own`}>
                          {formatNumber(c.mean)}
                        </td>,
                        <td className="num" key={`${c.criterionId}-group`}>
                          {formatNumber(groupValue)}
                        </td>,
                        <td className="num" key={`${c.criterionId}-diff`}>
                          {formatSigned(difference)}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('individual.smallMultiples')}</h3>
          <p className="hint">{t('individual.smallMultiplesHint')}</p>
          <SmallMultiples individual={individual} results={results} config={config} />
        </>
      ) : (
        <p className="hint">{t('individual.none')}</p>
      )}
    </section>
  );
}
