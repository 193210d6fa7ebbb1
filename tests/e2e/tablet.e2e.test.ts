/**
 * The tablet on its own: English, a vote with the keyboard alone, and a
 * dropped connection that loses nothing (the outbox).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorSession, FacilitatorState } from '../../shared/protocol.js';
import { expectAccessible, screenshot, startE2E, type E2E } from '../support/browser.js';
import { connect, createWorkshop, disconnectAll, ok, recordStates, until, version } from '../support/harness.js';
import { SAVED, THEMES, join, rate } from '../support/tablet.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  disconnectAll();
  e2e?.expectClean();
  await e2e?.close();
});

/** A workshop driven by a facilitator over the socket protocol, so that the test watches the tablet only. */
async function workshop() {
  const created = await createWorkshop(e2e.server.url);
  const facilitator = connect(e2e.server.url);
  const states = recordStates(facilitator);
  await ok<FacilitatorSession>(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
  const latest = () => states.at(-1) as FacilitatorState | undefined;
  const mean = (theme: number, criterion: number) => latest()?.results.themes[theme]?.criteria[criterion]?.mean;
  return { created, facilitator, latest, mean };
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return `${el?.tagName}:${el?.name ?? ''}:${el?.value ?? ''}:${el?.textContent?.trim() ?? ''}`;
  });
}

/** Press Tab until the focused element matches; fails after 60 presses. */
async function tabTo(page: Page, matches: (focused: string) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error('focus never reached the element');
}

