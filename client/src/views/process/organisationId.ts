/**
 * Ids for organisations added on the process page: readable slugs of the name
 * ("Kreis Coesfeld" → "kreis-coesfeld"), as the templates' ids are, within the
 * id alphabet of the protocol (letters, digits, "_", "-"; at most 64).
 */
const MAX_LENGTH = 64;
/** Names an id may not take: they reach an object's prototype as keys (SPEC S-7). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function slugOf(name: string): string {
  const slug = name
    .toLocaleLowerCase('de-DE')
    .replace(/[äöüß]/gu, (letter) => GERMAN[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^a-z0-9_-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug.slice(0, MAX_LENGTH).replace(/-+$/u, '') || 'organisation';
}

/** A slug of `name` that none of `taken` has: "-2", "-3" … appended when needed. */
export function organisationId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugOf(name);
  if (!used.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
