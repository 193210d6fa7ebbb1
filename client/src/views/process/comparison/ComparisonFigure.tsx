/**
 * The chart of the round comparison with its legend. recharts loads only when
 * a comparison is shown; until then a placeholder of the chart's height keeps
 * the page from jumping.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundComparison } from '../../../../../shared/domain/comparison';
import { digitsFor } from '../format';
import type { ChartRow } from './ComparisonChart';
import { chartHeight } from './chartLayout';
import { styleOf, Swatch } from './markers';
import { useElementWidth } from './useElementWidth';

const Chart = lazy(() => import('./ComparisonChart').then((module) => ({ default: module.ComparisonChart })));

export function ComparisonFigure({ comparison, earlierLabel, laterLabel }: { comparison: RoundComparison; earlierLabel: string; laterLabel: string }) {
  const { t } = useTranslation();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const { normalised } = comparison;
  const { min, max } = normalised ? { min: 0, max: 1 } : comparison.scales.later;
  const ticks = normalised ? [0, 0.25, 0.5, 0.75, 1] : Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const rows: ChartRow[] = comparison.themes.map((theme) => ({
    key: `${theme.status}-${theme.themeId}`,
    name: theme.name,
    note: theme.status === 'kept' ? null : t(`comparison.statusText.${theme.status}`),
    values: theme.criteria.map((c) => ({ label: c.label, before: c.before, after: c.after })),
  }));
  const height = chartHeight(rows.length, Math.max(1, comparison.criteria.length));
  return (
    <figure className="comparison-figure">
      <figcaption>
        <span className="figure-title">{t('comparison.chartTitle')}</span> <span className="hint">{t('comparison.chartNote')}</span>
      </figcaption>
      <div className="comparison-legend" aria-hidden="true">
        <div>
          <span className="legend-title">{t('comparison.legendCriteria')}</span>
          <ul>
            {comparison.criteria.map((c, j) => (
              <li key={c.criterionId}>
                <Swatch {...styleOf(j)} filled />
                {c.label}
                {c.status !== 'kept' && <span className="hint"> ({t(`comparison.criterionOnly.${c.status}`)})</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <span className="legend-title">{t('comparison.legendRounds')}</span>
          <ul>
            <li>
              <Swatch shape="circle" colour="#3d3d3d" filled={false} />
              {t('comparison.legendBefore', { round: earlierLabel })}
            </li>
            <li>
              <Swatch shape="circle" colour="#3d3d3d" filled arrow />
              {t('comparison.legendAfter', { round: laterLabel })}
            </li>
          </ul>
        </div>
      </div>
      <div ref={ref} className="comparison-chart" aria-hidden="true" style={{ minHeight: height }}>
        {width > 0 && (
          <Suspense fallback={null}>
            <Chart
              rows={rows}
              domain={[min, max]}
              ticks={ticks}
              tickDigits={normalised ? 2 : 0}
              valueDigits={digitsFor(normalised)}
              axisLabel={normalised ? t('comparison.axisNormalised') : t('comparison.axis', { min, max })}
              width={width}
            />
          </Suspense>
        )}
      </div>
    </figure>
  );
}
