/**
 * The round comparison as a dumbbell chart: one row per theme (its name on the
 * y axis), per criterion a hollow mark for the earlier mean and a filled mark
 * with an arrow for the later one. The table below holds the same numbers, so
 * the chart is hidden from screen readers. Loaded lazily: recharts is large.
 */
import { CartesianGrid, Scatter, ScatterChart, Text, usePlotArea, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../i18n';
import { CHART_AXIS_HEIGHT as AXIS_HEIGHT, CHART_FONT as FONT, CHART_MARGIN as MARGIN, chartHeight } from './chartLayout';
import { Mark, styleOf } from './markers';

export interface ChartRow {
  key: string;
  name: string;
  /** "neu", "entfallen": said in words under the name, never by colour or position. */
  note: string | null;
  values: { label: string; before: number | null; after: number | null }[];
}

export interface ComparisonChartProps {
  rows: ChartRow[];
  domain: [number, number];
  ticks: number[];
  /** Decimals of the axis ticks and of the hover titles. */
  tickDigits: number;
  valueDigits: number;
  axisLabel: string;
  width: number;
}

const MARK = 7;

export function ComparisonChart({ rows, domain, ticks, tickDigits, valueDigits, axisLabel, width }: ComparisonChartProps) {
  const criteria = Math.max(1, ...rows.map((r) => r.values.length));
  const height = chartHeight(rows.length, criteria);
  const nameWidth = Math.round(Math.min(240, Math.max(120, width * 0.26)));
  // Only there so that recharts knows the axes; the marks are drawn by Dumbbells.
  const points = rows.flatMap((row, y) => row.values.flatMap((v) => [v.before, v.after].filter((x): x is number => x !== null).map((x) => ({ x, y }))));
  return (
    <ScatterChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} stroke="#d0d0d0" />
      <XAxis
        type="number"
        dataKey="x"
        domain={domain}
        ticks={ticks}
        interval={0}
        allowDataOverflow
        height={AXIS_HEIGHT}
        tickFormatter={(v: number) => formatNumber(v, tickDigits)}
        tick={{ fontSize: FONT, fill: '#1a1a1a' }}
        label={{ value: axisLabel, position: 'insideBottom', offset: 4, fontSize: FONT, fill: '#1a1a1a' }}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={[-0.5, rows.length - 0.5]}
        ticks={rows.map((_, i) => i)}
        interval={0}
        reversed
        allowDataOverflow
        width={nameWidth}
        tickLine={false}
        tick={(props: unknown) => <ThemeName {...(props as TickProps)} rows={rows} width={nameWidth - 16} />}
      />
      <Scatter data={points} shape={() => <g />} isAnimationActive={false} />
      <Dumbbells rows={rows} criteria={criteria} valueDigits={valueDigits} />
    </ScatterChart>
  );
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: number };
}

/** The theme's name, wrapped onto two lines (one when a note follows), the whole name on hover. */
function ThemeName({ x = 0, y = 0, payload, rows, width }: TickProps & { rows: ChartRow[]; width: number }) {
  const row = payload ? rows[payload.value] : undefined;
  if (!row) return <g />;
  const right = x - 10;
  return (
    <g>
      <title>{row.note ? `${row.name} (${row.note})` : row.name}</title>
      {/* With a note, the name ends just above it and wraps upwards; rows are tall enough for both (chartLayout). */}
      <Text x={right} y={row.note ? y + 2 : y} width={width} maxLines={2} textAnchor="end" verticalAnchor={row.note ? 'end' : 'middle'} fontSize={FONT} fill="#1a1a1a" fontWeight={600}>
        {row.name}
      </Text>
      {row.note && (
        <text x={right} y={y + 6 + FONT * 0.5} textAnchor="end" dominantBaseline="middle" fontSize={FONT - 1} fontStyle="italic" fill="#4f4f4f">
          {row.note}
        </text>
      )}
    </g>
  );
}

function Dumbbells({ rows, criteria, valueDigits }: { rows: ChartRow[]; criteria: number; valueDigits: number }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const spread = 0.72 / criteria;
  const value = (v: number | null) => (v === null ? '–' : formatNumber(v, valueDigits));
  return (
    <g>
      {rows.slice(1).map((row, i) => {
        const at = y(i + 0.5);
        return at === undefined ? null : <line key={`sep-${row.key}`} x1={area.x} x2={area.x + area.width} y1={at} y2={at} stroke="#e3e3e3" />;
      })}
      {rows.map((row, i) =>
        row.values.map((v, j) => {
          const cy = y(i + (j - (criteria - 1) / 2) * spread);
          const before = v.before === null ? undefined : x(v.before);
          const after = v.after === null ? undefined : x(v.after);
          if (cy === undefined) return null;
          const { colour, shape } = styleOf(j);
          return (
            <g key={`${row.key}-${j}`}>
              <title>{`${row.name} – ${v.label}: ${value(v.before)} → ${value(v.after)}`}</title>
              {before !== undefined && after !== undefined && <Arrow from={before} to={after} y={cy} colour={colour} />}
              {before !== undefined && <Mark shape={shape} colour={colour} cx={before} cy={cy} r={MARK} filled={false} />}
              {/* Where the later mark covers the earlier one, it shrinks so that the ring around it still shows "unchanged". */}
              {after !== undefined && <Mark shape={shape} colour={colour} cx={after} cy={cy} r={before !== undefined && Math.abs(after - before) < 2 * MARK ? MARK - 3.5 : MARK - 1} filled />}
            </g>
          );
        }),
      )}
    </g>
  );
}

/** From the earlier mark to the later one; left out when the marks (nearly) touch. */
function Arrow({ from, to, y, colour }: { from: number; to: number; y: number; colour: string }) {
  const distance = Math.abs(to - from);
  if (distance < 2 * MARK + 10) return null;
  const dir = Math.sign(to - from);
  const tip = to - dir * (MARK + 1);
  const base = tip - dir * 9;
  return (
    <g>
      <line x1={from + dir * MARK} x2={base} y1={y} y2={y} stroke={colour} strokeWidth={2.5} />
      <path d={`M${tip},${y}L${base},${y - 5.5}L${base},${y + 5.5}Z`} fill={colour} />
    </g>
  );
}
