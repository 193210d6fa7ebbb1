/**
 * The second workshop in Chromium: after a Quick-Check (12 organisations vote
 * over Socket.IO to save time; one tablet is a real browser), the facilitator
 * consolidates on the console — one theme dragged, one moved by button, each
 * with a reason —, shows individual results on the projector, finalises,
 * downloads every export and imports the workshop file on the start page.
 * Theme names are hostile (a spreadsheet formula, an HTML tag) and must show
 * as plain text everywhere.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, startE2E, type E2E } from '../support/browser.js';
import { connect, createWorkshop, disconnectAll, facilitate, ok, opId, tempDir, version, type TestWorkshop } from '../support/harness.js';
import { join } from '../support/tablet.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  disconnectAll();
  await e2e?.close();
});

const FORMULA = '=HYPERLINK("http://x","y")';
const HTML = '<img src=x onerror=alert(1)>';

/** Verwaltung, Bildung high … Kultur (renamed to the HTML tag) low; Tourismus is the formula. */
const BASE = [5, 5, 4, 2, 4, 2, 1, 3];

async function quickCheckOverTheWire(url: string, created: TestWorkshop): Promise<void> {
  const { socket: facilitator, session } = await facilitate(url, created);
  const { config } = session.state.workshop;
  const themes = config.themes.map((t) => (t.id === 'tourismus' ? { ...t, name: FORMULA } : t.id === 'kultur' ? { ...t, name: HTML } : t));
  await ok(facilitator, 'workshop:update', { themes });
  await ok(facilitator, 'phase:set', { phase: 'scoring' });
  for (const [o, organisation] of config.organisations.entries()) {
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: organisation.id, protocolVersion: version });
    for (const [t, theme] of config.themes.entries()) {
      for (const [c, criterion] of config.criteria.entries()) {
        const value = Math.min(5, Math.max(1, BASE[t]! + ((o + t + c) % 3) - 1));
        await ok(tablet, 'answer:set', { opId: opId(), themeId: theme.id, criterionId: criterion.id, value });
      }
    }
  }
  await ok(facilitator, 'phase:set', { phase: 'closed' });
  await ok(facilitator, 'phase:set', { phase: 'revealed' });
}

const card = (page: Page, name: string) => page.locator('.tier-card').filter({ has: page.locator('.theme-name', { hasText: name }) });
const column = (page: Page, tier: string) => page.locator(`.tier-column.column-${tier}`);

