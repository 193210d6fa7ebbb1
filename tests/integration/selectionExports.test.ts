/**
 * The committee's documents of a project selection (SPEC SE-10, VI-9, X-6)
 * with a real server, SQLite and sockets: a process with a finalised
 * Quick-Check, a vision adopted after an objection and a revision, two
 * deep-dives, a selection with a 100-point vote, an override and an edited
 * profile. profiles.xlsx and profiles.pdf are read back with independent
 * readers (read-excel-file, the raw XLSX XML, poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { SelectionFacilitatorState } from '../../shared/activities/selection/views.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type Resync, type SelectionReceipt, type StatementReceipt } from '../../shared/protocol.js';
import { api, coFacilitationSecret, connect, disconnectAll, ok, startServer, tempDir, type Client, type TestServer } from '../support/harness.js';
import { facilitatorSocket, processWithTiers } from '../support/tiers.js';
import { deepDive } from '../support/selection.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

let n = 0;
const op = () => `op-exports-${process.pid}-${++n}`;

const OBJECTION = 'Ohne Datenschutzgrundsatz nicht tragbar';
const CONCERN = 'Schulungen für alle Beschäftigten einplanen';
const PRINCIPLE_V2 = 'Wir denken jede Leistung digital und schützen die Daten der Menschen.\n\n1. barrierefrei\n2. datensparsam';
const LONG_TITLE = 'Glasfaser für alle Grundschulen mit WLAN in jedem Klassenzimmer samt Wartung';
const GOAL = 'Jede Grundschule im Kreis arbeitet bis 2027 digital: Glasfaser, WLAN in jedem Raum, Geräte für alle Kinder.';
const OVERRIDE = 'Das Land fördert das Bürgerkonto bereits vollständig';
const INCLUDE = 'Der Schulträger trägt einen Eigenanteil von 4.000 €';
const LONG_REASON = `Der Kreistag hat ${'die Aufnahme dieses Projekts trotz der Regel ausdrücklich beschlossen, '.repeat(6)}Ende.`;
const HOSTILE = '=HYPERLINK("http://x","y")';

async function participant(url: string, code: string, organisationId: string): Promise<Client> {
  const socket = connect(url);
  await ok(socket, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: PROTOCOL_VERSION });
  return socket;
}

/** VI-4 … VI-6: a principle objected, revised and adopted in round 2; a future picture adopted in round 1. */
async function adoptedVision(url: string, cookie: string, processId: string) {
  const step = (await (await api(url, `/api/processes/${processId}/steps`, { body: { kind: 'vision', title: 'Vision 2030' }, cookie })).json()) as CreatedWorkshop;
  const f = facilitatorSocket(url, cookie);
  await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: PROTOCOL_VERSION });
  const principle = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'principle', title: 'Digital zuerst', text: 'Wir denken jede Leistung digital.\n\n- barrierefrei\n- datensparsam' });
  const picture = await ok<StatementReceipt>(f, 'statement:add', { opId: op(), kind: 'picture', themeId: 'bildung', title: 'Bildung 2030', text: 'Jede Schule ist angebunden.\nJedes Kind lernt digital.' });
  await ok(f, 'vision:phase', { phase: 'running' });
  const coesfeld = await participant(url, step.code, 'coesfeld');
  const olfen = await participant(url, step.code, 'olfen');
  const answer = (socket: Client, statementId: string, round: number, answer: string, text?: string) =>
    ok(socket, 'consent:answer', { opId: op(), statementId, round, answer, ...(text ? { text } : {}) });

  await ok(f, 'consent:open', { opId: op(), statementId: principle.statementId });
  await answer(coesfeld, principle.statementId, 1, 'consent');
  await answer(olfen, principle.statementId, 1, 'objection', OBJECTION);
  await ok(f, 'consent:close', { opId: op(), statementId: principle.statementId });
  await ok(f, 'statement:revise', { opId: op(), statementId: principle.statementId, title: 'Digital zuerst – sicher', text: PRINCIPLE_V2 });
  await ok(f, 'consent:open', { opId: op(), statementId: principle.statementId });
  await answer(coesfeld, principle.statementId, 2, 'consent');
  await answer(olfen, principle.statementId, 2, 'concern', CONCERN);
  await ok(f, 'consent:close', { opId: op(), statementId: principle.statementId });

  await ok(f, 'consent:open', { opId: op(), statementId: picture.statementId });
  await answer(coesfeld, picture.statementId, 1, 'consent');
  await ok(f, 'consent:close', { opId: op(), statementId: picture.statementId });
  f.disconnect();
  coesfeld.disconnect();
  olfen.disconnect();
  return step;
}

