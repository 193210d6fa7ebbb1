/**
 * The German wording and number formats of the exported files (committee
 * papers are German). The screens have their own i18n layer in the client;
 * these texts only ever end up in files.
 */
import type { Report } from '../../shared/domain/report.js';
import { naturalBreaks } from '../../shared/domain/naturalBreaks.js';
import type { Tier } from '../../shared/domain/tiering.js';

const TIME_ZONE = 'Europe/Berlin';

const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const scaleValue = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
const dateOnly = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

/** "3,75"; "–" for no value. */
export function germanDecimal(value: number | null): string {
  return value === null ? '–' : decimal.format(value);
}

export function germanDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}

const shortDateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });

/** "24.11.2026, 14:05": fits a table column on one line. */
export function germanShortDateTime(ms: number): string {
  return shortDateTime.format(new Date(ms));
}

/**
 * A Date whose UTC fields show the wall-clock time in Germany: spreadsheet
 * date cells have no time zone, and a committee reads local time.
 */
export function germanWallClock(ms: number): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return new Date(Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!));
}

/** A calendar date "2026-11-24" as "24. November 2026". */
export function germanDate(isoDate: string): string {
  return dateOnly.format(new Date(`${isoDate}T00:00:00Z`));
}

/** SPEC T-2, on the scale first (as on the console), the combined value beside it. */
function thresholdSentence({ rule, scale }: Report): string {
  // "3,8" as the console writes it, not "3,80".
  const onScale = (fraction: number) => scaleValue.format(scale.min + fraction * (scale.max - scale.min));
  return `Regel „feste Schwellen“: Priorität I erhält ein Thema ab einem Mittelwert von ${onScale(rule.priorityI)} auf der Skala (kombinierter Wert ${germanDecimal(rule.priorityI)}), Priorität II ab ${onScale(rule.priorityII)} (${germanDecimal(rule.priorityII)}), alle übrigen Priorität III.`;
}

/** SPEC T-7 in one sentence, then where the breaks fell in this workshop. */
function naturalBreaksSentence(report: Report): string {
  const breaks = naturalBreaks(report.themes.map((t) => t.score));
  const where =
    breaks.priorityI === null
      ? 'In diesem Workshop gibt es keinen Abstand zwischen den Werten: Alle bewerteten Themen erhalten Priorität I.'
      : `In diesem Workshop: Priorität I ab einem kombinierten Wert von ${germanDecimal(breaks.priorityI)}${
          breaks.priorityII === null ? ', alle übrigen Priorität II.' : `, Priorität II ab ${germanDecimal(breaks.priorityII)}, alle übrigen Priorität III.`
        }`;
  return `Regel „größte Abstände“ (natürliche Brüche): Die Themen werden nach ihrem kombinierten Wert geordnet; die zwei größten Abstände zwischen benachbarten Werten trennen Priorität I von II und II von III. Gleiche Werte erhalten dieselbe Priorität, bei gleich großen Abständen zählt der weiter oben liegende zuerst, Themen mit zu wenigen Daten zählen nicht mit. ${where}`;
}

