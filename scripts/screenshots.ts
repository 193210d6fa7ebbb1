/**
 * A screenshot sweep for a human to look at: every screen of every activity in
 * its phases, at the sizes a facilitator meets (console and office pages at
 * 1366×768, the console also at 1280×720, the projector at 1920×1080 and
 * 1280×720, tablets at 1024×768). A real server on a free port with a fresh
 * database, workshops made through the real HTTP API, states driven by real
 * Socket.IO clients and by the real UI; German data from the Coesfeld template.
 *
 *   npx vite build   # once: the server serves dist/client
 *   npx tsx scripts/screenshots.ts [outDir]   # default tests/.artifacts/sweep
 *
 * Full-page PNGs, one per screen and size, plus summary.json; a table at the
 * end says which page scrolls sideways and which projector page is taller than
 * its screen. A screen that cannot be reached is skipped with its reason.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { workshopFromTemplate } from '../shared/domain/templates.js';
import type { CreatedWorkshop, ProposalReceipt, StatementReceipt } from '../shared/protocol.js';
import type { ProcessView } from '../shared/process.js';
import { startE2E, VIEWPORTS, type E2E } from '../tests/support/browser.js';
import { adminCookie, api, connect, disconnectAll, ok, opId, version, type Client } from '../tests/support/harness.js';
import { join as joinQuickCheck, ratingsOf, type Rating } from '../tests/support/tablet.js';
import { facilitatorSocket, processWithTiers } from '../tests/support/tiers.js';

type Kind = 'console' | 'office' | 'projector' | 'tablet';
type Size = { width: number; height: number };

const outDir = resolve(process.argv[2] ?? 'tests/.artifacts/sweep');
const CONSOLE_SIZES: Size[] = [VIEWPORTS.laptop1366, VIEWPORTS.projector720];

interface Shot {
  file: string;
  kind: Kind;
  size: string;
  pageHeight: number;
  /** document.scrollWidth > clientWidth: the page scrolls sideways. */
  hScroll: boolean;
  /** scrollHeight > innerHeight: for a projector, content below the screen. */
  vOverflow: boolean;
  /** Headings, badges, buttons and cells whose text is wider than their box, or that end right of the screen. */
  clipped: string[];
  /** Untranslated keys, "undefined", "NaN", common English words. */
  suspicious: string[];
  missing?: string;
}

const shots: Shot[] = [];
const skipped: { what: string; reason: string }[] = [];
const pageErrors: string[] = [];
let counter = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

process.on('uncaughtException', (error) => pageErrors.push(`uncaught: ${error.message}`));
process.on('unhandledRejection', (error) => pageErrors.push(`unhandled: ${error instanceof Error ? error.message : String(error)}`));

