/**
 * The 2×2 matrix: every theme at (potential, importance), coloured and shaped
 * by tier, with the spread as error bars, the four fields named outside the
 * plot at their corners and the tier boundaries of the combined score. The same numbers
 * stand in the ranked table beside it, so the chart is hidden from screen readers.
 *
 * Labels: names next to their markers, placed without overlap (placeLabels),
 * moved out with a leader line where the neighbourhood is full. Direct names
 * read best from the back of the room — nobody has to look up a number — so
 * they are the default; only a theme whose name finds no free place gets a
 * number and a legend beside the chart (many themes at one spot). Plain SVG
 * rather than recharts: placing labels needs the plot's pixels before drawing.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consolidation } from '../../../../shared/domain/consolidation';
import type { Results } from '../../../../shared/domain/results';
import type { Tier } from '../../../../shared/domain/tiering';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';
import { matrixFrame, type Quadrant } from './matrix/frame';
import { placeLabels, type Box, type LabelRequest, type PlacedLabel } from './matrix/placeLabels';
import { tierAreas } from './matrix/tierAreas';
import { textWidth as measure } from './textWidth';
import './matrix/matrix.css';

const COLOUR: Record<Tier | 'none', string> = { I: '#0b4f94', II: '#9a4d00', III: '#4d4d4d', none: '#6b6b6b' };
const TINT: Record<'I' | 'II', string> = { I: '#dbe8f7', II: '#fbeedd' };

interface Point {
  themeId: string;
  x: number;
  y: number;
  ex: number;
  ey: number;
  name: string;
  tier: Tier | null;
}

/** The box's size and font, measured (the labels are placed in its pixels). */
function useSize(element: RefObject<HTMLDivElement | null>): { width: number; height: number; font: string } {
  const [size, setSize] = useState({ width: 0, height: 0, font: 'system-ui, sans-serif' });
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const update = () =>
      setSize((s) =>
        s.width === node.clientWidth && s.height === node.clientHeight ? s : { width: node.clientWidth, height: node.clientHeight, font: getComputedStyle(node).fontFamily },
      );
    update();
    const observer = new ResizeObserver(update);
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

function Shape({ cx, cy, r, tier }: { cx: number; cy: number; r: number; tier: Tier | null }) {
  const colour = COLOUR[tier ?? 'none'];
  if (tier === 'I') return <circle cx={cx} cy={cy} r={r} fill={colour} />;
  if (tier === 'II') return <polygon points={`${cx},${cy - r * 1.1} ${cx + r * 1.1},${cy + r * 0.85} ${cx - r * 1.1},${cy + r * 0.85}`} fill={colour} />;
  if (tier === 'III') return <rect x={cx - r * 0.85} y={cy - r * 0.85} width={r * 1.7} height={r * 1.7} fill={colour} />;
  return <circle cx={cx} cy={cy} r={r * 0.9} fill="#fff" stroke={colour} strokeWidth={2} strokeDasharray="3 2" />;
}

interface Layout {
  plot: Box;
  labels: (PlacedLabel | null)[];
  quadrants: Quadrant[];
  titleBaseline: number;
  legendWidth: number;
}

/**
 * @param consolidation once there is one, markers and labels show the decided tiers (SPEC C-3), a moved
 *   theme with its computed tier beside it; the computed ones otherwise.
 * @param height in px; without it the matrix fills its parent's height.
 */
export function Matrix({
  results,
  config,
  height,
  fontSize = 16,
  consolidation,
}: {
  results: Results;
  config: WorkshopConfig;
  height?: number;
  fontSize?: number;
  consolidation?: Consolidation | null;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const size = useSize(container);
  const [yCriterion, xCriterion] = config.criteria;
  const { min, max } = config.scale;

  const points = useMemo((): Point[] => {
    const names = new Map(config.themes.map((theme) => [theme.id, theme.name]));
    const byId = new Map(results.themes.map((r) => [r.themeId, r]));
    const decided = new Map(consolidation?.themes.map((c) => [c.themeId, c]));
    // Best first, so that the themes that matter most get the places next to their markers.
    return results.ranking.flatMap((id) => {
      const r = byId.get(id);
      const [y, x] = r?.criteria ?? [];
      if (!r || !x || !y || x.mean === null || y.mean === null) return [];
      const own = decided.get(r.themeId);
      const tier = consolidation ? (own?.tier ?? null) : r.tier;
      const computed = own?.moved ? (own.computed ?? t('tier.none')) : null;
      const tierText = tier && computed ? t('results.matrixTierMoved', { tier, computed }) : tier;
      return [{ themeId: r.themeId, x: x.mean, y: y.mean, ex: x.sd ?? 0, ey: y.sd ?? 0, name: `${names.get(id) ?? id}${tierText ? ` (${tierText})` : ''}`, tier }];
    });
  }, [results, config.themes, consolidation, t]);

  const areas = useMemo(() => tierAreas(results, config), [results, config]);
  const { font } = size;
  const radius = fontSize * 0.5;
  const small = Math.round(fontSize * 0.8);

  const layout = useMemo((): Layout | null => {
    if (size.width === 0 || size.height === 0) return null;
    const lineHeight = Math.ceil(fontSize * 1.25);
    const smallLine = Math.ceil(small * 1.25);
    const numberWidth = measure(String(points.length), `700 ${fontSize}px ${font}`) + 4;
    const high = t('results.matrixHigh');
    const low = t('results.matrixLow');
    const field = (right: boolean, top: boolean): [string, string] => [`${yCriterion?.label ?? ''} ${top ? high : low}`, `${xCriterion?.label ?? ''} ${right ? high : low}`];
    const titleWidth = measure(xCriterion?.label ?? '', `700 ${fontSize}px ${font}`);
    const attempt = (chartWidth: number, withNumbers: boolean): Layout => {
      const { plot, quadrants, titleBaseline } = matrixFrame({
        width: chartWidth,
        height: size.height,
        fontSize,
        smallLine,
        names: { topLeft: field(false, true), topRight: field(true, true), bottomLeft: field(false, false), bottomRight: field(true, false) },
        cornerWidth: (text) => measure(text, `700 ${small}px ${font}`),
        titleWidth,
      });
      const markers = points.map((p) => ({
        x: plot.x + ((p.x - min) / (max - min)) * plot.width,
        y: plot.y + (1 - (p.y - min) / (max - min)) * plot.height,
        radius: radius * 1.15,
      }));
      const requests: LabelRequest[] = points.map((p, i) => ({
        marker: i,
        variants: [{ width: measure(p.name, `600 ${fontSize}px ${font}`) + 6, height: lineHeight }, ...(withNumbers ? [{ width: numberWidth, height: lineHeight }] : [])],
      }));
      return { plot, quadrants, titleBaseline, labels: placeLabels(markers, requests, plot, { gap: 3 }), legendWidth: size.width - chartWidth };
    };
    const direct = attempt(size.width, false);
    if (direct.labels.every((l) => l !== null)) return direct;
    return attempt(Math.round(size.width * 0.72), true);
  }, [size, points, fontSize, font, min, max, radius, small, t, xCriterion, yCriterion]);

  if (!yCriterion || !xCriterion) return null;
  const style = { height: height ?? '100%' };
  if (!layout)
    return (
      <div className="matrix" style={style} aria-hidden="true">
        <div ref={container} className="matrix-body" />
      </div>
    );

  const { plot } = layout;
  const sx = (v: number) => plot.x + ((v - min) / (max - min)) * plot.width;
  const sy = (v: number) => plot.y + (1 - (v - min) / (max - min)) * plot.height;
  const ux = (u: number) => plot.x + u * plot.width;
  const uy = (u: number) => plot.y + (1 - u) * plot.height;
  const ticks = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const middle = (min + max) / 2;
  const chartWidth = size.width - layout.legendWidth;
  let counter = 0;
  // A theme whose number found no free place either carries its number on its marker (a numbered marker).
  const numbers = layout.labels.map((l) => (l === null || l.variant === 1 ? ++counter : null));
  const legend = points.flatMap((p, i) => (layout.labels[i]?.variant === 1 || layout.labels[i] === null ? [{ p, number: numbers[i] }] : []));
  // The legend's type: every entry on one line, never clipped, in as many columns (1–3) as give the largest type.
  const longest = Math.max(1, ...legend.map(({ p, number }) => `${number ?? ''} ${p.name}`.length));
  const legendFontFor = (columns: number) => Math.min(fontSize * 0.9, size.height / Math.max(1, Math.ceil(legend.length / columns)) / 1.35, layout.legendWidth / columns / (longest * 0.62));
  const legendColumns = [1, 2, 3].reduce((best, c) => (legendFontFor(c) > legendFontFor(best) ? c : best), 1);
  const legendFont = legendFontFor(legendColumns);

  return (
    <div className="matrix" style={style} aria-hidden="true">
      <div ref={container} className="matrix-body">
      <svg width={chartWidth} height={size.height} className="matrix-chart" fontSize={fontSize}>
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="#fff" />
        {areas.map((area) => (
          <polygon key={`area-${area.tier}`} points={area.polygon.map((p) => `${ux(p.x)},${uy(p.y)}`).join(' ')} fill={TINT[area.tier]} />
        ))}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={sx(v)} x2={sx(v)} y1={plot.y} y2={plot.y + plot.height} stroke="#d0d0d0" />
            <line x1={plot.x} x2={plot.x + plot.width} y1={sy(v)} y2={sy(v)} stroke="#d0d0d0" />
            <text x={sx(v)} y={plot.y + plot.height + fontSize * 1.1} textAnchor="middle" fill="#1a1a1a" className="matrix-tick">
              {formatNumber(v, 0)}
            </text>
            <text x={plot.x - fontSize * 0.5} y={sy(v)} dy="0.35em" textAnchor="end" fill="#1a1a1a" className="matrix-tick">
              {formatNumber(v, 0)}
            </text>
          </g>
        ))}
        {/* The mid-lines make the 2×2; the tier boundaries are the diagonals of the combined score. */}
        <line x1={sx(middle)} x2={sx(middle)} y1={plot.y} y2={plot.y + plot.height} stroke="#595959" strokeWidth={2} strokeDasharray="8 6" />
        <line x1={plot.x} x2={plot.x + plot.width} y1={sy(middle)} y2={sy(middle)} stroke="#595959" strokeWidth={2} strokeDasharray="8 6" />
        {areas.map((area) => (
          <line
            key={`line-${area.tier}`}
            x1={ux(area.line[0].x)}
            y1={uy(area.line[0].y)}
            x2={ux(area.line[1].x)}
            y2={uy(area.line[1].y)}
            stroke={COLOUR[area.tier]}
            strokeWidth={3}
          />
        ))}
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke="#767676" className="matrix-plot" />
        <text x={plot.x + plot.width / 2} y={layout.titleBaseline} textAnchor="middle" fontWeight={700} fill="#1a1a1a" className="matrix-axis-title">
          {xCriterion.label}
        </text>
        <text
          transform={`translate(${fontSize * 1.1}, ${plot.y + plot.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fontWeight={700}
          fill="#1a1a1a"
          className="matrix-axis-title"
        >
          {yCriterion.label}
        </text>
        {layout.quadrants.map((q, i) => (
          <text key={i} className="matrix-quadrant" fontSize={small} fontWeight={700} fill="#4f4f4f" textAnchor={q.anchor}>
            {q.lines.map((line, l) => (
              <tspan key={l} x={q.anchor === 'end' ? q.box.x + q.box.width : q.box.x} y={q.box.y + Math.ceil(small * 1.25) * l} dy="1em">
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {points.map((p) => (
          <g key={`bars-${p.themeId}`} stroke="#8a8a8a" strokeWidth={1.5}>
            <line x1={sx(Math.max(min, p.x - p.ex))} x2={sx(Math.min(max, p.x + p.ex))} y1={sy(p.y)} y2={sy(p.y)} />
            <line x1={sx(p.x)} x2={sx(p.x)} y1={sy(Math.max(min, p.y - p.ey))} y2={sy(Math.min(max, p.y + p.ey))} />
          </g>
        ))}
        {layout.labels.map((l, i) =>
          l?.leader ? <line key={`leader-${points[i]!.themeId}`} {...l.leader} stroke="#1a1a1a" strokeWidth={1.5} /> : null,
        )}
        {points.map((p, i) => (
          <g key={`marker-${p.themeId}`} className="matrix-marker" data-tier={p.tier ?? 'none'}>
            <Shape cx={sx(p.x)} cy={sy(p.y)} r={layout.labels[i] === null ? radius * 1.15 : radius} tier={p.tier} />
            {layout.labels[i] === null && (
              <text className="matrix-marker-number" x={sx(p.x)} y={sy(p.y)} dy="0.35em" textAnchor="middle" fontSize={radius} fontWeight={700} fill={p.tier ? '#fff' : '#1a1a1a'}>
                {numbers[i]}
              </text>
            )}
          </g>
        ))}
        {layout.labels.map((l, i) => {
          if (!l) return null;
          const p = points[i]!;
          return (
            <g key={`label-${p.themeId}`}>
              <rect x={l.box.x} y={l.box.y} width={l.box.width} height={l.box.height} fill="#fff" fillOpacity={0.88} rx={3} />
              <text
                className="matrix-label"
                x={l.box.x + l.box.width / 2}
                y={l.box.y + l.box.height / 2}
                dy="0.35em"
                textAnchor="middle"
                fontWeight={l.variant === 1 ? 700 : 600}
                fill={l.variant === 1 ? COLOUR[p.tier ?? 'none'] : '#1a1a1a'}
              >
                {l.variant === 1 ? numbers[i] : p.name}
              </text>
            </g>
          );
        })}
      </svg>
      {legend.length > 0 && (
        <ol className="matrix-legend" style={{ width: layout.legendWidth, fontSize: legendFont, columnCount: legendColumns }}>
          {legend.map(({ p, number }) => (
            <li key={p.themeId}>
              <strong>{number}</strong> {p.name}
            </li>
          ))}
        </ol>
      )}
      </div>
      {areas.length > 0 && (
        <p className="matrix-key" style={{ fontSize: small }}>
          {t('results.matrixKey')}
        </p>
      )}
    </div>
  );
}
