/**
 * Theme collection in Chromium, in German (SPEC TC-1 … TC-10): the facilitator
 * adds a collection to a process on one laptop and runs it from a second; two
 * tablets propose, one a duplicate that the console merges; the projector
 * shows the accepted themes; the tablet sees what became of its proposal; the
 * finalised collection seeds a Quick-Check. axe on every screen, screenshots at
 * 1366×768 (console), 1920×1080 and 1280×720 (projector) and 1024×768 (tablets).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshop } from '../../shared/protocol.js';
import type { ProcessView } from '../../shared/process.js';
import { expectAccessible, screenshot, startE2E, type E2E } from '../support/browser.js';
import { adminCookie, api } from '../support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function joinCollection(page: Page, organisation: string): Promise<void> {
  await page.getByText('Für welche Organisation nehmen Sie teil?').waitFor();
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText(`Sie nehmen für ${organisation} teil.`).waitFor();
}

async function propose(page: Page, title: string): Promise<void> {
  await page.getByLabel('Titel des Themenfelds').fill(title);
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  await expect.poll(() => page.locator('li', { hasText: title }).first().innerText()).toContain('gespeichert');
}

const card = (page: Page, title: string) => page.locator('article.proposal-card', { has: page.getByRole('heading', { name: title, exact: true }) });

describe('theme collection in the browser', () => {
  it('two tablets propose, a duplicate is merged and accepted, the projector follows, the Quick-Check is seeded', async () => {
    const { url } = e2e.server;
    const cookie = await adminCookie(url);
    const process = (await (await api(url, '/api/processes', { body: { title: 'Digitalstrategie Kreis Coesfeld', template: 'coesfeld' }, cookie })).json()) as ProcessView;

    // The office laptop adds the collection as the process's first step.
    const office = await e2e.openSignedIn('laptop1366', `/prozess/${process.id}`);
    await office.getByLabel('Art des Schritts').selectOption('collection');
    await office.getByRole('button', { name: 'Schritt anlegen' }).click();
    await office.getByText('Sammlung').first().waitFor();
    const step = ((await (await api(url, `/api/processes/${process.id}`, { cookie })).json()) as ProcessView).steps[0]!;
    expect(step).toMatchObject({ kind: 'collection', phase: 'lobby' });

    // The meeting-room laptop (another browser, its own session) runs it.
    const console_ = await e2e.openSignedIn('laptop1366', `/moderation/${step.workshopId}`);
    await console_.getByRole('button', { name: 'Sammlung starten' }).click();
    const projector = await e2e.open('projector', `/projector/${step.code}`);
    const olfen = await e2e.open('tablet', `/join/${step.code}`);
    const senden = await e2e.open('tablet', `/join/${step.code}`);
    await joinCollection(olfen, 'Olfen');
    await joinCollection(senden, 'Senden');
    await propose(olfen, 'Digitale Verwaltung');
    await propose(senden, 'Verwaltung digitalisieren');
    await propose(senden, 'Schulen ans Glasfasernetz');
    await expectAccessible(olfen, 'tablet collecting');
    await screenshot(olfen, 'collection-tablet-collecting-1024x768');

    // The console: both arrive live; the duplicate is merged, the rest decided.
    await card(console_, 'Verwaltung digitalisieren').waitFor();
    await card(console_, 'Verwaltung digitalisieren').getByRole('button', { name: 'Zusammenführen mit …' }).click();
    await card(console_, 'Verwaltung digitalisieren').getByLabel('Zusammenführen mit').selectOption({ label: 'Digitale Verwaltung' });
    await card(console_, 'Verwaltung digitalisieren').getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    await expect.poll(() => card(console_, 'Digitale Verwaltung').innerText()).toContain('zusammengeführt');
    await card(console_, 'Digitale Verwaltung').getByRole('button', { name: 'Annehmen' }).click();
    await card(console_, 'Schulen ans Glasfasernetz').getByRole('button', { name: 'Annehmen' }).click();
    await expectAccessible(console_, 'collection console');
    await screenshot(console_, 'collection-console-1366x768');

    // The projector shows the accepted themes; the tablet learns where its proposal went.
    await expect.poll(() => projector.locator('main').innerText()).toContain('Schulen ans Glasfasernetz');
    expect(await projector.locator('main').innerText()).toContain('Digitale Verwaltung');
    await expectAccessible(projector, 'collection projector');
    await screenshot(projector, 'collection-projector-1920x1080');
    expect(await projector.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await screenshot(projector, 'collection-projector-1280x720');
    expect(await projector.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
    await expect.poll(() => senden.locator('main').innerText()).toContain('zusammengeführt mit „Digitale Verwaltung“');
    // A reload keeps the tablet's proposals and what became of them.
    await senden.reload();
    await expect.poll(() => senden.locator('main').innerText()).toContain('Schulen ans Glasfasernetz');

    // Close and finalise (the console asks first), then a Quick-Check from it.
    console_.on('dialog', (dialog) => void dialog.accept());
    await console_.getByRole('button', { name: 'Sammlung schließen' }).click();
    await console_.getByRole('button', { name: 'Sammlung abschließen' }).click();
    await console_.getByText(/Abgeschlossen am/).waitFor();
    await screenshot(senden, 'collection-tablet-finalised-1024x768');
    const quickCheck = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', from: step.workshopId }, cookie })).json()) as CreatedWorkshop;
    const qc = await e2e.openSignedIn('laptop1366', quickCheck.facilitatorPath);
    await qc.getByRole('heading', { name: 'Wer hat bewertet?' }).waitFor();
    // The seeded themes stand in the lobby's theme list (results stay hidden before the rating: presentation-safe mode).
    await expect.poll(async () => qc.locator('main input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain('Schulen ans Glasfasernetz');
    for (const page of [console_, olfen, senden]) expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    e2e.expectClean();
  });
});
