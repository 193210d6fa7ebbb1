/**
 * The strategy process in Chromium, in German: a facilitator prepares a
 * process on one laptop (signing in through the form), opens it from a second
 * laptop, runs two Quick-Check rounds and compares them on the process page.
 * Screens are scanned with axe and photographed at 1366×768 and 1920×1080.
 */
import { io } from 'socket.io-client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type CreatedWorkshop, type FacilitatorSession } from '../../shared/protocol.js';
import { expectAccessible, screenshot, startE2E, type E2E } from '../support/browser.js';
import { ADMIN, adminCookie, api, connect, ok, opId, type Client } from '../support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function signInThroughForm(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  // The form checks itself in the page's language: no browser bubble, a message at each field, focus on the first.
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('alert').filter({ hasText: 'Bitte geben Sie eine E-Mail-Adresse ein.' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Bitte geben Sie Ihr Passwort ein.' }).waitFor();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('email');
  expect(await page.locator('input:invalid').count()).toBe(0);
  await page.getByLabel('E-Mail-Adresse').fill('moderation-at-kreis');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('alert').filter({ hasText: 'keine vollständige E-Mail-Adresse' }).waitFor();
  await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
  await page.getByLabel('Passwort').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** A round run over sockets (the browser tests of the Quick-Check itself are in quickCheck.e2e): four organisations, then finalised. */
async function runRound(url: string, cookie: string, workshopId: string, code: string, themes: { id: string; name: string }[], score: (t: number, o: number) => number) {
  const f = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } }) as Client;
  const { state } = await ok<FacilitatorSession>(f, 'workshop:join', { role: 'facilitator', workshopId, protocolVersion: PROTOCOL_VERSION });
  await ok(f, 'workshop:update', { themes, tierRule: { ...state.workshop.config.tierRule, minOrganisations: 2 } });
  await ok(f, 'phase:set', { phase: 'scoring' });
  for (const [o, organisation] of ['kreis', 'olfen', 'senden', 'duelmen'].entries()) {
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code, organisationId: organisation, protocolVersion: PROTOCOL_VERSION });
    await ok(tablet, 'answer:batch', { answers: themes.flatMap((theme, t) => ['importance', 'potential'].map((criterionId) => ({ opId: opId(), themeId: theme.id, criterionId, value: score(t, o) }))) });
    tablet.disconnect();
  }
  for (const phase of ['closed', 'revealed', 'consolidating', 'finalised']) await ok(f, 'phase:set', { phase });
  f.disconnect();
}

describe('strategy process in the browser', () => {
  it('prepared on the office laptop, opened on the meeting-room laptop; two rounds compared on the process page', async () => {
    const { url } = e2e.server;
    await adminCookie(url);
    // The office PC: not signed in, the start page sends to the sign-in page and back.
    const office = await e2e.open('laptop1366', '/');
    await office.waitForURL(/\/anmelden/);
    await expectAccessible(office, 'sign-in page');
    await screenshot(office, 'sign-in-1366x768');
    await signInThroughForm(office);
    await office.getByRole('heading', { name: 'Ihre Prozesse' }).waitFor();
    await office.getByLabel('Titel des Prozesses').fill('Digitalstrategie Kreis Coesfeld');
    await office.getByRole('button', { name: 'Prozess anlegen' }).click();
    await office.waitForURL(/\/prozess\//);
    const processId = new URL(office.url()).pathname.split('/').pop()!;
    await office.getByRole('heading', { name: 'Digitalstrategie Kreis Coesfeld', level: 1 }).waitFor();
    // The first step: a Quick-Check (the collection is tried in collection.e2e).
    await office.getByLabel('Art des Schritts').selectOption('quickcheck');
    await office.getByLabel('Titel (freiwillig)').fill('Quick-Check 2019');
    await office.getByRole('button', { name: 'Schritt anlegen' }).click();
    await office.getByText('Quick-Check 2019').first().waitFor();
    await expectAccessible(office, 'process page with one step');

    // The meeting-room laptop: another browser, signed in there too; the process is listed.
    const meeting = await e2e.open('laptop1366', '/anmelden');
    await signInThroughForm(meeting);
    await meeting.getByRole('link', { name: 'Digitalstrategie Kreis Coesfeld' }).click();
    await meeting.waitForURL(new RegExp(`/prozess/${processId}`));
    await meeting.getByRole('link', { name: /Konsole öffnen/ }).first().click();
    await meeting.waitForURL(/\/moderation\//);
    await meeting.getByRole('heading', { name: 'Wer hat bewertet?' }).waitFor();
    const firstId = new URL(meeting.url()).pathname.split('/').pop()!;
    const code = (await meeting.locator('.share .join-code').innerText()).replace('-', '');

    // Round 1 and, from it, round 2 with one theme dropped and one new.
    const cookie = await adminCookie(url);
    const themes = ['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus'].map((name, i) => ({ id: `t${i}`, name }));
    await runRound(url, cookie, firstId, code, themes, (t) => 5 - t);
    const second = (await (await api(url, `/api/processes/${processId}/steps`, { body: { kind: 'quickcheck', title: 'Quick-Check 2021', from: firstId }, cookie })).json()) as CreatedWorkshop;
    await runRound(url, cookie, second.workshopId, second.code, [themes[0]!, themes[1]!, themes[2]!, { id: 'ges', name: 'Gesundheit' }], (t) => [3, 5, 4, 4][t]!);

    // The comparison on the process page: chart and table, new and dropped named.
    await office.reload();
    await office.getByRole('heading', { name: 'Vergleich der Runden' }).waitFor();
    await office.locator('.comparison-chart svg').first().waitFor();
    const table = office.locator('table.comparison-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.find((r) => r.includes('Gesundheit'))).toContain('neu');
    expect(rows.find((r) => r.includes('Tourismus'))).toContain('entfallen');
    expect(rows.find((r) => r.includes('Verwaltung'))).toContain('gesunken');
    expect(rows.find((r) => r.includes('Mobilität'))).toContain('gestiegen');
    expect(rows.find((r) => r.includes('Bildung'))).toContain('unverändert');
    await office.locator('.comparison').scrollIntoViewIfNeeded();
    await expectAccessible(office, 'process page with the comparison');
    await screenshot(office, 'process-comparison-1366x768');
    const wide = await e2e.openSignedIn('projector', `/prozess/${processId}`);
    await wide.locator('.comparison-chart svg').first().waitFor();
    await wide.locator('.comparison').scrollIntoViewIfNeeded();
    await screenshot(wide, 'process-comparison-1920x1080');
    // Nothing scrolls sideways.
    await screenshot(meeting, 'console-finalised-1366x768');
    for (const [name, page] of [['process 1366', office], ['process 1920', wide], ['console 1366', meeting]] as const) {
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]), name).toEqual(await page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.clientWidth]));
    }
    e2e.expectClean();
  });
});
