/**
 * Deep-dives in Chromium, in German (SPEC DD-1 … DD-5, PR-9): a process whose
 * Quick-Check decided themes in Priority I, II and III; the process page offers
 * deep-dives for I and II and says so; a III theme gets one only with a reason;
 * a deep-dive on a Priority I theme runs with two tablets (two organisations),
 * one reloading; the console accepts and edits; the projector shows the
 * accepted idea with its cost. axe on every screen; screenshots at 1366×768
 * (process page, console), 1024×768 (tablet), 1920×1080 and 1280×720 (projector).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessView } from '../../shared/process.js';
import { expectAccessible, startE2E, type E2E } from '../support/browser.js';
import { api } from '../support/harness.js';
import { processWithTiers } from '../support/tiers.js';

const SHOTS = '/tmp/deepdive-shots';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** Text as read, with the non-breaking spaces of formatted amounts as plain spaces. */
const text = async (page: Page, selector = 'main') => (await page.locator(selector).innerText()).replace(/[\u00a0\u202f]/g, ' ');

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function join(page: Page, organisation: string): Promise<void> {
  // (The legend of the organisation choice is the tablet's, not the deep-dive's.)
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText(`Sie nehmen für ${organisation} teil.`).waitFor();
}

async function submitIdea(page: Page, idea: { title: string; lead?: string; partners?: string; cost?: string }): Promise<void> {
  await page.getByLabel('Titel der Projektidee').fill(idea.title);
  if (idea.lead) await page.getByLabel('Federführende Organisation (freiwillig)').selectOption({ label: idea.lead });
  if (idea.partners) await page.getByLabel('Partner (freiwillig)').fill(idea.partners);
  if (idea.cost) await page.getByLabel('Geschätzte Kosten in Euro (freiwillig)').fill(idea.cost);
  await page.getByRole('button', { name: 'Idee senden' }).click();
  await expect.poll(() => page.locator('.own-item', { hasText: idea.title }).innerText(), { timeout: 20_000 }).toContain('gespeichert');
}

const card = (page: Page, title: string) => page.locator('article.proposal-card', { has: page.getByRole('heading', { name: title, exact: true }) });

