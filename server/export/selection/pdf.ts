/**
 * profiles.pdf (SPEC SE-10), German, A4 portrait, for a council paper: a title
 * page; the process's adopted vision (VI-9) with its consent record; the
 * selection with both budget rules side by side, the overrides and what is
 * spent; then one page per profile (Steckbrief). Tagged PDF with embedded
 * DejaVu Sans, drawn with the Quick-Check report's Writer, so that long texts
 * wrap and tables break across pages the same way.
 */
import { ACCENT, footers, GREY, MARGIN, newDocument, RULE, Writer, type Cell } from '../pdf.js';
import { germanDate, germanDateTime } from '../strings.js';
import type { ExportStatement, ExportVision, SelectionExport } from './model.js';
import { germanEuro, germanShortDateTime, sel } from './strings.js';

const T = {
  kicker: 'Projektauswahl mit Vision und Steckbriefen',
  selectionOn: (date: string) => `Projektauswahl am ${date}`,
  generated: (at: string) => `Erstellt am ${at} mit Konsens`,
  contents: 'Inhalt: 1. Die angenommene Vision · 2. Das Konsent-Protokoll · 3. Die Auswahl · 4. Die Steckbriefe',
  vision: '1. Die angenommene Vision',
  visionIntro: 'Angenommen ist eine Aussage, wenn in ihrem letzten Konsent-Check zu ihrer aktuellen Fassung niemand einen schwerwiegenden Einwand erhoben hat. Hier steht jeweils die aktuelle Fassung.',
  noVision: 'Dieser Prozess hat keinen Visionsschritt.',
  noneAdopted: 'In diesem Schritt ist noch keine Aussage angenommen.',
  version: (n: number) => `Fassung ${n}`,
  record: '2. Das Konsent-Protokoll',
  recordIntro:
    'Jede Runde eines Konsent-Checks mit der Fassung, über die sie befragt wurde, ihren Zeiten und dem Ergebnis. Die Gründe von Bedenken und schwerwiegenden Einwänden stehen im Wortlaut, ohne Namen: so, wie sie auch im Raum gezeigt wurden.',
  noRounds: 'Es hat noch kein Konsent-Check stattgefunden.',
  round: 'Runde',
  opened: 'Geöffnet',
  closed: 'Geschlossen',
  stillOpen: 'noch offen',
  consent: 'Zustimmung',
  concern: 'Bedenken',
  objection: 'Einwände',
  reasonsOf: (round: number) => `Gründe in Runde ${round}`,
  selection: '3. Die Auswahl',
  budget: (budget: string) => `Budget: ${budget}`,
  noBudget: 'Es ist kein Budget festgelegt; ohne Budget entscheidet keine Regel.',
  rule: (rule: string) => `Entscheidende Regel: ${rule}`,
  vote: (number: number, label: string, closed: string) => `Gezählt wird Abstimmung ${number} (${label}), ${closed}.`,
  voteClosed: (at: string) => `geschlossen am ${at}`,
  voteOpen: 'noch offen',
  noVote: 'Es hat noch keine Abstimmung stattgefunden.',
  idea: 'Idee',
  cost: 'Kosten',
  points: 'Punkte',
  deciding: 'entscheidend',
  inSelection: 'Auswahl',
  yes: 'ja',
  no: 'nein',
  overrides: 'Abweichungen von der Regel',
  noOverrides: 'Die Auswahl folgt der entscheidenden Regel ohne Abweichung.',
  change: 'Abweichung',
  reason: 'Begründung',
  spent: (spent: string, left: string) => `Ausgegeben: ${spent} · verbleibend: ${left}`,
  profiles: '4. Die Steckbriefe',
  noProfiles: 'Noch keine Idee ist ausgewählt; es gibt keine Steckbriefe.',
  profile: (n: number) => `Steckbrief Nr. ${n}`,
  field: 'Angabe',
  content: 'Inhalt',
  empty: '–',
};

