/**
 * The matrix's label placement (client/src/views/common/matrix/placeLabels.ts)
 * on random point clouds with duplicates and near neighbours: whatever it
 * places stays inside the plot and touches no other label, no marker and no
 * fixed obstacle; with room enough, every label is placed.
 */
import { describe, expect, it } from 'vitest';
import { inside, intersects, markerBox, placeLabels, segmentHitsBox, type Box, type LabelRequest, type Marker } from '../../client/src/views/common/matrix/placeLabels.js';
import { areaAtLeast } from '../../client/src/views/common/matrix/tierAreas.js';
import { seededRandom } from '../support/fixtures.js';

const PLOT: Box = { x: 60, y: 10, width: 1000, height: 760 };

function cloud(seed: number, count: number): Marker[] {
  const random = seededRandom(seed);
  const markers: Marker[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    const previous = markers[Math.floor(random() * markers.length)];
    // A third at the same place as another theme, a third close by, the rest anywhere.
    const x = previous && kind < 0.33 ? previous.x : previous && kind < 0.66 ? previous.x + (random() - 0.5) * 20 : PLOT.x + random() * PLOT.width;
    const y = previous && kind < 0.33 ? previous.y : previous && kind < 0.66 ? previous.y + (random() - 0.5) * 20 : PLOT.y + random() * PLOT.height;
    markers.push({ x: Math.min(PLOT.x + PLOT.width, Math.max(PLOT.x, x)), y: Math.min(PLOT.y + PLOT.height, Math.max(PLOT.y, y)), radius: 12 });
  }
  return markers;
}

function requests(seed: number, markers: Marker[]): LabelRequest[] {
  const random = seededRandom(seed + 1000);
  return markers.map((_, i) => ({ marker: i, variants: [{ width: 80 + Math.floor(random() * 260), height: 28 }, { width: 30, height: 28 }] }));
}

function expectNoOverlap(markers: Marker[], placed: ReturnType<typeof placeLabels>, obstacles: Box[] = []): void {
  const boxes = placed.flatMap((p) => (p ? [p.box] : []));
  for (const [i, box] of boxes.entries()) {
    expect(inside(box, PLOT), `label ${i} inside the plot`).toBe(true);
    for (const other of boxes.slice(i + 1)) expect(intersects(box, other), `labels ${i} and another overlap`).toBe(false);
    for (const marker of markers) expect(intersects(box, markerBox(marker)), `label ${i} covers a marker`).toBe(false);
    for (const obstacle of obstacles) expect(intersects(box, obstacle), `label ${i} covers an obstacle`).toBe(false);
  }
  for (const p of placed) {
    if (!p?.leader) continue;
    const { x1, y1, x2, y2 } = p.leader;
    // The leader ends on its own block (the stacked labels of themes at the same point).
    const own = (b: Box) => x2 >= b.x - 1e-6 && x2 <= b.x + b.width + 1e-6 && y2 >= b.y - 1e-6 && y2 <= b.y + b.height + 1e-6;
    for (const other of boxes) if (!own(other)) expect(segmentHitsBox(x1, y1, x2, y2, other)).toBe(false);
  }
}

describe('matrix label placement', () => {
  it('places nothing over a label, a marker or an obstacle, and everything inside the plot (200 random clouds of 1–60 themes)', () => {
    const corners: Box[] = [
      { x: PLOT.x + 2, y: PLOT.y + 2, width: 300, height: 50 },
      { x: PLOT.x + PLOT.width - 302, y: PLOT.y + PLOT.height - 52, width: 300, height: 50 },
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const markers = cloud(seed, 1 + (seed % 60));
      const placed = placeLabels(markers, requests(seed, markers), PLOT, { obstacles: corners, gap: 3 });
      expect(placed).toHaveLength(markers.length);
      expectNoOverlap(markers, placed, corners);
    }
  });

  it('names every theme when there is room: eight themes, three at one point and three close by', () => {
    const markers: Marker[] = [
      { x: 500, y: 300, radius: 12 },
      { x: 500, y: 300, radius: 12 },
      { x: 500, y: 300, radius: 12 },
      { x: 700, y: 500, radius: 12 },
      { x: 708, y: 505, radius: 12 },
      { x: 712, y: 495, radius: 12 },
      { x: 100, y: 700, radius: 12 },
      { x: 1050, y: 20, radius: 12 },
    ];
    const placed = placeLabels(markers, requests(7, markers).map((r) => ({ ...r, variants: r.variants.slice(0, 1) })), PLOT, { gap: 3 });
    expect(placed.every((p) => p !== null && p.variant === 0)).toBe(true);
    expectNoOverlap(markers, placed);
  });

  it('fifty themes at one single point: still no overlap; those without room fall back to the number or stay unplaced', () => {
    const markers = Array.from({ length: 50 }, () => ({ x: 560, y: 390, radius: 12 }));
    const placed = placeLabels(markers, requests(3, markers), PLOT, { gap: 3 });
    expectNoOverlap(markers, placed);
    expect(placed.filter((p) => p !== null).length).toBeGreaterThan(30);
  });

  it('a label next to a marker at the right edge turns inwards', () => {
    const [placed] = placeLabels([{ x: PLOT.x + PLOT.width - 5, y: 400, radius: 12 }], [{ marker: 0, variants: [{ width: 200, height: 28 }] }], PLOT);
    expect(placed?.leader).toBeNull();
    expect(placed!.box.x + placed!.box.width).toBeLessThan(PLOT.x + PLOT.width - 5);
  });
});

describe('tier areas of the combined score (SPEC T-1, T-2)', () => {
  it('equal weights: Priority I from 0.70 is the triangle above the diagonal x + y = 1.4', () => {
    const area = areaAtLeast(1, 1, 0.7)!;
    expect(area.line.map((p) => [p.x, p.y].map((v) => Math.round(v * 100) / 100))).toEqual(
      expect.arrayContaining([
        [1, 0.4],
        [0.4, 1],
      ]),
    );
    expect(area.polygon).toHaveLength(3);
  });

  it('only importance weighs: the boundary is horizontal', () => {
    const area = areaAtLeast(0, 1, 0.5)!;
    expect(area.line.every((p) => Math.abs(p.y - 0.5) < 1e-9)).toBe(true);
  });
});
