/**
 * Exports of one workshop (SPEC X-1 … X-6): what the facilitator downloads
 * from the console and over HTTP. Everything is built from the room's current
 * state, so a file always agrees with the screens.
 */
import { namesVisible, pseudonymLetters } from '../../shared/domain/individual.js';
import { buildReport, type Report } from '../../shared/domain/report.js';
import { toWorkshopFile, type WorkshopFile, type WorkshopFileContent } from '../../shared/exchange.js';
import type { ExportFile, SelectionExportFile } from '../../shared/protocol.js';
import type { SelectionRoom } from '../activities/selection/room.js';
import type { Room } from '../rooms/room.js';
import type { Renderer } from './renderer.js';
import { selectionExportFor, type ExportSources } from './selection/sources.js';
import { individualRows, themeRows, toCsv, type CsvVariant } from './csv.js';
import { de } from './strings.js';

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

export function reportOf(room: Room, now: number): Report {
  return buildReport({
    config: room.config,
    phase: room.phase,
    finalisedAt: room.meta.finalisedAt,
    generatedAt: now,
    results: room.results(),
    consolidation: room.consolidation(),
    progress: room.progress(),
    individual: room.individual('export'),
    showNames: namesVisible(room.config.organisationNames, 'export'),
  });
}

/**
 * the whole workshop as a file. Where names may not appear in exports,
 * organisations become "Organisation A, B, …" (ids org-a, org-b, …) in their
 * pseudonym order, so an import shows the same letters.
 */
export function workshopFileOf(room: Room, now: number): WorkshopFile {
  const { participants, answers, decisions } = room.contents();
  const content: WorkshopFileContent = {
    phase: room.phase,
    config: room.config,
    finalisedAt: room.meta.finalisedAt,
    projectorView: room.meta.projectorView,
    pseudonymOrder: room.pseudonymOrder(),
    participants,
    answers,
    decisions,
  };
  const anonymise = !namesVisible(room.config.organisationNames, 'export');
  return toWorkshopFile(anonymise ? anonymised(content) : content, anonymise, now);
}

function anonymised(content: WorkshopFileContent): WorkshopFileContent {
  // Organisations that answered first, in pseudonym order: their letters match the individual results.
  const withAnswers = new Set(content.answers.map((a) => a.participant));
  const answered = new Set(content.participants.filter((p) => withAnswers.has(p.ref)).map((p) => p.organisationId));
  const order = [...content.pseudonymOrder.filter((id) => answered.has(id)), ...content.pseudonymOrder.filter((id) => !answered.has(id))];
  const alias = new Map(order.map((id, i) => [id, `org-${pseudonymLetters(i).toLowerCase()}`] as const));
  // E-3: a weight that sets an organisation apart (the county's 2 among eleven 1s) would name it behind its
  // pseudonym, so the anonymised file gives every organisation weight 1. Its re-import then counts every
  // organisation equally; the report and workbook keep the weighted results.
  return {
    ...content,
    config: {
      ...content.config,
      organisations: order.map((id, i) => ({ id: alias.get(id)!, name: de.organisation(pseudonymLetters(i)), weight: 1 })),
    },
    pseudonymOrder: order.map((id) => alias.get(id)!),
    participants: content.participants.map((p) => ({ ...p, organisationId: alias.get(p.organisationId)! })),
  };
}

export async function exportFile(room: Room, file: ExportFile, variant: CsvVariant, now: number, renderer: Renderer): Promise<ExportedFile> {
  const name = (suffix: string) => `konsens-${room.code}-${suffix}`;
  switch (file) {
    case 'themes.csv':
      return { filename: name('themen.csv'), contentType: 'text/csv; charset=utf-8', body: toCsv(themeRows(reportOf(room, now)), variant) };
    case 'individual.csv':
      return { filename: name('einzelergebnisse.csv'), contentType: 'text/csv; charset=utf-8', body: toCsv(individualRows(reportOf(room, now)), variant) };
    case 'workbook.xlsx':
      return {
        filename: name('ergebnisse.xlsx'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        // XLSX and PDF are rendered on a worker thread, started on the first export.
        body: await renderer.render({ kind: 'xlsx', report: reportOf(room, now) }),
      };
    case 'workshop.json':
      return { filename: name('workshop.json'), contentType: 'application/json; charset=utf-8', body: JSON.stringify(workshopFileOf(room, now), null, 2) };
    case 'report.pdf':
      return { filename: name('bericht.pdf'), contentType: 'application/pdf', body: await renderer.render({ kind: 'pdf', report: reportOf(room, now) }) };
  }
}

/** SE-10: a project selection's profiles with the vote, the process's vision and its consent record; rendered on the worker thread. */
export async function exportSelectionFile(room: SelectionRoom, file: SelectionExportFile, sources: ExportSources, now: number, renderer: Renderer): Promise<ExportedFile> {
  const model = await selectionExportFor(room, sources, now);
  const filename = `konsens-${room.code}-steckbriefe.${file === 'profiles.pdf' ? 'pdf' : 'xlsx'}`;
  return file === 'profiles.pdf'
    ? { filename, contentType: 'application/pdf', body: await renderer.render({ kind: file, model }) }
    : { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await renderer.render({ kind: file, model }) };
}
