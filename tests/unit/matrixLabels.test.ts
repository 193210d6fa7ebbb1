/**
 * The matrix's label placement (client/src/views/common/matrix/placeLabels.ts)
 * on random point clouds with duplicates and near neighbours: whatever it
 * places stays inside the plot and touches no other label, no marker and no
 * fixed obstacle; with room enough, every label is placed. The frame
 * (client/src/views/common/matrix/frame.ts) names the four fields outside the
 * plot, where no marker, spread bar, tier line or theme label can cover them.
 */
import { describe, expect, it } from 'vitest';
import { matrixFrame, type FrameInput } from '../../client/src/views/common/matrix/frame.js';
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

/** About DejaVu Sans Bold: 0.66 em a character. */
const bold = (size: number) => (text: string) => text.length * 0.66 * size;

function frameFor(width: number, height: number, fontSize: number, y = 'Bedeutung', x = 'Digitalisierungspotenzial'): FrameInput {
  const small = Math.round(fontSize * 0.8);
  const field = (right: boolean, top: boolean): [string, string] => [`${y} ${top ? 'hoch' : 'niedrig'}`, `${x} ${right ? 'hoch' : 'niedrig'}`];
  return {
    width,
    height,
    fontSize,
    smallLine: Math.ceil(small * 1.25),
    names: { topLeft: field(false, true), topRight: field(true, true), bottomLeft: field(false, false), bottomRight: field(true, false) },
    cornerWidth: bold(small),
    titleWidth: bold(fontSize)(x),
  };
}

describe('the matrix frame: the four fields named outside the plot', () => {
  const cases: [number, number, number, string?, string?][] = [
    [1000, 850, 23],
    [650, 590, 15],
    [590, 460, 14],
    [420, 380, 14],
    [900, 700, 16, 'Dringlichkeit der Umsetzung aus Sicht der Verwaltung', 'Aufwand für die Organisationen im Kreisgebiet'],
    [500, 500, 16, 'Bedeutung', 'Kommunalverwaltungsdigitalisierungspotenzial'],
  ];
  for (const [width, height, fontSize, y, x] of cases) {
    it(`${width}×${height} at ${fontSize} px${x ? ` with "${x}"` : ''}: no field name over the plot, the axis title or another field name`, () => {
      const input = frameFor(width, height, fontSize, y, x);
      const { plot, quadrants, titleBaseline } = matrixFrame(input);
      // A marker at the scale's maximum reaches over the plot's edge by its radius (0.575 of the font size).
      const reach = fontSize * 0.6;
      const markerArea = { x: plot.x - reach, y: plot.y - reach, width: plot.width + 2 * reach, height: plot.height + 2 * reach };
      const ticks = { x: plot.x - reach, y: plot.y + plot.height, width: plot.width + 2 * reach, height: fontSize * 1.35 };
      const title = { x: plot.x + (plot.width - input.titleWidth) / 2, y: titleBaseline - fontSize, width: input.titleWidth, height: fontSize * 1.25 };
      expect(quadrants).toHaveLength(4);
      for (const [i, q] of quadrants.entries()) {
        expect(intersects(q.box, markerArea), `field ${i} over the plot`).toBe(false);
        expect(intersects(q.box, ticks), `field ${i} over the tick labels`).toBe(false);
        expect(intersects(q.box, title), `field ${i} over the axis title`).toBe(false);
        expect(inside(q.box, { x: 0, y: 0, width, height }), `field ${i} inside the chart`).toBe(true);
        for (const other of quadrants.slice(i + 1)) expect(intersects(q.box, other.box, 4), `field ${i} over another`).toBe(false);
        for (const line of q.lines) expect(input.cornerWidth(line)).toBeLessThanOrEqual(q.box.width + 1e-9);
      }
      // The words are all there, only broken into lines.
      expect(quadrants[0]!.lines.join(' ').replace(/- /g, '')).toBe(`${y ?? 'Bedeutung'} hoch ${x ?? 'Digitalisierungspotenzial'} hoch`);
    });
  }

  it('top fields stand over the top corners, bottom fields under the bottom ones, aligned to the plot’s edges', () => {
    const { plot, quadrants } = matrixFrame(frameFor(1000, 850, 23));
    const [topRight, topLeft, bottomLeft, bottomRight] = quadrants;
    expect(topLeft!.box.x).toBe(plot.x);
    expect(bottomLeft!.box.x).toBe(plot.x);
    expect(topRight!.box.x + topRight!.box.width).toBeCloseTo(plot.x + plot.width);
    expect(bottomRight!.box.x + bottomRight!.box.width).toBeCloseTo(plot.x + plot.width);
    expect(topLeft!.box.y + topLeft!.box.height).toBeLessThan(plot.y);
    expect(bottomRight!.box.y).toBeGreaterThan(plot.y + plot.height);
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
