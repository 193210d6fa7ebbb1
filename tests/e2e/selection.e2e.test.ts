/**
 * Project selection in Chromium, in German (SPEC SE-1 … SE-9, BU-1 … BU-6): a
 * process with a finalised Quick-Check and two finalised deep-dives gets a
 * selection step; the console sets the budget "30.000", starts and opens a
 * 100-point vote; two tablets of different organisations distribute their
 * points — the 101st is refused with the reason and the counter stays at 100,
 * a reload keeps them; close and reveal; console and projector show both
 * rules side by side with their reasons, equal to the server's result; an
 * override with its reason; a profile edited. axe on every screen;
 * screenshots at 1366×768 (console), 1024×768 (tablet), 1920×1080 and
 * 1280×720 (projector), none scrolling sideways, the projector not at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionFacilitatorState } from '../../shared/activities/selection/views.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type ProposalReceipt } from '../../shared/protocol.js';
import { expectAccessible, startE2E, type E2E } from '../support/browser.js';
import { api, ok, opId } from '../support/harness.js';
import { facilitatorSocket, processWithTiers } from '../support/tiers.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const shots = process.env.KONSENS_SHOTS_DIR ?? '/tmp/selection-shots';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

/** Tablets get pushes at most once a second, and the machine may be busy: patience beyond expect.poll's one second. */
const eventually = <T>(probe: () => Promise<T> | T) => expect.poll(probe, { timeout: 20_000 });

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
const noScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight);
/** Amounts are written with a no-break space before "€": compare text with plain spaces. */
const text = async (page: Page, selector = 'main') => (await page.locator(selector).innerText()).replace(/\s+/g, ' ');