/** A statement's text (VI-2): paragraphs split by an empty line; lines starting with "- " or "1. " are list items. */
function statementText(w: Writer, text: string): void {
  const { doc } = w;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    let prose: string[] = [];
    let list: PDFKit.PDFStructureElement | null = null;
    const flush = () => {
      if (prose.length > 0) w.paragraph(prose.join('\n'), { size: 10, gap: 3 });
      prose = [];
    };
    for (const line of lines) {
      const item = /^\s*(?:(- )|(\d+\.) )(.*)$/.exec(line);
      if (!item) {
        list?.end();
        list = null;
        prose.push(line);
        continue;
      }
      flush();
      if (!list) {
        list = doc.struct('L');
        w.root.add(list);
      }
      const marker = item[1] ? '•' : item[2]!;
      const body = item[3]!;
      const li = doc.struct('LI');
      list.add(li);
      w.font(10);
      w.ensure(Math.min(doc.heightOfString(body, { width: w.width - 18 }), 30));
      const y = doc.y;
      w.tagged('Lbl', () => doc.text(marker, w.left + 4, y, { width: 14, lineBreak: false }), li);
      w.tagged('LBody', () => w.print(body, w.left + 18, y, { width: w.width - 18, lineGap: 1.5 }), li);
      li.end();
      doc.y += 2;
    }
    list?.end();
    flush();
    doc.y += 3;
  }
}

function titlePage(w: Writer, model: SelectionExport): void {
  const { doc } = w;
  doc.y = MARGIN.top + 120;
  w.paragraph(T.kicker, { size: 10, bold: true, color: ACCENT, gap: 6 });
  w.heading(1, model.processTitle ?? model.title);
  if (model.processTitle) w.paragraph(model.title, { size: 14, bold: true, gap: 8 });
  if (model.date) w.paragraph(T.selectionOn(germanDate(model.date)), { size: 11, gap: 3 });
  w.paragraph(model.status, { size: 11, gap: 3 });
  w.paragraph(T.generated(germanDateTime(model.generatedAt)), { size: 9, color: GREY, gap: 12 });
  w.artifact(() => doc.moveTo(w.left, doc.y).lineTo(w.left + w.width, doc.y).lineWidth(0.6).strokeColor(RULE).stroke());
  doc.y += 10;
  w.paragraph(T.contents, { size: 9.5, color: GREY });
  w.paragraph(sel.notARanking, { size: 9.5, color: GREY });
}

function visionSection(w: Writer, visions: ExportVision[]): void {
  w.heading(1, T.vision);
  if (visions.length === 0) return w.paragraph(T.noVision);
  w.paragraph(T.visionIntro, { size: 9, color: GREY });
  for (const vision of visions) {
    w.heading(2, vision.title);
    w.paragraph(vision.status, { size: 8.5, color: GREY });
    const adopted = vision.statements.filter((s) => s.adopted);
    if (adopted.length === 0) w.paragraph(T.noneAdopted);
    for (const s of adopted) {
      w.heading(3, s.title, 50);
      w.paragraph(`${s.label} · ${T.version(s.version)} · ${s.status}`, { size: 8, color: GREY, gap: 3 });
      statementText(w, s.text);
    }
  }
}

function roundTable(w: Writer, s: ExportStatement): void {
  w.heading(3, `${s.label}: ${s.title}`, 70);
  w.paragraph(`${T.version(s.version)} · ${s.status}`, { size: 8, color: GREY, gap: 3 });
  w.table({
    caption: s.title,
    columns: [
      { header: T.round, align: 'right' },
      { header: 'Fassung', flex: 1 },
      { header: T.opened },
      { header: T.closed },
      { header: T.consent, align: 'right' },
      { header: T.concern, align: 'right' },
      { header: T.objection, align: 'right' },
    ],
    rows: s.rounds.map((r) => [
      String(r.round),
      `${r.version}: ${r.versionTitle}`,
      germanShortDateTime(r.openedAt),
      r.closedAt === null ? T.stillOpen : germanShortDateTime(r.closedAt),
      String(r.tally.consent),
      String(r.tally.concern),
      String(r.tally.objection),
    ]),
  });
  for (const r of s.rounds) {
    if (r.reasons.length === 0) continue;
    w.paragraph(T.reasonsOf(r.round), { size: 8.5, bold: true, gap: 2 });
    for (const reason of r.reasons) w.paragraph(`${reason.answer}: „${reason.text}“`, { size: 9, gap: 2 });
    w.doc.y += 4;
  }
}

function recordSection(w: Writer, visions: ExportVision[]): void {
  w.heading(1, T.record);
  w.paragraph(T.recordIntro, { size: 9, color: GREY });
  for (const vision of visions) {
    w.heading(2, vision.title);
    const checked = vision.statements.filter((s) => s.rounds.length > 0);
    if (checked.length === 0) w.paragraph(T.noRounds);
    for (const s of checked) roundTable(w, s);
  }
}