describe('tablet', () => {
  it('opened from the QR code, shows the workshop in its first render, without asking the server again', async () => {
    const { created, facilitator } = await workshop();
    await ok(facilitator, 'workshop:update', { title: 'Quick-Check </script> & <b>Dorfmitte</b>' });
    const tablet = await e2e.open('tablet', `/join/${created.code.toLowerCase()}`);
    await tablet.getByRole('heading', { level: 1, name: 'Quick-Check </script> & <b>Dorfmitte</b>' }).waitFor();
    await tablet.getByRole('radio', { name: 'Olfen' }).waitFor();
    const asked = await tablet.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/api/workshops/')));
    expect(asked).toEqual([]);
    expect(await tablet.locator('b').count()).toBe(0);
    // An unknown code: the code form says so at once.
    const lost = await e2e.open('tablet', '/join/ZZZ-ZZZ');
    await lost.getByText('Diesen Workshop gibt es nicht. Bitte prüfen Sie den Code.').waitFor();
    expect(await lost.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/workshops/')).length)).toBe(0);
  });

  it('switches to English, with <html lang> following', async () => {
    const { created } = await workshop();
    const tablet = await e2e.open('tablet', `/join/${created.code}`);
    await tablet.getByText('Für welche Organisation bewerten Sie?').waitFor();
    expect(await tablet.getAttribute('html', 'lang')).toBe('de');
    // German is in the bundle; the English strings come only when chosen.
    const englishLoaded = () => tablet.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/en-[^/]*\.js$/.test(e.name)));
    expect(await englishLoaded()).toBe(false);
    await tablet.getByRole('button', { name: 'English' }).click();
    await tablet.getByText('Which organisation are you rating for?').waitFor();
    expect(await tablet.getAttribute('html', 'lang')).toBe('en');
    expect(await tablet.getByRole('button', { name: 'Join', exact: true }).isVisible()).toBe(true);
    await expectAccessible(tablet, 'tablet join form in English');
    expect(await englishLoaded()).toBe(true);
    // The choice is remembered on the device, and the reload shows no German first.
    await tablet.addInitScript(() => {
      const w = window as unknown as { firstRender?: string };
      const observer = new MutationObserver(() => {
        const root = document.getElementById('root');
        if (!root?.firstChild) return;
        w.firstRender = root.textContent ?? '';
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    // A slow network for the English strings: the app waits for them rather than render German first.
    await tablet.route(/\/assets\/en-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await tablet.reload();
    await tablet.getByText('Which organisation are you rating for?').waitFor();
    const firstRender = await tablet.evaluate(() => (window as unknown as { firstRender?: string }).firstRender);
    expect(firstRender).toContain('Which organisation are you rating for?');
    await screenshot(tablet, 'tablet-join-english-1024x768');

    // Strings that do not come in time: German after a short wait, English once they arrive.
    const englishChunk = /\/assets\/en-[^/]*\.js$/;
    await tablet.unroute(englishChunk);
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await tablet.route(englishChunk, async (route) => {
      await released;
      await route.continue().catch(() => undefined);
    });
    await tablet.reload();
    await tablet.getByText('Für welche Organisation bewerten Sie?').waitFor({ timeout: 5_000 });
    release();
    await tablet.getByText('Which organisation are you rating for?').waitFor();
    expect(await tablet.getAttribute('html', 'lang')).toBe('en');

    // Strings that cannot be had at all: German, not an empty page.
    await tablet.unroute(englishChunk);
    await tablet.route(englishChunk, (route) => route.abort());
    await tablet.reload();
    await tablet.getByText('Für welche Organisation bewerten Sie?').waitFor({ timeout: 5_000 });
    expect(await tablet.getAttribute('html', 'lang')).toBe('de');
    // Choosing English then says that it could not be loaded, and the page stays German.
    await tablet.getByRole('button', { name: 'English' }).click();
    await tablet.getByRole('status').filter({ hasText: 'Die Sprache ließ sich nicht laden.' }).waitFor();
    expect(await tablet.getAttribute('html', 'lang')).toBe('de');
    await expectAccessible(tablet, 'tablet join form, English not loadable');
    await screenshot(tablet, 'tablet-language-failed-1024x768');
  });

  it('a whole vote works with the keyboard alone', async () => {
    const { created, facilitator, mean } = await workshop();
    const tablet = await e2e.open('tablet', `/join/${created.code}`);
    await tablet.getByText('Für welche Organisation bewerten Sie?').waitFor();
    // Into the organisation group, arrow to Ascheberg (second), then to the join button.
    await tabTo(tablet, (f) => f.startsWith('INPUT:organisation:'));
    await tablet.keyboard.press('ArrowRight');
    expect(await focusedName(tablet)).toContain('INPUT:organisation:ascheberg');
    await tabTo(tablet, (f) => f.startsWith('BUTTON') && f.endsWith('Beitreten'));
    await tablet.keyboard.press('Enter');
    await tablet.getByText('Sie bewerten für Ascheberg.').waitFor();
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor();

    // Every theme: Tab into the importance group, Space selects 1, arrows move to 4; Tab into potential, arrows to "kann ich nicht beurteilen".
    for (const theme of THEMES.map((_, i) => i)) {
      const themeId = ['verwaltung', 'bildung', 'mobilitaet', 'tourismus', 'wirtschaft', 'gesundheit', 'kultur', 'innenstadt'][theme]!;
      await tabTo(tablet, (f) => f.startsWith(`INPUT:${themeId}--importance:`));
      await tablet.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await tablet.keyboard.press('ArrowRight');
      await tabTo(tablet, (f) => f.startsWith(`INPUT:${themeId}--potential:`));
      await tablet.keyboard.press('Space');
      for (let i = 0; i < 5; i++) await tablet.keyboard.press('ArrowRight');
      expect(await focusedName(tablet)).toContain(`INPUT:${themeId}--potential:abstain`);
    }
    await expect.poll(() => tablet.locator('.progress-text').innerText()).toBe('8 von 8 Themen bewertet');
    await expect.poll(() => tablet.getByRole('status').filter({ hasText: SAVED }).count()).toBe(8);
    await expectAccessible(tablet, 'tablet after a keyboard vote');
    // The server holds 4 for importance and an abstention for potential on every theme.
    await until(() => mean(7, 0) === 4, 'importance 4 on the last theme');
    const f = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    for (const theme of f.state.results.themes) {
      expect(theme.criteria[0]).toMatchObject({ mean: 4, nPersons: 1 });
      expect(theme.criteria[1]).toMatchObject({ mean: null, abstentions: 1 });
    }
  });

  it('answers given offline are kept through a reload and saved when the connection returns', async () => {
    const { created, facilitator, mean } = await workshop();
    const tablet = await e2e.open('tablet', `/join/${created.code}`);
    await join(tablet, 'Olfen');
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor();

    await tablet.context().setOffline(true);
    await tablet.getByText('Keine Verbindung').waitFor();
    await rate(tablet, 'Verwaltung', 'Bedeutung', 5);
    await rate(tablet, 'Bildung', 'Bedeutung', 4);
    await rate(tablet, 'Kultur', 'Bedeutung', 'abstain');
    await expect.poll(() => tablet.getByRole('status').filter({ hasText: 'wird gespeichert' }).count()).toBe(3);
    await expectAccessible(tablet, 'tablet offline');
    await screenshot(tablet, 'tablet-offline-1024x768');

    // The three answers wait in the outbox (localStorage). A reload while the server cannot be
    // reached (the page itself loads, its socket does not) keeps them there.
    const outboxSizes = () => tablet.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('konsens.outbox.')).map((k) => JSON.parse(localStorage.getItem(k)!).length));
    expect(await outboxSizes()).toEqual([3]);
    await tablet.route('**/socket.io/**', (route) => route.abort());
    await tablet.context().setOffline(false);
    await tablet.reload();
    await tablet.locator('main').getByText('Verbindung wird hergestellt').waitFor();
    expect(await outboxSizes()).toEqual([3]);
    // The server is reachable again: the tablet resumes and sends what it kept, in one batch (SPEC D-4).
    const sent: string[] = [];
    tablet.on('websocket', (ws) => ws.on('framesent', ({ payload }) => sent.push(String(payload))));
    // Before the upgrade to WebSocket, socket.io sends over HTTP long-polling (packets joined by \x1e).
    tablet.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/socket.io/')) sent.push(...(r.postData() ?? '').split('\x1e'));
    });
    await tablet.unroute('**/socket.io/**');
    await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor();
    await expect.poll(() => tablet.getByRole('status').filter({ hasText: SAVED }).count()).toBe(3);
    await until(() => mean(0, 0) === 5 && mean(1, 0) === 4, 'answers saved on the server');
    const f = await ok<{ state: FacilitatorState }>(facilitator, 'state:get', {});
    expect(f.state.results.themes[6]!.criteria[0]).toMatchObject({ abstentions: 1, nPersons: 0 });
    const answerFrames = sent.filter((frame) => frame.includes('"answer:'));
    expect(answerFrames).toHaveLength(1);
    const [, batch] = JSON.parse(answerFrames[0]!.replace(/^\d+/, '')) as [string, { answers: { value: number | null }[] }];
    expect(batch.answers.map((a) => a.value)).toEqual([5, 4, null]);
    const left = await tablet.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('konsens.outbox.')).length);
    expect(left).toBe(0);
  });
});