/** Measured in the page: what the summary reports. */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, th, button, label, figcaption, .tier, .badge, .phase-label, .big-count, .tier-card, .topbar-title, .join-code')]
      .filter((e) => {
        if (e.clientWidth === 0 || getComputedStyle(e).visibility === 'hidden' || e.closest('.visually-hidden')) return false;
        return e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1;
      })
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''} "${(e.textContent ?? '').trim().slice(0, 50)}" ${e.scrollWidth}>${e.clientWidth}`);
    const text = document.body.innerText;
    const suspicious = [
      ...(text.match(/\b[a-z]+(\.[a-zA-Z]+){1,3}\b/g) ?? []).filter((t) => /^(app|phase|facilitator|projector|tablet|results|collection|vision|selection|deepdive|process|account|individual|connection|office|common)\./.test(t)),
      ...(text.match(/\b(undefined|NaN|null|\[object Object\]|Loading|Please|Submit|Cancel|Save|Delete|Error|Choose File|No file chosen)\b/g) ?? []),
    ];
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, scrollHeight: root.scrollHeight, innerHeight, clipped, suspicious: [...new Set(suspicious)] };
  });
}

/**
 * Full-page screenshots of the page at each size (default: its own); `ready`
 * is text or a selector to wait for first — not found, the shot is still
 * taken and the summary says what was missing.
 */
async function shoot(page: Page, name: string, kind: Kind, opts: { ready?: string | RegExp; sizes?: Size[]; settle?: number } = {}): Promise<void> {
  let missing: string | undefined;
  if (opts.ready !== undefined) {
    const locator = typeof opts.ready === 'string' && /^[.#[]|^[a-z]+[.#[]/.test(opts.ready) ? page.locator(opts.ready) : page.getByText(opts.ready);
    await locator
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => (missing = `waited in vain for ${String(opts.ready)}`));
  }
  const own = page.viewportSize()!;
  for (const size of opts.sizes ?? [own]) {
    if (size.width !== page.viewportSize()!.width || size.height !== page.viewportSize()!.height) await page.setViewportSize(size);
    // From the top: a sticky bar would otherwise stand in the middle of a full-page image, where the page was scrolled to.
    await page.evaluate(() => scrollTo(0, 0));
    await page.evaluate(() => document.fonts.ready);
    await sleep(opts.settle ?? 700);
    const m = await measure(page);
    const file = `${String(++counter).padStart(3, '0')}-${name}-${size.width}x${size.height}.png`;
    await page.screenshot({ path: `${outDir}/${file}`, fullPage: true });
    shots.push({
      file,
      kind,
      size: `${size.width}×${size.height}`,
      pageHeight: m.scrollHeight,
      hScroll: m.scrollWidth > m.clientWidth,
      vOverflow: m.scrollHeight > m.innerHeight,
      clipped: m.clipped,
      suspicious: m.suspicious,
      ...(missing ? { missing } : {}),
    });
    console.log(`  ${file}${missing ? `  (${missing})` : ''}`);
  }
  if (page.viewportSize()!.width !== own.width || page.viewportSize()!.height !== own.height) await page.setViewportSize(own);
}

/** One part of the sweep; a failure skips the rest of that part, not the run. */
async function part(what: string, run: () => Promise<void>): Promise<void> {
  console.log(`\n${what}`);
  try {
    await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    skipped.push({ what, reason });
    console.log(`  SKIPPED the rest of "${what}": ${reason}`);
  }
}

let e2e: E2E;

async function page(viewport: keyof typeof VIEWPORTS, path: string, signedIn: boolean): Promise<Page> {
  const opened = signedIn ? await e2e.openSignedIn(viewport, path) : await e2e.open(viewport, path);
  // browser.ts throws page errors (which fails a test); here they are collected for the report.
  opened.removeAllListeners('pageerror');
  opened.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  return opened;
}

async function participant(code: string, organisationId: string, displayName?: string): Promise<Client> {
  const socket = connect(e2e.server.url);
  await ok(socket, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: version, ...(displayName ? { displayName } : {}) });
  return socket;
}

async function facilitator(workshopId: string): Promise<Client> {
  const socket = facilitatorSocket(e2e.server.url, await adminCookie(e2e.server.url));
  await ok(socket, 'workshop:join', { role: 'facilitator', workshopId, protocolVersion: version });
  return socket;
}

async function post<T>(path: string, body: unknown, method?: string): Promise<T> {
  const response = await api(e2e.server.url, path, { body, cookie: await adminCookie(e2e.server.url), ...(method ? { method } : {}) });
  if (response.status >= 300) throw new Error(`${method ?? 'POST'} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const COESFELD = workshopFromTemplate('coesfeld');
const ORGS = COESFELD.organisations.map((o) => o.id);
/** Per theme (Coesfeld order): the group's tendency for Bedeutung and Digitalisierungspotenzial. */
const IMPORTANCE = [5, 5, 4, 2, 4, 3, 2, 3];
const POTENTIAL = [5, 4, 4, 3, 3, 2, 2, 4];

/** Organisation o's answer for theme t, criterion c: near the tendency, now and then an abstention. */
function answer(t: number, o: number, c: number, shift = 0): number | null {
  if ((t * 7 + o * 3 + c) % 29 === 0) return null;
  const base = (c === 0 ? IMPORTANCE[t]! : POTENTIAL[t]!) + shift;
  return Math.min(5, Math.max(1, base + ((o + t + c) % 3) - 1));
}

async function rateOverTheWire(code: string, organisationId: string, themes: { id: string }[], o: number, count = themes.length, shift = 0): Promise<Client> {
  const socket = await participant(code, organisationId);
  const answers = themes.slice(0, count).flatMap((theme, t) => ['importance', 'potential'].map((criterionId, c) => ({ opId: opId(), themeId: theme.id, criterionId, value: answer(t, o, c, shift) })));
  await ok(socket, 'answer:batch', { answers });
  return socket;
}

const NOTTULN: Rating[] = [[5, 4], [4, 5], [4, 3], [2, 2], [3, 4], [3, 2], ['abstain', 2], [4, 4]];

// ── Process A: a theme collection, then two Quick-Check rounds (all screens of the Quick-Check) ──

let processA: ProcessView | undefined;

