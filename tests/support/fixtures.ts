/** Ids of the Coesfeld template and a seeded random source, shared by the load-style tests. */
import { workshopFromTemplate } from '../../shared/domain/templates.js';

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
