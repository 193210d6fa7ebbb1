/**
 * The 2×2 matrix: every theme at (potential, importance), coloured and shaped
 * by tier, with the spread as error bars. The same numbers stand in the ranked
 * table beside it, so the chart itself is hidden from screen readers.
 */
import { CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { Results } from '../../../../shared/domain/results';
import type { Tier } from '../../../../shared/domain/tiering';
import type { WorkshopConfig } from '../../../../shared/schemas';
import { formatNumber } from '../../i18n';

interface Point {
  x: number;
  y: number;
  ex: number;
  ey: number;
  label: string;
  tier: Tier | null;
  /** Themes at the same place before this one: its label moves down a line each, so none hides another. */
  stack: number;
}

const COLOUR: Record<Tier | 'none', string> = { I: '#0b4f94', II: '#9a4d00', III: '#4d4d4d', none: '#6b6b6b' };

function Marker({ cx = 0, cy = 0, payload, fontSize, middle }: { cx?: number; cy?: number; payload?: Point; fontSize: number; middle: number }) {
  if (!payload) return null;
  const colour = COLOUR[payload.tier ?? 'none'];
  const r = fontSize * 0.55;
  const shape =
    payload.tier === 'I' ? (
      <circle cx={cx} cy={cy} r={r} fill={colour} />
    ) : payload.tier === 'II' ? (
      <polygon points={`${cx},${cy - r * 1.2} ${cx + r * 1.1},${cy + r * 0.8} ${cx - r * 1.1},${cy + r * 0.8}`} fill={colour} />
    ) : payload.tier === 'III' ? (
      <rect x={cx - r * 0.9} y={cy - r * 0.9} width={r * 1.8} height={r * 1.8} fill={colour} />
    ) : (
      <circle cx={cx} cy={cy} r={r} fill="#fff" stroke={colour} strokeWidth={2} strokeDasharray="3 2" />
    );
  return (
    <g>
      {shape}
      {/* Labels point inwards, so that themes near the right edge stay readable. */}
      <text
        x={payload.x > middle ? cx - r * 1.6 : cx + r * 1.6}
        y={cy + payload.stack * fontSize * 1.2}
        dy="0.35em"
        textAnchor={payload.x > middle ? 'end' : 'start'}
        fontSize={fontSize}
        fill="#1a1a1a"
        stroke="#fff"
        strokeWidth={4}
        paintOrder="stroke"
      >
        {payload.label}
      </text>
    </g>
  );
}

/**
 * @param tiers the decided tiers after a consolidation (SPEC C-3); the computed ones otherwise.
 */
export function Matrix({
  results,
  config,
  height,
  fontSize = 16,
  tiers,
}: {
  results: Results;
  config: WorkshopConfig;
  height: number;
  fontSize?: number;
  tiers?: ReadonlyMap<string, Tier | null>;
}) {
  const [yCriterion, xCriterion] = config.criteria;
  if (!yCriterion || !xCriterion) return null;
  const names = new Map(config.themes.map((t) => [t.id, t.name]));
  const atPlace = new Map<string, number>();
  const points: Point[] = results.themes.flatMap((r) => {
    const [y, x] = r.criteria;
    if (!x || !y || x.mean === null || y.mean === null) return [];
    const tier = tiers ? (tiers.get(r.themeId) ?? null) : r.tier;
    const place = `${x.mean.toFixed(2)}:${y.mean.toFixed(2)}`;
    const stack = atPlace.get(place) ?? 0;
    atPlace.set(place, stack + 1);
    return [{ x: x.mean, y: y.mean, ex: x.sd ?? 0, ey: y.sd ?? 0, label: `${names.get(r.themeId) ?? r.themeId}${tier ? ` (${tier})` : ''}`, tier, stack }];
  });
  const { min, max } = config.scale;
  const middle = (min + max) / 2;
  // Both axes show the scale the same way.
  const scaleAxis = {
    type: 'number' as const,
    domain: [min, max],
    ticks: Array.from({ length: max - min + 1 }, (_, i) => min + i),
    tickFormatter: (v: number) => formatNumber(v, 0),
    tick: { fontSize, fill: '#1a1a1a' },
  };
  return (
    <div aria-hidden="true" className="matrix">
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: fontSize * 2.5, left: fontSize * 2 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d0d0d0" />
          <XAxis
            {...scaleAxis}
            dataKey="x"
            label={{ value: xCriterion.label, position: 'bottom', offset: fontSize * 0.6, fontSize, fill: '#1a1a1a' }}
          />
          <YAxis
            {...scaleAxis}
            dataKey="y"
            label={{ value: yCriterion.label, angle: -90, position: 'insideLeft', offset: -fontSize * 0.2, fontSize, fill: '#1a1a1a', style: { textAnchor: 'middle' } }}
          />
          <ReferenceLine x={middle} stroke="#767676" strokeDasharray="6 4" />
          <ReferenceLine y={middle} stroke="#767676" strokeDasharray="6 4" />
          <Scatter data={points} shape={(props: unknown) => <Marker {...(props as { cx: number; cy: number; payload: Point })} fontSize={fontSize} middle={middle} />} isAnimationActive animationDuration={500}>
            <ErrorBar dataKey="ex" direction="x" stroke="#767676" width={6} />
            <ErrorBar dataKey="ey" direction="y" stroke="#767676" width={6} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
