/**
 * The small multiples' layout (client/src/views/common/smallMultiples/layout.ts)
 * and label wrapping (wrapLabel.ts): criterion headings wrap where a German
 * reader expects it and are never cut; each stands over its own track without
 * touching its neighbour; the projector's wall fits its box at the largest
 * type, and the sweep's ten organisations read at ≥ 18 px on 1920×1080 and
 * ≥ 14 px on 1280×720.
 */
import { describe, expect, it } from 'vitest';
import { columnsFor, fitWall, HEAD_FONT, rowWidth, unitLayout, type WidthOf } from '../../client/src/views/common/smallMultiples/layout.js';
import { softHyphenate, wrapLabel } from '../../client/src/views/common/wrapLabel.js';

/** A little wider than DejaVu Sans (Chromium measures 0.48–0.61 em a character, 0.55–0.68 in bold). */
const widthOf: WidthOf = (text, weight) => text.length * (weight === 700 ? 0.62 : 0.55);
const COESFELD = ['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus', 'Wirtschaft', 'Gesundheit', 'Kultur', 'Innenstadt/Dorfmitte'];
const CRITERIA = ['Bedeutung', 'Digitalisierungspotenzial'];
const CAPTIONS = 'ABCDEFGHIJ'.split('').map((letter) => `Organisation ${letter}`);

describe('wrapping labels', () => {
  it('breaks a German compound at its joint, with a hyphen', () => {
    expect(softHyphenate('Digitalisierungspotenzial')).toBe('Digitalisierungs\u00ADpotenzial');
    expect(wrapLabel('Digitalisierungspotenzial', 12, (t) => t.length)).toEqual(['Digitalisierungs-', 'potenzial']);
  });

  it('keeps a label whole where it fits, and breaks at spaces and slashes', () => {
    expect(wrapLabel('Digitalisierungspotenzial', 40, (t) => t.length)).toEqual(['Digitalisierungspotenzial']);
    expect(wrapLabel('Bedeutung für die Bürgerinnen', 14, (t) => t.length)).toEqual(['Bedeutung für', 'die', 'Bürgerinnen']);
    expect(wrapLabel('Innenstadt/Dorfmitte', 12, (t) => t.length)).toEqual(['Innenstadt/', 'Dorfmitte']);
  });

  it('never cuts: a part without a break stays whole, even when wider', () => {
    expect(wrapLabel('Donaudampfschifffahrt', 5, (t) => t.length)).toEqual(['Donaudampfschifffahrt']);
  });
});

describe('the charts', () => {
  for (const criteria of [CRITERIA, ['Dringlichkeit', 'Aufwand für die Verwaltung', 'Nutzen für die Bürgerinnen und Bürger'], ['Kommunalverwaltungsdigitalisierungspotenzial']]) {
    it(`headings of ${criteria.length} criteria: whole, over their own tracks, apart from each other, inside the chart`, () => {
      const u = unitLayout(COESFELD, criteria, CAPTIONS, widthOf);
      const boxes = u.headings.map((h) => {
        const width = Math.max(...h.lines.map((line) => widthOf(line, 700) * HEAD_FONT));
        return { left: h.x - width / 2, right: h.x + width / 2 };
      });
      u.headings.forEach((h, k) => {
        expect(h.lines.join(' ').replace(/- /g, '')).toBe(criteria[k]);
        expect(h.x).toBeGreaterThanOrEqual(u.tracks[k]!.start);
        expect(h.x).toBeLessThanOrEqual(u.tracks[k]!.end);
        expect(boxes[k]!.left).toBeGreaterThanOrEqual(-1e-9);
        expect(boxes[k]!.right).toBeLessThanOrEqual(u.chartWidth + 1e-9);
        if (k > 0) expect(boxes[k]!.left).toBeGreaterThan(boxes[k - 1]!.right);
      });
    });
  }

  it('a dot at the scale’s ends keeps clear of the theme names and of the next track', () => {
    const u = unitLayout(COESFELD, CRITERIA, CAPTIONS, widthOf);
    expect(u.tracks[0]!.start).toBeGreaterThan(0.6);
    expect(u.tracks[1]!.start - u.tracks[0]!.end).toBeGreaterThan(1.2);
    expect(u.names).toContain('Innenstadt/Dorfmitte');
  });
});

describe('the projector’s wall', () => {
  // The box below the heading, as measured in Chromium: 1920×1080 and 1280×720 less the projector's margins and headings.
  const boxes = [
    { screen: '1920×1080', box: { width: 1824, height: 911 }, least: 18 },
    { screen: '1280×720', box: { width: 1216, height: 606 }, least: 14 },
  ];
  for (const { screen, box, least } of boxes) {
    it(`ten organisations, eight themes on ${screen}: at least ${least} px, and inside the box`, () => {
      const u = unitLayout(COESFELD, CRITERIA, CAPTIONS, widthOf);
      const wall = fitWall(u, 10, box, 40);
      expect(wall.font).toBeGreaterThanOrEqual(least);
      expect(rowWidth(u, wall.columns) * wall.font).toBeLessThanOrEqual(box.width);
    });
  }

  it('fifty themes and twelve organisations still fit, smaller', () => {
    const themes = Array.from({ length: 50 }, (_, i) => `${COESFELD[i % 8]} ${i}`);
    const u = unitLayout(themes, CRITERIA, CAPTIONS, widthOf);
    const wall = fitWall(u, 12, { width: 1216, height: 592 }, 40);
    const rows = Math.ceil(12 / wall.columns);
    const height = rows * (u.captionLines * 1.35 + 0.2 + u.bodyHeight) + (wall.headingsEveryRow ? rows : 1) * u.headingHeight + (rows - 1) * 0.6;
    expect(height * wall.font).toBeLessThanOrEqual(592);
    expect(rowWidth(u, wall.columns) * wall.font).toBeLessThanOrEqual(1216);
  });

  it('the console: as many charts per row as the width takes, at least one', () => {
    const u = unitLayout(COESFELD, CRITERIA, CAPTIONS, widthOf);
    expect(columnsFor(u, 12, 100, 13)).toBe(1);
    const two = columnsFor(u, 12, rowWidth(u, 2) * 13, 13);
    expect(two).toBe(2);
    expect(columnsFor(u, 1, 5000, 13)).toBe(1);
  });
});
