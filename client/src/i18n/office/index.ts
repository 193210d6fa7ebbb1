/** The office screens' string section (see addStrings in ../index.ts). */
import { addStrings, type StringSection } from '../index';
import { officeDe } from './de';

export const officeStrings: StringSection = { de: officeDe, en: () => import('./en').then((m) => m.officeEn) };

/** Resolves when the office strings of the current language are there. */
export const officeReady = addStrings(officeStrings);
