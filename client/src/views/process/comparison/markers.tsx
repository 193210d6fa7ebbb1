/**
 * Criteria are told apart by shape and colour together (WCAG 1.4.1); the legend
 * and the chart draw the same marks, so the legend can be read without recharts.
 */
export const CRITERION_STYLES = [
  { colour: '#0b4f94', shape: 'circle' },
  { colour: '#9a4d00', shape: 'square' },
  { colour: '#17622d', shape: 'triangle' },
  { colour: '#6a1b9a', shape: 'diamond' },
  { colour: '#a4161a', shape: 'triangleDown' },
  { colour: '#3d3d3d', shape: 'hexagon' },
] as const;

export type MarkShape = (typeof CRITERION_STYLES)[number]['shape'];

export function styleOf(index: number) {
  return CRITERION_STYLES[index % CRITERION_STYLES.length]!;
}

function path(shape: MarkShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': {
      const s = r * 0.88;
      return `M${cx - s},${cy - s}h${2 * s}v${2 * s}h${-2 * s}Z`;
    }
    case 'triangle':
      return `M${cx},${cy - r * 1.2}L${cx + r * 1.1},${cy + r * 0.8}L${cx - r * 1.1},${cy + r * 0.8}Z`;
    case 'triangleDown':
      return `M${cx},${cy + r * 1.2}L${cx + r * 1.1},${cy - r * 0.8}L${cx - r * 1.1},${cy - r * 0.8}Z`;
    case 'diamond':
      return `M${cx},${cy - r * 1.25}L${cx + r * 1.05},${cy}L${cx},${cy + r * 1.25}L${cx - r * 1.05},${cy}Z`;
    case 'hexagon': {
      const points = Array.from({ length: 6 }, (_, i) => {
        const angle = (Math.PI / 3) * i;
        return `${cx + r * 1.05 * Math.cos(angle)},${cy + r * 1.05 * Math.sin(angle)}`;
      });
      return `M${points.join('L')}Z`;
    }
  }
}

/** Filled: the later round; hollow: the earlier one. */
export function Mark({ shape, colour, cx, cy, r, filled }: { shape: MarkShape; colour: string; cx: number; cy: number; r: number; filled: boolean }) {
  return <path d={path(shape, cx, cy, r)} fill={filled ? colour : '#ffffff'} stroke={colour} strokeWidth={2} />;
}

/** A small mark for the legend, as inline SVG beside its text. */
export function Swatch({ shape, colour, filled, arrow = false }: { shape: MarkShape; colour: string; filled: boolean; arrow?: boolean }) {
  const width = arrow ? 40 : 20;
  return (
    <svg className="swatch" width={width} height={20} viewBox={`0 0 ${width} 20`} aria-hidden="true" focusable="false">
      {arrow && (
        <>
          <line x1={2} y1={10} x2={22} y2={10} stroke={colour} strokeWidth={2} />
          <path d="M21,5.5L28,10L21,14.5Z" fill={colour} />
        </>
      )}
      <Mark shape={shape} colour={colour} cx={arrow ? 32 : 10} cy={10} r={6} filled={filled} />
    </svg>
  );
}
