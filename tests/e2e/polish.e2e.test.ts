/**
 * Issue 15, tablet and console: what a new facilitator and participants met in
 * a real browser (German locale), each checked where it shows — the tablet at
 * 1024×768, the console at 1366×768. Screenshots go to /tmp/polish-shots/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from '../support/browser.js';
import { connect, createWorkshop, disconnectAll, facilitate, ok, opId, tempDir, version, type TestWorkshop } from '../support/harness.js';
import { ratingsOf, type Rating } from '../support/tablet.js';

const SHOTS = '/tmp/polish-shots';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  disconnectAll();
  e2e?.expectClean();
  await e2e?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Organisations rate over the socket, answers in order; `cells` answers each (16 = complete). */
async function rateOverTheWire(created: TestWorkshop, organisationId: string, cells: number, value: (cell: number) => number): Promise<void> {
  const { socket, session } = await facilitate(e2e.server.url, created);
  const { config } = session.state.workshop;
  socket.disconnect();
  const tablet = connect(e2e.server.url);
  await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId, protocolVersion: version });
  let cell = 0;
  for (const theme of config.themes)
    for (const criterion of config.criteria) {
      if (cell >= cells) return;
      await ok(tablet, 'answer:set', { opId: opId(), themeId: theme.id, criterionId: criterion.id, value: value(cell++) });
    }
}

