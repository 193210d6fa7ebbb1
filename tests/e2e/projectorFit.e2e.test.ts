/**
 * The projector at 1920×1080 and 1280×720 with 8, 20 and 50 themes, several
 * at identical and several at nearby points (12 organisations answer over
 * Socket.IO, so the results are real): the results, consolidation and
 * individual-results views fit without scrolling, the matrix's x axis and its
 * title are on screen, no matrix label touches another label or a marker, the
 * four fields' names (the corner labels) touch neither the plot — with its
 * markers, spread bars and tier lines — nor a label, a tick or each other, and
 * no heading or badge is clipped. Screenshots go to /tmp/projector-shots/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/browser.js';
import { connect, createWorkshop, disconnectAll, facilitate, ok, opId, version } from '../support/harness.js';

const SHOTS = '/tmp/projector-shots';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  disconnectAll();
  await e2e?.close();
});

const NAMES = ['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus', 'Wirtschaft', 'Gesundheit', 'Kultur', 'Innenstadt/Dorfmitte', 'Breitband', 'Klimaschutz und Energie', 'Ehrenamt', 'Pflege', 'Sicherheit', 'Landwirtschaft', 'Jugend', 'Wohnen', 'Digitale Schule', 'Nahverkehr', 'Bürgerservice', 'Feuerwehr', 'Abfallwirtschaft', 'Sport', 'Senioren', 'Handel', 'Arbeitsmarkt'];
/** Ten (importance, potential) patterns; theme t uses pattern t % 10. */
const PATTERNS: [number, number][] = [[5, 5], [5, 4], [4, 4], [2, 3], [4, 2], [3, 3], [1, 2], [4, 5], [2, 1], [3, 4]];

/** Themes t and t + 10k share a pattern: k even → identical answers (same point), k odd → one organisation one step off (a nearby point). */
function value(t: number, o: number, c: number): number {
  const [importance, potential] = PATTERNS[t % 10]!;
  const base = c === 0 ? importance : potential;
  const nudge = Math.floor(t / 10) % 2 === 1 && o === 0 ? (base < 5 ? 1 : -1) : 0;
  return Math.min(5, Math.max(1, base + ((o + c) % 3) - 1 + nudge));
}

async function workshopWith(count: number) {
  const created = await createWorkshop(e2e.server.url, { template: 'coesfeld', title: `Quick-Check mit ${count} Themenfeldern, Kreis Coesfeld`, date: '2026-11-24' });
  const { socket: facilitator, session } = await facilitate(e2e.server.url, created);
  const themes = Array.from({ length: count }, (_, t) => ({ id: `t${t + 1}`, name: NAMES[t % NAMES.length]! + (t >= NAMES.length ? ' Süd' : '') }));
  await ok(facilitator, 'workshop:update', { themes });
  await ok(facilitator, 'phase:set', { phase: 'scoring' });
  const { config } = session.state.workshop;
  await Promise.all(
    config.organisations.map(async (organisation, o) => {
      const tablet = connect(e2e.server.url);
      await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: organisation.id, protocolVersion: version });
      const answers = themes.flatMap((theme, t) => config.criteria.map((criterion, c) => ({ opId: opId(), themeId: theme.id, criterionId: criterion.id, value: value(t, o, c) })));
      await ok(tablet, 'answer:batch', { answers });
    }),
  );
  await ok(facilitator, 'phase:set', { phase: 'closed' });
  await ok(facilitator, 'phase:set', { phase: 'revealed' });
  return { created, facilitator };
}

interface Fit {
  page: { scrollWidth: number; scrollHeight: number; width: number; height: number };
  overflowingBoxes: string[];
  clipped: string[];
  labels: number;
  markers: number;
  corners: number;
  overlaps: string[];
  axisBottom: number;
}

