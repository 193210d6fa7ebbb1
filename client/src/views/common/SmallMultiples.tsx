/**
 * All organisations' individual results at a glance (SPEC E-1): a chart per
 * organisation — its value as a dot, the group's mean as a tick, per theme and
 * criterion — in a grid whose rows share the column of theme names
 * (smallMultiples/layout.ts). The console draws them at a fixed size, as many
 * per row as its panel takes; the projector at the largest size at which all of
 * them fit its screen.
 */
import { Fragment, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndividualResult } from '../../../../shared/domain/individual';
import type { Results } from '../../../../shared/domain/results';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { CAPTION_BELOW, CAPTION_FONT, CAPTION_LINE, COLUMN_GAP, HEAD_FONT, HEAD_LINE, INSET, RADIUS, ROW, ROW_GAP, columnsFor, fitWall, rowWidth, unitLayout, type UnitLayout, type Wall } from './smallMultiples/layout';
import { textWidth } from './textWidth';

/** The console's type: the size of its small print. */
const CONSOLE_FONT = 13;

/** "Kreis Coesfeld", or "Organisation A" where names are hidden (SPEC E-2). */
export function useOrganisationLabel(): (o: IndividualResult) => string {
  const { t } = useTranslation();
  return (o) => o.name ?? t('individual.pseudonym', { letter: o.pseudonym });
}

/** The box's size and font; `epoch` counts font loads (text widths change with them). */
function useBox(element: RefObject<HTMLDivElement | null>): { width: number; height: number; family: string; epoch: number } {
  const [box, setBox] = useState({ width: 0, height: 0, family: '', epoch: 0 });
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const update = () =>
      setBox((b) =>
        b.width === node.clientWidth && b.height === node.clientHeight && b.family
          ? b
          : { ...b, width: node.clientWidth, height: node.clientHeight, family: getComputedStyle(node).fontFamily },
      );
    update();
    const observer = new ResizeObserver(update);
    observer.observe(node);
    let live = true;
    void document.fonts.ready.then(() => live && setBox((b) => ({ ...b, epoch: b.epoch + 1 })));
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [element]);
  return box;
}

function groupMeans(results: Results): Map<string, (number | null)[]> {
  return new Map(results.themes.map((r) => [r.themeId, r.criteria.map((c) => c.mean)]));
}

interface ChartProps {
  organisation: IndividualResult;
  config: WorkshopConfig;
  group: Map<string, (number | null)[]>;
  unit: UnitLayout;
  font: number;
  headed: boolean;
}

