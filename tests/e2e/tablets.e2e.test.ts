/**
 * Issue 15: a tablet joined for the wrong organisation (SPEC J-5, J-6), through
 * the real screens in German — the participant switches on the tablet
 * (1024×768); the facilitator moves and removes tablets on the console
 * (1366×768). What happens to the answers is said before and checked after,
 * on the console's register. Screenshots go to /tmp/polish-shots/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from '../support/browser.js';
import { createWorkshop, disconnectAll } from '../support/harness.js';
import { join, ratingsOf } from '../support/tablet.js';

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

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The register's line of an organisation: persons, themes rated, status. */
async function registerLine(console_: Page, organisation: string): Promise<string> {
  return console_.locator('table.register tbody tr').filter({ has: console_.getByRole('rowheader', { name: organisation, exact: true }) }).innerText();
}

describe('a tablet for the wrong organisation (J-5, J-6)', () => {
  it('the participant switches (answers go along, survive a reload) ⇒ the facilitator moves a tablet (it is told) ⇒ removes one (its answers are gone, it joins afresh)', async () => {
    const created = await createWorkshop(e2e.server.url);
    const console_ = await e2e.openSignedIn('laptop1366', created.facilitatorPath);
    await console_.getByRole('heading', { name: 'Wer hat bewertet?' }).waitFor();

    const anna = await e2e.open('tablet', `/join/${created.code}`);
    await join(anna, 'Billerbeck', 'Anna'); // meant Coesfeld
    const bernd = await e2e.open('tablet', `/join/${created.code}`);
    await join(bernd, 'Dülmen');
    await expect.poll(() => console_.locator('.hint').filter({ hasText: 'Beigetreten sind bisher 2 Organisationen' }).count()).toBe(1);

    // Two of the rule's three organisations: starting asks first.
    await console_.getByRole('button', { name: 'Bewertung starten' }).click();
    const start = console_.getByRole('dialog', { name: 'Bewertung starten, obwohl erst wenige Organisationen da sind?' });
    expect(await start.innerText()).toContain('Tablets können auch nach dem Start noch beitreten.');
    await shot(console_, 'console-start-turnout-1366x768');
    await start.getByRole('button', { name: 'Trotzdem starten' }).click();
    await console_.locator('.topbar-title').getByText('Bewertung läuft').waitFor();

    // Anna rates two themes for Billerbeck, then notices and switches to Coesfeld.
    await ratingsOf(anna, [[4, 5], [3, 'abstain']]);
    await expect.poll(() => registerLine(console_, 'Billerbeck')).toContain('2 von 8');
    await anna.getByRole('button', { name: 'Falsche Organisation? Ändern' }).click();
    const form = anna.locator('form.organisation-switch');
    expect(await form.innerText()).toContain('Ihre bisherigen Antworten gehen mit: Sie zählen dann für die gewählte Organisation und nicht mehr für Billerbeck.');
    // Billerbeck itself is not offered; submitting without a choice says so, in German.
    expect(await form.getByRole('radio', { name: 'Billerbeck', exact: true }).count()).toBe(0);
    await form.getByRole('button', { name: 'Organisation wechseln' }).click();
    await form.getByRole('alert').filter({ hasText: 'Bitte wählen Sie die Organisation, für die Sie bewerten.' }).waitFor();
    await expectAccessible(anna, 'tablet switching organisation');
    await shot(anna, 'tablet-switch-1024x768');
    await form.getByRole('radio', { name: 'Coesfeld', exact: true }).check();
    await form.getByRole('button', { name: 'Organisation wechseln' }).click();
    await anna.getByText('Sie bewerten für Coesfeld.').waitFor();
    await expect.poll(() => registerLine(console_, 'Coesfeld')).toMatch(/1\s+2 von 8/);
    await expect.poll(() => registerLine(console_, 'Billerbeck')).toMatch(/0\s+0 von 8/);
    // After a reload the tablet resumes as Coesfeld with its answers.
    await anna.reload();
    await anna.getByText('Sie bewerten für Coesfeld.').waitFor();
    await anna.getByText('2 von 8 Themen bewertet').first().waitFor();

    // The facilitator moves Bernd's tablet from Dülmen to Olfen; the tablet is told.
    await ratingsOf(bernd, [[2, 2]]);
    await console_.getByRole('button', { name: '1 Person für Dülmen: Tablets anzeigen' }).click();
    const tablets = console_.getByRole('dialog', { name: 'Tablets für Dülmen' });
    await tablets.getByText('1 von 8 Themen bewertet').waitFor();
    await tablets.getByLabel('Verschieben nach').selectOption({ label: 'Olfen' });
    await expectAccessible(console_, 'console tablets dialog');
    expect(await scrollsSideways(console_)).toBe(false);
    await shot(console_, 'console-tablets-1366x768');
    await tablets.getByRole('button', { name: 'Verschieben' }).click();
    const move = console_.getByRole('dialog', { name: 'Tablet zu Olfen verschieben?' });
    expect(await move.innerText()).toContain('Sie zählen dann für Olfen und nicht mehr für Dülmen.');
    await shot(console_, 'console-tablet-move-confirm-1366x768');
    await move.getByRole('button', { name: 'Verschieben' }).click();
    await tablets.getByText('Für diese Organisation ist kein Tablet angemeldet.').waitFor();
    await tablets.getByRole('button', { name: 'Schließen' }).click();
    await bernd.getByText('Die Moderation hat dieses Tablet Olfen zugeordnet. Ihre Antworten zählen jetzt für Olfen.').waitFor();
    await bernd.getByText('Sie bewerten für Olfen.').waitFor();
    await shot(bernd, 'tablet-moved-1024x768');
    await expect.poll(() => registerLine(console_, 'Olfen')).toMatch(/1\s+1 von 8/);
    await expect.poll(() => registerLine(console_, 'Dülmen')).toMatch(/0\s+0 von 8/);

    // Then removes it: the answers are deleted, the tablet says so and offers to join afresh.
    await console_.getByRole('button', { name: '1 Person für Olfen: Tablets anzeigen' }).click();
    const olfen = console_.getByRole('dialog', { name: 'Tablets für Olfen' });
    await olfen.getByRole('button', { name: 'Entfernen' }).click();
    const remove = console_.getByRole('dialog', { name: 'Tablet entfernen?' });
    expect(await remove.innerText()).toContain('werden gelöscht und zählen nicht mehr');
    await remove.getByRole('button', { name: 'Entfernen' }).click();
    await olfen.getByText('Für diese Organisation ist kein Tablet angemeldet.').waitFor();
    await olfen.getByRole('button', { name: 'Schließen' }).click();
    await bernd.getByText('Die Moderation hat dieses Tablet aus dem Workshop genommen').waitFor();
    await bernd.getByText('Für welche Organisation bewerten Sie?').waitFor();
    await shot(bernd, 'tablet-removed-1024x768');
    await expect.poll(() => registerLine(console_, 'Olfen')).toMatch(/0\s+0 von 8\s+○?\s*fehlt/);
    // Joining afresh works, with an empty ballot.
    await join(bernd, 'Dülmen');
    await bernd.getByText('0 von 8 Themen bewertet').first().waitFor();
    expect(await registerLine(console_, 'Coesfeld')).toMatch(/1\s+2 von 8/);
  });
});