/** Everything measured in the page: scrolling, clipped text, and the matrix's label and marker boxes. */
function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const rect = (e: Element) => e.getBoundingClientRect();
    const overflowingBoxes = [...document.querySelectorAll<HTMLElement>('.fit-box, .quickcheck-screen, .matrix-body')]
      .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.className} ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`);
    const clipped = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, .tier, .phase-label, figcaption, th, .big-count, .tier-card, .matrix-legend li')]
      .filter((e) => (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) || rect(e).right > innerWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className} "${e.textContent}" ${e.scrollWidth}>${e.clientWidth}`);
    const labels = [...document.querySelectorAll('.matrix-label')].map((e) => ({ text: e.textContent ?? '', box: rect(e) }));
    // A numbered marker carries its theme's number itself (when not even the number found a free place beside it).
    const numberedMarkers = document.querySelectorAll('.matrix-marker-number').length;
    const markers = [...document.querySelectorAll('.matrix-marker')].map(rect);
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const overlaps: string[] = [];
    labels.forEach((a, i) => {
      labels.slice(i + 1).forEach((b) => hit(a.box, b.box) && overlaps.push(`"${a.text}" × "${b.text}"`));
      markers.forEach((m) => hit(a.box, m) && overlaps.push(`"${a.text}" × a marker at ${Math.round(m.x)},${Math.round(m.y)}`));
    });
    // The corner labels: outside the plot (markers, spread bars and tier lines are all inside it, or reach just over its edge).
    const corners = [...document.querySelectorAll('.matrix-quadrant')].map((e) => ({ text: e.textContent ?? '', box: rect(e) }));
    const plots = [...document.querySelectorAll('.matrix-plot')].map(rect);
    const axisTexts = [...document.querySelectorAll('.matrix-axis-title, .matrix-tick')].map((e) => ({ text: e.textContent ?? '', box: rect(e) }));
    corners.forEach((c, i) => {
      plots.forEach((p) => hit(c.box, p) && overlaps.push(`corner "${c.text}" × the plot`));
      markers.forEach((m) => hit(c.box, m) && overlaps.push(`corner "${c.text}" × a marker at ${Math.round(m.x)},${Math.round(m.y)}`));
      labels.forEach((l) => hit(c.box, l.box) && overlaps.push(`corner "${c.text}" × "${l.text}"`));
      axisTexts.forEach((a) => hit(c.box, a.box) && overlaps.push(`corner "${c.text}" × axis text "${a.text}"`));
      corners.slice(i + 1).forEach((d) => hit(c.box, d.box) && overlaps.push(`corner "${c.text}" × corner "${d.text}"`));
    });
    const axis = [...axisTexts.map((a) => a.box.bottom), ...corners.map((c) => c.box.bottom)];
    return {
      page: { scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight, width: innerWidth, height: innerHeight },
      overflowingBoxes,
      clipped,
      labels: labels.length + numberedMarkers,
      markers: markers.length,
      corners: corners.length,
      overlaps,
      axisBottom: Math.max(0, ...axis),
    };
  });
}

async function expectFits(page: Page, where: string, themes: number, matrix: boolean): Promise<void> {
  // The matrix places its labels after measuring its box: wait until they are drawn.
  if (matrix) await expect.poll(() => page.locator('.matrix-marker').count(), { timeout: 20_000 }).toBe(themes);
  await page.evaluate(() => document.fonts.ready);
  const fit = await measure(page);
  expect(fit.page.scrollHeight, `${where}: no vertical scrolling`).toBeLessThanOrEqual(fit.page.height);
  expect(fit.page.scrollWidth, `${where}: no horizontal scrolling`).toBeLessThanOrEqual(fit.page.width);
  expect(fit.overflowingBoxes, `${where}: boxes that would scroll`).toEqual([]);
  expect(fit.clipped, `${where}: clipped headings and badges`).toEqual([]);
  if (!matrix) return;
  expect(fit.overlaps, `${where}: labels over labels or markers, corner labels over anything`).toEqual([]);
  expect(fit.corners, `${where}: the four fields named`).toBe(4);
  expect(fit.labels, `${where}: every theme labelled (by name or number)`).toBe(themes);
  expect(fit.axisBottom, `${where}: the x axis, its title and the bottom corner labels on screen`).toBeLessThanOrEqual(fit.page.height);
}

describe('the projector fits 1920×1080 and 1280×720', () => {
  for (const themes of [8, 20, 50]) {
    it(`${themes} themes: results, consolidation and individual results fit; no label over a label or a marker`, async () => {
      const { created, facilitator } = await workshopWith(themes);
      const screens = await Promise.all([e2e.open('projector', created.projectorPath), e2e.open('projector720', created.projectorPath)]);
      const views: [string, () => Promise<unknown>, string, boolean][] = [
        ['results', async () => undefined, 'Rangfolge', true],
        ['consolidation', () => ok(facilitator, 'phase:set', { phase: 'consolidating' }), 'Konsolidierung', true],
        ['individual', () => ok(facilitator, 'projector:show', { view: 'individual' }), 'Einzelergebnisse', false],
      ];
      for (const [view, show, heading, matrix] of views) {
        await show();
        for (const page of screens) {
          const { width, height } = page.viewportSize()!;
          if (view === 'results') await page.locator('caption', { hasText: heading }).waitFor({ timeout: 20_000 });
          else await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 });
          await expectFits(page, `${view} ${themes} themes ${width}×${height}`, themes, matrix);
          await page.screenshot({ path: `${SHOTS}/${view}-${themes}-${width}x${height}.png` });
        }
      }
    }, 120_000);
  }
});
