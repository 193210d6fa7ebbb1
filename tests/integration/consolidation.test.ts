/**
 * Consolidation, individual results and exports over the wire (SPEC C-, E-,
 * P-5 … P-7, X-): a real server and database, real Socket.IO clients; every
 * exported file is read back with an independent reader (csv-parse,
 * read-excel-file, poppler's pdftotext, the raw XLSX XML) and compared with
 * the aggregates the facilitator sees.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../server/app.js';
import type { WorkshopFile } from '../../shared/exchange.js';
import type { Decision } from '../../shared/domain/consolidation.js';
import type { CreatedWorkshop, FacilitatorState, ProjectorState, Resync, RoleState, WorkshopView } from '../../shared/protocol.js';
import type { NameVisibility } from '../../shared/schemas.js';
import { connect, createWorkshop, disconnectAll, facilitate, ok, opId, importFile, recordStates, request, startServer, tempDir, until, version, withLink, type Client, type TestServer, type TestWorkshop } from '../support/harness.js';

const servers: TestServer[] = [];
afterEach(async () => {
  disconnectAll();
  for (const s of servers.splice(0)) await s.close();
});

async function start(config: Partial<AppConfig> = {}): Promise<TestServer> {
  const server = await startServer(config);
  servers.push(server);
  return server;
}

const HOSTILE_FORMULA = '=HYPERLINK("http://x","y")';
const HOSTILE_HTML = '<img src=x onerror=alert(1)>';

/** Deterministic ratings with abstentions; Verwaltung and Bildung high, Kultur low. */
function rating(person: number, theme: number, criterion: number): number | null {
  if ((person * 7 + theme * 3 + criterion) % 13 === 0) return null;
  const base = [5, 5, 4, 2, 4, 2, 1, 3][theme]!;
  return Math.min(5, Math.max(1, base + ((person + theme + criterion) % 3) - 1));
}

interface Run {
  created: TestWorkshop;
  facilitator: Client;
  state: () => FacilitatorState;
}

/** Lobby (hostile theme names, name setting) → 24 tablets of 12 organisations vote → revealed. */
async function runQuickCheck(url: string, organisationNames: NameVisibility = 'facilitator', weights: Record<string, number> = {}): Promise<Run> {
  const created = await createWorkshop(url, { template: 'coesfeld', title: 'Quick-Check Kreis Coesfeld', date: '2026-11-24' });
  let states: RoleState[] = [];
  const { socket: facilitator, session } = await facilitate(url, created, (socket) => (states = recordStates(socket)));
  const themes = session.state.workshop.config.themes.map((t) =>
    t.id === 'tourismus' ? { ...t, name: HOSTILE_FORMULA } : t.id === 'kultur' ? { ...t, name: HOSTILE_HTML } : t,
  );
  const organisations = session.state.workshop.config.organisations.map((o) => ({ ...o, weight: weights[o.id] ?? o.weight }));
  await ok(facilitator, 'workshop:update', { themes, organisationNames, organisations });
  await ok(facilitator, 'phase:set', { phase: 'scoring' });
  const config = ((await ok<Resync>(facilitator, 'state:get', {})).state as FacilitatorState).workshop.config;
  await Promise.all(
    Array.from({ length: 24 }, async (_, person) => {
      const tablet = connect(url);
      await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: config.organisations[person % 12]!.id, protocolVersion: version });
      for (const [t, theme] of config.themes.entries()) {
        for (const [c, criterion] of config.criteria.entries()) {
          await ok(tablet, 'answer:set', { opId: opId(), themeId: theme.id, criterionId: criterion.id, value: rating(person, t, c) });
        }
      }
    }),
  );
  await ok(facilitator, 'phase:set', { phase: 'closed' });
  await ok(facilitator, 'phase:set', { phase: 'revealed' });
  const last = () => states.findLast((s) => s.role === 'facilitator') as FacilitatorState;
  await until(() => last()?.workshop.phase === 'revealed' && last().progress.complete === 12, 'revealed with 12 complete organisations');
  return { created, facilitator, state: () => last() };
}

async function download(url: string, created: TestWorkshop, file: string, query = ''): Promise<Buffer> {
  const response = await fetch(`${url}/api/workshops/${created.workshopId}/export/${file}${query}`, {
    headers: { authorization: `Bearer ${created.facilitatorSecret}` },
  });
  expect(response.status, `${file}: ${response.status}`).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="konsens-[A-Z0-9]+-/);
  return Buffer.from(await response.arrayBuffer());
}

