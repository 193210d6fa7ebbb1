/** What a person does on a tablet, in the words the screen uses (German UI). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const THEMES = ['Verwaltung', 'Bildung', 'Mobilität', 'Tourismus', 'Wirtschaft', 'Gesundheit', 'Kultur', 'Innenstadt/Dorfmitte'];
export const CRITERIA = ['Bedeutung', 'Digitalisierungspotenzial'];
export type Value = number | 'abstain';
export type Rating = [Value, Value];

const ABSTAIN = 'kann ich nicht beurteilen';
/** "✓ gespeichert", not "wird gespeichert …". */
export const SAVED = /^\W*gespeichert$/;

export async function join(page: Page, organisation: string, name?: string): Promise<void> {
  await page.getByText('Für welche Organisation bewerten Sie?').waitFor();
  await page.getByRole('radio', { name: organisation, exact: true }).check();
  if (name) await page.getByLabel('Ihr Name (freiwillig)').fill(name);
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText(`Sie bewerten für ${organisation}.`).waitFor();
}

function group(page: Page, theme: string, criterion: string) {
  return page.getByRole('region', { name: theme, exact: true }).getByRole('group', { name: criterion, exact: true });
}

export async function rate(page: Page, theme: string, criterion: string, value: Value): Promise<void> {
  await group(page, theme, criterion)
    .getByRole('radio', { name: value === 'abstain' ? ABSTAIN : String(value), exact: true })
    .check();
}

/** Rate themes from `offset` on, both criteria each, and wait until each theme says "gespeichert". */
export async function ratingsOf(page: Page, ratings: Rating[], offset = 0): Promise<void> {
  for (const [i, rating] of ratings.entries()) {
    const theme = THEMES[offset + i]!;
    for (const [c, value] of rating.entries()) await rate(page, theme, CRITERIA[c]!, value);
    await page.getByRole('region', { name: theme, exact: true }).getByRole('status').filter({ hasText: SAVED }).waitFor();
  }
}

export async function expectChecked(page: Page, theme: string, rating: Rating): Promise<void> {
  for (const [c, value] of rating.entries()) {
    const radio = group(page, theme, CRITERIA[c]!).getByRole('radio', { name: value === 'abstain' ? ABSTAIN : String(value), exact: true });
    expect(await radio.isChecked(), `${theme} ${CRITERIA[c]} = ${value}`).toBe(true);
  }
}
