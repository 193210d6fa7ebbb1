/**
 * Vision with a consent check in Chromium, in German (SPEC VI-1 … VI-9): a
 * process with a finalised Quick-Check gets a vision step; the console adds a
 * principle and a future picture, starts the vision and opens a check; two
 * tablets of different organisations answer — one consents, one raises a
 * serious objection with a reason (without one it cannot be sent); a reload
 * keeps the answer; the console shows who objected; the facilitator revises
 * (version 2), checks again, both consent: "angenommen" on console, projector
 * and tablet. axe on every screen; screenshots at 1366×768 (console),
 * 1920×1080 and 1280×720 (projector) and 1024×768 (tablet), none scrolling sideways.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshop } from '../../shared/protocol.js';
import { expectAccessible, screenshotDir, startE2E, type E2E } from '../support/browser.js';
import { api } from '../support/harness.js';
import { processWithTiers } from '../support/tiers.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const shots = process.env.KONSENS_SHOTS_DIR ?? screenshotDir;

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

/** Tablets get pushes at most once a second, and the machine may be busy: patience beyond expect.poll's one second. */
const eventually = <T>(probe: () => Promise<T> | T) => expect.poll(probe, { timeout: 15_000 });

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
const noScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight);

async function joinFor(page: Page, organisation: string): Promise<void> {
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText(`Sie nehmen für ${organisation} teil.`).waitFor();
}

/** The check on the tablet: the group of the three answers for this statement. */
const choices = (page: Page, title: string) => page.getByRole('group', { name: `Ihre Antwort zu „${title}“` });
const deliveryOf = (page: Page) => page.locator('.consent-card').getByRole('status');

async function answer(page: Page, title: string, choice: 'Zustimmung' | 'Bedenken' | 'Schwerwiegender Einwand', reason?: string): Promise<void> {
  await choices(page, title).getByRole('radio', { name: choice, exact: true }).check();
  if (reason) await page.getByLabel('Begründung des Einwands (erforderlich)').fill(reason);
  await page.getByRole('button', { name: /^Antwort (senden|ändern)$/ }).click();
  await eventually(() => deliveryOf(page).innerText()).toBe(`✓ Gespeichert: ${choice}`);
}

const card = (page: Page, title: string) => page.locator('article.vision-card', { has: page.getByRole('heading', { name: title, exact: true }) });

