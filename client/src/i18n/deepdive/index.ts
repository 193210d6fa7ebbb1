/** The deep-dive screens' string section (see addStrings in ../index.ts): tablets of other activities never download it. */
import { addStrings, type StringSection } from '../index';
import { deepDiveDe } from './de';

export const deepDiveStrings: StringSection = { de: deepDiveDe, en: () => import('./en').then((m) => m.deepDiveEn) };

/** Resolves when the deep-dive strings of the current language are there. */
export const deepDiveReady = addStrings(deepDiveStrings);
