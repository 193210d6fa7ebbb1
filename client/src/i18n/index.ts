/**
 * i18n: German first, English switchable. The choice is remembered on the
 * device; <html lang> follows it (WCAG 3.1.1).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'konsens.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'de';
}

/**
 * German is in the bundle; other languages are loaded when chosen, so that a
 * tablet does not download strings nobody reads (English: about 3.5 kB gzip).
 */
const LOADERS: Record<Exclude<Language, 'de'>, () => Promise<typeof de>> = {
  en: () => import('./en').then((module) => module.en),
};

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de } },
  partialBundledLanguages: true,
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = 'de';

/**
 * Strings of screens tablets never open (the office screens: accounts,
 * processes) live in sections of their own, added by those screens' chunks:
 * German at once, the others when their language is chosen.
 */
export interface StringSection {
  de: Record<string, unknown>;
  en: () => Promise<Record<string, unknown>>;
}

const sections: StringSection[] = [];

async function loadSection(section: StringSection, language: Language): Promise<void> {
  const strings = language === 'de' ? section.de : await section.en();
  i18next.addResourceBundle(language, 'translation', strings, true, false);
}

/** Add a section (German now; the current language's strings when they are there). */
export function addStrings(section: StringSection): Promise<void> {
  if (sections.includes(section)) return Promise.resolve();
  sections.push(section);
  i18next.addResourceBundle('de', 'translation', section.de, true, false);
  const language = i18next.language as Language;
  if (language === 'de') return Promise.resolve();
  return loadSection(section, language)
    .then(() => i18next.changeLanguage(language))
    .then(() => undefined);
}

/** The latest choice: a slow load of one language must not undo a later choice of another. */
let chosen = 0;

/** Switch to `language` once its strings are there; remembered on the device. Rejects (nothing changes) if they cannot be loaded. */
export async function setLanguage(language: Language): Promise<void> {
  const choice = ++chosen;
  if (language !== 'de' && !i18next.hasResourceBundle(language, 'translation')) {
    const strings = await LOADERS[language]();
    if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', strings);
  }
  if (language !== 'de') await Promise.all(sections.map((section) => loadSection(section, language)));
  if (choice !== chosen) return;
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** How long the first render waits for a remembered language before it shows German (and switches when the strings arrive). */
const LANGUAGE_WAIT_MS = 1500;

/**
 * Resolves when the remembered language can be shown: the app renders after it,
 * so that an English reader does not see German first. Should its strings fail
 * to load, or take longer than LANGUAGE_WAIT_MS on a slow network, the app
 * starts in German.
 */
export const languageReady: Promise<void> =
  initialLanguage() === 'de'
    ? Promise.resolve()
    : Promise.race([
        setLanguage(initialLanguage()).catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, LANGUAGE_WAIT_MS)),
      ]);

/** Numbers the way the reader writes them: 3,8 in German, 3.8 in English. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(i18next.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export { i18next };

/** "12.500,50 €" in German, "€12,500.50" in English; whole euros without cents ("30.000 €"). */
export function formatEuro(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100) % 100 !== 0;
  return new Intl.NumberFormat(i18next.language, { style: 'currency', currency: 'EUR', minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

/** An amount as one types it back into a field (SPEC DD-3 reads it): "12.500,50". */
export function typedEuro(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100) % 100 !== 0;
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(amount);
}

/** "24.11.2026, 14:05" in German, "24/11/2026, 14:05" in English. */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}
