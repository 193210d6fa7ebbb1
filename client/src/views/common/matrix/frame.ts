/**
 * The matrix's frame: where the plot lies in the chart and where the four
 * fields are named. Pure, so it is tested without a browser
 * (tests/unit/matrixLabels.test.ts).
 *
 * The fields are named outside the plot, above and below its corners. Inside,
 * a marker, a spread bar or a tier line would cross them sooner or later: a
 * theme high on both criteria sits in the top right corner, and a tier line
 * often ends in the bottom right one. Below the plot they stand under the tick
 * labels, beside the axis title where it leaves them room, under it otherwise.
 */
import { wrapLabel } from '../wrapLabel.js';
import type { Box } from './placeLabels.js';

export interface Quadrant {
  /** Lines left-aligned at box.x ('start') or right-aligned to the box's right edge ('end'). */
  box: Box;
  lines: string[];
  anchor: 'start' | 'end';
}

export interface FrameInput {
  width: number;
  height: number;
  fontSize: number;
  /** The quadrant labels' line height. */
  smallLine: number;
  /** The two halves of each field's name, e.g. ["Bedeutung hoch", "Digitalisierungspotenzial niedrig"]. */
  names: { topLeft: [string, string]; topRight: [string, string]; bottomLeft: [string, string]; bottomRight: [string, string] };
  /** Width of a quadrant label's line (bold, small). */
  cornerWidth(text: string): number;
  /** Width of the x axis's title. */
  titleWidth: number;
}

export interface Frame {
  plot: Box;
  quadrants: Quadrant[];
  /** Where the x axis's title has its baseline, below the plot. */
  titleBaseline: number;
}

export function matrixFrame({ width, height, fontSize, smallLine, names, cornerWidth, titleWidth }: FrameInput): Frame {
  const left = fontSize * 3.4;
  const plotWidth = Math.max(10, width - fontSize * 4.4);
  // Two fields side by side share the plot's width.
  const room = (plotWidth - fontSize * 1.5) / 2;
  const lines = (pair: [string, string]) => pair.flatMap((half) => wrapLabel(half, room, cornerWidth));
  const corners = { topLeft: lines(names.topLeft), topRight: lines(names.topRight), bottomLeft: lines(names.bottomLeft), bottomRight: lines(names.bottomRight) };
  const topLines = Math.max(corners.topLeft.length, corners.topRight.length);
  const bottomLines = Math.max(corners.bottomLeft.length, corners.bottomRight.length);
  // Clear of a marker at the scale's maximum, which reaches over the plot's edge by its radius.
  const clearance = fontSize * 0.75;
  const top = fontSize * 0.3 + topLines * smallLine + clearance;
  const widest = Math.max(...[...corners.bottomLeft, ...corners.bottomRight].map(cornerWidth));
  const beside = widest <= (plotWidth - titleWidth) / 2 - fontSize;
  const below = beside ? fontSize * 1.55 : fontSize * 3.1;
  const bottom = Math.max(fontSize * 3.8, below + bottomLines * smallLine + fontSize * 0.2);
  const plot: Box = { x: left, y: top, width: plotWidth, height: Math.max(10, height - top - bottom) };
  const quadrant = (text: string[], right: boolean, isTop: boolean): Quadrant => {
    const w = Math.max(...text.map(cornerWidth));
    const h = text.length * smallLine;
    const y = isTop ? plot.y - clearance - h : plot.y + plot.height + below;
    return { box: { x: right ? plot.x + plot.width - w : plot.x, y, width: w, height: h }, lines: text, anchor: right ? 'end' : 'start' };
  };
  return {
    plot,
    quadrants: [quadrant(corners.topRight, true, true), quadrant(corners.topLeft, false, true), quadrant(corners.bottomLeft, false, false), quadrant(corners.bottomRight, true, false)],
    titleBaseline: plot.y + plot.height + fontSize * 2.6,
  };
}
