/** The project selection screens' string section (see addStrings in ../index.ts): tablets of other activities never download it. */
import { addStrings, i18next, type StringSection } from '../index';
import { selectionDe } from './de';

export const selectionStrings: StringSection = { de: selectionDe, en: () => import('./en').then((m) => m.selectionEn) };

/**
 * Resolves when the selection strings of the current language are there. The
 * console's top bar (outside this chunk) drew the phase before they came: a
 * language change event makes it draw again.
 */
export const selectionReady = addStrings(selectionStrings).then(() => {
  if (i18next.language === 'de') void i18next.changeLanguage('de');
});
