/**
 * Where the matrix's labels go: pure, so it is tested with random point clouds
 * (tests/unit/matrixLabels.test.ts) rather than only by looking at a chart.
 *
 * Greedy placement with candidate positions: every label first tries the eight
 * places next to its marker, then rings further out (drawn with a leader line),
 * and takes the first place that stays inside the plot and touches no marker,
 * no label placed before it, no leader line and no fixed obstacle (the quadrant
 * labels). A label may offer shorter variants (a number for the legend); a
 * label with no free place at all is returned as null, never drawn over another.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Marker {
  x: number;
  y: number;
  /** Half the side of the square the marker's shape fits in. */
  radius: number;
}

export interface LabelRequest {
  /** Index of the marker it names. */
  marker: number;
  /** Text sizes to try in order, e.g. the full name, then a number. */
  variants: readonly { width: number; height: number }[];
}

export interface PlacedLabel {
  box: Box;
  /** Which of the request's variants fitted. */
  variant: number;
  /** Drawn from the marker to the box when the box is not next to the marker. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface PlaceOptions {
  /** Boxes no label may touch (besides markers and other labels). */
  obstacles?: readonly Box[];
  /** Space kept between a label and anything else, in px. */
  gap?: number;
  /** How far a label may move from its marker, in px; default half the plot's diagonal. */
  maxDistance?: number;
}

export function intersects(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

export function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function markerBox(m: Marker): Box {
  return { x: m.x - m.radius, y: m.y - m.radius, width: m.radius * 2, height: m.radius * 2 };
}

/** Liang–Barsky: whether the segment crosses the box. */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x],
    [dx, b.x + b.width - x1],
    [-dy, y1 - b.y],
    [dy, b.y + b.height - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** The nearest point of the box to (x, y): where a leader line ends. */
function nearestPoint(b: Box, x: number, y: number): { x: number; y: number } {
  return { x: Math.min(Math.max(x, b.x), b.x + b.width), y: Math.min(Math.max(y, b.y), b.y + b.height) };
}

/** A box of the size given whose side facing the direction's origin touches (px, py). */
function boxToward(px: number, py: number, cos: number, sin: number, width: number, height: number): Box {
  const x = cos > 0.35 ? px : cos < -0.35 ? px - width : px - width / 2;
  const y = sin > 0.35 ? py : sin < -0.35 ? py - height : py - height / 2;
  return { x, y, width, height };
}

const NEAR: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0.7071, -0.7071],
  [0.7071, 0.7071],
  [-0.7071, -0.7071],
  [-0.7071, 0.7071],
  [0, -1],
  [0, 1],
];

function* candidates(m: Marker, width: number, height: number, gap: number, maxDistance: number): Generator<{ box: Box; near: boolean }> {
  const first = m.radius + gap;
  // Right and left of the marker, centred on it: how a reader expects a label.
  for (const [cos, sin] of NEAR) yield { box: boxToward(m.x + cos * first, m.y + sin * first, cos, sin, width, height), near: true };
  const step = Math.max(height * 0.75, 6);
  for (let d = first + step; d <= maxDistance; d += step) {
    const count = Math.max(12, Math.min(48, Math.round((2 * Math.PI * d) / step)));
    for (let i = 0; i < count; i++) {
      const angle = (i / count) * 2 * Math.PI;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      yield { box: boxToward(m.x + cos * d, m.y + sin * d, cos, sin, width, height), near: false };
    }
  }
}

/**
 * Themes at the very same point get one block: their labels stacked, with one
 * leader line if any — as a list next to the marker, the way a reader expects.
 */
function groupsOf(markers: readonly Marker[], labels: readonly LabelRequest[]): number[][] {
  const groups: number[][] = [];
  const keyOf = new Map<string, number[]>();
  labels.forEach((request, index) => {
    const m = markers[request.marker];
    if (!m) return;
    const key = `${Math.round(m.x)}:${Math.round(m.y)}`;
    const group = keyOf.get(key);
    if (group) group.push(index);
    else {
      const fresh = [index];
      keyOf.set(key, fresh);
      groups.push(fresh);
    }
  });
  return groups;
}

export function placeLabels(markers: readonly Marker[], labels: readonly LabelRequest[], plot: Box, options: PlaceOptions = {}): (PlacedLabel | null)[] {
  const gap = options.gap ?? 2;
  const maxDistance = options.maxDistance ?? Math.hypot(plot.width, plot.height) / 2;
  const fixed = [...markers.map(markerBox), ...(options.obstacles ?? [])];
  const placed: Box[] = [];
  const leaders: PlacedLabel['leader'][] = [];
  const free = (box: Box) =>
    inside(box, plot) &&
    !fixed.some((f) => intersects(box, f, gap)) &&
    !placed.some((p) => intersects(box, p, gap)) &&
    !leaders.some((l) => l !== null && segmentHitsBox(l.x1, l.y1, l.x2, l.y2, box));
  const result: (PlacedLabel | null)[] = labels.map(() => null);
  for (const group of groupsOf(markers, labels)) {
    const m = markers[labels[group[0]!]!.marker]!;
    const variantCount = Math.max(...group.map((i) => labels[i]!.variants.length));
    search: for (let variant = 0; variant < variantCount; variant++) {
      // A label without this variant keeps its last one.
      const sizes = group.map((i) => labels[i]!.variants[Math.min(variant, labels[i]!.variants.length - 1)]!);
      const columnWidth = Math.max(...sizes.map((v) => v.width));
      const lineHeight = Math.max(...sizes.map((v) => v.height));
      // A long stack (many themes at one point) wraps into columns.
      const rows = Math.max(1, Math.min(group.length, Math.floor((plot.height * 0.8) / lineHeight)));
      const width = Math.ceil(group.length / rows) * columnWidth;
      const height = rows * lineHeight;
      for (const { box, near } of candidates(m, width, height, gap, maxDistance)) {
        if (!free(box)) continue;
        let leader: PlacedLabel['leader'] = null;
        if (!near) {
          const end = nearestPoint(box, m.x, m.y);
          leader = { x1: m.x, y1: m.y, x2: end.x, y2: end.y };
          // A leader must not cross another label (it would read as pointing there).
          if (placed.some((p) => segmentHitsBox(leader!.x1, leader!.y1, leader!.x2, leader!.y2, p))) continue;
        }
        group.forEach((index, k) => {
          const own = { x: box.x + Math.floor(k / rows) * columnWidth, y: box.y + (k % rows) * lineHeight, width: columnWidth, height: lineHeight };
          placed.push(own);
          result[index] = { box: own, variant: Math.min(variant, labels[index]!.variants.length - 1), leader: k === 0 ? leader : null };
        });
        leaders.push(leader);
        break search;
      }
    }
  }
  return result;
}
