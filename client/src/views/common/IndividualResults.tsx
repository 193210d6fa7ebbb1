/**
 * Individual results (Einzelergebnisse, SPEC E-1): each organisation's values
 * beside the group's, as a table for one organisation and as small multiples
 * for all. Organisations appear by name only where the server sent a name
 * (E-2); otherwise as "Organisation A, B, …".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndividualResult } from '../../../../shared/domain/individual';
import type { Results } from '../../../../shared/domain/results';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { formatSigned } from './formatSigned';
import { ThemeName } from './ThemeName';

export function useOrganisationLabel(): (o: IndividualResult) => string {
  const { t } = useTranslation();
  return (o) => o.name ?? t('individual.pseudonym', { letter: o.pseudonym });
}

interface Props {
  individual: IndividualResult[];
  results: Results;
  config: WorkshopConfig;
}

function groupMeans(results: Results): Map<string, (number | null)[]> {
  return new Map(results.themes.map((r) => [r.themeId, r.criteria.map((c) => c.mean)]));
}

/** Long theme names are cut in the chart; the full name is in the chart's accessible description and the table. */
function short(name: string, max = 20): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** One organisation: a dot per theme and criterion on the scale, the group's mean as a tick. */
function SmallMultiple({ organisation, config, group, large }: { organisation: IndividualResult; config: WorkshopConfig; group: Map<string, (number | null)[]>; large: boolean }) {
  const { t } = useTranslation();
  const label = useOrganisationLabel()(organisation);
  const { min, max } = config.scale;
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  // On the projector one unit is about one screen pixel: 14 px labels read from the back of the room.
  const row = large ? 20 : 18;
  const track = large ? 110 : 90;
  const labelWidth = large ? 170 : 120;
  const gap = 14;
  const width = labelWidth + config.criteria.length * (track + gap);
  const height = 18 + organisation.themes.length * row;
  const x = (value: number, column: number) => labelWidth + column * (track + gap) + ((value - min) / (max - min)) * track;
  const description = organisation.themes
    .map((theme) =>
      `${names.get(theme.themeId)}: ${theme.criteria
        .map((c, i) => `${config.criteria[i]?.label} ${formatNumber(c.mean)} (${t('individual.group')} ${formatNumber(group.get(theme.themeId)?.[i] ?? null)})`)
        .join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="small-multiple">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" className={large ? 'sm-large' : undefined} aria-label={`${label}: ${description}`}>
        {config.criteria.map((criterion, column) => (
          <text key={criterion.id} x={labelWidth + column * (track + gap) + track / 2} y={12} textAnchor="middle" className="sm-head">
            {short(criterion.label, large ? 15 : 14)}
          </text>
        ))}
        {organisation.themes.map((theme, r) => {
          const y = 18 + r * row + row / 2;
          return (
            <g key={theme.themeId}>
              <text x={labelWidth - 6} y={y + 4} textAnchor="end" className="sm-label">
                {short(names.get(theme.themeId) ?? theme.themeId)}
              </text>
              {theme.criteria.map((c, column) => {
                const groupValue = group.get(theme.themeId)?.[column] ?? null;
                return (
                  <g key={c.criterionId}>
                    <line x1={x(min, column)} x2={x(max, column)} y1={y} y2={y} className="sm-track" />
                    {groupValue !== null && <line x1={x(groupValue, column)} x2={x(groupValue, column)} y1={y - row / 3} y2={y + row / 3} className="sm-group" />}
                    {c.mean !== null && <circle cx={x(c.mean, column)} cy={y} r={large ? 6 : 4} className="sm-own" />}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function SmallMultiples({ individual, results, config, large = false }: Props & { large?: boolean }) {
  const { t } = useTranslation();
  const group = groupMeans(results);
  if (individual.length === 0) return <p className="hint">{t('individual.none')}</p>;
  return (
    <>
      <p className="hint">{t('individual.smallMultiplesHint')}</p>
      <div className={large ? 'small-multiples large' : 'small-multiples'}>
        {individual.map((o) => (
          <SmallMultiple key={o.key} organisation={o} config={config} group={group} large={large} />
        ))}
      </div>
    </>
  );
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
          {/* Wide with many criteria: it scrolls in its panel, never the page (keyboard-scrollable). */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('individual.tableCaption', { organisation: label(current) })}>
          <table className="individual-table">
            <caption>{t('individual.tableCaption', { organisation: label(current) })}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('results.theme')}
                </th>
                {config.criteria.map((c) => (
                  <th scope="colgroup" colSpan={3} key={c.id}>
                    {c.label}
                  </th>
                ))}
              </tr>
              <tr>
                {config.criteria.map((c) => [
                  <th scope="col" className="num" key={`${c.id}-own`}>{t('individual.own')}</th>,
                  <th scope="col" className="num" key={`${c.id}-group`}>{t('individual.group')}</th>,
                  <th scope="col" className="num" key={`${c.id}-diff`}>{t('individual.difference')}</th>,
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
                      <td className="num" key={`${c.criterionId}-own`}>{formatNumber(c.mean)}</td>,
                      <td className="num" key={`${c.criterionId}-group`}>{formatNumber(groupValue)}</td>,
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
          <SmallMultiples individual={individual} results={results} config={config} />
        </>
      ) : (
        <p className="hint">{t('individual.none')}</p>
      )}
    </section>
  );
}