async function collection(): Promise<void> {
  const step = await post<CreatedWorkshop>(`/api/processes/${processA!.id}/steps`, { kind: 'collection', title: 'Themenfelder sammeln 2024' });
  const f = await facilitator(step.workshopId);
  await ok(f, 'collection:update', { supportAllowed: true });
  await ok(f, 'collection:phase', { phase: 'collecting' });
  const console_ = await page('laptop1366', `/moderation/${step.workshopId}`, true);
  const projector = await page('projector', `/projector/${step.code}`, false);
  const projector720 = await page('projector720', `/projector/${step.code}`, false);
  const tablet = await page('tablet', `/join/${step.code}`, false);
  await tablet.getByText('Für welche Organisation nehmen Sie teil?').waitFor({ timeout: 15_000 });
  await shoot(tablet, 'collection-tablet-join', 'tablet');
  await tablet.getByRole('radio', { name: 'Olfen', exact: true }).check();
  await tablet.getByRole('button', { name: 'Beitreten' }).click();
  await tablet.getByText('Sie nehmen für Olfen teil.').waitFor({ timeout: 15_000 });

  const proposals: [string, string, string?][] = [
    ['duelmen', 'Digitale Verwaltung', 'Anträge online stellen, vom Bauantrag bis zur Hundesteuer'],
    ['senden', 'Verwaltung digitalisieren'],
    ['senden', 'Schulen ans Glasfasernetz', 'Alle weiterführenden Schulen bis 2026 mit Gigabit-Anschluss'],
    ['kreis', 'Telemedizin für den ländlichen Raum'],
    ['ascheberg', 'Smarte Parkraumbewirtschaftung in der Innenstadt/Dorfmitte'],
    ['billerbeck', 'Tourismus-App Baumberge'],
    ['luedinghausen', 'Ehrenamtsplattform für Vereine und Initiativen'],
    ['havixbeck', 'Freies WLAN an öffentlichen Plätzen'],
  ];
  const ids = new Map<string, string>();
  for (const [org, title, description] of proposals) {
    const socket = await participant(step.code, org);
    const receipt = await ok<ProposalReceipt>(socket, 'proposal:submit', { opId: opId(), title, ...(description ? { description } : {}) });
    ids.set(title, receipt.proposalId);
    socket.disconnect();
  }
  // The real tablet proposes through its form.
  await tablet.getByLabel('Titel des Themenfelds').fill('Mobilitätsstationen an Bahnhöfen');
  await tablet.getByRole('button', { name: 'Vorschlag senden' }).click();
  await tablet.locator('li', { hasText: 'Mobilitätsstationen an Bahnhöfen' }).first().waitFor({ timeout: 15_000 });
  await ok(f, 'proposal:merge', { opId: opId(), sourceId: ids.get('Verwaltung digitalisieren'), targetId: ids.get('Digitale Verwaltung') });
  for (const title of ['Digitale Verwaltung', 'Schulen ans Glasfasernetz', 'Telemedizin für den ländlichen Raum', 'Tourismus-App Baumberge'])
    await ok(f, 'proposal:decide', { opId: opId(), proposalId: ids.get(title), status: 'accepted' });
  await ok(f, 'proposal:decide', { opId: opId(), proposalId: ids.get('Freies WLAN an öffentlichen Plätzen'), status: 'rejected' });

  await shoot(console_, 'collection-console-collecting', 'console', { ready: 'Telemedizin für den ländlichen Raum', sizes: CONSOLE_SIZES });
  await shoot(projector, 'collection-projector-collecting', 'projector', { ready: 'Schulen ans Glasfasernetz', settle: 1500 });
  await shoot(projector720, 'collection-projector-collecting', 'projector', { ready: 'Schulen ans Glasfasernetz', settle: 1500 });
  await shoot(tablet, 'collection-tablet-collecting', 'tablet', { ready: 'Mobilitätsstationen an Bahnhöfen', settle: 1500 });

  await ok(f, 'collection:phase', { phase: 'closed' });
  await ok(f, 'collection:phase', { phase: 'finalised' });
  await shoot(console_, 'collection-console-finalised', 'console', { ready: /Abgeschlossen am/, sizes: CONSOLE_SIZES });
  await shoot(projector, 'collection-projector-finalised', 'projector', { settle: 1500 });
  await shoot(projector720, 'collection-projector-finalised', 'projector', { settle: 1500 });
  await shoot(tablet, 'collection-tablet-finalised', 'tablet', { settle: 1500 });
  f.disconnect();
}

let quickCheck1: CreatedWorkshop | undefined;

