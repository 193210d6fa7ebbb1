/** Sizes the chart and its placeholder share (the placeholder must not load recharts). */
export const CHART_FONT = 14;
export const CHART_AXIS_HEIGHT = 56;
export const CHART_MARGIN = { top: 8, right: 28, bottom: 4, left: 4 };

/** Tall enough for a two-line theme name, and for one mark per criterion without touching. */
export function rowHeightFor(criteria: number): number {
  return Math.max(64, criteria * 26 + 16);
}

export function chartHeight(rows: number, criteria: number): number {
  return rows * rowHeightFor(criteria) + CHART_MARGIN.top + CHART_MARGIN.bottom + CHART_AXIS_HEIGHT;
}
