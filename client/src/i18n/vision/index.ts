/** The vision screens' string section (see addStrings in ../index.ts): tablets of other activities never download it. */
import { addStrings, i18next, type StringSection } from '../index';
import { visionDe } from './de';

export const visionStrings: StringSection = { de: visionDe, en: () => import('./en').then((m) => m.visionEn) };

/**
 * Resolves when the vision strings of the current language are there. Screens
 * outside the vision's chunks (the console's top bar with the phase) drew
 * before they came: a language change event makes them draw again.
 */
export const visionReady = addStrings(visionStrings).then(() => {
  if (i18next.language === 'de') void i18next.changeLanguage('de');
});
