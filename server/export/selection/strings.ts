/**
 * The German wording of a project selection's exports (SPEC SE-10): the
 * reasons of both budget rules (BU-6), profile statuses (SE-9), the consent
 * record's words (VI-5 … VI-9). One place for both writers, next to the
 * Quick-Check's wording in ../strings.ts.
 */
import type { ConsentAnswer, StatementKind } from '../../../shared/activities/vision/schemas.js';
import type { StatementStatus } from '../../../shared/activities/vision/rules.js';
import type { ProfileStatus, SelectionRule, VoteMode } from '../../../shared/activities/selection/schemas.js';
import type { EqualSharesReason, GreedyReason } from '../../../shared/domain/budget.js';
import { germanDateTime } from '../strings.js';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const plain = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const shortDateTime = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

/** "28.11.2026, 11:17" in German local time: narrow enough for a table column. */
export function germanShortDateTime(ms: number): string {
  return shortDateTime.format(new Date(ms));
}

/** "12.500,00 €"; "–" for none. */
export function germanEuro(value: number | null): string {
  return value === null ? '–' : euro.format(value);
}

/** The note every export of profiles carries (SE-9). */
export const NOT_A_RANKING = 'Die Nummerierung der Steckbriefe ist keine Rangfolge.';

/** The rules' names as the screens call them (client/src/i18n/selection): German, the established method name once in parentheses. */
const RULE = { greedy: 'Reihenfolge nach Punkten', equalShares: 'Gleiche Anteile (Equal Shares)' } satisfies Record<SelectionRule, string>;

export const sel = {
  notARanking: NOT_A_RANKING,
  rule: RULE,
  ruleShort: { greedy: 'Reihenfolge nach Punkten', equalShares: 'Gleiche Anteile' } satisfies Record<SelectionRule, string>,
  status: { proposed: 'vorgeschlagen', planned: 'geplant', running: 'in Umsetzung', done: 'abgeschlossen', stopped: 'eingestellt' } satisfies Record<ProfileStatus, string>,
  stepStatus: (finalisedAt: number | null) =>
    finalisedAt !== null ? `Abgeschlossen am ${germanDateTime(finalisedAt)}` : 'Vorläufig – dieser Schritt ist noch nicht abgeschlossen',
  in: 'ausgewählt',
  out: 'nicht ausgewählt',
  override: { include: 'aufgenommen (gegen die Regel)', exclude: 'herausgenommen (gegen die Regel)' },
  person: (n: number) => `Person ${n}`,
  vote: (mode: VoteMode, allowance: number, unit: 'organisation' | 'person') =>
    `${mode === 'points' ? `${allowance} Punkte` : `${allowance} Klebepunkte`} je ${unit === 'organisation' ? 'Organisation' : 'Person'}`,
  greedy(reason: GreedyReason): string {
    switch (reason.code) {
      case 'selected':
        return `ausgewählt; danach bleiben ${germanEuro(reason.remainingAfter)}`;
      case 'does-not-fit':
        return `passt nicht mehr ins Budget: als die Idee an der Reihe war, waren noch ${germanEuro(reason.remaining)} übrig`;
      case 'no-support':
        return 'keine Punkte erhalten';
      case 'over-budget':
        return 'teurer als das ganze Budget';
    }
  },
  /** `payers`: who paid what, already named (the workbook); omitted in the PDF, which names no voting unit. */
  equalShares(reason: EqualSharesReason, payers?: string): string {
    switch (reason.code) {
      case 'selected':
        return reason.effectivePoints === null
          ? `ausgewählt in Runde ${reason.round}; kostenlos`
          : `ausgewählt in Runde ${reason.round}; ein Punkt kostete die Unterstützenden ${germanEuro(reason.pricePerPoint)}${payers ? ` (bezahlt von ${payers})` : ''}`;
      case 'completed':
        return `beim Auffüllen ausgewählt; danach bleiben ${germanEuro(reason.remainingAfter)}`;
      case 'supporters-cannot-afford':
        return reason.sinceRound === 0
          ? `die Unterstützenden können es auch mit ihren vollen Anteilen nicht bezahlen (am Ende halten sie zusammen ${germanEuro(reason.held)})`
          : `die Unterstützenden können es nach Runde ${reason.sinceRound} nicht mehr bezahlen (am Ende halten sie zusammen ${germanEuro(reason.held)})`;
      case 'no-support':
        return 'keine Punkte erhalten';
      case 'over-budget':
        return 'teurer als das ganze Budget';
    }
  },
  withoutCost: 'ohne Kostenangabe: nimmt an keiner Regel teil',
  /** BU-2, BU-3 in plain words, for the PDF's selection section. */
  method: (rule: SelectionRule): string[] => [
    `${RULE.greedy}: Die Ideen werden nach ihren Punkten geordnet (bei Gleichstand die günstigere zuerst). Jede wird ausgewählt, wenn sie in das noch verbleibende Budget passt; sonst wird die nächste versucht.`,
    'Gleiche Anteile (Methode der gleichen Anteile, Equal Shares; Peters, Pierczyński & Skowron 2021): Das Budget wird zu gleichen Teilen auf die abstimmenden Einheiten verteilt. Eine Idee wird nur ausgewählt, wenn ihre Unterstützenden sie aus ihren Anteilen bezahlen können, im Verhältnis ihrer Punkte. So bekommen auch kleinere Gruppen Projekte, statt dass die größte alles entscheidet.',
    `Entscheidend ist die Regel „${RULE[rule]}“. Abweichungen von der Regel sind mit Begründung aufgeführt.`,
  ],
  points: (n: number) => plain.format(n),
  statementKind: (kind: StatementKind, theme: string | null) => (kind === 'principle' ? 'Grundsatz' : theme ? `Zukunftsbild: ${theme}` : 'Zukunftsbild'),
  statementStatus: { draft: 'Entwurf', checking: 'im Konsent-Check', adopted: 'angenommen', objected: 'Einwand erhoben', withdrawn: 'zurückgezogen' } satisfies Record<StatementStatus, string>,
  answer: { consent: 'Zustimmung', concern: 'Bedenken', objection: 'Schwerwiegender Einwand' } satisfies Record<ConsentAnswer, string>,
};