async function quickCheck(): Promise<void> {
  quickCheck1 = await post<CreatedWorkshop>(`/api/processes/${processA!.id}/steps`, { kind: 'quickcheck', title: 'Quick-Check 2024' });
  const { code, workshopId } = quickCheck1;
  const f = await facilitator(workshopId);
  await ok(f, 'workshop:update', { themes: COESFELD.themes, date: '2026-11-24' });

  const console_ = await page('laptop1366', `/moderation/${workshopId}`, true);
  const projector = await page('projector', `/projector/${code}`, false);
  const projector720 = await page('projector720', `/projector/${code}`, false);
  const tablet = await page('tablet', `/join/${code}`, false);
  const projectors = async (name: string, ready?: string | RegExp) => {
    await shoot(projector, `qc-projector-${name}`, 'projector', { ready, settle: 1500 });
    await shoot(projector720, `qc-projector-${name}`, 'projector', { ready, settle: 1500 });
  };

  // Lobby.
  await shoot(tablet, 'qc-tablet-join', 'tablet', { ready: 'Für welche Organisation bewerten Sie?' });
  await joinQuickCheck(tablet, 'Nottuln', 'Maria');
  await participant(code, 'kreis', 'Frau Schulte');
  await participant(code, 'coesfeld');
  await shoot(console_, 'qc-console-lobby', 'console', { ready: 'Wer hat bewertet?', sizes: CONSOLE_SIZES });
  await projectors('lobby', 'mit dem Code');
  await shoot(tablet, 'qc-tablet-waiting', 'tablet', { ready: 'Die Bewertung hat noch nicht begonnen' });

  // Scoring: eight organisations complete (Coesfeld with two people), Senden half, the tablet (Nottuln) half then all.
  await ok(f, 'phase:set', { phase: 'scoring' });
  await tablet.getByRole('heading', { name: 'Verwaltung' }).waitFor({ timeout: 15_000 });
  const themes = COESFELD.themes;
  for (const org of ['kreis', 'ascheberg', 'billerbeck', 'coesfeld', 'duelmen', 'havixbeck', 'luedinghausen', 'olfen']) await rateOverTheWire(code, org, themes, ORGS.indexOf(org));
  await rateOverTheWire(code, 'coesfeld', themes, 5);
  await rateOverTheWire(code, 'senden', themes, ORGS.indexOf('senden'), 4);
  await ratingsOf(tablet, NOTTULN.slice(0, 3));
  await shoot(tablet, 'qc-tablet-scoring-middle', 'tablet', { settle: 1200 });
  await shoot(console_, 'qc-console-scoring-safe', 'console', { ready: 'Die Ergebnisse sind auf dieser Konsole verborgen', sizes: CONSOLE_SIZES });
  await console_.getByRole('button', { name: 'Ergebnisse anzeigen (nur auf dieser Konsole)' }).click();
  await shoot(console_, 'qc-console-scoring-results', 'console', { ready: 'table.ranked', sizes: CONSOLE_SIZES });
  await projectors('scoring', 'Organisationen fertig');
  await ratingsOf(tablet, NOTTULN.slice(3), 3);
  await shoot(tablet, 'qc-tablet-scoring-done', 'tablet', { ready: /Fertig – alles ist gespeichert/ });

  // Closing from the console: it names who is missing and asks.
  await console_.getByRole('button', { name: 'Bewertung schließen' }).click();
  await shoot(console_, 'qc-console-close-dialog', 'console', { ready: 'Trotzdem schließen' });
  await console_.getByRole('dialog').getByRole('button', { name: 'Trotzdem schließen' }).click();
  await shoot(console_, 'qc-console-closed', 'console', { ready: '.topbar-title >> text=Bewertung geschlossen', sizes: CONSOLE_SIZES });
  await projectors('closed', 'Die Bewertung ist geschlossen');
  await shoot(tablet, 'qc-tablet-closed', 'tablet', { ready: 'Bewertung abgeschlossen' });

  // Revealed.
  await console_.getByRole('button', { name: 'Ergebnisse zeigen' }).click();
  await shoot(console_, 'qc-console-revealed', 'console', { ready: '.topbar-title >> text=Ergebnisse sichtbar', sizes: CONSOLE_SIZES });
  await projectors('revealed-matrix', '.matrix-marker');
  await shoot(tablet, 'qc-tablet-revealed', 'tablet', { ready: '.result-list', settle: 1500 });
  await ok(f, 'projector:show', { view: 'individual' });
  await projectors('revealed-individual', 'Einzelergebnisse');
  await ok(f, 'projector:show', { view: 'overview' });

  // Consolidating: two moves with reasons.
  await console_.getByRole('button', { name: 'Konsolidierung beginnen' }).click();
  await console_.getByRole('heading', { name: 'Konsolidierung: Prioritäten festlegen' }).waitFor({ timeout: 15_000 });
  const moves: [string, string][] = [
    ['kultur', 'Ehrenamt und Vereine brauchen digitale Angebote'],
    ['mobilitaet', 'Wird im Kreis-Mobilitätskonzept 2027 behandelt'],
  ];
  for (const [themeId, reason] of moves) {
    for (const tier of themeId === 'kultur' ? ['II', 'I'] : ['III', 'II']) {
      const moved = await ok(f, 'consolidation:move', { themeId, tier, reason }).then(
        () => true,
        () => false,
      );
      if (moved) break;
    }
  }
  await shoot(console_, 'qc-console-consolidating', 'console', { ready: 'table.trail', sizes: CONSOLE_SIZES });
  await projectors('consolidating', 'Konsolidierung');
  await shoot(tablet, 'qc-tablet-consolidating', 'tablet', { settle: 1500 });
  await ok(f, 'projector:show', { view: 'individual' });
  await projectors('consolidating-individual', 'Einzelergebnisse');
  await ok(f, 'projector:show', { view: 'overview' });

  // Finalised.
  await ok(f, 'phase:set', { phase: 'finalised' });
  await shoot(console_, 'qc-console-finalised', 'console', { ready: /Abgeschlossen am/, sizes: CONSOLE_SIZES });
  await projectors('finalised', 'Konsolidierte Prioritäten');
  await shoot(tablet, 'qc-tablet-finalised', 'tablet', { settle: 1500 });
  f.disconnect();
}