function pdfText(pdf: Buffer): string {
  const file = join(tempDir('konsens-pdf-'), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const german = (value: number) => value.toFixed(2).replace('.', ',');

describe('consolidation', () => {
  it('C-1 … C-5, P-5 … P-7: moves with reasons, an audit trail, finalise read-only, duplicate; all survives a restart', async () => {
    const server = await start();
    const { created, facilitator, state } = await runQuickCheck(server.url);
    const projector = connect(server.url);
    const projectorStates = recordStates(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });

    // P-5: not before the consolidation.
    expect(await request(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'I', reason: 'x' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    await ok(facilitator, 'phase:set', { phase: 'consolidating' });
    const computed = state().consolidation!.themes;
    const kultur = computed.find((t) => t.themeId === 'kultur')!;
    const verwaltung = computed.find((t) => t.themeId === 'verwaltung')!;
    expect(kultur).toMatchObject({ tier: 'III', moved: false });
    expect(verwaltung).toMatchObject({ tier: 'I', moved: false });

    // C-1: a reason is required; moving to the same tier changes nothing.
    expect(await request(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'II', reason: '   ' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'III', reason: 'bleibt' })).toMatchObject({ ok: false, code: 'UNCHANGED' });
    expect(await request(facilitator, 'consolidation:move', { themeId: 'sport', tier: 'I', reason: 'x' })).toMatchObject({ ok: false, code: 'UNKNOWN_THEME' });

    const first = await ok<Decision>(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'II', reason: 'Ehrenamt und Vereine brauchen digitale Angebote' });
    expect(first).toMatchObject({ seq: 1, from: 'III', to: 'II', computed: 'III' });
    // Resent after a lost acknowledgement: the same decision, not a second one.
    expect(await ok<Decision>(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'II', reason: 'Ehrenamt und Vereine brauchen digitale Angebote' })).toEqual(first);
    const second = await ok<Decision>(facilitator, 'consolidation:move', { themeId: 'verwaltung', tier: 'II', reason: 'Wird über das OZG-Programm des Landes finanziert' });
    const third = await ok<Decision>(facilitator, 'consolidation:move', { themeId: 'verwaltung', tier: 'I', reason: 'Doch Priorität I: Pflichtaufgabe' });
    expect([second.from, second.to, third.from, third.to]).toEqual(['I', 'II', 'II', 'I']);

    // C-3: the projector shows the consolidated list with moved themes marked.
    const shown = await until(
      () => (projectorStates.findLast((s) => s.role === 'projector' && s.consolidation?.trail.length === 3) as ProjectorState | undefined)?.consolidation ?? undefined,
      'projector sees the consolidation',
    );
    expect(shown.themes.find((t) => t.themeId === 'kultur')).toMatchObject({ computed: 'III', tier: 'II', moved: true, reason: 'Ehrenamt und Vereine brauchen digitale Angebote' });
    // Moved back to its computed tier: not marked as moved, the trail keeps both decisions.
    expect(shown.themes.find((t) => t.themeId === 'verwaltung')).toMatchObject({ computed: 'I', tier: 'I', moved: false });
    expect(shown.trail.map((d) => d.seq)).toEqual([1, 2, 3]);
    // Ordered by decided tier: I before II before III.
    const rank = shown.themes.map((t) => ['I', 'II', 'III', null].indexOf(t.tier));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(shown.themes.findIndex((t) => t.themeId === 'kultur')).toBeLessThan(shown.themes.findIndex((t) => t.tier === 'III'));

    // P-6: finalise → read-only.
    const final = await ok<WorkshopView>(facilitator, 'phase:set', { phase: 'finalised' });
    expect(final.finalisedAt).toEqual(expect.any(Number));
    expect(await request(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'I', reason: 'x' })).toMatchObject({ ok: false, code: 'FINALISED' });
    expect(await request(facilitator, 'workshop:update', { title: 'Geändert' })).toMatchObject({ ok: false, code: 'FINALISED' });
    expect(await request(facilitator, 'phase:set', { phase: 'consolidating' })).toMatchObject({ ok: false, code: 'FINALISED' });
    // No new participants, no answers; nobody is locked out of looking.
    expect(await request(connect(server.url), 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: version })).toMatchObject({
      ok: false,
      code: 'FINALISED',
    });
    expect(await request(connect(server.url), 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version })).toMatchObject({ ok: true });
    // The projector may still be switched (presenting the final result).
    expect(await ok<WorkshopView>(facilitator, 'projector:show', { view: 'individual' })).toMatchObject({ projectorView: 'individual' });

    // P-7: a new round with the same setup.
    const copy = await ok<CreatedWorkshop>(facilitator, 'workshop:duplicate', {});
    const { session: copySession } = await facilitate(server.url, await withLink(server.url, copy));
    expect(copySession.state.workshop).toMatchObject({ phase: 'lobby', finalisedAt: null });
    expect(copySession.state.workshop.config.title).toBe('Quick-Check Kreis Coesfeld (Runde 2)');
    const { title: _title, ...setup } = state().workshop.config;
    expect(copySession.state.workshop.config).toEqual({ ...setup, title: 'Quick-Check Kreis Coesfeld (Runde 2)' });
    expect(copySession.state.progress.participants).toBe(0);
    expect(copySession.state.consolidation).toBeNull();

    // Everything is in the database: a restarted server on the same file has it.
    const before = (await ok<Resync>(facilitator, 'state:get', {})).state as FacilitatorState;
    disconnectAll();
    await server.app.close();
    const again = await startServer({}, server.dataDir);
    servers.push(again);
    const { session: after } = await facilitate(again.url, created);
    expect(after.state.workshop).toEqual(before.workshop);
    expect(after.state.consolidation).toEqual(before.consolidation);
    expect(after.state.results).toEqual(before.results);
    expect(after.state.individual).toEqual(before.individual);
    expect(after.state.workshop.phase).toBe('finalised');
  });
});

