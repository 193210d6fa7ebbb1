/**
 * The German wording and number formats of the exported files (committee
 * papers are German). The screens have their own i18n layer in the client;
 * these texts only ever end up in files.
 */
import type { Report } from '../../shared/domain/report.js';
import type { Tier } from '../../shared/domain/tiering.js';

const TIME_ZONE = 'Europe/Berlin';

const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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
    const onScale = (fraction: number) => germanDecimal(scale.min + fraction * range);
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
      `Priorität I erhält ein Thema ab einem kombinierten Wert von ${germanDecimal(rule.priorityI)} (entspricht ${onScale(rule.priorityI)} auf der Skala), Priorität II ab ${germanDecimal(rule.priorityII)} (${onScale(rule.priorityII)}), alle übrigen Priorität III.`,
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