/** Round 2 from round 1 (Kultur dropped, Breitband new), over the wire, so the process page compares rounds. */
async function secondRound(): Promise<void> {
  const round = await post<CreatedWorkshop>(`/api/processes/${processA!.id}/steps`, { kind: 'quickcheck', title: 'Quick-Check 2025', from: quickCheck1!.workshopId });
  const f = await facilitator(round.workshopId);
  const themes = [...COESFELD.themes.filter((t) => t.id !== 'kultur'), { id: 'breitband', name: 'Breitband' }];
  await ok(f, 'workshop:update', { themes });
  await ok(f, 'phase:set', { phase: 'scoring' });
  for (const [o, org] of ORGS.slice(0, 9).entries()) (await rateOverTheWire(round.code, org, themes, o, themes.length, o % 2 ? 1 : -1)).disconnect();
  for (const phase of ['closed', 'revealed', 'consolidating', 'finalised']) await ok(f, 'phase:set', { phase });
  f.disconnect();
}

// ── Process B: tiers decided, then vision, deep-dives and the project selection ──

let processB: ProcessView | undefined;

async function vision(): Promise<void> {
  const step = await post<CreatedWorkshop>(`/api/processes/${processB!.id}/steps`, { kind: 'vision', title: 'Leitbild Digitales Coesfeld 2030' });
  const f = await facilitator(step.workshopId);
  const add = (kind: string, title: string, text: string, themeId?: string) => ok<StatementReceipt>(f, 'statement:add', { opId: opId(), kind, title, text, ...(themeId ? { themeId } : {}) });
  const principle = await add('principle', 'Digital zuerst', 'Wir denken jede Leistung digital – und bieten sie weiter vor Ort an.\n\n- barrierefrei\n- datensparsam\n- verständlich');
  const together = await add('principle', 'Gemeinsam statt einzeln', 'Kreis und Kommunen entwickeln Lösungen einmal und nutzen sie gemeinsam.');
  await add('picture', 'Bildung 2030', 'Jede Schule im Kreis ist angebunden.\n\n1. Glasfaser\n2. Geräte\n3. Fortbildung', 'bildung');
  await add('picture', 'Verwaltung 2030', 'Alle Anträge lassen sich rund um die Uhr online stellen; Bürgerinnen und Bürger sehen jederzeit den Bearbeitungsstand.', 'verwaltung');
  await ok(f, 'vision:phase', { phase: 'running' });

  const console_ = await page('laptop1366', `/moderation/${step.workshopId}`, true);
  const projector = await page('projector', `/projector/${step.code}`, false);
  const projector720 = await page('projector720', `/projector/${step.code}`, false);
  const tablet = await page('tablet', `/join/${step.code}`, false);
  await tablet.getByRole('radio', { name: 'Senden', exact: true }).check({ timeout: 15_000 });
  await tablet.getByRole('button', { name: 'Beitreten' }).click();
  await tablet.getByText('Sie nehmen für Senden teil.').waitFor({ timeout: 15_000 });

  // The second principle: adopted by everyone who answered.
  const second = await ok<StatementReceipt>(f, 'consent:open', { opId: opId(), statementId: together.statementId });
  for (const org of ['kreis', 'olfen', 'duelmen', 'nottuln']) {
    const socket = await participant(step.code, org);
    await ok(socket, 'consent:answer', { opId: opId(), statementId: together.statementId, round: second.round, answer: 'consent' });
    socket.disconnect();
  }
  await ok(f, 'consent:close', { opId: opId(), statementId: together.statementId });

  // The first: a check open, with consent, a concern and a serious objection.
  const first = await ok<StatementReceipt>(f, 'consent:open', { opId: opId(), statementId: principle.statementId });
  const answers: [string, string, string?][] = [
    ['kreis', 'consent'],
    ['olfen', 'consent'],
    ['duelmen', 'concern', 'Vor Ort muss es weiter Sprechzeiten ohne Termin geben'],
    ['luedinghausen', 'objection', 'Ohne Datenschutz als Grundsatz für uns nicht tragbar'],
  ];
  for (const [org, kind, text] of answers) {
    const socket = await participant(step.code, org);
    await ok(socket, 'consent:answer', { opId: opId(), statementId: principle.statementId, round: first.round, answer: kind, ...(text ? { text } : {}) });
    socket.disconnect();
  }
  await shoot(console_, 'vision-console-check-open', 'console', { ready: 'Konsent-Check beenden', sizes: CONSOLE_SIZES });
  await shoot(projector, 'vision-projector-check-open', 'projector', { ready: /haben geantwortet/, settle: 1500 });
  await shoot(projector720, 'vision-projector-check-open', 'projector', { ready: /haben geantwortet/, settle: 1500 });
  await shoot(tablet, 'vision-tablet-check-open', 'tablet', { ready: 'Ihre Antwort zu „Digital zuerst“', settle: 1500 });

  await ok(f, 'consent:close', { opId: opId(), statementId: principle.statementId });
  await shoot(console_, 'vision-console-check-closed', 'console', { ready: 'Einwand erhoben', sizes: CONSOLE_SIZES });
  await shoot(projector, 'vision-projector-check-closed', 'projector', { ready: 'Einwand erhoben', settle: 1500 });
  await shoot(projector720, 'vision-projector-check-closed', 'projector', { ready: 'Einwand erhoben', settle: 1500 });
  await shoot(tablet, 'vision-tablet-check-closed', 'tablet', { ready: 'Einwand erhoben', settle: 1500 });
  f.disconnect();
}

