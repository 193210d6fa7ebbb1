/**
 * Workshop templates. "coesfeld" is the process of the seed paper (SV-9-1577,
 * Kreis Coesfeld 2019): its eight theme fields, the eleven municipalities and
 * the county as raters, both Quick-Check criteria on a 1–5 scale. Everything is
 * editable in the lobby.
 */
import type { WorkshopConfig } from '../schemas.js';
import { DEFAULT_TIER_RULE } from './tiering.js';

export const DEFAULT_CRITERIA: WorkshopConfig['criteria'] = [
  { id: 'importance', label: 'Bedeutung' },
  { id: 'potential', label: 'Digitalisierungspotenzial' },
];

export const DEFAULT_SCALE: WorkshopConfig['scale'] = { min: 1, max: 5 };

const COESFELD_THEMES: WorkshopConfig['themes'] = [
  { id: 'verwaltung', name: 'Verwaltung', description: 'Digitalisierung der Verwaltung' },
  { id: 'bildung', name: 'Bildung' },
  { id: 'mobilitaet', name: 'Mobilität' },
  { id: 'tourismus', name: 'Tourismus' },
  { id: 'wirtschaft', name: 'Wirtschaft' },
  { id: 'gesundheit', name: 'Gesundheit' },
  { id: 'kultur', name: 'Kultur' },
  { id: 'innenstadt', name: 'Innenstadt/Dorfmitte' },
];

const COESFELD_ORGANISATIONS: WorkshopConfig['organisations'] = [
  ['kreis', 'Kreis Coesfeld'],
  ['ascheberg', 'Ascheberg'],
  ['billerbeck', 'Billerbeck'],
  ['coesfeld', 'Coesfeld'],
  ['duelmen', 'Dülmen'],
  ['havixbeck', 'Havixbeck'],
  ['luedinghausen', 'Lüdinghausen'],
  ['nordkirchen', 'Nordkirchen'],
  ['nottuln', 'Nottuln'],
  ['olfen', 'Olfen'],
  ['rosendahl', 'Rosendahl'],
  ['senden', 'Senden'],
].map(([id, name]) => ({ id: id!, name: name!, weight: 1 }));

export type TemplateName = 'coesfeld' | 'blank';

export function workshopFromTemplate(template: TemplateName, title?: string, date?: string | null): WorkshopConfig {
  const base = {
    date: date ?? null,
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
    scale: { ...DEFAULT_SCALE },
    votingUnit: 'organisation' as const,
    tierRule: { ...DEFAULT_TIER_RULE, weights: {} },
    organisationNames: 'facilitator' as const,
  };
  if (template === 'blank') {
    return { ...base, title: title ?? 'Neuer Quick-Check', organisations: [], themes: [] };
  }
  return {
    ...base,
    title: title ?? 'Quick-Check Digitalisierungsstrategie',
    organisations: COESFELD_ORGANISATIONS.map((o) => ({ ...o })),
    themes: COESFELD_THEMES.map((t) => ({ ...t })),
  };
}