describe('vision with a consent check in the browser', () => {
  it('VI-1 … VI-8: an objection with its reason, a revision, a second round adopts — on console, projector and tablets', async () => {
    const { url } = e2e.server;
    const { cookie, process } = await processWithTiers(url);
    const created = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'vision' }, cookie })).json()) as CreatedWorkshop;

    // The console: a principle and a future picture of a prioritised theme (VI-1, VI-2).
    const console_ = await e2e.openSignedIn('laptop1366', `/moderation/${created.workshopId}`, cookie);
    const principleForm = console_.getByRole('form', { name: 'Grundsatz hinzufügen' });
    await principleForm.getByLabel('Titel').fill('Digital zuerst');
    await principleForm.getByLabel('Text', { exact: true }).fill('Wir denken jede Leistung digital.\n\n- barrierefrei\n- datensparsam');
    await principleForm.getByRole('button', { name: 'Grundsatz hinzufügen' }).click();
    await card(console_, 'Digital zuerst').waitFor();
    await console_.locator('summary', { hasText: 'Zukunftsbild hinzufügen' }).click();
    const pictureForm = console_.getByRole('form', { name: 'Zukunftsbild hinzufügen' });
    await pictureForm.getByLabel('Thema').selectOption({ label: 'Bildung (Priorität I)' });
    await pictureForm.getByLabel('Titel').fill('Bildung 2030');
    await pictureForm.getByLabel('Text', { exact: true }).fill('Jede Schule im Kreis ist angebunden.\n\n1. Glasfaser\n2. Geräte\n3. Fortbildung');
    await pictureForm.getByRole('button', { name: 'Zukunftsbild hinzufügen' }).click();
    await card(console_, 'Bildung 2030').waitFor();
    expect(await card(console_, 'Bildung 2030').innerText()).toContain('Zukunftsbild · Bildung');

    // The projector invites in the lobby.
    const projector = await e2e.open('projector', `/projector/${created.code}`);
    await projector.getByText('Grundsätze und Zukunftsbilder: Machen Sie mit!').waitFor();
    await expectAccessible(projector, 'vision projector lobby');
    await shoot(projector, 'vision-projector-lobby-1920x1080');
    expect(await noScroll(projector)).toBe(true);

    await console_.getByRole('button', { name: 'Vision starten' }).click();
    await console_.locator('.topbar-title').getByText('Vision läuft').waitFor();

    const olfen = await e2e.open('tablet', `/join/${created.code}`);
    const senden = await e2e.open('tablet', `/join/${created.code}`);
    await joinFor(olfen, 'Olfen');
    await joinFor(senden, 'Senden');
    await olfen.getByRole('heading', { name: 'Digital zuerst' }).waitFor();

    // Round 1 (VI-4, VI-5): Olfen consents; Senden objects — not without a reason.
    await card(console_, 'Digital zuerst').getByRole('button', { name: 'Konsent-Check starten' }).click();
    await choices(olfen, 'Digital zuerst').waitFor();
    await answer(olfen, 'Digital zuerst', 'Zustimmung');
    await choices(senden, 'Digital zuerst').getByRole('radio', { name: 'Schwerwiegender Einwand', exact: true }).check();
    await senden.getByText('Ein schwerwiegender Einwand braucht eine Begründung').waitFor();
    await senden.getByRole('button', { name: 'Antwort senden' }).click();
    await senden.getByRole('alert').getByText('Bitte begründen Sie den schwerwiegenden Einwand').waitFor();
    expect(await deliveryOf(senden).innerText()).toBe('');
    const reason = 'Ohne Datenschutz als Grundsatz für uns nicht tragbar';
    await answer(senden, 'Digital zuerst', 'Schwerwiegender Einwand', reason);
    await eventually(() => olfen.locator('.organisation-answer').innerText()).toContain('Antwort von Olfen: Zustimmung');
    await expectAccessible(senden, 'vision tablet with an open check');
    await shoot(senden, 'vision-tablet-check-1024x768');

    // A reload mid-round: the tablet resumes with its token and shows its unit's answer.
    await senden.reload();
    await choices(senden, 'Digital zuerst').waitFor();
    await eventually(() => choices(senden, 'Digital zuerst').getByRole('radio', { name: 'Schwerwiegender Einwand', exact: true }).isChecked()).toBe(true);
    expect(await senden.getByLabel('Begründung des Einwands (erforderlich)').inputValue()).toBe(reason);
    expect(await deliveryOf(senden).innerText()).toBe('✓ Gespeichert: Schwerwiegender Einwand');

    // VI-7: the console sees the objection live, with the organisation; the projector only how many answered.
    const checked = card(console_, 'Digital zuerst');
    await eventually(() => checked.innerText()).toContain(`Schwerwiegender Einwand · Senden: ${reason}`);
    expect(await checked.innerText()).toMatch(/2 von \d+ Organisationen haben geantwortet/);
    await expectAccessible(console_, 'vision console with an open check');
    await shoot(console_, 'vision-console-check-1366x768');
    await console_.evaluate(() => scrollTo(0, 0));
    await shoot(console_, 'vision-console-top-1366x768');
    await eventually(() => projector.locator('main').innerText()).toMatch(/2 von \d+ haben geantwortet/);
    expect(await projector.locator('main').innerText()).not.toContain(reason);
    await expectAccessible(projector, 'vision projector with an open check');
    await shoot(projector, 'vision-projector-check-1920x1080');
    expect(await noScroll(projector)).toBe(true);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await shoot(projector, 'vision-projector-check-1280x720');
    expect(await noScroll(projector)).toBe(true);
    await projector.setViewportSize({ width: 1920, height: 1080 });

    // Closing: objected; the projector and tablets see the tally and the reason without names (VI-6, VI-8).
    await checked.getByRole('button', { name: 'Konsent-Check beenden' }).click();
    await eventually(() => card(console_, 'Digital zuerst').innerText()).toContain('Einwand erhoben');
    expect(await card(console_, 'Digital zuerst').innerText()).toContain('Überarbeiten Sie den Text');
    await eventually(() => projector.locator('main').innerText()).toContain(reason);
    const projected = await projector.locator('main').innerText();
    expect(projected).toContain('Einwand erhoben');
    expect(projected).not.toContain('Senden');
    await shoot(projector, 'vision-projector-objected-1920x1080');
    await eventually(() => olfen.locator('main').innerText()).toContain(reason);
    expect(await olfen.locator('main').innerText()).toContain('Einwand erhoben');

    // VI-3: the facilitator revises (version 2) and checks again.
    await card(console_, 'Digital zuerst').getByRole('button', { name: 'Überarbeiten' }).click();
    const revise = console_.getByRole('form', { name: '„Digital zuerst“ überarbeiten' });
    await revise.getByLabel('Titel').fill('Digital zuerst – sicher');
    await revise.getByLabel('Text', { exact: true }).fill('Wir denken jede Leistung digital und schützen Daten.\n\n- barrierefrei\n- datensparsam\n- sicher');
    await revise.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
    const revised = card(console_, 'Digital zuerst – sicher');
    await eventually(() => revised.innerText()).toContain('Fassung 2');
    expect(await revised.innerText()).toContain('Entwurf');
    await revised.getByRole('button', { name: 'Konsent-Check starten' }).click();
    await choices(olfen, 'Digital zuerst – sicher').waitFor();
    await answer(olfen, 'Digital zuerst – sicher', 'Zustimmung');
    await choices(senden, 'Digital zuerst – sicher').waitFor();
    await answer(senden, 'Digital zuerst – sicher', 'Zustimmung');
    await eventually(() => card(console_, 'Digital zuerst – sicher').innerText()).toMatch(/2 von \d+ Organisationen haben geantwortet/);
    await card(console_, 'Digital zuerst – sicher').getByRole('button', { name: 'Konsent-Check beenden' }).click();

    // Adopted everywhere (VI-6); the card keeps every version with its time and every round.
    await eventually(() => card(console_, 'Digital zuerst – sicher').locator('.vision-status').innerText()).toContain('angenommen');
    await card(console_, 'Digital zuerst – sicher').locator('summary', { hasText: '2 Fassungen' }).click();
    await card(console_, 'Digital zuerst – sicher').locator('summary', { hasText: '2 Runden' }).click();
    const history = await card(console_, 'Digital zuerst – sicher').innerText();
    expect(history).toMatch(/Fassung 1 · \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(history).toMatch(/Runde 1 zu Fassung 1/);
    expect(history).toContain(`Schwerwiegender Einwand · Senden: ${reason}`);
    await expectAccessible(console_, 'vision console after adoption');
    await shoot(console_, 'vision-console-adopted-1366x768');
    await eventually(() => projector.locator('.result-stage').innerText()).toContain('angenommen');
    await expectAccessible(projector, 'vision projector with a result');
    await shoot(projector, 'vision-projector-adopted-1920x1080');
    expect(await noScroll(projector)).toBe(true);
    const adoptedOnTablet = senden.locator('article.statement-item', { has: senden.getByRole('heading', { name: 'Digital zuerst – sicher' }) });
    await eventually(() => adoptedOnTablet.locator('.vision-status').innerText()).toContain('angenommen');
    await expectAccessible(senden, 'vision tablet after adoption');
    await shoot(senden, 'vision-tablet-adopted-1024x768');

    // Finalising (asked first): the projector shows the overview with each status.
    console_.on('dialog', (dialog) => void dialog.accept());
    await console_.getByRole('button', { name: 'Abschließen' }).click();
    await console_.getByText(/Abgeschlossen am/).waitFor();
    await projector.locator('.overview-stage').waitFor();
    expect(await projector.locator('.overview-stage').innerText()).toMatch(/Digital zuerst – sicher\s*Stand:\s*angenommen/);
    await shoot(projector, 'vision-projector-overview-1920x1080');
    await projector.setViewportSize({ width: 1280, height: 720 });
    await shoot(projector, 'vision-projector-overview-1280x720');
    expect(await noScroll(projector)).toBe(true);

    for (const page of [console_, olfen, senden]) expect(await noSidewaysScroll(page)).toBe(true);
    e2e.expectClean();
  });
});