export const de = {
  organisation: (pseudonym: string) => `Organisation ${pseudonym}`,
  tier: (tier: Tier | null) => (tier === null ? 'ohne Einstufung' : `Priorität ${tier}`),
  tierShort: (tier: Tier | null) => tier ?? '–',
  yes: 'ja',
  no: 'nein',
  columns: {
    rank: 'Rang',
    theme: 'Thema',
    criterion: 'Kriterium',
    organisation: 'Organisation',
    mean: 'Mittelwert',
    median: 'Median',
    sd: 'Standardabweichung',
    min: 'Minimum',
    max: 'Maximum',
    nOrganisations: 'Organisationen (n)',
    nPersons: 'Personen (n)',
    abstentions: 'Enthaltungen',
    score: 'Kombinierter Wert (0–1)',
    computed: 'Berechnete Priorität',
    decided: 'Konsolidierte Priorität',
    moved: 'Verschoben',
    reason: 'Begründung',
    discuss: 'Diskussionsbedarf',
    insufficient: 'Zu wenige Daten',
    own: 'Wert der Organisation',
    group: 'Mittelwert der Gruppe',
    difference: 'Abweichung',
    seq: 'Nr.',
    at: 'Zeitpunkt',
    from: 'Von',
    to: 'Nach',
    computedAtTheTime: 'Berechnet (zum Zeitpunkt)',
  },
  workbookSubject: 'Ergebnisse des Quick-Checks',
  sheets: {
    summary: 'Übersicht',
    themes: 'Themen',
    organisations: 'Organisationen',
    trail: 'Protokoll',
  },
  status: (report: Pick<Report, 'phase' | 'finalisedAt'>) =>
    report.phase === 'finalised' && report.finalisedAt !== null
      ? `Abgeschlossen am ${germanDateTime(report.finalisedAt)}`
      : 'Vorläufig – der Workshop ist noch nicht abgeschlossen',
  takingPart: (report: Report) => {
    const { names, takingPart, invited } = report.organisations;
    const count = `${takingPart} von ${invited} eingeladenen Organisationen ${takingPart === 1 ? 'hat' : 'haben'} bewertet`;
    if (takingPart === 0) return `${count}.`;
    return names ? `${count}: ${names.join(', ')}.` : `${count} (Namen nicht zur Veröffentlichung freigegeben).`;
  },
  /** The method in plain words (SPEC A-, T- rules), for the PDF and the summary sheet. */
  method: (report: Report): string[] => {
    const { scale, rule, criteria } = report;
    const range = scale.max - scale.min;
    const labels = criteria.map((c) => `„${c.label}“`);
    const list = labels.length > 1 ? `den Kriterien ${labels.slice(0, -1).join(', ')} und ${labels.at(-1)}` : `dem Kriterium ${labels[0]!}`;
    const equalWeights = criteria.every((c) => c.weight === criteria[0]!.weight);
    const weighting = equalWeights
      ? 'alle Kriterien zählen gleich'
      : `Gewichte: ${criteria.map((c) => `${c.label} ${germanDecimal(c.weight)}`).join(', ')}`;
    return [
      `Bewertet wurde jedes Thema auf einer Skala von ${scale.min} (gering) bis ${scale.max} (hoch) nach ${list}. „Kann ich nicht beurteilen“ ist eine Enthaltung und zählt nicht in die Mittelwerte.`,
      report.votingUnit === 'organisation'
        ? 'Jede Organisation hat eine Stimme: Ihr Wert ist der Mittelwert ihrer Vertreterinnen und Vertreter, gleich wie viele teilgenommen haben.'
        : 'Jede teilnehmende Person hat eine Stimme.',
      `Aus den Mittelwerten der Kriterien wird ein kombinierter Wert zwischen 0 (alle am unteren Skalenende) und 1 (alle am oberen Skalenende) gebildet (${weighting}).`,
      rule.method === 'naturalBreaks' ? naturalBreaksSentence(report) : thresholdSentence(report),
      `Haben weniger als ${rule.minOrganisations} Organisationen ein Thema bewertet, bleibt es ohne Einstufung („zu wenige Daten“).${
        rule.discussSpread > 0
          ? ` Liegen die Bewertungen weit auseinander (Standardabweichung ab ${percent.format(rule.discussSpread)} der Skalenbreite, also ${germanDecimal(rule.discussSpread * range)}), ist das Thema zur Diskussion markiert.`
          : ''
      }`,
      report.phase === 'consolidating' || report.phase === 'finalised'
        ? 'Die berechnete Einstufung ist ein Vorschlag. In der Konsolidierung haben die Teilnehmenden die Ergebnisse beraten; jede Änderung ist mit Begründung protokolliert.'
        : 'Die berechnete Einstufung ist ein Vorschlag; die Konsolidierung, in der die Teilnehmenden die Ergebnisse beraten, steht noch aus.',
    ];
  },
};