async function giveReason(page: Page, reason: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('Begründung').fill(reason);
  await dialog.getByRole('button', { name: 'Verschieben' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function download(page: Page, button: string): Promise<{ name: string; file: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = joinPath(tempDir('konsens-download-'), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), file: path };
}

describe('consolidation in the browser', () => {
  it('moves two themes with reasons, finalises, downloads every export and imports the workshop file', async () => {
    const created = await createWorkshop(e2e.server.url, { template: 'coesfeld', title: 'Quick-Check Kreis Coesfeld', date: '2026-11-24' });
    // One real tablet, joined before scoring; it rates nothing itself.
    const tablet = await e2e.open('tablet', `/join/${created.code}`);
    await join(tablet, 'Olfen');
    await quickCheckOverTheWire(e2e.server.url, created);

    const console_ = await e2e.openSignedIn('laptop', created.facilitatorPath);
    const projector = await e2e.open('projector', created.projectorPath);
    // Revealed, not yet consolidated: the console shows the rule's tiers as computed, not as decided.
    const computed = console_.getByRole('heading', { name: 'Berechnete Prioritäten' });
    await computed.waitFor();
    expect(await console_.getByRole('heading', { name: 'Konsolidierte Prioritäten' }).count()).toBe(0);
    await console_.setViewportSize({ width: 1366, height: 768 });
    await computed.scrollIntoViewIfNeeded();
    await screenshot(console_, 'facilitator-revealed-1366x768');
    await console_.setViewportSize({ width: 1440, height: 900 });
    await console_.getByRole('button', { name: 'Konsolidierung beginnen' }).click();
    await console_.getByRole('heading', { name: 'Konsolidierung: Prioritäten festlegen' }).waitFor();
    await projector.getByRole('heading', { name: 'Konsolidierung' }).waitFor();

    // The hostile names are text: shown verbatim, no element made of them.
    await expect.poll(() => card(console_, HTML).locator('.theme-name').innerText()).toBe(HTML);
    expect(await console_.locator('img[src="x"]').count()).toBe(0);
    expect(await card(console_, FORMULA).locator('.theme-name').innerText()).toBe(FORMULA);
    expect(await column(console_, 'III').locator('.theme-name').allInnerTexts()).toContain(HTML);
    expect(await column(console_, 'I').locator('.theme-name').allInnerTexts()).toContain('Mobilität');

    // Move 1: drag the HTML-named theme from Priority III to II.
    await card(console_, HTML).dragTo(column(console_, 'II'));
    await giveReason(console_, 'Ehrenamt und Vereine brauchen digitale Angebote');
    // Move 2: Mobilität from I to III with the keyboard alone: its button, the reason, Tab to "Verschieben", Enter.
    await console_.getByRole('button', { name: 'Mobilität nach Priorität III verschieben' }).focus();
    await console_.keyboard.press('Enter');
    await console_.getByRole('dialog').getByLabel('Begründung').waitFor();
    await console_.keyboard.type('Wird im Kreis-Mobilitätskonzept 2027 behandelt');
    await console_.keyboard.press('Tab');
    await console_.keyboard.press('Enter');
    await console_.getByRole('dialog').waitFor({ state: 'hidden' });
    // Focus lands on the moved theme in its new column, and the move is announced.
    await expect.poll(() => console_.evaluate(() => document.activeElement?.getAttribute('data-theme'))).toBe('mobilitaet');
    await console_.getByRole('status').filter({ hasText: 'Mobilität steht jetzt in Priorität III.' }).waitFor();

    await expect.poll(() => column(console_, 'II').locator('.theme-name').allInnerTexts()).toContain(HTML);
    await expect.poll(() => column(console_, 'III').locator('.theme-name').allInnerTexts()).toContain('Mobilität');
    expect(await card(console_, HTML).locator('.moved-note').innerText()).toContain('verschoben aus Priorität III');
    expect(await card(console_, 'Mobilität').locator('.moved-note').innerText()).toContain('verschoben aus Priorität I');
    const trail = console_.locator('table.trail tbody tr');
    await expect.poll(() => trail.count()).toBe(2);
    expect(await trail.nth(0).innerText()).toContain('Ehrenamt und Vereine brauchen digitale Angebote');
    expect(await trail.nth(1).innerText()).toMatch(/Mobilität\s+Priorität I → Priorität III\s+Wird im Kreis-Mobilitätskonzept 2027 behandelt/);
    await expectAccessible(console_, 'facilitator consolidation');
    await screenshot(console_, 'facilitator-consolidation-1440x900');
    await console_.setViewportSize({ width: 1024, height: 768 });
    await screenshot(console_, 'facilitator-consolidation-1024x768');
    await console_.setViewportSize({ width: 1440, height: 900 });

    // The projector shows the consolidated columns, moved themes marked with their reasons.
    await expect.poll(() => card(projector, 'Mobilität').locator('.moved-note').innerText().catch(() => '')).toContain('verschoben aus Priorität I');
    expect(await column(projector, 'II').innerText()).toContain('„Ehrenamt und Vereine brauchen digitale Angebote“');
    expect(await projector.locator('img[src="x"]').count()).toBe(0);
    await expectAccessible(projector, 'projector consolidation');
    await screenshot(projector, 'projector-consolidation-1920x1080');

    // The tablet sees the decided tiers.
    await expect.poll(() => tablet.locator('.result-list li').filter({ hasText: 'Mobilität' }).innerText()).toMatch(/Priorität III[\s\S]*verschoben aus Priorität I/);
    expect(await tablet.locator('.result-list h3').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(HTML), expect.stringContaining(FORMULA)]));
    expect(await tablet.locator('img[src="x"]').count()).toBe(0);
    await expectAccessible(tablet, 'tablet consolidated results');
    await screenshot(tablet, 'tablet-consolidated-1024x768');

    // A reload keeps everything (the server holds it).
    await console_.reload();
    await expect.poll(() => console_.locator('table.trail tbody tr').count()).toBe(2);
    // Paused (P-1), the decisions stay and the heading says so; resumed, the board takes moves again.
    await console_.getByRole('button', { name: 'Zurück zu den Ergebnissen' }).click();
    const paused = console_.getByRole('heading', { name: 'Prioritäten – Konsolidierung unterbrochen' });
    await paused.waitFor();
    await console_.setViewportSize({ width: 1024, height: 768 });
    await paused.scrollIntoViewIfNeeded();
    await screenshot(console_, 'facilitator-paused-1024x768');
    // On a 1280 × 720 projector-sized screen the moved cards stay inside their column (a long word once widened the track).
    await console_.setViewportSize({ width: 1280, height: 720 });
    const overflowing = await console_.evaluate(() =>
      [...document.querySelectorAll('.tier-column')].flatMap((column) =>
        [...column.querySelectorAll('.tier-card')].filter((card) => card.getBoundingClientRect().right > column.getBoundingClientRect().right).map((card) => card.textContent),
      ),
    );
    expect(overflowing).toEqual([]);
    await screenshot(console_, 'facilitator-paused-1280x720');
    await console_.setViewportSize({ width: 1440, height: 900 });
    expect(await console_.locator('table.trail tbody tr').count()).toBe(2);
    expect(await console_.getByRole('button', { name: /nach Priorität/ }).count()).toBe(0);
    await console_.getByRole('button', { name: 'Konsolidierung beginnen' }).click();
    await console_.getByRole('heading', { name: 'Konsolidierung: Prioritäten festlegen' }).waitFor();

    // Individual results: names on the console; pseudonyms on the projector by default.
    const individual = console_.locator('section[aria-labelledby="individual-title"]');
    await individual.getByLabel('Organisation').selectOption({ label: 'Olfen' });
    await expect.poll(() => individual.locator('table.individual-table caption').innerText()).toBe('Olfen im Vergleich zur Gruppe');
    expect(await individual.locator('.small-multiple').count()).toBe(12);
    await console_.getByRole('radio', { name: 'Einzelergebnisse' }).check();
    await projector.getByRole('heading', { name: 'Einzelergebnisse' }).waitFor();
    const captions = await projector.locator('.small-multiple figcaption').allInnerTexts();
    expect(captions).toHaveLength(12);
    expect(captions.every((c) => /^Organisation [A-L]$/.test(c))).toBe(true);
    expect(await projector.locator('main').innerText()).not.toMatch(/Olfen|Ascheberg|Dülmen/);
    await expectAccessible(projector, 'projector individual results');
    await screenshot(projector, 'projector-individual-1920x1080');
    await console_.getByRole('radio', { name: 'Gesamtergebnis' }).check();

    // Finalise (confirmed), then the workshop is read-only.
    console_.once('dialog', (dialog) => void dialog.accept());
    await console_.getByRole('button', { name: 'Workshop abschließen' }).click();
    await console_.getByText(/Abgeschlossen am .* schreibgeschützt/).waitFor();
    expect(await console_.getByRole('button', { name: /nach Priorität/ }).count()).toBe(0);
    await projector.getByRole('heading', { name: 'Konsolidierte Prioritäten' }).waitFor();
    await screenshot(console_, 'facilitator-finalised-1440x900');

    // Every export, downloaded from the console and read back.
    const pdf = await download(console_, 'PDF-Bericht');
    expect(pdf.name).toBe(`konsens-${created.code}-bericht.pdf`);
    // Reading order (no -layout): a reason wrapped in its table cell reads as one sentence.
    const text = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const tierLine = (tier: string) => text.slice(text.indexOf(`Priorität ${tier}: `), text.indexOf('Priorität', text.indexOf(`Priorität ${tier}: `) + 12));
    expect(tierLine('II')).toContain(HTML);
    expect(tierLine('III')).toContain('Mobilität');
    expect(text).toContain('Wird im Kreis-Mobilitätskonzept 2027 behandelt');
    expect(text).toContain(FORMULA);

    const xlsx = await download(console_, 'Excel-Arbeitsmappe (XLSX)');
    const sheets = await readXlsxFile(readFileSync(xlsx.file));
    expect(sheets.map((s) => s.sheet)).toEqual(['Übersicht', 'Themen', 'Organisationen', 'Protokoll']);
    expect(sheets[3]!.data.slice(1).map((r) => r[2])).toEqual([HTML, 'Mobilität']);

    const csvGerman = readFileSync((await download(console_, 'CSV für Excel (deutsch: Semikolon, Komma)')).file, 'utf8');
    const rows = parse(csvGerman, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.find((r) => r.Thema === 'Mobilität')).toMatchObject({ 'Berechnete Priorität': 'I', 'Konsolidierte Priorität': 'III', Verschoben: 'ja' });
    expect(rows.map((r) => r.Thema)).toContain(`'${FORMULA}`);
    const csvStandard = readFileSync((await download(console_, 'CSV (Standard: Komma, Punkt)')).file, 'utf8');
    expect((parse(csvStandard, { bom: true, columns: true }) as unknown[]).length).toBe(8);
    const individualCsv = readFileSync((await download(console_, 'Einzelergebnisse als CSV')).file, 'utf8');
    expect(individualCsv).toContain('Organisation A;');
    expect(individualCsv).not.toContain('Olfen');

    const json = await download(console_, 'Workshop-Datei (JSON, zum Importieren)');
    expect(JSON.parse(readFileSync(json.file, 'utf8'))).toMatchObject({ format: 'konsens.workshop', workshop: { phase: 'finalised' } });
    await expectAccessible(console_, 'facilitator finalised');
    e2e.expectClean();

    // The workshop file, imported on the start page, opens as a finalised workshop with the same decisions.
    const home = await e2e.openSignedIn('tablet', '/');
    await home.getByLabel('Workshop-Datei').setInputFiles(json.file);
    await expectAccessible(home, 'start page with import');
    await screenshot(home, 'home-import-1024x768');
    await home.getByRole('button', { name: 'Importieren' }).click();
    await home.waitForURL(/\/moderation\//);
    await home.getByRole('heading', { name: 'Konsolidierte Prioritäten' }).waitFor();
    await expect.poll(() => column(home, 'III').locator('.theme-name').allInnerTexts()).toContain('Mobilität');
    expect(await home.locator('table.trail tbody tr').count()).toBe(2);
  });
});
