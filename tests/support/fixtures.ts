/** Ids of the Coesfeld template, a seeded random source and a large workshop file, shared by the load-style tests and benchmarks. */
import { toWorkshopFile } from '../../shared/exchange.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { workshopConfigSchema } from '../../shared/schemas.js';
import Database from 'better-sqlite3';
import type { WorkshopRecord } from '../../server/store/types.js';

const template = workshopFromTemplate('coesfeld');
export const THEME_IDS = template.themes.map((t) => t.id);
export const CRITERION_IDS = template.criteria.map((c) => c.id);
export const ORGANISATION_IDS = template.organisations.map((o) => o.id);

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so that a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A finalised county-wide Quick-Check as an export file: 50 themes, 2 criteria,
 * `people` participants (2,600: about 20 MiB of JSON; 3,300: about 25 MiB).
 * Participant i gave 1 + ((i + theme + criterion) % 5).
 */
export function largeWorkshopFile(people: number): string {
  const base = workshopFromTemplate('coesfeld');
  const config = workshopConfigSchema.parse({ ...base, title: 'Landesweiter Quick-Check', themes: Array.from({ length: 50 }, (_, i) => ({ id: `thema-${i}`, name: `Themenfeld ${i + 1}` })) });
  const participants = Array.from({ length: people }, (_, i) => ({ ref: `p${i + 1}`, organisationId: config.organisations[i % config.organisations.length]!.id }));
  const answers = participants.flatMap((p, i) => config.themes.flatMap((t, j) => config.criteria.map((c, k) => ({ participant: p.ref, themeId: t.id, criterionId: c.id, value: 1 + ((i + j + k) % 5) }))));
  const content = { phase: 'finalised' as const, config, finalisedAt: Date.UTC(2026, 10, 24), projectorView: 'overview' as const, pseudonymOrder: [], participants, answers, decisions: [] };
  return JSON.stringify(toWorkshopFile(content, false, Date.now()));
}

/** A Quick-Check workshop of the Coesfeld template as the store keeps it, for tests of the store itself. */
export function workshopRecord(id: string, code: string): WorkshopRecord {
  return {
    id,
    code,
    secretHash: 'ab'.repeat(32),
    processId: null,
    kind: 'quickcheck',
    position: 1,
    config: workshopFromTemplate('coesfeld'),
    phase: 'lobby',
    revision: 1,
    createdAt: 1,
    updatedAt: 1,
    meta: { projectorView: 'overview', finalisedAt: null, pseudonymKey: 'key-1' },
  };
}

/** The answer log's operation ids in the order of their commits, read from the SQLite file itself. */
export function storedOpIds(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT op_id FROM answer_log ORDER BY seq, pos').all() as { op_id: string }[]).map((r) => r.op_id);
  } finally {
    db.close();
  }
}