describe('deep-dives in the browser', () => {
  it('DD-1, DD-2, PR-9: offered for Priority I and II, a III theme only with a reason; ideas from two tablets, accepted and edited, on the projector', async () => {
    const { url } = e2e.server;
    const { cookie, process } = await processWithTiers(url);
    const steps = async () => ((await (await api(url, `/api/processes/${process.id}`, { cookie })).json()) as ProcessView).steps;

    // The process page: themes by tier, the gate in words, buttons only inside it.
    const office = await e2e.openSignedIn('laptop1366', `/prozess/${process.id}`);
    await office.getByRole('heading', { name: 'Vertiefungen', level: 2 }).waitFor();
    await office.getByText('Vertiefung nur für Priorität I und II, wie im Prozess beschlossen.').waitFor();
    for (const theme of ['Verwaltung', 'Bildung', 'Mobilität', 'Wirtschaft']) await office.getByRole('button', { name: `Vertiefung anlegen: ${theme}` }).waitFor();
    for (const theme of ['Tourismus', 'Kultur']) {
      expect(await office.getByRole('button', { name: `Vertiefung anlegen: ${theme}` }).count()).toBe(0);
      await office.getByRole('button', { name: `Trotzdem anlegen: ${theme}` }).waitFor();
    }
    await expectAccessible(office, 'process page with deep-dive offers');

    // A Priority III theme: without a reason it stays refused, in words; with one it is made and the reason shown.
    await office.getByRole('button', { name: 'Trotzdem anlegen: Tourismus' }).click();
    await office.getByRole('button', { name: 'Mit Begründung anlegen' }).click();
    await office.getByRole('alert').filter({ hasText: 'Bitte begründen Sie' }).waitFor();
    expect((await steps()).length).toBe(1);
    await office.getByLabel('Begründung (Pflicht)').fill('Der Tourismus trägt die Dörfer im Sommer');
    await office.getByRole('button', { name: 'Mit Begründung anlegen' }).click();
    await office.getByText('Festgehaltene Begründung: Der Tourismus trägt die Dörfer im Sommer').waitFor();
    await office.locator('.step-item', { hasText: 'Vertiefung: Tourismus' }).getByText('Der Tourismus trägt die Dörfer im Sommer').waitFor();
    expect((await steps()).find((s) => s.kind === 'deepdive')).toMatchObject({ theme: { themeId: 'tourismus', tier: 'III' } });

    // A deep-dive on a Priority I theme.
    await office.getByRole('button', { name: 'Vertiefung anlegen: Bildung' }).click();
    await office.getByRole('link', { name: 'Vertiefung öffnen zu Bildung' }).waitFor();
    const step = (await steps()).find((s) => s.kind === 'deepdive' && s.theme?.themeId === 'bildung')!;
    expect(step).toMatchObject({ phase: 'lobby', theme: { name: 'Bildung', tier: 'I' } });
    await office.locator('.deepdive-section').scrollIntoViewIfNeeded();
    await expectAccessible(office, 'process page with deep-dives');
    await shot(office, 'process-deepdives-1366x768');
    await office.locator('.step-list').scrollIntoViewIfNeeded();
    await shot(office, 'process-steps-1366x768');

    // The console runs it; the projector and two tablets join (the same link serves those at home).
    const console_ = await e2e.openSignedIn('laptop1366', `/moderation/${step.workshopId}`);
    await console_.getByRole('heading', { name: 'Vertiefung: Bildung' }).waitFor();
    expect(await text(console_)).toContain('Priorität I');
    await console_.getByRole('button', { name: 'Ideensammlung starten' }).click();
    const projector = await e2e.open('projector', `/projector/${step.code}`);
    const olfen = await e2e.open('tablet', `/join/${step.code}`);
    const senden = await e2e.open('tablet', `/join/${step.code}`);
    await join(olfen, 'Olfen');
    await join(senden, 'Senden');
    await olfen.getByRole('heading', { name: 'Vertiefung: Bildung', level: 1 }).waitFor();

    // The cost is read as typed; a negative amount is named at once.
    const cost = olfen.getByLabel('Geschätzte Kosten in Euro (freiwillig)');
    await cost.fill('-200');
    await olfen.getByText('Kosten können nicht negativ sein.').waitFor();
    await cost.fill('12.500,50');
    await expect.poll(() => text(olfen, '.proposal-form')).toContain('Gelesen als 12.500,50 €');
    await submitIdea(olfen, { title: 'Medienscouts an Schulen', lead: 'Kreis Coesfeld', partners: 'Stadt Olfen, Medienzentrum', cost: '12.500,50' });
    await submitIdea(senden, { title: 'Lernplattform der Volkshochschule', lead: 'keine (noch offen)', cost: '30.000' });
    expect(await text(olfen, '.own-list')).toContain('12.500,50 €');
    await expectAccessible(olfen, 'deep-dive tablet');
    await shot(olfen, 'tablet-collecting-1024x768');

    // A reload keeps the tablet's idea with its details.
    await olfen.reload();
    await expect.poll(() => text(olfen, '.own-list').catch(() => ''), { timeout: 20_000 }).toContain('Medienscouts an Schulen');
    expect(await text(olfen, '.own-list')).toContain('Kreis Coesfeld');

    // The console: both ideas with their details; one accepted, the other's cost edited.
    await card(console_, 'Lernplattform der Volkshochschule').waitFor();
    await expect.poll(() => text(console_, 'article.proposal-card:has(h4:text-is("Medienscouts an Schulen"))')).toContain('12.500,50 €');
    expect(await card(console_, 'Medienscouts an Schulen').innerText()).toContain('Kreis Coesfeld');
    await card(console_, 'Medienscouts an Schulen').getByRole('button', { name: 'Annehmen' }).click();
    await card(console_, 'Lernplattform der Volkshochschule').getByRole('button', { name: 'Bearbeiten' }).click();
    await card(console_, 'Lernplattform der Volkshochschule').getByLabel('Geschätzte Kosten in Euro (freiwillig)').fill('45.000');
    await card(console_, 'Lernplattform der Volkshochschule').getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => card(console_, 'Lernplattform der Volkshochschule').innerText().then((s) => s.replace(/\u00a0/g, ' '))).toContain('45.000 €');
    await expectAccessible(console_, 'deep-dive console');
    await console_.evaluate(() => window.scrollTo(0, 0));
    await shot(console_, 'console-1366x768');
    await card(console_, 'Medienscouts an Schulen').scrollIntoViewIfNeeded();
    await shot(console_, 'console-board-1366x768');

    // The projector: the accepted idea with its lead and cost, without scrolling.
    await expect.poll(() => text(projector), { timeout: 20_000 }).toContain('Medienscouts an Schulen');
    expect(await text(projector)).toContain('12.500,50 €');
    expect(await text(projector)).toContain('Kreis Coesfeld');
    await expectAccessible(projector, 'deep-dive projector');
    await shot(projector, 'projector-1920x1080');
    expect(await projector.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await shot(projector, 'projector-1280x720');
    expect(await projector.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);

    // The tablet learns that its idea was accepted.
    await expect.poll(() => text(olfen, '.own-list')).toContain('angenommen');
    await shot(olfen, 'tablet-accepted-1024x768');
    await senden.getByLabel('Geschätzte Kosten in Euro (freiwillig)').fill('12,5,0');
    await senden.getByText('Das ist kein Betrag in Euro').waitFor();
    await senden.getByLabel('Geschätzte Kosten in Euro (freiwillig)').scrollIntoViewIfNeeded();
    await shot(senden, 'tablet-cost-error-1024x768');
    for (const page of [office, console_, olfen, senden, projector]) expect(await noSideways(page)).toBe(true);
    e2e.expectClean();
  });
});