describe('Quick-Check polish on the tablet (1024×768)', () => {
  it('join form checked in German ⇒ scale labels under 1 and 5 ⇒ headings clear of the sticky bar ⇒ "alles gespeichert" ⇒ no "Sie bewerten für" after closing ⇒ a 1,0 is a bar', async () => {
    const created = await createWorkshop(e2e.server.url);
    const { socket: facilitator } = await facilitate(e2e.server.url, created);
    const tablet = await e2e.open('tablet', `/join/${created.code}`);

    // The join form: "freiwillig" once; no organisation chosen ⇒ the app says so in German (no browser bubble).
    await tablet.getByText('Für welche Organisation bewerten Sie?').waitFor();
    const form = await tablet.locator('form').innerText();
    expect(form.match(/freiwillig/gi)?.length, form).toBe(1);
    await tablet.getByRole('button', { name: 'Beitreten' }).click();
    await tablet.getByRole('alert').filter({ hasText: 'Bitte wählen Sie die Organisation, für die Sie bewerten.' }).waitFor();
    expect(await tablet.locator('form[novalidate]').count()).toBe(1);
    await shot(tablet, 'tablet-join-missing-1024x768');
    await tablet.getByRole('radio', { name: 'Ascheberg', exact: true }).check();
    await tablet.getByRole('button', { name: 'Beitreten' }).click();
    await tablet.getByText('Sie bewerten für Ascheberg.').waitFor();
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor();

    // "1 = gering" starts under button 1, "5 = hoch" ends under button 5.
    const row = '.theme-card >> nth=0 >> .score-row >> nth=0';
    const one = await box(tablet, `${row} >> .scale-steps .score >> nth=0`);
    const five = await box(tablet, `${row} >> .scale-steps .score >> nth=4`);
    const low = await box(tablet, `${row} >> .scale-hint span >> nth=0`);
    const high = await box(tablet, `${row} >> .scale-hint span >> nth=1`);
    expect(await tablet.locator(`${row} >> .scale-hint span >> nth=0`).innerText()).toBe('1 = gering');
    expect(Math.abs(low.x - one.x)).toBeLessThan(3);
    expect(Math.abs(high.x + high.width - (five.x + five.width))).toBeLessThan(3);
    expect(low.y).toBeGreaterThanOrEqual(one.y + one.height);
    expect(high.x).toBeGreaterThan(five.x - 1 - high.width + five.width / 2);

    // A theme scrolled to (as a link or the browser would) shows its heading below the sticky bar.
    await tablet.evaluate(() => document.getElementById('theme-wirtschaft')!.closest('section')!.scrollIntoView());
    const bar = await box(tablet, '.ballot-bar');
    const heading = await box(tablet, '#theme-wirtschaft');
    expect(bar.y).toBeLessThanOrEqual(1);
    expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await shot(tablet, 'tablet-scrolled-to-theme-1024x768');
    // One theme at a time, from the bottom of a long page: "next" shows the next theme from its heading.
    await tablet.getByRole('button', { name: 'Ein Thema nach dem anderen' }).click();
    await tablet.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tablet.getByRole('button', { name: 'Nächstes Thema' }).click();
    await tablet.getByRole('heading', { name: 'Bildung' }).waitFor();
    const barNow = await box(tablet, '.ballot-bar');
    const next = await box(tablet, '#theme-bildung');
    expect(next.y).toBeGreaterThanOrEqual(barNow.y + barNow.height);
    expect(next.y + next.height).toBeLessThanOrEqual(768);
    expect(await tablet.evaluate(() => document.activeElement?.id)).toBe('theme-bildung');
    await shot(tablet, 'tablet-single-next-1024x768');
    await tablet.getByRole('button', { name: 'Alle Themen' }).click();

    // Every theme rated: "alles ist gespeichert" — only once every answer is acknowledged.
    const ratings: Rating[] = [[1, 1], [4, 4], [3, 5], [2, 2], [4, 3], [3, 3], [2, 1], [5, 4]];
    await ratingsOf(tablet, ratings);
    await expect.poll(() => tablet.locator('.progress-text').innerText()).toBe('8 von 8 Themen bewertet');
    const done = tablet.getByRole('status').filter({ hasText: 'alles ist gespeichert' });
    await done.getByRole('heading', { name: /Fertig – alles ist gespeichert/ }).waitFor();
    expect(await done.innerText()).toContain('Sie müssen nichts weiter tun.');
    await done.scrollIntoViewIfNeeded();
    await shot(tablet, 'tablet-all-saved-1024x768');
    // An answer changed without a connection: the tablet says it is still being sent, then saved.
    await tablet.context().setOffline(true);
    await tablet.getByText('Keine Verbindung').waitFor();
    await tablet.getByRole('region', { name: 'Kultur', exact: true }).getByRole('group', { name: 'Bedeutung', exact: true }).getByRole('radio', { name: '3', exact: true }).check();
    await tablet.getByText('Eine Antwort ist noch unterwegs zum Server.').waitFor();
    expect(await tablet.getByText('Fertig – alles ist gespeichert').count()).toBe(0);
    await shot(tablet, 'tablet-still-sending-1024x768');
    await tablet.context().setOffline(false);
    await tablet.getByRole('heading', { name: /Fertig – alles ist gespeichert/ }).waitFor({ timeout: 20_000 });
    await expectAccessible(tablet, 'tablet all saved');

    // Closed: no "Sie bewerten für …" any more.
    await ok(facilitator, 'phase:set', { phase: 'closed' });
    await tablet.getByRole('heading', { name: 'Bewertung abgeschlossen' }).waitFor();
    expect(await tablet.getByText('Sie bewerten für').count()).toBe(0);
    await shot(tablet, 'tablet-closed-1024x768');

    // Revealed: Verwaltung was rated 1 and 1; its bars are not empty.
    await ok(facilitator, 'workshop:update', { tierRule: { weights: {}, priorityI: 0.7, priorityII: 0.5, minOrganisations: 1, discussSpread: 0.25 } });
    await ok(facilitator, 'phase:set', { phase: 'revealed' });
    await tablet.getByRole('heading', { name: 'Ergebnis' }).waitFor();
    expect(await tablet.getByText('Sie bewerten für').count()).toBe(0);
    const verwaltung = tablet.locator('.result-list li').filter({ hasText: 'Verwaltung' });
    expect(await verwaltung.innerText()).toContain('1,0');
    const widths = await verwaltung.locator('.bar span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
    expect(widths.length).toBe(4);
    for (const width of widths) expect(width).toBeGreaterThan(10);
    // Theme names may break after the slash.
    expect(await tablet.locator('.result-list h3').filter({ hasText: 'Innenstadt' }).innerHTML()).toContain('Innenstadt/<wbr>Dorfmitte');
    await shot(tablet, 'tablet-revealed-1024x768');
    await expectAccessible(tablet, 'tablet revealed');
  });
});

describe('Quick-Check polish on the console (1366×768)', () => {
  it('lobby with German date field ⇒ scoring with results hidden until asked ⇒ close asks and names who is missing ⇒ revealed, never scrolling sideways', async () => {
    const created = await createWorkshop(e2e.server.url);
    const console_ = await e2e.openSignedIn('laptop1366', created.facilitatorPath);
    await console_.getByRole('heading', { name: 'Wer hat bewertet?' }).waitFor();

    // Lobby: presentation-safe mode is on and says so; the date is a German field checked by the app.
    await console_.getByRole('heading', { name: 'Präsentationsmodus ist an' }).waitFor();
    expect(await console_.getByText('Zu wenige Organisationen für die Regel').count()).toBe(0);
    expect(await console_.locator('input[type="date"]').count()).toBe(0);
    const date = console_.getByLabel('Datum', { exact: true });
    await date.fill('31.02.2026');
    await console_.getByRole('button', { name: 'Speichern', exact: true }).click();
    await console_.getByRole('alert').filter({ hasText: '„Datum“ ist kein gültiges Datum (TT.MM.JJJJ).' }).first().waitFor();
    await shot(console_, 'console-lobby-invalid-date-1366x768');
    await date.fill('24.11.2026');
    await console_.getByRole('button', { name: 'Speichern', exact: true }).click();
    await console_.locator('section[aria-labelledby="setup-title"]').getByText('Gespeichert').waitFor();
    const { socket: facilitator, session } = await facilitate(e2e.server.url, created);
    expect(session.state.workshop.config.date).toBe('2026-11-24');
    const text = await visibleText(console_);
    for (const english of ['mm/dd/yyyy', 'Choose File', 'No file chosen', 'Please ']) expect(text).not.toContain(english);
    expect(await scrollsSideways(console_)).toBe(false);
    await expectAccessible(console_, 'console lobby');
    await shot(console_, 'console-lobby-1366x768');

    // Scoring: two organisations complete, one partial, nine missing. The console hides the results until asked.
    await console_.getByRole('button', { name: 'Bewertung starten' }).click();
    await console_.getByRole('dialog', { name: 'Bewertung starten, obwohl erst wenige Organisationen da sind?' }).getByRole('button', { name: 'Trotzdem starten' }).click();
    await console_.locator('.topbar-title').getByText('Bewertung läuft').waitFor();
    await rateOverTheWire(created, 'coesfeld', 16, (cell) => 1 + (cell % 5));
    await rateOverTheWire(created, 'duelmen', 16, (cell) => 5 - (cell % 4));
    await rateOverTheWire(created, 'olfen', 5, () => 3);
    await expect.poll(() => console_.locator('table.register').innerText()).toContain('vollständig');
    expect(await console_.locator('table.ranked').count()).toBe(0);
    expect(await console_.locator('.matrix-figure').count()).toBe(0);
    expect(await console_.getByText('Die Ergebnisse sind auf dieser Konsole verborgen').count()).toBe(1);
    expect(await scrollsSideways(console_)).toBe(false);
    await shot(console_, 'console-scoring-safe-1366x768');
    await console_.getByRole('button', { name: 'Ergebnisse anzeigen (nur auf dieser Konsole)' }).click();
    await expect.poll(() => console_.locator('table.ranked tbody tr').count()).toBe(8);
    expect(await console_.locator('table.ranked th .theme-name').filter({ hasText: 'Innenstadt' }).innerHTML()).toContain('Innenstadt/<wbr>Dorfmitte');
    expect(await scrollsSideways(console_)).toBe(false);
    await shot(console_, 'console-scoring-looking-1366x768');
    await console_.getByRole('button', { name: 'Ergebnisse wieder verbergen' }).click();
    await expect.poll(() => console_.locator('table.ranked').count()).toBe(0);
    // The mode is remembered in this browser: off survives a reload, and so does on.
    await console_.getByLabel('Präsentationsmodus: Ergebnisse vor dem Zeigen verbergen').uncheck();
    await console_.reload();
    await console_.getByRole('heading', { name: 'Präsentationsmodus ist aus' }).waitFor();
    await expect.poll(() => console_.locator('table.ranked tbody tr').count()).toBe(8);
    await console_.getByLabel('Präsentationsmodus: Ergebnisse vor dem Zeigen verbergen').check();
    await console_.reload();
    await console_.getByRole('heading', { name: 'Präsentationsmodus ist an' }).waitFor();
    expect(await console_.locator('table.ranked').count()).toBe(0);

    // "Bewertung schließen" asks first and names who has not finished; cancelling keeps the rating open.
    await console_.getByRole('button', { name: 'Bewertung schließen' }).click();
    const dialog = console_.getByRole('dialog', { name: 'Bewertung schließen, obwohl noch nicht alle fertig sind?' });
    await dialog.waitFor();
    const asked = await dialog.innerText();
    expect(asked).toContain('10 von 12 Organisationen sind noch nicht fertig');
    // Counted in themes, as on the tablet: Olfen's five answers complete two themes.
    expect(asked).toContain('Olfen – teilweise (2 von 8 Themen bewertet)');
    expect(asked).toContain('Billerbeck – noch keine Antwort');
    expect(asked).not.toMatch(/^Coesfeld –/m);
    expect(asked).not.toContain('Dülmen');
    expect(await console_.evaluate(() => document.activeElement?.textContent)).toBe('Weiter bewerten lassen');
    await expectAccessible(console_, 'console close confirmation');
    await shot(console_, 'console-close-confirm-1366x768');
    await dialog.getByRole('button', { name: 'Weiter bewerten lassen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await console_.locator('.topbar-title').innerText()).toContain('Bewertung läuft');
    await rateOverTheWire(created, 'senden', 2, () => 4); // still accepted: the rating is open
    await console_.getByRole('button', { name: 'Bewertung schließen' }).click();
    await dialog.getByRole('button', { name: 'Trotzdem schließen' }).click();
    await console_.locator('.topbar-title').getByText('Bewertung geschlossen').waitFor();
    expect(await scrollsSideways(console_)).toBe(false);
    await shot(console_, 'console-closed-1366x768');

    // Revealed: results for everyone; differences carry a real minus sign; nothing scrolls sideways.
    await ok(facilitator, 'workshop:update', { tierRule: { weights: {}, priorityI: 0.7, priorityII: 0.5, minOrganisations: 2, discussSpread: 0.25 } });
    await console_.getByRole('button', { name: 'Ergebnisse zeigen' }).click();
    await console_.locator('.topbar-title').getByText('Ergebnisse sichtbar').waitFor();
    await expect.poll(() => console_.locator('table.ranked tbody tr').count()).toBe(8);
    expect(await console_.getByText('Präsentationsmodus ist an').count()).toBe(0);
    const individual = await console_.locator('table.individual-table').innerText();
    expect(individual).toMatch(/\u2212\d/);
    expect(individual).not.toMatch(/(^|\s)-\d/);
    expect(await scrollsSideways(console_)).toBe(false);
    await expectAccessible(console_, 'console revealed');
    await shot(console_, 'console-revealed-1366x768');
    await console_.locator('section[aria-labelledby="individual-title"]').scrollIntoViewIfNeeded();
    await shot(console_, 'console-revealed-individual-1366x768');
  });

  it('a roster smaller than the rule needs ⇒ the lobby warns that every theme would end as "Zu wenige Daten"', async () => {
    const created = await createWorkshop(e2e.server.url);
    const { socket, session } = await facilitate(e2e.server.url, created);
    await ok(socket, 'workshop:update', { organisations: session.state.workshop.config.organisations.slice(0, 2) });
    const console_ = await e2e.openSignedIn('laptop1366', created.facilitatorPath);
    const warning = console_.locator('section').filter({ has: console_.getByRole('heading', { name: 'Zu wenige Organisationen für die Regel' }) });
    await warning.waitFor();
    const said = await warning.innerText();
    expect(said).toContain('Eingetragen sind 2 Organisationen, die Regel verlangt mindestens 3 bewertende Organisationen.');
    expect(said).toContain('„Zu wenige Daten“');
    await expectAccessible(console_, 'console lobby with roster warning');
    await shot(console_, 'console-lobby-roster-warning-1366x768');
    // Lowered to what the roster can meet: the warning goes.
    await ok(socket, 'workshop:update', { tierRule: { ...session.state.workshop.config.tierRule, minOrganisations: 2 } });
    await warning.waitFor({ state: 'detached' });
  });
});

describe('office controls in the page\'s language (1366×768)', () => {
  it('start page: the date field and the file picker speak German; missing or wrong input is said by the app', async () => {
    const home = await e2e.openSignedIn('laptop1366', '/');
    await home.getByRole('heading', { name: 'Workshop importieren' }).waitFor();
    expect(await home.locator('input[type="date"]').count()).toBe(0);
    expect(await home.getByText('Keine Datei ausgewählt').isVisible()).toBe(true);
    expect(await home.getByText('Datei auswählen …').isVisible()).toBe(true);
    let text = await visibleText(home);
    for (const english of ['mm/dd/yyyy', 'Choose File', 'No file chosen']) expect(text).not.toContain(english);
    // Nothing chosen: the app says so.
    await home.getByRole('button', { name: 'Importieren' }).click();
    await home.getByRole('alert').filter({ hasText: 'Bitte wählen Sie zuerst eine Datei aus.' }).waitFor();
    // A chosen file shows its name.
    const file = joinPath(tempDir('konsens-polish-'), 'workshop-sicherung.json');
    writeFileSync(file, '{}');
    await home.getByLabel('Workshop-Datei').setInputFiles(file);
    await home.getByText('workshop-sicherung.json').waitFor();
    // A date the calendar does not have: a German message, no workshop created.
    await home.getByLabel('Datum', { exact: true }).fill('32.13.2026');
    await home.getByRole('button', { name: 'Workshop anlegen' }).click();
    await home.getByRole('alert').filter({ hasText: 'Das ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben' }).waitFor();
    expect(new URL(home.url()).pathname).toBe('/');
    text = await visibleText(home);
    for (const english of ['mm/dd/yyyy', 'Choose File', 'No file chosen', 'Please ']) expect(text).not.toContain(english);
    expect(await scrollsSideways(home)).toBe(false);
    await expectAccessible(home, 'start page with German controls');
    await shot(home, 'home-controls-1366x768');
  });
});
