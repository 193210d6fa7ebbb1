/**
 * The three screens in Chromium: a facilitator, three tablets (Coesfeld with
 * two representatives, Dülmen with one) and a projector run a Quick-Check from
 * creation to reveal. Every step asserts what each screen shows, scans it with
 * axe and saves screenshots (tests/.artifacts/screenshots, git-ignored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, startE2E, VIEWPORTS, type E2E } from '../support/browser.js';
import { ADMIN, setupPathOf } from '../support/harness.js';
import { THEMES, join, ratingsOf, expectChecked, type Rating } from '../support/tablet.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

// What each tablet rates per theme: [Bedeutung, Digitalisierungspotenzial].
const A1: Rating[] = [[5, 5], [5, 4], [3, 3], [2, 2], [4, 3], [2, 2], [2, 2], [4, 3]];
const A2: Rating[] = [[4, 4], [4, 4], [4, 3], [2, 2], [4, 4], [2, 1], [2, 2], [4, 4]];
const B: Rating[] = [[5, 4], [4, 5], [3, 2], [2, 3], [4, 3], [3, 2], [1, 'abstain'], [3, 3]];

const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Independent of the app: organisation mean, then mean over organisations, then the default rule with minOrganisations = 2. */
function expected() {
  return THEMES.map((name, t) => {
    const means = [0, 1].map((c) => {
      const coesfeld = mean([A1[t]![c], A2[t]![c]].filter((v): v is number => typeof v === 'number'));
      const duelmen = B[t]![c];
      const orgs = typeof duelmen === 'number' ? [coesfeld, duelmen] : [coesfeld];
      return { value: mean(orgs), organisations: orgs.length };
    });
    const insufficient = means.some((m) => m.organisations < 2);
    const score = ((means[0]!.value - 1) / 4 + (means[1]!.value - 1) / 4) / 2;
    const tier = insufficient ? null : score >= 0.7 ? 'I' : score >= 0.5 ? 'II' : 'III';
    return { name, tier, score: insufficient ? -1 : score, text: means.map((m) => de.format(m.value)), index: t };
  });
}

async function registerStatus(page: Page, organisation: string) {
  return page.locator('table.register tbody tr').filter({ hasText: organisation }).locator('td').last().innerText();
}