/** A finalised deep-dive with ideas proposed and accepted by the facilitator (as tests/e2e/selection does). */
async function finalisedDeepDive(themeId: string, ideas: { title: string; cost: number | null; lead?: string }[]): Promise<void> {
  const step = await post<CreatedWorkshop>(`/api/processes/${processB!.id}/steps`, { kind: 'deepdive', themeId });
  const f = await facilitator(step.workshopId);
  await ok(f, 'collection:phase', { phase: 'collecting' });
  for (const idea of ideas) {
    const { proposalId } = await ok<ProposalReceipt>(f, 'proposal:submit', { opId: opId(), title: idea.title, idea: { cost: idea.cost, leadOrganisationId: idea.lead ?? null } });
    await ok(f, 'proposal:decide', { opId: opId(), proposalId, status: 'accepted' });
  }
  for (const phase of ['closed', 'finalised']) await ok(f, 'collection:phase', { phase });
  f.disconnect();
}

async function deepDive(): Promise<void> {
  const step = await post<CreatedWorkshop>(`/api/processes/${processB!.id}/steps`, { kind: 'deepdive', themeId: 'bildung' });
  const f = await facilitator(step.workshopId);
  await ok(f, 'collection:phase', { phase: 'collecting' });
  const console_ = await page('laptop1366', `/moderation/${step.workshopId}`, true);
  const projector = await page('projector', `/projector/${step.code}`, false);
  const projector720 = await page('projector720', `/projector/${step.code}`, false);
  const tablet = await page('tablet', `/join/${step.code}`, false);
  await tablet.getByRole('radio', { name: 'Olfen', exact: true }).check({ timeout: 15_000 });
  await tablet.getByRole('button', { name: 'Beitreten' }).click();
  await tablet.getByText('Sie nehmen für Olfen teil.').waitFor({ timeout: 15_000 });

  const ideas: [string, string, { leadOrganisationId: string | null; partners: string; cost: string | null }, string?][] = [
    ['senden', 'Lernplattform der Volkshochschule', { leadOrganisationId: null, partners: '', cost: '30.000' }],
    ['kreis', 'Tablets für Grundschulen', { leadOrganisationId: 'kreis', partners: 'Schulträger der elf Kommunen', cost: '180.000' }, 'Ein Klassensatz je Grundschule, mit Gerätemanagement durch den Kreis'],
    ['duelmen', 'WLAN in allen Klassenräumen', { leadOrganisationId: 'duelmen', partners: 'Stadtwerke', cost: '95.000,50' }],
    ['ascheberg', 'Fortbildung „Digitaler Unterricht“', { leadOrganisationId: null, partners: 'Kompetenzteam NRW', cost: null }],
  ];
  const ids: string[] = [];
  for (const [org, title, idea, description] of ideas) {
    const socket = await participant(step.code, org);
    ids.push((await ok<ProposalReceipt>(socket, 'proposal:submit', { opId: opId(), title, idea, ...(description ? { description } : {}) })).proposalId);
    socket.disconnect();
  }
  await ok(f, 'proposal:decide', { opId: opId(), proposalId: ids[1], status: 'accepted' });
  await ok(f, 'proposal:decide', { opId: opId(), proposalId: ids[2], status: 'accepted' });
  await ok(f, 'proposal:decide', { opId: opId(), proposalId: ids[3], status: 'rejected' });
  // The real tablet proposes through its form.
  await tablet.getByLabel('Titel der Projektidee').fill('Medienscouts an Schulen');
  await tablet.getByLabel('Federführende Organisation (freiwillig)').selectOption({ label: 'Kreis Coesfeld' });
  await tablet.getByLabel('Partner (freiwillig)').fill('Stadt Olfen, Medienzentrum');
  await tablet.getByLabel('Geschätzte Kosten in Euro (freiwillig)').fill('12.500,50');
  await tablet.getByRole('button', { name: 'Idee senden' }).click();
  await tablet.locator('.own-item', { hasText: 'Medienscouts an Schulen' }).waitFor({ timeout: 15_000 });

  await shoot(console_, 'deepdive-console-collecting', 'console', { ready: 'Medienscouts an Schulen', sizes: CONSOLE_SIZES });
  await shoot(projector, 'deepdive-projector-collecting', 'projector', { ready: 'Tablets für Grundschulen', settle: 1500 });
  await shoot(projector720, 'deepdive-projector-collecting', 'projector', { ready: 'Tablets für Grundschulen', settle: 1500 });
  await shoot(tablet, 'deepdive-tablet-collecting', 'tablet', { settle: 1500 });
  for (const phase of ['closed', 'finalised']) await ok(f, 'collection:phase', { phase });
  await shoot(console_, 'deepdive-console-finalised', 'console', { ready: /Abgeschlossen am/, sizes: CONSOLE_SIZES });
  f.disconnect();
}

