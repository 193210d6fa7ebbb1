/**
 * German strings of the deep-dive screens (SPEC DD-1 … DD-5); loaded with them.
 * Keys that mirror `collection.*` are the deep-dive's words for the theme
 * collection's components (see useTerms); the rest are its own.
 */
export const deepDiveDe = {
  deepdive: {
    heading: 'Vertiefung: {{theme}}',
    lead: 'Welche Projekte bringen dieses Thema voran? Reichen Sie Projektideen ein – mit federführender Organisation, Partnern und geschätzten Kosten, soweit bekannt.',
    lobbyTitle: 'Willkommen',
    lobby: 'Die Ideensammlung hat noch nicht begonnen. Sobald die Moderation sie startet, können Sie hier Projektideen einreichen.',
    closedTitle: 'Ideensammlung geschlossen',
    closed: 'Vielen Dank für Ihre Ideen! Die Moderation sichtet sie jetzt.',
    finalisedTitle: 'Vertiefung abgeschlossen',
    finalised: 'Vielen Dank! Die angenommenen Projektideen sind das Ergebnis dieser Vertiefung.',
    count: {
      proposals_one: '{{count}} Idee',
      proposals_other: '{{count}} Ideen',
    },
    form: {
      title: 'Projektidee einreichen',
      name: 'Titel der Projektidee',
      description: 'Beschreibung (freiwillig)',
      descriptionHint: 'Was soll entstehen, wem hilft es?',
      submit: 'Idee senden',
      remaining_one: 'Noch {{count}} Idee möglich.',
      remaining_other: 'Noch {{count}} Ideen möglich.',
      limit: 'Sie haben die Höchstzahl von {{max}} Ideen erreicht.',
    },
    idea: {
      lead: 'Federführende Organisation (freiwillig)',
      leadNone: 'keine (noch offen)',
      partners: 'Partner (freiwillig)',
      partnersHint: 'Wer macht mit? Eine Zeile, z. B. „Stadt Olfen, Kreissportbund“.',
      partnersInvalid: 'Die Partner enthalten Zeichen, die nicht gespeichert werden können (z. B. Steuerzeichen).',
      cost: 'Geschätzte Kosten in Euro (freiwillig)',
      costHint: 'z. B. 12.500 oder 12.500,50',
      costNone: 'Ohne Betrag: Die Kosten bleiben offen.',
      costPreview: 'Gelesen als {{amount}}',
      costProblem: {
        invalid: 'Das ist kein Betrag in Euro. Bitte nur Ziffern, Tausenderpunkte und höchstens zwei Nachkommastellen nach dem Komma, z. B. 12.500,50.',
        negative: 'Kosten können nicht negativ sein.',
        tooLarge: 'Höchstens 100.000.000 €.',
      },
    },
    facts: {
      lead: 'Federführung',
      partners: 'Partner',
      cost: 'Kosten',
      none: 'offen',
      open: 'offen',
    },
    field: {
      title: 'Der Titel',
      description: 'Die Beschreibung',
    },
    own: {
      title: 'Ihre Ideen',
      empty: 'Sie haben noch keine Idee eingereicht.',
      mergedUnknown: 'mit einer anderen Idee zusammengeführt',
    },
    support: {
      title: 'Ideen unterstützen',
      hint: 'Unterstützen Sie, was Ihnen wichtig ist – einmal je Idee. Gezählt wird, genannt wird niemand.',
      empty: 'Noch keine Ideen.',
      yours: 'Ihre Idee',
    },
    accepted: {
      title: 'Angenommene Projektideen',
      empty: 'Noch keine Projektideen angenommen.',
    },
    console: {
      themeTitle: 'Thema der Vertiefung',
      tier: 'Priorität im Quick-Check',
      gateReason: 'Außerhalb der beschlossenen Prioritäten angelegt. Begründung:',
      start: 'Ideensammlung starten',
      close: 'Ideensammlung schließen',
      reopen: 'Ideensammlung wieder öffnen',
      finalise: 'Vertiefung abschließen',
      finaliseConfirm:
        'Die Vertiefung abschließen?\n\nDanach ist sie schreibgeschützt: Niemand kann mehr Ideen einreichen, bearbeiten, zusammenführen oder entscheiden. Die angenommenen Projektideen ({{count}}) sind ihr Ergebnis.',
      lobbyHint: 'Teilnehmende können schon beitreten – im Raum oder von zu Hause mit demselben Link. Einreichen können sie, sobald die Ideensammlung läuft.',
      closedHint: 'Die Tablets können nichts mehr einreichen. Entscheiden, bearbeiten und zusammenführen können Sie weiterhin.',
      finalisedAt: 'Abgeschlossen am {{date}}. Die Vertiefung ist schreibgeschützt.',
      nextStepLink: 'Zurück zum Prozess',
      nextStepText: 'Die angenommenen Projektideen sind das Ergebnis dieser Vertiefung.',
      supportAllowed: 'Teilnehmende dürfen Ideen unterstützen',
      supportHint: 'Eine Unterstützung je Person und Idee, solange die Sammlung läuft. Gezählt, nie mit Namen gezeigt.',
      proposals: 'Ideen',
      board: 'Projektideen',
      boardHint: 'Neue Ideen erscheinen sofort unter „Offen“. Zusammengeführte stehen eingeklappt bei der Idee, in der sie aufgegangen sind.',
      columnEmpty: 'Keine Ideen',
      merged_one: 'zusammengeführt: {{count}} Idee',
      merged_other: 'zusammengeführt: {{count}} Ideen',
      mergeHint: '„{{title}}“ geht in der gewählten Idee auf. Herkunft und Unterstützungen bleiben erhalten; Federführung, Partner und Kosten der gewählten Idee bleiben, wie sie sind.',
      mergeNone: 'Es gibt keine andere Idee, mit der sich diese zusammenführen lässt.',
      addTitle: 'Eigene Idee hinzufügen',
      addHint: 'Etwa vom Flipchart. Sie erscheint mit der Herkunft „Moderation“.',
    },
    projector: {
      lead: 'Welche Projekte bringen das Thema voran? Reichen Sie Ihre Idee auf Tablet oder Telefon ein – auch von zu Hause.',
    },
  },
};