describe('Quick-Check in the browser', () => {
  it('facilitator, three tablets and a projector go from creation to reveal', async () => {
    // First start (AC-1): the printed setup link creates the first account, then the start page.
    const facilitator = await e2e.open('laptop', setupPathOf(e2e.server.url)!);
    await facilitator.getByRole('heading', { name: 'Konsens einrichten' }).waitFor();
    await facilitator.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
    await facilitator.getByLabel('Name', { exact: true }).fill(ADMIN.name);
    await facilitator.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
    await facilitator.getByLabel('Passwort wiederholen').fill(ADMIN.password);
    await expectAccessible(facilitator, 'setup page');
    await screenshot(facilitator, 'setup-1440x900');
    await facilitator.getByRole('button', { name: 'Konto anlegen' }).click();
    await facilitator.getByRole('heading', { name: 'Ihre Prozesse' }).waitFor();
    // Creation of a single workshop, from the start page.
    await facilitator.getByLabel('Titel des Workshops').fill('Quick-Check Kreis Coesfeld');
    await expectAccessible(facilitator, 'start page');
    await screenshot(facilitator, 'home-1440x900');
    await facilitator.getByRole('button', { name: 'Workshop anlegen' }).click();
    await facilitator.waitForURL(/\/moderation\//);
    await facilitator.getByRole('heading', { name: 'Wer hat bewertet?' }).waitFor();
    const code = (await facilitator.locator('.share .join-code').innerText()).replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await registerStatus(facilitator, 'Dülmen')).toContain('fehlt');
    await expect.poll(() => facilitator.locator('table.register tbody tr').count()).toBe(12);

    // The facilitator edits a theme description in the lobby.
    await facilitator.getByLabel('Beschreibung (freiwillig): Bildung').fill('Schulen, Weiterbildung, Medienkompetenz');
    await facilitator.getByRole('button', { name: 'Speichern' }).click();
    await facilitator.getByText('Gespeichert').waitFor();
    await expectAccessible(facilitator, 'facilitator lobby');
    await screenshot(facilitator, 'facilitator-lobby-1440x900');

    const projector = await e2e.open('projector', `/projector/${code}`);
    await projector.getByText('mit dem Code').waitFor();
    expect(await projector.locator('.invite .join-code').innerText()).toBe(`${code.slice(0, 3)}-${code.slice(3)}`);
    await expect.poll(() => projector.locator('.big-count').innerText()).toBe('0 Personen beigetreten');

    // Three tablets join: the code typed loosely for one of them.
    const a1 = await e2e.open('tablet', `/join/${code.toLowerCase()}`);
    await expectAccessible(a1, 'tablet join form');
    await screenshot(a1, 'tablet-join-1024x768');
    await join(a1, 'Coesfeld', 'Anna');
    const a2 = await e2e.open('tabletPortrait', `/join/${code}`);
    await join(a2, 'Coesfeld');
    const b = await e2e.open('tablet', '/join');
    await b.getByLabel('Beitrittscode').fill(`${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase());
    await b.getByRole('button', { name: 'Weiter' }).click();
    await join(b, 'Dülmen');
    await a1.getByText('Die Bewertung hat noch nicht begonnen').waitFor();
    await expectAccessible(a1, 'tablet waiting in the lobby');
    await expect.poll(() => projector.locator('.big-count').innerText()).toBe('3 Personen beigetreten');
    await expectAccessible(projector, 'projector lobby');
    await screenshot(projector, 'projector-lobby-1920x1080');

    // Scoring starts: with two of the rule's three organisations here, the console asks first (others may still join).
    await facilitator.getByRole('button', { name: 'Bewertung starten' }).click();
    const turnout = facilitator.getByRole('dialog', { name: 'Bewertung starten, obwohl erst wenige Organisationen da sind?' });
    expect(await turnout.innerText()).toContain('Beigetreten sind bisher 2 von 12 Organisationen');
    await turnout.getByRole('button', { name: 'Trotzdem starten' }).click();
    for (const tablet of [a1, a2, b]) await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor();
    await expect.poll(() => projector.locator('.big-count').innerText()).toBe('0 von 12 Organisationen fertig');
    await expect(b.getByText('Schulen, Weiterbildung, Medienkompetenz').isVisible()).resolves.toBe(true);

    await ratingsOf(a1, A1);
    await ratingsOf(b, B);
    await ratingsOf(a2, A2.slice(0, 4));
    await expect.poll(() => a1.locator('.progress-text').innerText()).toBe('8 von 8 Themen bewertet');
    await expect.poll(() => a2.locator('.progress-text').innerText()).toBe('4 von 8 Themen bewertet');
    await expectAccessible(a1, 'tablet scoring with answers');
    await screenshot(a1, 'tablet-scoring-1024x768');
    await screenshot(a2, 'tablet-scoring-portrait-768x1024');

    // A reload mid-scoring keeps identity and answers.
    await a2.reload();
    await a2.getByRole('heading', { name: 'Verwaltung' }).waitFor();
    await expect.poll(() => a2.locator('.progress-text').innerText()).toBe('4 von 8 Themen bewertet');
    for (const [t, rating] of A2.slice(0, 4).entries()) await expectChecked(a2, THEMES[t]!, rating);
    await ratingsOf(a2, A2.slice(4), 4);

    // The facilitator sees who has voted and — presentation-safe mode is on — the live results once asked for; the projector only progress.
    await facilitator.getByRole('button', { name: 'Ergebnisse anzeigen (nur auf dieser Konsole)' }).click();
    await expect.poll(() => registerStatus(facilitator, 'Coesfeld')).toContain('vollständig');
    await expect.poll(() => registerStatus(facilitator, 'Dülmen')).toContain('vollständig');
    expect(await registerStatus(facilitator, 'Olfen')).toContain('fehlt');
    await expect.poll(() => facilitator.locator('table.ranked tbody tr').count()).toBe(8);
    await expect.poll(() => projector.locator('.big-count').innerText()).toBe('2 von 12 Organisationen fertig');
    expect(await projector.locator('table.ranked').count()).toBe(0);
    expect(await projector.getByText('Priorität').count()).toBe(0);
    await expectAccessible(projector, 'projector scoring');
    await expectAccessible(facilitator, 'facilitator scoring');
    await screenshot(projector, 'projector-scoring-1920x1080');
    await screenshot(facilitator, 'facilitator-scoring-1440x900');

    // Closing: the console names who has not finished and asks; then tablets thank, answers can no longer change.
    await facilitator.getByRole('button', { name: 'Bewertung schließen' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Trotzdem schließen' }).click();
    await a1.getByText('Bewertung abgeschlossen').waitFor();
    await projector.getByText('Die Bewertung ist geschlossen').waitFor();
    expect(await a1.getByText('Priorität').count()).toBe(0);

    // Only two organisations took part: the facilitator lowers the minimum and sees the effect before applying it.
    await facilitator.getByLabel('Mindestens bewertende Organisationen').fill('2');
    await facilitator.getByRole('heading', { name: 'Vorschau mit der geänderten Regel' }).waitFor();
    await expectAccessible(facilitator, 'facilitator rule preview');
    await facilitator.getByRole('button', { name: 'Regel übernehmen' }).click();
    await facilitator.locator('.panel').filter({ hasText: 'Regel für die Prioritäten' }).getByText('Gespeichert').waitFor();

    // Reveal: the projector shows the matrix and the ranked list, exactly as computed independently.
    await facilitator.getByRole('button', { name: 'Ergebnisse zeigen' }).click();
    await projector.locator('table.ranked').waitFor();
    await projector.locator('.matrix svg .matrix-marker').first().waitFor();
    const rows = projector.locator('table.ranked tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    const want = expected();
    const order = [...want].sort((x, y) => (x.tier ?? 'IV').localeCompare(y.tier ?? 'IV') || y.score - x.score || x.index - y.index);
    const shown = await rows.locator('th .theme-name').allInnerTexts();
    expect(shown).toEqual(order.map((w) => w.name));
    for (const w of want) {
      const row = await rows.filter({ has: projector.locator('.theme-name', { hasText: w.name }) }).innerText();
      expect(row).toContain(w.tier ? `Priorität ${w.tier}` : 'Zu wenige Daten');
      for (const text of w.text) expect(row).toContain(text);
    }
    expect(want.filter((w) => w.tier === null).map((w) => w.name)).toEqual(['Kultur']);
    await expectAccessible(projector, 'projector revealed');
    await screenshot(projector, 'projector-revealed-1920x1080');
    await expectAccessible(facilitator, 'facilitator revealed');
    await screenshot(facilitator, 'facilitator-revealed-1440x900');
    await facilitator.setViewportSize(VIEWPORTS.tablet);
    await screenshot(facilitator, 'facilitator-revealed-1024x768');
    await expectAccessible(facilitator, 'facilitator revealed at 1024×768');

    // Tablets: the group result and their own organisation beside it.
    await b.getByRole('heading', { name: 'Ergebnis' }).waitFor();
    const verwaltung = await b.locator('.result-list li').filter({ hasText: 'Verwaltung' }).innerText();
    expect(verwaltung).toContain('Ihre Organisation');
    expect(verwaltung).toContain(de.format(5)); // Dülmen's own importance for Verwaltung
    await expectAccessible(b, 'tablet revealed');
    await screenshot(b, 'tablet-revealed-1024x768');
    await screenshot(a2, 'tablet-revealed-portrait-768x1024');

    // The facilitator deletes the workshop: everyone is told, nothing is left to join.
    facilitator.once('dialog', (dialog) => void dialog.accept());
    await facilitator.setViewportSize(VIEWPORTS.laptop);
    await facilitator.getByRole('button', { name: 'Workshop löschen' }).click();
    await facilitator.waitForURL(`${e2e.server.url}/`);
    await b.getByText('Dieser Workshop wurde gelöscht.').waitFor();
    await projector.getByText('Dieser Workshop wurde gelöscht.').waitFor();
    expect((await fetch(`${e2e.server.url}/api/workshops/${code}`)).status).toBe(404);
    e2e.expectClean();
  });
});