/** A finalised deep-dive on the theme with these ideas, proposed and accepted by the facilitator (as in tests/integration/selection.test.ts). */
async function deepDive(url: string, cookie: string, processId: string, themeId: string, ideas: { title: string; cost: number | null; lead?: string }[]): Promise<void> {
  const step = (await (await api(url, `/api/processes/${processId}/steps`, { body: { kind: 'deepdive', themeId }, cookie })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, cookie);
  try {
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
    await ok(f, 'collection:phase', { phase: 'collecting' });
    for (const idea of ideas) {
      const { proposalId } = await ok<ProposalReceipt>(f, 'proposal:submit', { opId: opId(), title: idea.title, idea: { cost: idea.cost, leadOrganisationId: idea.lead ?? null } });
      await ok(f, 'proposal:decide', { opId: opId(), proposalId, status: 'accepted' });
    }
    for (const phase of ['closed', 'finalised']) await ok(f, 'collection:phase', { phase });
  } finally {
    f.disconnect();
  }
}

/** What the server holds now, as the facilitator sees it. */
async function serverState(url: string, cookie: string, workshopId: string): Promise<SelectionFacilitatorState> {
  const f = facilitatorSocket(url, cookie);
  try {
    return (await ok<{ state: SelectionFacilitatorState }>(f, 'workshop:join', { role: 'facilitator', workshopId, protocolVersion: PROTOCOL_VERSION })).state;
  } finally {
    f.disconnect();
  }
}

async function joinFor(page: Page, organisation: string): Promise<void> {
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText(`Sie nehmen für ${organisation} teil.`).waitFor({ timeout: 20_000 });
}

const counter = (page: Page) => page.locator('.points-counter').innerText();
const pointsInput = (page: Page, title: string) => page.getByLabel(`Punkte für „${title}“`, { exact: true });

/** Types the points for an idea and waits until the server acknowledged them. */
async function give(page: Page, title: string, points: number): Promise<void> {
  await pointsInput(page, title).fill(String(points));
  await pointsInput(page, title).press('Enter');
  const row = page.locator('article.points-row', { has: page.getByRole('heading', { name: title, exact: true }) });
  await eventually(() => row.locator('.save-status').innerText()).toBe('✓ gespeichert');
}

const budgetRow = (page: Page, title: string) => page.locator('.budget-table tbody tr', { has: page.getByRole('rowheader', { name: title, exact: true }) });

describe('project selection in the browser', () => {
  it('SE-1 … SE-9: budget 30.000, 100 points on two tablets (the 101st refused), reveal, both rules side by side, an override, a profile', async () => {
    const { url } = e2e.server;
    const { cookie, process } = await processWithTiers(url);
    await deepDive(url, cookie, process.id, 'bildung', [
      { title: 'Tablets für Grundschulen', cost: 12_000, lead: 'olfen' },
      { title: 'Lernplattform', cost: 18_000, lead: 'kreis' },
    ]);
    await deepDive(url, cookie, process.id, 'verwaltung', [
      { title: 'Online-Bauantrag', cost: 15_000 },
      { title: 'Bürgerkonto', cost: 9_000 },
      { title: 'Digitallotsen', cost: null },
    ]);
    const step = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'selection' }, cookie })).json()) as CreatedWorkshop;

    // The console: budget as typed in German, start, a vote with 100 points per organisation.
    const console_ = await e2e.openSignedIn('laptop1366', `/moderation/${step.workshopId}`, cookie);
    await console_.locator('.idea-table .idea-name', { hasText: 'Digitallotsen' }).waitFor({ timeout: 20_000 });
    await console_.getByLabel('Budget in Euro').fill('30.000');
    await console_.getByRole('button', { name: 'Budget speichern' }).click();
    await eventually(() => text(console_, '.budget-settings')).toContain('Gespeichertes Budget: 30.000 €');
    await console_.getByRole('button', { name: 'Auswahl starten' }).click();
    await console_.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await eventually(() => text(console_, '.vote-panel')).toContain('Abstimmung 1 läuft: Punkte, 100 je Organisation');

    const projector = await e2e.open('projector', `/projector/${step.code}`);
    const olfen = await e2e.open('tablet', `/join/${step.code}`);
    const senden = await e2e.open('tablet', `/join/${step.code}`);
    await joinFor(olfen, 'Olfen');
    await joinFor(senden, 'Senden');
    expect(await text(olfen)).toContain('Die Vertreterinnen und Vertreter von Olfen teilen sich diese Punkte');

    // SE-4: Olfen gives all 100 points; the 101st is refused with the reason, the counter stays at 100.
    await give(olfen, 'Tablets für Grundschulen', 60);
    await eventually(() => counter(olfen)).toBe('60 von 100 Punkten vergeben, 40 übrig');
    await give(olfen, 'Bürgerkonto', 40);
    await eventually(() => counter(olfen)).toBe('100 von 100 Punkten vergeben, 0 übrig');
    await olfen.getByRole('button', { name: 'Ein Punkt mehr für „Online-Bauantrag“' }).click();
    await olfen.getByRole('alert').filter({ hasText: 'Mehr als 100 Punkte – nichts geändert.' }).waitFor({ timeout: 20_000 });
    expect(await counter(olfen)).toBe('100 von 100 Punkten vergeben, 0 übrig');
    expect(await pointsInput(olfen, 'Online-Bauantrag').inputValue()).toBe('0');
    await expectAccessible(olfen, 'tablet voting');
    await shoot(olfen, 'selection-tablet-voting-1024x768');

    // Senden types one number and steps the other up with "+".
    await give(senden, 'Lernplattform', 70);
    await give(senden, 'Online-Bauantrag', 29);
    await senden.getByRole('button', { name: 'Ein Punkt mehr für „Online-Bauantrag“' }).click();
    await eventually(() => counter(senden)).toBe('100 von 100 Punkten vergeben, 0 übrig');
    await eventually(() => pointsInput(senden, 'Online-Bauantrag').inputValue()).toBe('30');

    // A reload keeps the points the server holds.
    await olfen.reload();
    await eventually(() => counter(olfen)).toBe('100 von 100 Punkten vergeben, 0 übrig');
    expect(await pointsInput(olfen, 'Tablets für Grundschulen').inputValue()).toBe('60');
    expect(await pointsInput(olfen, 'Bürgerkonto').inputValue()).toBe('40');

    // While the vote runs: the console sees who has voted and the totals; the projector only who has voted.
    await eventually(() => text(console_, '.vote-panel')).toContain('2 Organisationen haben abgestimmt');
    await eventually(() => text(projector)).toContain('2 Organisationen haben abgestimmt');
    expect(await text(projector)).not.toContain('Punkte je Idee');
    expect(await noScroll(projector)).toBe(true);
    await shoot(projector, 'selection-projector-voting-1920x1080');
    // The console's selection counts the open vote: provisional until it ends.
    const provisional = console_.getByRole('heading', { name: 'Vorläufige Auswahl (die Abstimmung läuft noch)' });
    await provisional.waitFor();
    await provisional.scrollIntoViewIfNeeded();
    await shoot(console_, 'selection-console-provisional-1366x768');

    // Close and reveal.
    await console_.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await console_.getByRole('heading', { name: 'Die Auswahl', exact: true }).waitFor();
    await console_.getByRole('button', { name: 'Ergebnis zeigen' }).click();
    await eventually(() => text(console_, '.vote-panel')).toContain('Das Ergebnis ist auf Beamer und Tablets zu sehen.');

    // SE-6, SE-7: both rules side by side with their reasons, as the server computed them.
    const state = await serverState(url, cookie, step.workshopId);
    const budget = state.budget!;
    const titleOf = (id: string) => state.ideas.find((i) => i.id === id)!.title;
    expect(budget.greedy.selected.map(titleOf).sort()).toEqual(['Lernplattform', 'Tablets für Grundschulen']);
    expect(budget.equalShares.selected.map(titleOf).sort()).toEqual(['Online-Bauantrag', 'Tablets für Grundschulen']);
    const rows = state.ideas.filter((i) => i.cost !== null);
    for (const idea of rows) {
      const cells = budgetRow(console_, idea.title).locator('td');
      expect(await cells.nth(2).innerText(), `greedy: ${idea.title}`).toContain(budget.greedy.selected.includes(idea.id) ? '✓ finanziert' : '✗ nicht finanziert');
      expect(await cells.nth(3).innerText(), `equal shares: ${idea.title}`).toContain(budget.equalShares.selected.includes(idea.id) ? '✓ finanziert' : '✗ nicht finanziert');
    }
    const account = (await budgetRow(console_, 'Bürgerkonto').innerText()).replace(/\s+/g, ' ');
    expect(account).toContain('passt nicht mehr: nur noch 0 € übrig');
    expect(account).toContain('Unterstützer können es nicht bezahlen (halten 3.000 €)');
    // Who pays how much, on demand.
    const tabletsRow = budgetRow(console_, 'Tablets für Grundschulen');
    await tabletsRow.getByText('Wer zahlt wie viel?').click();
    expect((await tabletsRow.innerText()).replace(/\s+/g, ' ')).toContain('Olfen zahlt 12.000 €');
    expect(await text(console_, '.budget-table')).toContain('ohne Kosten: nimmt an der Berechnung nicht teil');

    // The projector: ranked bars and both rules, the same selections.
    await eventually(() => text(projector)).toContain('Punkte je Idee');
    for (const [rule, selected] of [['greedy', budget.greedy.selected], ['equalShares', budget.equalShares.selected]] as const) {
      const funded = await projector.locator(`section.rule-column:has(#rule-${rule}-title) li.in .rule-idea`).allInnerTexts();
      expect(funded.map((t) => t.replace(/^✓\s*/, '').replace(/^finanziert:\s*/, '').trim()).sort(), rule).toEqual(selected.map(titleOf).sort());
    }
    const projected = await text(projector);
    expect(projected).toContain('passt nicht mehr: nur noch 0 € übrig');
    expect(projected).toContain('Unterstützer können es nicht bezahlen (halten 3.000 €)');
    await expectAccessible(projector, 'projector revealed');
    await shoot(projector, 'selection-projector-revealed-1920x1080');
    expect(await noScroll(projector)).toBe(true);
    await projector.setViewportSize({ width: 1280, height: 720 });
    await shoot(projector, 'selection-projector-revealed-1280x720');
    expect(await noScroll(projector)).toBe(true);

    // The tablet after the vote: ended, and which ideas are funded.
    await eventually(() => text(senden)).toContain('Abstimmung beendet');
    await eventually(() => text(senden)).toContain('Finanziert nach der Regel „Gleiche Anteile“');
    await expectAccessible(senden, 'tablet revealed');
    await shoot(senden, 'selection-tablet-revealed-1024x768');

    // SE-8: an override needs a reason and shows it.
    await budgetRow(console_, 'Bürgerkonto').getByRole('button', { name: 'Entscheidung ändern … Bürgerkonto' }).click();
    await console_.getByRole('radio', { name: 'aufnehmen' }).check();
    await console_.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await console_.getByRole('alert').filter({ hasText: 'Bitte eine Begründung eingeben.' }).waitFor();
    await console_.getByLabel('Begründung (Pflicht)').fill('Land fördert das Bürgerkonto zur Hälfte');
    await console_.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await eventually(() => text(console_, '.budget-table')).toContain('aufgenommen gegen die Regel: Land fördert das Bürgerkonto zur Hälfte');
    await eventually(() => text(console_, '.selection-result')).toContain('Bürgerkonto');

    // SE-9: the profiles of the selected ideas; the numbering is not a ranking.
    expect(await text(console_, '.profiles')).toContain('Die Nummerierung der Steckbriefe ist keine Rangfolge.');
    const first = console_.locator('article.profile-card').first();
    await first.getByLabel('Ziel').fill('Jede Grundschule arbeitet digital.');
    await first.getByLabel('Zeitplan').fill('2026–2027');
    await first.getByLabel('Stand').selectOption({ label: 'geplant' });
    await first.getByRole('button', { name: 'Steckbrief speichern' }).click();
    await first.getByText('Steckbrief gespeichert.').waitFor({ timeout: 20_000 });
    const after = await serverState(url, cookie, step.workshopId);
    expect(after.profiles.map((p) => p.title)).toEqual(after.ideas.filter((i) => after.budget!.selected.includes(i.id)).map((i) => i.title));
    expect(after.profiles[0]).toMatchObject({ number: 1, goal: 'Jede Grundschule arbeitet digital.', timeline: '2026–2027', status: 'planned' });
    expect(after.budget!.overrides).toEqual([expect.objectContaining({ decision: 'include', reason: 'Land fördert das Bürgerkonto zur Hälfte' })]);

    await expectAccessible(console_, 'selection console');
    await console_.evaluate(() => scrollTo(0, 0));
    await shoot(console_, 'selection-console-1366x768');
    await console_.locator('.budget-view').scrollIntoViewIfNeeded();
    await shoot(console_, 'selection-console-budget-1366x768');
    await console_.locator('.profiles').scrollIntoViewIfNeeded();
    await shoot(console_, 'selection-console-profiles-1366x768');
    for (const page of [console_, olfen, senden]) expect(await noSidewaysScroll(page)).toBe(true);

    // SE-10: the committee's PDF, downloaded through the console: the profiles and the note; its pages rendered to look at.
    const [pdf] = await Promise.all([console_.waitForEvent('download'), console_.getByRole('button', { name: 'Steckbriefe mit Vision (PDF)' }).click()]);
    const pdfFile = join(shots, 'selection-profiles.pdf');
    await pdf.saveAs(pdfFile);
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const p of after.profiles) expect(pdfText).toContain(p.title);
    expect(pdfText).toContain('Jede Grundschule arbeitet digital.');
    expect(pdfText).toContain('Die Nummerierung der Steckbriefe ist keine Rangfolge.');
    expect(pdfText).toContain('Land fördert das Bürgerkonto zur Hälfte');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(shots, 'selection-profiles-page')]);

    // Thirteen ideas still fit the 1280×720 projector: the type shrinks, nothing scrolls.
    const f = facilitatorSocket(url, cookie);
    try {
      await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
      for (let i = 1; i <= 8; i++) await ok(f, 'idea:put', { opId: opId(), title: `Weitere Idee mit einem längeren Titel ${i}`, themeName: 'Mobilität', cost: `${i}.500` });
    } finally {
      f.disconnect();
    }
    await eventually(() => text(projector)).toContain('Weitere Idee mit einem längeren Titel 8');
    await shoot(projector, 'selection-projector-13-ideas-1280x720');
    expect(await noScroll(projector)).toBe(true);
    e2e.expectClean();
  });
});