function Chart({ organisation, config, group, unit, font, headed }: ChartProps) {
  const { t } = useTranslation();
  const label = useOrganisationLabel()(organisation);
  const { min, max } = config.scale;
  const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
  const top = headed ? unit.headingHeight : 0;
  const px = (u: number) => u * font;
  const x = (value: number, column: number) => {
    const track = unit.tracks[column]!;
    return px(track.start + ((value - min) / (max - min)) * (track.end - track.start));
  };
  const description = organisation.themes
    .map((theme) =>
      `${names.get(theme.themeId)}: ${theme.criteria
        .map((c, i) => `${config.criteria[i]?.label} ${formatNumber(c.mean)} (${t('individual.group')} ${formatNumber(group.get(theme.themeId)?.[i] ?? null)})`)
        .join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="small-multiple">
      <figcaption style={{ fontSize: px(CAPTION_FONT), lineHeight: `${px(CAPTION_LINE)}px`, paddingBottom: px(CAPTION_BELOW) }}>{label}</figcaption>
      <svg width={px(unit.chartWidth)} height={px(top + unit.bodyHeight)} role="img" aria-label={`${label}: ${description}`}>
        {headed &&
          unit.headings.map((heading, column) => (
            <text key={column} className="sm-head" fontSize={px(HEAD_FONT)} textAnchor="middle">
              {heading.lines.map((line, l) => (
                <tspan key={l} x={px(heading.x)} y={px(HEAD_LINE * (l + 0.8))}>
                  {line}
                </tspan>
              ))}
            </text>
          ))}
        {organisation.themes.map((theme, r) => {
          const y = px(top + r * ROW + ROW / 2);
          return (
            <g key={theme.themeId}>
              {r % 2 === 1 && <rect x={-px(COLUMN_GAP)} width={px(unit.chartWidth + COLUMN_GAP)} y={y - px(ROW / 2)} height={px(ROW)} className="sm-band" />}
              {theme.criteria.map((c, column) => {
                const groupValue = group.get(theme.themeId)?.[column] ?? null;
                return (
                  <g key={c.criterionId}>
                    <line x1={x(min, column)} x2={x(max, column)} y1={y} y2={y} className="sm-track" strokeWidth={Math.max(1, px(0.12))} />
                    {groupValue !== null && <line x1={x(groupValue, column)} x2={x(groupValue, column)} y1={y - px(0.5)} y2={y + px(0.5)} className="sm-group" strokeWidth={Math.max(2, px(0.16))} />}
                    {c.mean !== null && <circle cx={x(c.mean, column)} cy={y} r={px(RADIUS)} className="sm-own" />}
                  </g>
                );
              })}
            </g>
          );
        })}
        {/* A rule between this chart and the one before, down the middle of the gap. */}
        <line x1={-px(COLUMN_GAP / 2)} x2={-px(COLUMN_GAP / 2)} y1={0} y2={px(top + unit.bodyHeight)} className="sm-rule" />
      </svg>
    </figure>
  );
}

/** The theme names of a row of charts, level with their rows. */
function Names({ unit, font }: { unit: UnitLayout; font: number }) {
  return (
    <svg className="sm-names" width={unit.nameWidth * font} height={unit.bodyHeight * font} aria-hidden="true">
      {unit.names.map((name, r) => {
        const y = (r * ROW + ROW / 2) * font;
        return (
          <g key={r}>
            {r % 2 === 1 && <rect x={0} width={unit.nameWidth * font} y={y - (ROW / 2) * font} height={ROW * font} className="sm-band" />}
            <text x={unit.nameWidth * font - INSET * font * 0.5} y={y} dy="0.35em" textAnchor="end" fontSize={font} className="sm-label">
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The console's fixed type; smaller only where even one chart (many criteria) would be wider than the panel. */
function consoleLayout(unit: UnitLayout, count: number, width: number): Wall {
  const font = Math.max(9, Math.min(CONSOLE_FONT, Math.floor((width / rowWidth(unit, 1)) * 4) / 4));
  return { font, columns: columnsFor(unit, count, width, font), headingsEveryRow: true };
}

interface Props {
  individual: IndividualResult[];
  results: Results;
  config: WorkshopConfig;
  /** The projector: as large as fits the box (which must have a height). */
  large?: boolean;
}

export function SmallMultiples({ individual, results, config, large = false }: Props) {
  const { t } = useTranslation();
  const label = useOrganisationLabel();
  const box = useRef<HTMLDivElement>(null);
  const size = useBox(box);
  const group = groupMeans(results);
  const themeNames = useMemo(() => {
    const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
    return (individual[0]?.themes ?? []).map((theme) => names.get(theme.themeId) ?? theme.themeId);
  }, [individual, config.themes]);
  const captions = individual.map(label);
  const captionKey = captions.join('\n');
  const unit = useMemo(() => {
    if (!size.family) return null;
    return unitLayout(
      themeNames,
      config.criteria.map((c) => c.label),
      captionKey.split('\n'),
      (text, weight) => textWidth(text, `${weight} 100px ${size.family}`) / 100,
    );
    // size.epoch: fonts may have loaded since.
  }, [themeNames, config.criteria, captionKey, size.family, size.epoch]);

  let layout: Wall = { font: CONSOLE_FONT, columns: 1, headingsEveryRow: true };
  if (unit && size.width > 0) {
    layout = large
      ? fitWall(unit, individual.length, size, Math.max(14, window.innerHeight / 36))
      : consoleLayout(unit, individual.length, size.width);
  }
  const { font, columns } = layout;
  const rows = Array.from({ length: Math.ceil(individual.length / columns) }, (_, r) => individual.slice(r * columns, (r + 1) * columns));
  return (
    <div ref={box} className={large ? 'sm-box sm-wall fit-box' : 'sm-box'}>
      {individual.length === 0 && <p className="hint">{t('individual.none')}</p>}
      {individual.length > 0 && unit && size.width > 0 && (
        <div
          className="small-multiples"
          style={{
            gridTemplateColumns: `${unit.nameWidth * font}px repeat(${columns}, ${unit.chartWidth * font}px)`,
            columnGap: COLUMN_GAP * font,
            rowGap: ROW_GAP * font,
          }}
        >
          {rows.map((row, r) => (
            <Fragment key={r}>
              <Names unit={unit} font={font} />
              {row.map((o) => (
                <Chart key={o.key} organisation={o} config={config} group={group} unit={unit} font={font} headed={layout.headingsEveryRow || r === 0} />
              ))}
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
