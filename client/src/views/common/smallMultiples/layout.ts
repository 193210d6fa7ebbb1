/**
 * Where the small multiples (Einzelergebnisse) put things: one chart per
 * organisation, a row per theme, a track per criterion. Pure — text widths come
 * in as a function — so it is tested without a browser
 * (tests/unit/smallMultiplesLayout.test.ts).
 *
 * The charts stand in a grid whose rows share one column of theme names (a
 * trellis): a name once per row of charts rather than once per chart leaves the
 * width to the tracks, which is what lets ten organisations stand on one
 * projector screen at a size the back of the room reads. Criterion headings
 * wrap (at spaces, slashes, hyphens and the joints of German compounds), never
 * cut; a track is as wide as its heading needs.
 *
 * Everything is in units of the theme names' font size, so one measurement
 * serves every size: the console draws at a fixed size, the projector at the
 * largest that fits its screen.
 */

import { wrapLabel } from '../wrapLabel.js';

/** A text's width at font size 1, regular (400) or bold (700). */
export type WidthOf = (text: string, weight: 400 | 700) => number;

// Sizes in units of the theme names' font size.
export const ROW = 1.35;
export const HEAD_FONT = 0.9;
export const HEAD_LINE = HEAD_FONT * 1.2;
const HEAD_BELOW = 0.35;
const HEAD_GAP = 0.7;
export const CAPTION_FONT = 1.1;
export const CAPTION_LINE = 1.35;
export const CAPTION_BELOW = 0.2;
export const RADIUS = 0.36;
/** Room at each end of a track: a dot at the scale's end keeps clear of the theme name and the next track. */
export const INSET = RADIUS + 0.35;
const TRACK_MIN = 5.5;
const TRACK_GAP = 0.6;
const NAME_PAD = 0.4;
/** Between charts: clearly wider than between a chart's own tracks, with a rule in its middle. */
export const COLUMN_GAP = 2;
export const ROW_GAP = 0.6;
const BOTTOM = 0.25;
/** Longer theme names end in "…" (the full name is in the chart's description). */
const NAME_MAX = 32;

export function shortName(name: string): string {
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1).trimEnd()}…` : name;
}

/**
 * Left edges for boxes of the given widths, each as near its centre as the
 * others allow, none outside [0, total]; null when they do not fit.
 */
export function pack(widths: readonly number[], centres: readonly number[], total: number, gap: number): number[] | null {
  const xs = widths.map((w, i) => centres[i]! - w / 2);
  for (let i = 0; i < xs.length; i++) xs[i] = Math.max(xs[i]!, i === 0 ? 0 : xs[i - 1]! + widths[i - 1]! + gap);
  for (let i = xs.length - 1; i >= 0; i--) xs[i] = Math.min(xs[i]!, i === xs.length - 1 ? total - widths[i]! : xs[i + 1]! - gap - widths[i]!);
  return xs[0]! < -1e-9 ? null : xs;
}

export interface Heading {
  lines: string[];
  /** The centre of its lines. */
  x: number;
}

export interface UnitLayout {
  /** Theme names as drawn. */
  names: string[];
  nameWidth: number;
  chartWidth: number;
  /** Per criterion, where its track starts and ends. */
  tracks: { start: number; end: number }[];
  headings: Heading[];
  /** The headings' height, with the space under them. */
  headingHeight: number;
  /** Lines of the longest organisation name at the chart's width. */
  captionLines: number;
  /** A chart without headings; the column of names is as high. */
  bodyHeight: number;
}

export function unitLayout(themeNames: readonly string[], criteria: readonly string[], captions: readonly string[], widthOf: WidthOf): UnitLayout {
  const names = themeNames.map(shortName);
  const nameWidth = Math.max(1, ...names.map((n) => widthOf(n, 400))) + NAME_PAD;
  const headWidth = (text: string) => widthOf(text, 700) * HEAD_FONT;
  let track = TRACK_MIN;
  // Wider tracks until every heading stands over its own track without touching its neighbours.
  for (let attempt = 0; ; attempt++) {
    const slot = track + 2 * INSET;
    const chartWidth = criteria.length * slot + (criteria.length - 1) * TRACK_GAP;
    const centres = criteria.map((_, k) => k * (slot + TRACK_GAP) + slot / 2);
    const wrapped = criteria.map((label) => wrapLabel(label, slot + TRACK_GAP - HEAD_GAP, headWidth));
    const widths = wrapped.map((lines) => Math.max(...lines.map(headWidth)));
    const xs = pack(widths, centres, chartWidth, HEAD_GAP);
    const overItsTrack = xs?.every((x, k) => Math.abs(x + widths[k]! / 2 - centres[k]!) <= track / 2);
    if ((xs && overItsTrack) || attempt > 60) {
      const lines = Math.max(...wrapped.map((l) => l.length));
      const captionLines = Math.max(1, ...captions.map((c) => wrapLabel(c, chartWidth, (t) => widthOf(t, 700) * CAPTION_FONT).length));
      return {
        names,
        nameWidth,
        chartWidth,
        tracks: centres.map((c) => ({ start: c - track / 2, end: c + track / 2 })),
        headings: wrapped.map((l, k) => ({ lines: l, x: xs ? xs[k]! + widths[k]! / 2 : centres[k]! })),
        headingHeight: lines * HEAD_LINE + HEAD_BELOW,
        captionLines,
        bodyHeight: themeNames.length * ROW + BOTTOM,
      };
    }
    track *= 1.06;
  }
}

export interface Wall {
  /** The theme names' font size in px. */
  font: number;
  /** Charts per row. */
  columns: number;
  /** Headings over every row of charts, or only over the first. */
  headingsEveryRow: boolean;
}

/** Width of a row of charts in units. */
export function rowWidth(u: UnitLayout, columns: number): number {
  return u.nameWidth + columns * (COLUMN_GAP + u.chartWidth);
}

function wallHeight(u: UnitLayout, rows: number, headingsEveryRow: boolean): number {
  return rows * (u.captionLines * CAPTION_LINE + CAPTION_BELOW + u.bodyHeight) + (headingsEveryRow ? rows : 1) * u.headingHeight + (rows - 1) * ROW_GAP;
}

/**
 * The projector: the largest type at which all charts fit the box, and the
 * columns that give it. Headings stand over every row unless that costs more
 * than a few per cent of the type.
 */
export function fitWall(u: UnitLayout, count: number, box: { width: number; height: number }, largest: number): Wall {
  let best: Wall = { font: 0, columns: 1, headingsEveryRow: true };
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(Math.max(1, count) / columns);
    const across = box.width / rowWidth(u, columns);
    const every = Math.min(across, box.height / wallHeight(u, rows, true));
    const once = Math.min(across, box.height / wallHeight(u, rows, false));
    const candidate = every >= once * 0.94 ? { font: every, columns, headingsEveryRow: true } : { font: once, columns, headingsEveryRow: false };
    if (candidate.font > best.font * 1.001) best = candidate;
  }
  // A little under the exact fit: rounding of the browser's text must not make the box scroll.
  return { ...best, font: Math.max(1, Math.min(largest, Math.floor(best.font * 0.985 * 4) / 4)) };
}

/** The console: a fixed type, as many charts per row as the width takes. */
export function columnsFor(u: UnitLayout, count: number, width: number, font: number): number {
  let columns = 1;
  while (columns < count && rowWidth(u, columns + 1) * font <= width) columns++;
  return columns;
}