async function selection(): Promise<void> {
  await finalisedDeepDive('verwaltung', [
    { title: 'Online-Bauantrag', cost: 45_000 },
    { title: 'Bürgerkonto für alle Kommunen', cost: 60_000, lead: 'kreis' },
    { title: 'Digitallotsen in den Rathäusern', cost: null },
  ]);
  const step = await post<CreatedWorkshop>(`/api/processes/${processB!.id}/steps`, { kind: 'selection', title: 'Projektauswahl 2026' });
  const f = facilitatorSocket(e2e.server.url, await adminCookie(e2e.server.url));
  const { state } = await ok<{ state: { ideas: { id: string; title: string }[] } }>(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: version });
  await ok(f, 'selection:update', { budget: '250.000' });
  await ok(f, 'selection:phase', { phase: 'running' });
  const vote = await ok<{ id: string }>(f, 'vote:open', { opId: opId(), mode: 'points' });

  const console_ = await page('laptop1366', `/moderation/${step.workshopId}`, true);
  const projector = await page('projector', `/projector/${step.code}`, false);
  const projector720 = await page('projector720', `/projector/${step.code}`, false);
  const tablet = await page('tablet', `/join/${step.code}`, false);
  await tablet.getByRole('radio', { name: 'Olfen', exact: true }).check({ timeout: 15_000 });
  await tablet.getByRole('button', { name: 'Beitreten' }).click();
  await tablet.getByText('Sie nehmen für Olfen teil.').waitFor({ timeout: 15_000 });

  const ideas = state.ideas;
  for (const [o, org] of ['kreis', 'ascheberg', 'duelmen', 'senden', 'nottuln', 'havixbeck'].entries()) {
    const socket = await participant(step.code, org);
    // Each organisation gives its 100 points to three ideas, a different three each.
    const chosen = [0, 1, 2].map((k) => ideas[(o + k * 2) % ideas.length]!);
    for (const [k, idea] of chosen.entries()) await ok(socket, 'points:set', { opId: opId(), voteId: vote.id, ideaId: idea.id, points: [50, 30, 20][k] });
    socket.disconnect();
  }
  // The real tablet gives 60 and 30 through its inputs (10 left).
  for (const [idea, points] of [[ideas[0]!, 60], [ideas[ideas.length - 1]!, 30]] as const) {
    const input = tablet.getByLabel(`Punkte für „${idea.title}“`, { exact: true });
    await input.fill(String(points));
    await input.press('Enter');
  }
  await shoot(console_, 'selection-console-vote-open', 'console', { ready: /haben abgestimmt/, sizes: CONSOLE_SIZES });
  await shoot(projector, 'selection-projector-vote-open', 'projector', { ready: /haben abgestimmt/, settle: 1500 });
  await shoot(projector720, 'selection-projector-vote-open', 'projector', { ready: /haben abgestimmt/, settle: 1500 });
  await shoot(tablet, 'selection-tablet-vote-open', 'tablet', { ready: /Punkten vergeben/, settle: 1500 });

  await ok(f, 'vote:close', { opId: opId(), voteId: vote.id });
  await ok(f, 'vote:reveal', { opId: opId(), voteId: vote.id, revealed: true });
  await shoot(console_, 'selection-console-revealed', 'console', { ready: '.budget-table', sizes: CONSOLE_SIZES });
  await shoot(projector, 'selection-projector-revealed', 'projector', { ready: 'Punkte je Idee', settle: 1500 });
  await shoot(projector720, 'selection-projector-revealed', 'projector', { ready: 'Punkte je Idee', settle: 1500 });
  await shoot(tablet, 'selection-tablet-revealed', 'tablet', { ready: /Finanziert nach/, settle: 1500 });
  f.disconnect();
}

