/**
 * Largest Contentful Paint of the participant page (/join/<code>, what a tablet
 * opens from the QR code) in Debian's Chromium with 4× CPU throttling, against
 * the real server serving the production build. Each cold run is a fresh
 * browser context (empty cache); each warm run reloads in the same context.
 * Writes the figures into docs/BENCHMARKS.md.
 *
 *   npm run bench:lcp          # builds the client first
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_ACCOUNT } from './account.js';
import { signIn } from './client.js';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../server/app.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import type { CreatedWorkshop } from '../shared/protocol.js';
import { writeSection } from './docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.LCP_RUNS ?? 9);
const CPU_SLOWDOWN = 4;
const TARGET_MS = 1_000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Paint {
  fcp: number;
  lcp: number;
  /** What the largest paint was (tag and text), to see that it is the real content. */
  element: string;
}

/** Navigate with the CPU slowed down; read FCP and the last LCP entry once the page has settled. */
async function measure(context: BrowserContext, page: Page, url: string): Promise<Paint> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'load' });
  // The join form for this code: organisations to choose from.
  await page.getByRole('radio').first().waitFor();
  await page.waitForTimeout(800);
  return page.evaluate<Paint>(READ_PAINTS);
}

/** Runs in the page before its own scripts (CDP, so the page's CSP does not apply): keeps the latest LCP entry. */
const OBSERVE_LCP = `
  window.__lcp = { time: NaN, element: '' };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const el = entry.element;
      window.__lcp = { time: entry.startTime, element: (el ? el.tagName.toLowerCase() : '?') + ' "' + (el ? el.textContent : '').slice(0, 40) + '"' };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

const READ_PAINTS = `({
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  lcp: window.__lcp.time,
  element: window.__lcp.element,
})`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'konsens-lcp-'));
  const store = await openSqliteStore({ file: join(dir, 'konsens.sqlite') });
  const app = createApp({ store, config: { clientDir: `${root}dist/client` } });
  const { port } = await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  await app.accounts.setup({ token: (await app.accounts.setupPath())!.split('/').pop()!, ...BENCH_ACCOUNT });
  const created = (await (await fetch(`${base}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: await signIn(base) }, body: '{}' })).json()) as CreatedWorkshop;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const cold: Paint[] = [];
  const warm: Paint[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'de-DE' });
      await context.addInitScript(OBSERVE_LCP);
      const page = await context.newPage();
      cold.push(await measure(context, page, `${base}${created.joinPath}`));
      warm.push(await measure(context, page, `${base}${created.joinPath}`));
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const row = (name: string, paints: Paint[]) => {
    const lcp = paints.map((p) => p.lcp);
    const fcp = paints.map((p) => p.fcp);
    const p90 = percentile(lcp, 90);
    return `| ${name} | ${ms(percentile(fcp, 50))} | ${ms(percentile(lcp, 50))} | ${ms(p90)} | ${ms(Math.max(...lcp))} | ${p90 <= TARGET_MS ? 'met' : `missed by ${ms(p90 - TARGET_MS)}`} |`;
  };
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:lcp\`: Debian's Chromium (headless), ${CPU_SLOWDOWN}× CPU slowdown (DevTools CPU throttling), viewport 1024×768, the production build served by Konsens on loopback (no network throttling), page \`/join/<code>\` of the Coesfeld template until its organisation choice is shown; ${RUNS} runs each.`,
    '',
    '| load | FCP p50 | LCP p50 | LCP p90 | LCP max | target LCP ≤ 1 s (p90) |',
    '|---|---|---|---|---|---|',
    row('cold (empty cache)', cold),
    row('warm (reload)', warm),
    '',
    `Largest element: ${[...new Set(cold.map((p) => p.element))].join('; ')}.`,
  ].join('\n');
  console.log(table);

  writeSection('lcp', table, 'Participant page load (Largest Contentful Paint)');
}

await main();