describe('individual results and names (E-1 … E-4)', () => {
  it('default: names on the console only; the projector and exports show pseudonyms', async () => {
    const server = await start();
    const { created, facilitator, state } = await runQuickCheck(server.url);
    const names = state().workshop.config.organisations.map((o) => o.name);
    const individual = state().individual;
    expect(individual).toHaveLength(12);
    expect(individual.map((o) => o.name).sort()).toEqual([...names].sort());
    // E-1: own values beside the group's, per theme.
    const coesfeld = individual.find((o) => o.key === 'coesfeld')!;
    expect(coesfeld.themes).toHaveLength(8);

    const projector = connect(server.url);
    const projectorStates = recordStates(projector);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    await ok(facilitator, 'projector:show', { view: 'individual' });
    const shown = await until(
      () => (projectorStates.findLast((s) => s.role === 'projector' && (s as ProjectorState).individual) as ProjectorState | undefined)?.individual ?? undefined,
      'projector individual',
    );
    expect(shown.map((o) => o.pseudonym)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    expect(shown.every((o) => o.name === null && /^org-[a-l]$/.test(o.key))).toBe(true);
    // The same values, under a pseudonym whose letter follows the secret order, not the list.
    const means = (o: { themes: { criteria: { mean: number | null }[] }[] }) => JSON.stringify(o.themes.map((t) => t.criteria.map((c) => c.mean)));
    const byLetter = new Map(individual.map((o) => [o.pseudonym, means(o)]));
    for (const o of shown) expect(means(o)).toBe(byLetter.get(o.pseudonym));
    // E-3: the letters do not follow the list (Kreis Coesfeld is not simply A, Ascheberg B, …) …
    expect(individual.map((o) => o.pseudonym)).not.toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    // … and without names the counts are gone too: "3 persons" could tell who it is.
    expect(shown.flatMap((o) => o.themes.flatMap((t) => t.criteria.map((c) => [c.nPersons, c.abstentions]))).flat().every((n) => n === null)).toBe(true);
    expect(coesfeld.themes[0]!.criteria[0]!.nPersons).toBeGreaterThan(0);
    // The projector knows the list of organisations (as every tablet does), but never which values are whose.
    const serialised = JSON.stringify(projectorStates.map((s) => (s as ProjectorState).individual));
    for (const o of state().workshop.config.organisations) {
      expect(serialised).not.toContain(o.name);
      expect(serialised).not.toContain(`"${o.id}"`);
    }

    for (const file of ['individual.csv', 'themes.csv', 'workshop.json', 'report.pdf']) {
      const body = await download(server.url, created, file);
      const text = file.endsWith('.pdf') ? pdfText(body) : body.toString('utf8');
      for (const name of ['Ascheberg', 'Billerbeck', 'Nottuln', 'Rosendahl']) expect(text, `${file} has no organisation names`).not.toContain(name);
    }
    const sheets = await readXlsxFile(await download(server.url, created, 'workbook.xlsx'));
    expect(JSON.stringify(sheets)).not.toContain('Ascheberg');
  });

  it("'public' names them on the projector and in exports; 'anonymous' hides them from the console too", async () => {
    const server = await start();
    const open = await runQuickCheck(server.url, 'public');
    const csv = (await download(server.url, open.created, 'individual.csv')).toString('utf8');
    expect(csv).toContain('Ascheberg');
    expect(pdfText(await download(server.url, open.created, 'report.pdf'))).toContain('Ascheberg');

    // The county counts double: a weight no other organisation has.
    const hidden = await runQuickCheck(server.url, 'anonymous', { kreis: 2 });
    expect(hidden.state().individual.every((o) => o.name === null)).toBe(true);
    // E-5: people rated under the promise of anonymity; it stays.
    expect(await request(hidden.facilitator, 'workshop:update', { organisationNames: 'public' })).toMatchObject({ ok: false, code: 'ANONYMITY_LOCKED' });
    expect(await request(hidden.facilitator, 'workshop:update', { organisationNames: 'facilitator' })).toMatchObject({ ok: false, code: 'ANONYMITY_LOCKED' });
    expect(JSON.stringify(hidden.state().individual)).not.toContain('ascheberg');
    const file = JSON.parse((await download(server.url, hidden.created, 'workshop.json')).toString('utf8')) as WorkshopFile;
    expect(file.anonymised).toBe(true);
    // E-3: the county's weight 2 would point at it behind its pseudonym: every organisation weighs 1 in the file.
    expect(hidden.state().workshop.config.organisations.find((o) => o.id === 'kreis')!.weight).toBe(2);
    expect(file.workshop.config.organisations.map((o) => o.weight)).toEqual(Array(12).fill(1));
    expect(JSON.stringify(file)).not.toMatch(/Ascheberg|"ascheberg"|Olfen|"olfen"|Dülmen|"duelmen"/);
  });
});

describe('exports (X-1 … X-6)', () => {
  it('every file agrees with the aggregates; hostile names stay text; JSON re-imports to the same results', async () => {
    const server = await start();
    const { created, facilitator } = await runQuickCheck(server.url, 'public');
    await ok(facilitator, 'phase:set', { phase: 'consolidating' });
    await ok(facilitator, 'consolidation:move', { themeId: 'kultur', tier: 'II', reason: '=1+1 Ehrenamt stärken' });
    await ok(facilitator, 'consolidation:move', { themeId: 'mobilitaet', tier: 'II', reason: 'ÖPNV-Anbindung der Dörfer, „Bürgerbus“' });
    await ok(facilitator, 'phase:set', { phase: 'finalised' });
    const current = (await ok<Resync>(facilitator, 'state:get', {})).state as FacilitatorState;
    const { results, consolidation, workshop } = current;
    const config = workshop.config;
    const nameOf = (id: string) => config.themes.find((t) => t.id === id)!.name;
    const resultOf = (id: string) => results.themes.find((t) => t.themeId === id)!;
    const decided = (id: string) => consolidation!.themes.find((t) => t.themeId === id)!.tier ?? '–';

    // CSV, standard variant: BOM, comma, decimal point.
    const standard = (await download(server.url, created, 'themes.csv')).toString('utf8');
    expect(standard.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(standard, { bom: true, columns: true, delimiter: ',' }) as Record<string, string>[];
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const id = config.themes.find((t) => t.name === row.Thema || `'${t.name}` === row.Thema)!.id;
      const r = resultOf(id);
      expect(Number(row['Bedeutung: Mittelwert'])).toBeCloseTo(r.criteria[0]!.mean!, 4);
      expect(Number(row['Digitalisierungspotenzial: Standardabweichung'])).toBeCloseTo(r.criteria[1]!.sd!, 4);
      expect(Number(row['Bedeutung: Enthaltungen'])).toBe(r.criteria[0]!.abstentions);
      expect(Number(row['Kombinierter Wert (0–1)'])).toBeCloseTo(r.score!, 4);
      expect(row['Berechnete Priorität']).toBe(r.tier ?? '–');
      expect(row['Konsolidierte Priorität']).toBe(decided(id));
    }
    // the formula-like theme name and reason are text, the HTML is verbatim.
    expect(rows.map((r) => r.Thema)).toContain(`'${HOSTILE_FORMULA}`);
    expect(rows.map((r) => r.Thema)).toContain(HOSTILE_HTML);
    expect(rows.find((r) => r.Thema === HOSTILE_HTML)!.Begründung).toBe("'=1+1 Ehrenamt stärken");
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(r.Thema!))).toBe(true);

    // CSV, German Excel variant: semicolon and decimal comma.
    const excel = (await download(server.url, created, 'themes.csv', '?variant=excel-de')).toString('utf8');
    const excelRows = parse(excel, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    const verwaltung = excelRows.find((r) => r.Thema === 'Verwaltung')!;
    expect(Number(verwaltung['Bedeutung: Mittelwert']!.replace(',', '.'))).toBeCloseTo(resultOf('verwaltung').criteria[0]!.mean!, 4);
    expect(excelRows.find((r) => r.Thema === 'Mobilität')!['Begründung']).toBe('ÖPNV-Anbindung der Dörfer, „Bürgerbus“');

    // Individual results CSV: one row per organisation × theme × criterion.
    const individualCsv = parse((await download(server.url, created, 'individual.csv')).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(individualCsv).toHaveLength(12 * 8 * 2);
    const own = current.individual.find((o) => o.key === 'olfen')!.themes.find((t) => t.themeId === 'bildung')!.criteria[0]!;
    const olfenRow = individualCsv.find((r) => r.Organisation === 'Olfen' && r.Thema === 'Bildung' && r.Kriterium === 'Bedeutung')!;
    expect(Number(olfenRow['Wert der Organisation'])).toBeCloseTo(own.mean!, 4);
    expect(Number(olfenRow['Mittelwert der Gruppe'])).toBeCloseTo(resultOf('bildung').criteria[0]!.mean!, 4);

    // XLSX: four sheets, numeric cells, no formula element anywhere.
    const xlsx = await download(server.url, created, 'workbook.xlsx');
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Übersicht', 'Themen', 'Organisationen', 'Protokoll']);
    const themeSheet = sheets[1]!.data;
    const header = themeSheet[0]!.map(String);
    for (const row of themeSheet.slice(1)) {
      const name = String(row[1]);
      const id = config.themes.find((t) => t.name === name || `'${t.name}` === name)!.id;
      const mean = row[header.indexOf('Bedeutung: Mittelwert')];
      expect(typeof mean).toBe('number');
      expect(mean as number).toBeCloseTo(resultOf(id).criteria[0]!.mean!, 9);
      expect(row[header.indexOf('Konsolidierte Priorität')]).toBe(decided(id));
    }
    expect(themeSheet.map((r) => r[1])).toContain(`'${HOSTILE_FORMULA}`);
    const summary = sheets[0]!.data.map((r) => r.filter((cell) => cell !== null).join(' '));
    expect(summary).toContain(`Priorität I: ${consolidation!.themes.filter((t) => t.tier === 'I').map((t) => nameOf(t.themeId)).join(', ')}`);
    const trail = sheets[3]!.data;
    expect(trail.slice(1).map((r) => r[6])).toEqual(["'=1+1 Ehrenamt stärken", 'ÖPNV-Anbindung der Dörfer, „Bürgerbus“']);
    // Times are date cells showing the German wall clock (a spreadsheet date has no time zone).
    const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' });
    const utc = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' });
    consolidation!.trail.forEach((d, i) => {
      const cell = trail[i + 1]![1];
      expect(cell).toBeInstanceOf(Date);
      expect(utc.format(cell as unknown as Date)).toBe(berlin.format(new Date(d.at)));
    });
    const parts = unzipSync(new Uint8Array(xlsx));
    const xml = Object.entries(parts).filter(([path]) => path.startsWith('xl/')).map(([, data]) => strFromU8(data)).join('\n');
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toContain('<img src=x');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // PDF, read by poppler: tiers, numbers in German notation, decisions with reasons, names verbatim.
    const text = pdfText(await download(server.url, created, 'report.pdf'));
    expect(text).toContain('Quick-Check Kreis Coesfeld');
    expect(text).toMatch(/Abgeschlossen am/);
    for (const tier of ['I', 'II', 'III'] as const) {
      const names = consolidation!.themes.filter((t) => t.tier === tier).map((t) => nameOf(t.themeId));
      expect(text.replace(/\s+/g, ' ')).toContain(`Priorität ${tier}: ${names.join(', ')}`);
    }
    expect(text).toContain(german(resultOf('verwaltung').criteria[0]!.mean!));
    expect(text).toContain(german(resultOf('bildung').criteria[1]!.mean!));
    expect(text).toContain(HOSTILE_FORMULA);
    expect(text).toContain(HOSTILE_HTML);
    expect(text.replace(/\s+/g, ' ')).toContain('=1+1 Ehrenamt stärken');

    // JSON: import into a fresh server reproduces aggregates, tiers and consolidation.
    const json = (await download(server.url, created, 'workshop.json')).toString('utf8');
    expect(json).not.toMatch(/displayName|resumeToken|tokenHash|secret/i);
    const fresh = await start();
    const imported = await importFile(fresh.url, json);
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as CreatedWorkshop;
    const { session: restored } = await facilitate(fresh.url, await withLink(fresh.url, copy));
    expect(restored.state.results).toEqual(results);
    expect(restored.state.consolidation).toEqual(consolidation);
    expect(restored.state.individual).toEqual(current.individual);
    expect(restored.state.workshop).toMatchObject({ phase: 'finalised', finalisedAt: workshop.finalisedAt, config });
  });

  it('H-5: only the facilitator may export; a broken import is refused with details and nothing is created', async () => {
    const server = await start({ importBurst: 100 });
    const created = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const url = `${server.url}/api/workshops/${created.workshopId}/export/themes.csv`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${other.facilitatorSecret}` } })).status).toBe(401);
    expect((await fetch(url.replace(created.workshopId, other.workshopId), { headers: { authorization: `Bearer ${created.facilitatorSecret}` } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/workshops/nope/export/themes.csv`, { headers: { authorization: `Bearer ${created.facilitatorSecret}` } })).status).toBe(404);
    const bad = await fetch(url.replace('themes.csv', 'secrets.txt'), { headers: { authorization: `Bearer ${created.facilitatorSecret}` } });
    expect(bad.status).toBe(404);
    const variant = await fetch(`${url}?variant=lotus`, { headers: { authorization: `Bearer ${created.facilitatorSecret}` } });
    expect(variant.status).toBe(400);

    // A valid file with a participant and answers; each broken variant breaks one rule of X-5.
    const exported = JSON.parse((await download(server.url, created, 'workshop.json')).toString('utf8')) as WorkshopFile;
    const good: WorkshopFile = {
      ...exported,
      workshop: { ...exported.workshop, phase: 'consolidating' },
      // Exported without names (the default): the organisations are org-a, org-b, …
      participants: [{ ref: 'p1', organisationId: exported.workshop.config.organisations[0]!.id }],
      answers: [{ participant: 'p1', themeId: 'bildung', criterionId: 'importance', value: 4 }],
      decisions: [{ seq: 1, themeId: 'bildung', from: null, to: 'I', computed: null, reason: 'Schulträger', at: '2026-11-24T10:00:00.000Z' }],
    };
    const post = (body: string) => importFile(server.url, body);
    const workshops = () => (new Database(server.dbFile, { readonly: true }).prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n;
    expect((await post(JSON.stringify(good))).status).toBe(201);
    const before = workshops();
    const names = exported.workshop.config.organisations.map((o) => o.id);
    const broken: [why: string, file: unknown, path: string][] = [
      ['not JSON', '{"format":', ''],
      ['another version', { ...good, version: 2 }, 'version'],
      ['unknown participant', { ...good, answers: [{ participant: 'p9', themeId: 'bildung', criterionId: 'importance', value: 3 }] }, 'answers.0.participant'],
      ['reserved id', { ...good, decisions: [{ ...good.decisions[0]!, themeId: '__proto__' }] }, 'decisions.0.themeId'],
      ['off the scale', { ...good, answers: [{ ...good.answers[0]!, value: 7 }] }, 'answers.0.value'],
      ['the same answer twice', { ...good, answers: [good.answers[0]!, { ...good.answers[0]!, value: 2 }] }, 'answers.1'],
      ['unknown organisation', { ...good, participants: [{ ref: 'p1', organisationId: 'atlantis' }] }, 'participants.0.organisationId'],
      ['pseudonyms twice', { ...good, pseudonymOrder: [...names.slice(1), names[1]!] }, 'pseudonymOrder'],
      ['finalised without a time', { ...good, workshop: { ...good.workshop, phase: 'finalised', finalisedAt: null } }, 'workshop.finalisedAt'],
      ['a time but not finalised', { ...good, workshop: { ...good.workshop, finalisedAt: '2026-11-24T12:00:00.000Z' } }, 'workshop.finalisedAt'],
      ['a move to the same tier', { ...good, decisions: [{ ...good.decisions[0]!, from: 'I', to: 'I' }] }, 'decisions.0.to'],
      ['decisions in the lobby', { ...good, workshop: { ...good.workshop, phase: 'lobby' }, answers: [] }, 'workshop.phase'],
    ];
    for (const [why, file, path] of broken) {
      const response = await post(typeof file === 'string' ? file : JSON.stringify(file));
      expect(response.status, why).toBe(400);
      // Refused for its own reason, named at its place.
      expect(await response.json(), why).toMatchObject({ code: 'BAD_REQUEST', details: expect.arrayContaining([expect.objectContaining({ path })]) });
    }
    // Thousands of problems: the answer names the first 20 and counts the rest.
    const many = { ...good, answers: Array.from({ length: 500 }, (_, i) => ({ participant: `x${i}`, themeId: 'bildung', criterionId: 'importance', value: 3 })) };
    const manyResponse = (await (await post(JSON.stringify(many))).json()) as { details: { message: string }[] };
    expect(manyResponse.details).toHaveLength(21);
    expect(manyResponse.details[20]!.message).toBe('… and 480 more');
    expect(workshops(), 'nothing created by a refused import').toBe(before);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('H-4: imports are limited per address', async () => {
    const server = await start({ importBurst: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await importFile(server.url, '{}')).status);
    expect(statuses).toEqual([400, 400, 429]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('X-3: reports are written off the main thread: the server answers while a large PDF is being made', async () => {
    const server = await start();
    // 60 organisations × 30 themes, one person each, every answer given: a report of many pages.
    const themes = Array.from({ length: 30 }, (_, t) => ({ id: `t${t}`, name: `Themenfeld ${t + 1}` }));
    const organisations = Array.from({ length: 60 }, (_, o) => ({ id: `o${o}`, name: `Gemeinde ${o + 1}`, weight: 1 }));
    const base = await createWorkshop(server.url);
    const { session } = await facilitate(server.url, base);
    const config = { ...session.state.workshop.config, themes, organisations, organisationNames: 'public' };
    const participants = organisations.map((o, i) => ({ ref: `p${i + 1}`, organisationId: o.id }));
    const answers = participants.flatMap((p, i) =>
      themes.flatMap((t, k) => config.criteria.map((c, j) => ({ participant: p.ref, themeId: t.id, criterionId: c.id, value: 1 + ((i + k + j) % 5) }))),
    );
    const file = {
      format: 'konsens.workshop',
      version: 1,
      exportedAt: new Date().toISOString(),
      anonymised: false,
      workshop: { phase: 'revealed', config, finalisedAt: null, projectorView: 'overview' },
      pseudonymOrder: [],
      participants,
      answers,
      decisions: [],
    };
    const response = await importFile(server.url, JSON.stringify(file));
    expect(response.status).toBe(201);
    const big = await withLink(server.url, (await response.json()) as CreatedWorkshop);
    const { socket } = await facilitate(server.url, big);

    let exported = false;
    const report = download(server.url, big, 'report.pdf').then((pdf) => {
      exported = true;
      return pdf;
    });
    // While the report is being written, the server goes on answering.
    let answeredDuring = 0;
    while (!exported) {
      await ok<Resync>(socket, 'state:get', {});
      if (!exported) answeredDuring++;
      await new Promise((r) => setTimeout(r, 60)); // within the event rate limit (S-5)
    }
    const text = pdfText(await report);
    expect(text).toContain('Gemeinde 60');
    expect(answeredDuring).toBeGreaterThan(3);
  });
});