// ── Office pages ──

async function office(): Promise<void> {
  const signIn = await page('laptop1366', '/anmelden', false);
  await shoot(signIn, 'office-sign-in', 'office', { ready: 'Anmelden' });
  const invite = await post<{ path: string }>('/api/invites', { note: 'Für das Büro Digitalisierung' });
  const invitation = await page('laptop1366', invite.path, false);
  await shoot(invitation, 'office-invitation', 'office', { settle: 1200 });
  await post('/api/invites', { note: 'Stadt Dülmen, Stabsstelle' });
  const own = await page('laptop1366', '/konto', true);
  await shoot(own, 'office-own-account', 'office', { settle: 1200 });
  const accounts = await page('laptop1366', '/konten', true);
  await shoot(accounts, 'office-accounts', 'office', { settle: 1200 });
  const home = await page('laptop1366', '/', true);
  await shoot(home, 'office-home', 'office', { ready: 'Ihre Prozesse' });
  for (const [name, proc] of [['process-rounds', processA], ['process-pipeline', processB]] as const) {
    if (!proc) continue;
    const p = await page('laptop1366', `/prozess/${proc.id}`, true);
    await shoot(p, `office-${name}`, 'office', { ready: name === 'process-rounds' ? '.comparison-chart svg' : 'Vertiefungen', settle: 1500 });
  }
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  e2e = await startE2E();
  console.log(`server ${e2e.server.url}, screenshots to ${outDir}`);
  try {
    await part('process with a collection and two Quick-Check rounds', async () => {
      processA = await post<ProcessView>('/api/processes', { title: 'Digitalstrategie Kreis Coesfeld', template: 'coesfeld' });
    });
    if (processA) {
      await part('theme collection', collection);
      await part('Quick-Check', quickCheck);
      if (quickCheck1) await part('second Quick-Check round', secondRound);
    }
    await part('process with decided tiers', async () => {
      processB = (await processWithTiers(e2e.server.url)).process;
      await post(`/api/processes/${processB!.id}`, { title: 'Umsetzung Digitalstrategie 2026' }, 'PATCH');
    });
    if (processB) {
      await part('vision', vision);
      await part('deep-dive', deepDive);
      await part('project selection', selection);
    }
    await part('office pages', office);
  } finally {
    disconnectAll();
    await e2e.close();
  }

  writeFileSync(`${outDir}/summary.json`, JSON.stringify({ shots, skipped, pageErrors }, null, 2));
  const rows = shots.map((s) => [s.file, s.size, String(s.pageHeight), s.hScroll ? 'YES' : '', s.kind === 'projector' && s.vOverflow ? 'YES' : '', String(s.clipped.length || ''), s.suspicious.join(' '), s.missing ? 'not ready' : '']);
  const head = ['screenshot', 'viewport', 'height', 'h-scroll', 'proj. v-overflow', 'clipped', 'suspicious text', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${shots.length} screenshots in ${outDir} (details in summary.json)`);
  for (const s of skipped) console.log(`skipped: ${s.what}: ${s.reason}`);
  for (const e of pageErrors) console.log(`page error: ${e}`);
}

await main();