function pdfText(pdf: Buffer): string {
  const file = join(tempDir('konsens-pdf-'), 'profiles.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('exports of a project selection', () => {
  it('SE-10, VI-9, X-6: profiles.xlsx and profiles.pdf carry the profiles, the vote, both rules, the adopted vision and its consent record', async () => {
    server = await startServer({ participantIntervalMs: 20, eventBurst: 2000, eventsPerSecond: 2000 });
    const { url } = server;
    const { cookie, process, quickCheck } = await processWithTiers(url);
    const vision = await adoptedVision(url, cookie, process.id);
    await deepDive(url, cookie, process.id, 'bildung', [
      { title: LONG_TITLE, cost: 12_000, lead: 'olfen' },
      { title: 'Lernplattform', cost: 18_000, lead: 'kreis' },
    ]);
    await deepDive(url, cookie, process.id, 'verwaltung', [
      { title: 'Online-Bauantrag', cost: 15_000 },
      { title: 'Bürgerkonto', cost: 9_000 },
    ]);
    const created = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'selection', title: 'Projektauswahl 2026' }, cookie })).json()) as CreatedWorkshop;
    const f = facilitatorSocket(url, cookie);
    const joined = await ok<{ state: SelectionFacilitatorState }>(f, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    const [school, platform, building, account] = joined.state.ideas.map((i) => i.id) as [string, string, string, string];
    await ok(f, 'selection:update', { budget: '30.000' });
    await ok(f, 'selection:phase', { phase: 'running' });
    const { id: voteId } = await ok<SelectionReceipt>(f, 'vote:open', { opId: op(), mode: 'points' });
    const votes: Record<string, Record<string, number>> = {
      olfen: { [school]: 50, [account]: 40 },
      senden: { [platform]: 70, [building]: 30 },
      kreis: { [platform]: 50, [building]: 25, [account]: 25 },
    };
    for (const [organisation, points] of Object.entries(votes)) {
      const tablet = await participant(url, created.code, organisation);
      for (const [ideaId, p] of Object.entries(points)) await ok(tablet, 'points:set', { opId: op(), voteId, ideaId, points: p });
    }
    await ok(f, 'vote:close', { opId: op(), voteId });
    await ok(f, 'selection:override', { opId: op(), ideaId: account, decision: 'exclude', reason: OVERRIDE });
    await ok(f, 'selection:override', { opId: op(), ideaId: school, decision: 'include', reason: INCLUDE });
    const state = async () => (await ok<Resync>(f, 'state:get', {})).state as SelectionFacilitatorState;
    const budget = (await state()).budget!;
    const first = budget.selected[0]!;
    await ok(f, 'profile:update', { opId: op(), ideaId: first, goal: GOAL, timeline: '2026–2027', status: 'planned' });
    await ok(f, 'profile:update', { opId: op(), ideaId: budget.selected[1]!, goal: HOSTILE, timeline: '-2027', status: 'running' });
    const { profiles, ideas } = await state();
    // Equal Shares funds the account and the building; the overrides swap the account for the schools.
    expect(profiles.map((p) => p.ideaId)).toEqual([school, building]);

    const download = async (file: string, headers: Record<string, string> = { cookie }) => fetch(`${url}/api/workshops/${created.workshopId}/export/${file}`, { headers });
    const body = async (file: string) => {
      const response = await download(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="konsens-${created.code}-steckbriefe.${file.split('.')[1]}"`);
      return Buffer.from(await response.arrayBuffer());
    };

    // profiles.xlsx: the profiles with the note; the vote with points per organisation and both rules.
    const xlsx = await body('profiles.xlsx');
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Steckbriefe', 'Abstimmung']);
    const profileSheet = sheets[0]!.data;
    expect(profileSheet.flat()).toContain('Die Nummerierung der Steckbriefe ist keine Rangfolge.');
    const headerAt = profileSheet.findIndex((r) => r[0] === 'Nr.');
    expect(profileSheet[headerAt]).toEqual(['Nr.', 'Titel', 'Thema', 'Ziel', 'Federführung', 'Partner', 'Kosten (€)', 'Zeitplan', 'Status']);
    const profileRows = profileSheet.slice(headerAt + 1);
    expect(profileRows.map((r) => [r[0], r[1], r[6]])).toEqual(profiles.map((p) => [p.number, p.title, p.cost]));
    const firstRow = profileRows[0]!;
    const names: Record<string, string> = { olfen: 'Olfen', kreis: 'Kreis Coesfeld' };
    const lead = (p: (typeof profiles)[number]) => (p.leadOrganisationId ? names[p.leadOrganisationId]! : null);
    expect(firstRow.slice(2, 9)).toEqual([profiles[0]!.themeName, GOAL, lead(profiles[0]!), null, profiles[0]!.cost, '2026–2027', 'geplant']);
    // a goal or timeline starting with "=" or "-" stays text.
    expect(profileRows[1]!.slice(3, 9)).toEqual([`'${HOSTILE}`, lead(profiles[1]!), null, profiles[1]!.cost, "'-2027", 'in Umsetzung']);

    const voteSheet = sheets[1]!.data;
    const voteHeaderAt = voteSheet.findIndex((r) => r[0] === 'Idee');
    const header = voteSheet[voteHeaderAt]!.map((c) => (c === null ? null : String(c)));
    expect(header).toEqual([
      'Idee', 'Thema', 'Kreis Coesfeld', 'Olfen', 'Senden', 'Punkte gesamt', 'Kosten (€)',
      'Reihenfolge nach Punkten', 'Begründung (Reihenfolge nach Punkten)', 'Gleiche Anteile', 'Begründung (Gleiche Anteile)', 'Abweichung', 'Begründung der Abweichung', 'In der Auswahl',
    ]);
    const voteRows = voteSheet.slice(voteHeaderAt + 1, voteHeaderAt + 1 + ideas.length);
    const column = (name: string) => header.indexOf(name);
    for (const [i, idea] of ideas.entries()) {
      const row = voteRows[i]!;
      expect(row[0]).toBe(idea.title);
      const points = ['kreis', 'olfen', 'senden'].map((o) => votes[o]![idea.id] ?? 0);
      expect(row.slice(2, 5)).toEqual(points);
      expect(row[column('Punkte gesamt')]).toBe(points.reduce((a, b) => a + b, 0));
      expect(row[column('Kosten (€)')]).toBe(idea.cost);
      expect(row[column('Reihenfolge nach Punkten')]).toBe(budget.greedy.ideas[idea.id]!.selected ? 'ausgewählt' : 'nicht ausgewählt');
      expect(row[column('Gleiche Anteile')]).toBe(budget.equalShares.ideas[idea.id]!.selected ? 'ausgewählt' : 'nicht ausgewählt');
      expect(row[column('In der Auswahl')]).toBe(budget.selected.includes(idea.id) ? 'ja' : 'nein');
    }
    const accountRow = voteRows[ideas.findIndex((i) => i.id === account)]!;
    expect(accountRow.slice(column('Abweichung'), column('Abweichung') + 2)).toEqual(['herausgenommen (gegen die Regel)', OVERRIDE]);
    // Amounts as Intl writes them, with a no-break space before "€".
    const reasons = (id: string, rule: string) => flat(String(voteRows[ideas.findIndex((i) => i.id === id)]![column(`Begründung (${rule})`)]));
    expect(reasons(platform, 'Reihenfolge nach Punkten')).toBe('ausgewählt; danach bleiben 12.000,00 €');
    expect(reasons(school, 'Reihenfolge nach Punkten')).toBe('passt nicht mehr ins Budget: als die Idee an der Reihe war, waren noch 3.000,00 € übrig');
    expect(reasons(building, 'Gleiche Anteile')).toBe('ausgewählt in Runde 2; ein Punkt kostete die Unterstützenden 282,05 € (bezahlt von Kreis Coesfeld: 6.538,46 €, Senden: 8.461,54 €)');
    expect(flat(voteSheet.flat().join(' '))).toContain('Budget 30.000,00 €; entscheidende Regel: Gleiche Anteile (Equal Shares)');
    // Print setup, frozen header, autofilter, and no formula anywhere (read from the XML itself).
    const parts = unzipSync(new Uint8Array(xlsx));
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(sheetXml).toMatch(/<pane [^>]*state="frozen"/);
    expect(sheetXml).toMatch(/<autoFilter ref="A\d+:I\d+"/);
    expect(Object.entries(parts).filter(([p]) => p.startsWith('xl/')).map(([, d]) => strFromU8(d)).join('\n')).not.toMatch(/<f[\s>]/);

    // profiles.pdf: vision, consent record, both rules, the override, the profiles, the note.
    const pdf = await body('profiles.pdf');
    if (globalThis.process.env.KONSENS_PDF_DIR) {
      mkdirSync(globalThis.process.env.KONSENS_PDF_DIR, { recursive: true });
      writeFileSync(join(globalThis.process.env.KONSENS_PDF_DIR, 'profiles.pdf'), pdf);
    }
    const text = flat(pdfText(pdf));
    expect(text).toContain('Digitalstrategie Kreis Coesfeld');
    expect(text).toContain('Projektauswahl 2026');
    expect(text).toContain('Die angenommene Vision');
    expect(text).toContain('Digital zuerst – sicher');
    expect(text).toContain(flat('Wir denken jede Leistung digital und schützen die Daten der Menschen.'));
    expect(text).toMatch(/1\. barrierefrei 2\. datensparsam/);
    expect(text).toContain('Zukunftsbild: Bildung');
    expect(text).toContain('Das Konsent-Protokoll');
    expect(text).toContain('Gründe in Runde 1');
    expect(text).toContain(`Schwerwiegender Einwand: „${OBJECTION}“`);
    expect(text).toContain('Gründe in Runde 2');
    expect(text).toContain(`Bedenken: „${CONCERN}“`);
    // The council paper names no organisation in the consent record (SE-10 as proposed): the reason without "Olfen".
    expect(text.slice(text.indexOf('Das Konsent-Protokoll'), text.indexOf('3. Die Auswahl'))).not.toContain('Olfen');
    expect(text).toContain('Budget: 30.000,00 €');
    expect(text).toContain('Entscheidende Regel: Gleiche Anteile (Equal Shares)');
    expect(text).toContain('Reihenfolge nach Punkten');
    expect(text).toContain('Gleiche Anteile (entscheidend)');
    expect(text).toContain(OVERRIDE);
    expect(text).toContain(INCLUDE);
    expect(text).toMatch(/Ausgegeben: [\d.]+,\d\d € · verbleibend: /);
    for (const p of profiles) expect(text).toContain(`Steckbrief Nr. ${p.number}`);
    expect(text).toContain(LONG_TITLE);
    expect(text).toContain(GOAL);
    expect(text).toContain('keine Rangfolge');
    expect(text.split('Die Nummerierung der Steckbriefe ist keine Rangfolge.').length - 1).toBeGreaterThanOrEqual(2 + profiles.length);

    // Each kind its own files: 404 for the other kind's, same rule for a vision.
    expect((await download('report.pdf')).status).toBe(404);
    expect((await fetch(`${url}/api/workshops/${quickCheck.workshopId}/export/profiles.pdf`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${url}/api/workshops/${quickCheck.workshopId}/export/report.pdf`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${url}/api/workshops/${vision.workshopId}/export/profiles.xlsx`, { headers: { cookie } })).status).toBe(404);
    // H-5: signed-in facilitators or the co-facilitation link; nobody else.
    expect((await download('profiles.pdf', {})).status).toBe(401);
    expect((await download('profiles.xlsx', { authorization: 'Bearer wrong-secret-0123456789' })).status).toBe(401);
    const secret = await coFacilitationSecret(url, created.workshopId, cookie);
    expect((await download('profiles.xlsx', { authorization: `Bearer ${secret}` })).status).toBe(200);

    // made off the main thread: with 150 more selected ideas (150 profile pages) the sockets go on answering.
    for (let i = 0; i < 150; i++) {
      const { id } = await ok<SelectionReceipt>(f, 'idea:put', { opId: op(), title: `Projekt ${i + 1}: Sanierung der digitalen Infrastruktur`, themeName: 'Verwaltung', cost: 1000 + i });
      await ok(f, 'selection:override', { opId: op(), ideaId: id, decision: 'include', reason: i === 0 ? LONG_REASON : 'im Kreistag so vereinbart' });
    }
    // The longest texts there are: a profile's goal (1,000 characters) and an override's reason wrap within the page.
    const longGoal = Array.from({ length: 40 }, (_, i) => `Ziel${i}: Glasfaser und WLAN`).join(' ').slice(0, 1000);
    const extra = (await state()).profiles.at(-1)!;
    await ok(f, 'profile:update', { opId: op(), ideaId: extra.ideaId, goal: longGoal, timeline: 'ab 2027 in drei Bauabschnitten je Gemeinde, Abschluss spätestens Ende 2031 nach Förderbescheid' });
    let done = false;
    const big = body('profiles.pdf').then((b) => ((done = true), b));
    let answeredDuring = 0;
    while (!done) {
      await ok<Resync>(f, 'state:get', {});
      if (!done) answeredDuring++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const bigPdf = await big;
    if (globalThis.process.env.KONSENS_PDF_DIR) writeFileSync(join(globalThis.process.env.KONSENS_PDF_DIR, 'profiles-150.pdf'), bigPdf);
    const bigText = flat(pdfText(bigPdf));
    expect(bigText).toContain('Steckbrief Nr. 152');
    expect(bigText).toContain(flat(longGoal));
    expect(answeredDuring).toBeGreaterThan(1);
  });
});