function selectionSection(w: Writer, model: SelectionExport): void {
  w.heading(1, T.selection);
  w.paragraph(model.budget === null ? T.noBudget : T.budget(germanEuro(model.budget)), { size: 10.5, bold: true, gap: 3 });
  w.paragraph(T.rule(sel.rule[model.rule]), { size: 10.5, gap: 3 });
  const { vote } = model;
  w.paragraph(vote ? T.vote(vote.number, vote.label, vote.closedAt === null ? T.voteOpen : T.voteClosed(germanDateTime(vote.closedAt))) : T.noVote, { size: 10, gap: 6 });
  for (const text of sel.method(model.rule)) w.paragraph(text, { size: 8.5, color: GREY, gap: 3 });
  w.paragraph(sel.notARanking, { size: 9, bold: true });
  if (model.ideas.length > 0) {
    const outcome = (o: { selected: boolean; reason: string } | null): Cell => (o ? { text: o.selected ? sel.in : sel.out, note: o.reason } : { text: T.empty });
    const mark = (rule: 'greedy' | 'equalShares') => `${sel.ruleShort[rule]}${model.rule === rule ? ` (${T.deciding})` : ''}`;
    w.table({
      caption: T.selection,
      columns: [
        { header: T.idea, flex: 1.1 },
        { header: T.cost, align: 'right' },
        { header: T.points, align: 'right' },
        { header: mark('greedy'), flex: 1 },
        { header: mark('equalShares'), flex: 1.3 },
        { header: T.inSelection, align: 'center' },
      ],
      rows: model.ideas.map((i) => [
        { text: i.title, note: i.themeName || undefined } as Cell,
        germanEuro(i.cost),
        sel.points(i.total),
        outcome(i.greedy),
        outcome(i.equalShares),
        i.inSelection ? T.yes : T.no,
      ]),
    });
  }
  w.heading(2, T.overrides, 40);
  const overridden = model.ideas.filter((i) => i.override);
  if (overridden.length === 0) w.paragraph(T.noOverrides);
  else {
    w.table({
      caption: T.overrides,
      columns: [{ header: T.idea, flex: 1 }, { header: T.change, max: 120 }, { header: T.reason, flex: 1.4 }],
      rows: overridden.map((i) => [i.title, i.override!.decision, i.override!.reason]),
    });
  }
  if (model.spent !== null && model.left !== null) w.paragraph(T.spent(germanEuro(model.spent), germanEuro(model.left)), { size: 10.5, bold: true });
}

function profilePages(w: Writer, model: SelectionExport): void {
  const { doc } = w;
  if (model.profiles.length === 0) {
    w.heading(1, T.profiles);
    return w.paragraph(T.noProfiles);
  }
  for (const [i, p] of model.profiles.entries()) {
    if (i > 0) doc.addPage();
    if (i === 0) w.heading(1, T.profiles);
    w.paragraph(T.profile(p.number), { size: 9, bold: true, color: ACCENT, gap: 2 });
    w.heading(2, p.title);
    // On every profile page: a page may be copied on its own.
    w.paragraph(sel.notARanking, { size: 8.5, color: GREY, gap: 6 });
    const rows: string[][] = [
      ['Nr.', String(p.number)],
      ['Titel', p.title],
      ['Thema', p.themeName || T.empty],
      ['Ziel', p.goal || T.empty],
      ...(p.description ? [['Beschreibung', p.description]] : []),
      ['Federführung', p.lead ?? T.empty],
      ['Partner', p.partners || T.empty],
      ['Kosten', germanEuro(p.cost)],
      ['Zeitplan', p.timeline || T.empty],
      ['Status', p.status],
    ];
    w.table({ caption: T.profile(p.number), columns: [{ header: T.field, max: 110 }, { header: T.content, flex: 1 }], rows }, 9.5);
  }
}

export async function renderSelectionPdf(model: SelectionExport): Promise<Buffer> {
  // The step's default title already begins with the process's ("Digitalstrategie …: Projektauswahl").
  const title = model.processTitle && !model.title.startsWith(model.processTitle) ? `${model.processTitle}: ${model.title}` : model.title;
  const { doc, done } = newDocument(title, model.generatedAt);

  const w = new Writer(doc);
  titlePage(w, model);
  doc.addPage();
  visionSection(w, model.visions);
  if (model.visions.length > 0) {
    doc.addPage();
    recordSection(w, model.visions);
  }
  doc.addPage();
  selectionSection(w, model);
  doc.addPage();
  profilePages(w, model);
  footers(w, { title, finalisedAt: model.finalisedAt });
  w.root.end();
  doc.end();
  return done;
}
