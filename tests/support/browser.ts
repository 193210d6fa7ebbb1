/**
 * Debian's Chromium driven by playwright-core (no browser download), against
 * the real server serving the built client. Every actor gets its own browser
 * context, so tablets do not share localStorage.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { adminCookie, startServer, type TestServer } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const clientDir = `${root}dist/client`;
export const screenshotDir = `${root}tests/.artifacts/screenshots`;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const VIEWPORTS = {
  tablet: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
  projector: { width: 1920, height: 1080 },
  laptop: { width: 1440, height: 900 },
  /** The common office and meeting-room laptop. */
  laptop1366: { width: 1366, height: 768 },
  /** An older projector. */
  projector720: { width: 1280, height: 720 },
} as const;

export interface E2E {
  server: TestServer;
  browser: Browser;
  /** A page in a browser context of its own (its own cookies and localStorage): another device. */
  open(viewport: keyof typeof VIEWPORTS, path: string): Promise<Page>;
  /** The same, signed in as the server's first administrator (a session cookie made through the setup link). */
  openSignedIn(viewport: keyof typeof VIEWPORTS, path: string, cookie?: string): Promise<Page>;
  /** SPEC V-3: no page asked any host but ours, and no Content-Security-Policy violation was reported. */
  expectClean(): void;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync(`${clientDir}/index.html`)) throw new Error('dist/client is missing: run `npm run build` (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  const server = await startServer({ clientDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const contexts: BrowserContext[] = [];
  const foreign: string[] = [];
  const violations: string[] = [];
  const e2e: E2E = {
    server,
    browser,
    open(viewport, path) {
      return e2e.openSignedIn(viewport, path, '');
    },
    async openSignedIn(viewport, path, cookie) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'de-DE' });
      contexts.push(context);
      // '' opens without a session (a tablet, a projector); undefined signs in as the administrator.
      const session = cookie === undefined ? await adminCookie(server.url) : cookie;
      if (session) {
        const [name, value] = session.split('=') as [string, string];
        await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
      }
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(server.url) && !url.startsWith('data:')) foreign.push(url);
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${server.url}${path}`);
      return page;
    },
    expectClean() {
      expect(foreign, 'requests to other hosts').toEqual([]);
      expect(violations, 'CSP violations').toEqual([]);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
  return e2e;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: false });
}

/** WCAG 2.1 A/AA scan; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, `axe at ${where}`).toEqual([]);
}
