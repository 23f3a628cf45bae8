import type { en } from './en';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Dutch strings: the same keys as English (the type makes a missing key a compile error). */
export const nl: Strings<typeof en> = {
  common: { loading: 'Laden…', cancel: 'Annuleren', notAvailable: '{{feature}} is in deze versie nog niet beschikbaar.' },
  errors: {
    'invalid-request': 'Het verzoek is geweigerd', 'invalid-settings': 'De instellingen kloppen niet', 'not-configured': 'Nog niet ingesteld',
    'not-found': 'Niet gevonden', busy: 'Bezig', 'connection-failed': 'Verbinding mislukt', 'not-available': 'Niet beschikbaar', failed: 'Er ging iets mis',
  },
  features: {
    explain: 'Elke stap uitleggen (HR-gegevens → regel → actie)', heldForReview: 'Acties vasthouden voor beoordeling', lookAhead: 'De vooruitblik per dag',
    namingPreview: 'Het naamvoorbeeld op voorbeeldnamen', nedapOns: 'Nedap Ons', smtp: 'E-mail (SMTP)', undo: 'Een run terugdraaien', limits: 'Limieten (een sync vasthouden als te veel accounts zouden wijzigen)',
  },
  nav: {
    label: 'Schermen', tagline: 'Visma.net → Active Directory', language: 'Taal',
    overview: 'Overzicht', preview: 'Voorbeeld', history: 'Geschiedenis', leavers: 'Vertrekkers', person: 'Persoon', settings: 'Instellingen',
  },
  target: { ad: 'AD', 'nedap-ons': 'Nedap Ons' },
  kind: { create: 'Aanmaken', update: 'Bijwerken', enable: 'Inschakelen', disable: 'Uitschakelen', move: 'Verplaatsen', delete: 'Verwijderen', grant: 'Aan groep toevoegen', revoke: 'Uit groep halen' },
  outcome: { created: 'Aangemaakt', updated: 'Bijgewerkt', unchanged: 'Ongewijzigd', failed: 'Mislukt', skipped: 'Overgeslagen', blocked: 'Geblokkeerd' },
  trigger: { cli: 'opdrachtregel', manual: 'handmatig', schedule: 'planning' },
  runStatus: { running: 'bezig', completed: 'voltooid', failed: 'mislukt', interrupted: 'onderbroken', 'stopped-by-guard': 'gestopt door de bewaking', 'held-for-review': 'vastgehouden voor beoordeling' },
  severity: { error: 'Fout', warning: 'Waarschuwing', info: 'Info' },
  contractState: { future: 'Toekomstig', active: 'Actief', ended: 'Beëindigd' },
  firstRun: {
    title: 'Welkom bij HR Provisioner',
    body: 'Er is nog niets ingesteld. Probeer het met de ingebouwde demogegevens (een gesimuleerd Visma.net en een testdomein), of koppel Visma.net en Active Directory bij Instellingen.',
    demo: 'Demogegevens gebruiken', demoBusy: 'Demo wordt ingericht…', connect: 'Visma.net koppelen', noDemo: 'Demogegevens zijn er alleen in de demo-host (npm run demo).',
  },
  overview: {
    syncNow: 'Nu synchroniseren', syncing: 'Bezig…', syncDone: 'Synchronisatie klaar om {{time}}.', lastRun: 'Laatste run', attention: 'Vraagt aandacht', recentRuns: 'Laatste 30 runs',
    lastRunLine: '{{time}} · {{trigger}} · {{status}} · {{duration}}', nothingDone: 'Er hoefde niets te veranderen.',
    noRuns: 'Nog geen runs. Kies Nu synchroniseren, of koppel Visma.net bij Instellingen.', nextRun: 'Volgende run: {{time}}', noSchedule: 'geen planning in dit venster',
    schedulePaused: 'De planning is gepauzeerd.', allFine: 'Alles is in orde.',
    attentionFailed_one: '{{count}} actie mislukt in de laatste run', attentionFailed_other: '{{count}} acties mislukt in de laatste run',
    attentionGuard: 'De bronbewaking stopte de synchronisatie: de HR-gegevens zijn te veel gekrompen',
    attentionHeld_one: '{{count}} actie wacht op beoordeling', attentionHeld_other: '{{count}} acties wachten op beoordeling',
    attentionFindings_error_one: '{{count}} fout in de HR-gegevens', attentionFindings_error_other: '{{count}} fouten in de HR-gegevens',
    attentionFindings_warning_one: '{{count}} waarschuwing over de HR-gegevens', attentionFindings_warning_other: '{{count}} waarschuwingen over de HR-gegevens',
    attentionLeavers_one: '{{count}} vertrekker deze week', attentionLeavers_other: '{{count}} vertrekkers deze week',
    chartLabel: 'Uitkomsten van de laatste {{count}} runs',
  },
  preview: {
    make: 'Voorbeeld maken', refresh: 'Opnieuw', making: 'Visma.net en de directory worden gelezen…', none: 'Nog geen voorbeeld. Kies "Voorbeeld maken" om te zien wat een synchronisatie zou wijzigen.',
    asOf: 'Per {{date}} · gemaakt {{made}}', nothingToDo: 'Niets te wijzigen: AD loopt gelijk met Visma.net.',
    tabActions: 'Acties ({{count}})', tabHeld: 'Vastgehouden', tabLookAhead: 'Vooruitblik', tabFindings: 'Gegevensproblemen ({{count}})', tabUnmanaged: 'Niet beheerd ({{count}})',
    search: 'Zoek naam of account (/)', allTargets: 'Alle systemen', allActions: 'Alle acties', allOrgUnits: 'Alle afdelingen', allStatus: 'Klaar en vastgehouden', status: 'Status',
    ready: 'Klaar', held: 'Vastgehouden', shown: '{{shown}} van {{total}} getoond', applySelected: 'Selectie uitvoeren ({{count}})', applyAll: 'Alles uitvoeren',
    confirm_one: '{{count}} actie nu in de directory uitvoeren? Dit gebeurt direct en komt in de geschiedenis.',
    confirm_other: '{{count}} acties nu in de directory uitvoeren? Dit gebeurt direct en komt in de geschiedenis.',
    confirmApply: 'Uitvoeren', applying: 'Bezig met uitvoeren…', tableLabel: 'Geplande acties', selectAll: 'Alles selecteren wat getoond wordt', selectRow: '{{action}} voor {{name}} selecteren',
    col: { target: 'Systeem', action: 'Actie', person: 'Persoon', account: 'Account', orgUnit: 'Afdeling', reason: 'Reden' },
    tabHeldCount: 'Vastgehouden ({{count}})',
    noFindings: 'Geen problemen in de HR-gegevens.', noUnmanaged: 'Elk account onder de basis-OU wordt beheerd.', noHeld: 'Er wordt niets vastgehouden.',
  },
  detail: {
    label: 'Details van de actie', close: 'Details sluiten (Esc)', why: 'Waarom', changes: 'Voor en na', attribute: 'Attribuut', before: 'Voor', after: 'Na',
    entitlement: 'Groep: {{group}}', dependsOn: 'Na: {{ids}}',
  },
  history: {
    undoing: 'Terugdraaien wordt gepland…',
    back: 'Alle runs', runTitle: 'Run van {{time}}', runLine: 'Aanleiding: {{trigger}} · {{status}} · {{duration}} · per {{asOf}}', exportCsv: 'CSV exporteren', undo: 'Deze run terugdraaien…',
    actions: 'Acties ({{count}})', actionsLabel: 'Acties van de run', outcome: 'Uitkomst', error: 'Fout', notRun: 'niet uitgevoerd', runsLabel: 'Runs, nieuwste eerst',
    started: 'Gestart', trigger: 'Aanleiding', duration: 'Duur', status: 'Status', counts: 'Uitkomsten',
  },
  leavers: {
    reading: 'Visma.net wordt gelezen…', upcoming: 'Vertrekt binnen 30 dagen ({{count}})', processed: 'Vertrokken in de afgelopen 30 dagen ({{count}})',
    upcomingLabel: 'Komende vertrekkers', processedLabel: 'Verwerkte vertrekkers', noneUpcoming: 'Niemand vertrekt in de komende 30 dagen.', noneProcessed: 'Niemand vertrok in de afgelopen 30 dagen.',
    name: 'Naam', orgUnit: 'Afdeling', manager: 'Leidinggevende', lastDay: 'Laatste dag', done: 'Gedaan of gepland', planned: 'gepland',
    noSteps: 'Nog niets gedaan', acknowledge: 'Gezien', acknowledged: 'Gezien',
  },
  held: {
    overLimit: 'Deze acties gaan over een limiet en wachten op uw goedkeuring. De rest van het plan wordt gewoon uitgevoerd.',
    allOrNothing: 'Deze acties gaan over een limiet. Niets uit dit plan wordt uitgevoerd tot ze zijn goedgekeurd.',
    comment: 'Toelichting (komt in de geschiedenis)', approve: '{{count}} goedkeuren en uitvoeren', reason: 'Waarom vastgehouden', select: '{{name}} selecteren',
  },
  guard: {
    stopped: 'De bronbewaking heeft dit plan gestopt.', accept: 'Ik heb de HR-gegevens gecontroleerd: toch uitvoeren (daling accepteren)',
  },
  undo: { banner: 'Dit plan draait run {{runId}} terug. Er wordt niets geschreven tot u het uitvoert.' },
  lookAhead: {
    none: 'In de komende 14 dagen gebeurt er niets.',
    kind: { create: 'Aanmaken', enable: 'Inschakelen', disable: 'Uitschakelen', delete: 'Verwijderen', 'last-day': 'Laatste dag' },
  },
  person: {
    search: 'Zoek op naam of personeelsnummer', searching: 'Zoeken…', noHits: 'Niemand gevonden.', hint: 'Zoek een persoon om HR-gegevens, accounts en de reden van elke actie te zien.',
    ids: 'Personeelsnummers: {{ids}}', birthDate: 'Geboortedatum', email: 'E-mail', contracts: 'Contracten', contract: 'Contract', period: 'Periode', state: 'Stand', function: 'Functie',
    primary: 'hoofdcontract', open: 'onbepaald', inCondition: 'geeft recht op een account', accounts: 'Accounts', noAccounts: 'Nog geen account gezien in een voorbeeld of run.',
    actions: 'Acties en hun redenen', noActions: 'Geen actie gepland of uitgevoerd.', planned: 'Gepland', taken: 'Uitgevoerd',
  },
  settings: {
    visma: 'Visma.net HRM', tokenUrl: 'Token-URL', baseUrl: 'Export-API-URL', clientId: 'Client-id', tenantId: 'Tenant-id', clientSecret: 'Client secret',
    ad: 'Active Directory', adUrl: 'Server', adUrlHint: 'ldaps://dc1.voorbeeld.local:636, of ldap:// (altijd via StartTLS)', bindDn: 'Serviceaccount (DN)', bindPassword: 'Wachtwoord',
    caFile: 'CA-certificaatbestand', tlsServerName: 'Naam in het certificaat', nedap: 'Nedap Ons', smtp: 'E-mail (SMTP)',
    secretSet: 'Ingesteld. Typ een nieuwe om te vervangen.', secretNotSet: 'Niet ingesteld.',
    test: 'Testen', testing: 'Bezig met testen…', testOk: 'Werkt.', testFailed: 'Werkt niet:',
    lifecycle: 'Levenscyclus', createDays: 'Aanmaken dagen voor start', enableDays: 'Inschakelen dagen voor start', disableDays: 'Uitschakelen dagen na einde', deleteDays: 'Verwijderen dagen na einde',
    ous: 'Organisatie-eenheden (OU\'s)', baseDn: 'Beheerde basis', usersOu: 'OU voor nieuwe accounts', disabledOu: 'OU voor uitgeschakelde accounts',
    ouByOrgUnit: 'OU per afdeling', ouByOrgUnitHint: 'Eén per regel: afdelings-id = OU',
    naming: 'Naamgeving', upnSuffix: 'UPN-achtervoegsel', mailDomain: 'Maildomein',
    rules: 'Regels', rulesJson: 'Regels (JSON)', rulesHint: 'Elke regel: een naam, een voorwaarde ("when") en de AD-groepen die hij geeft.',
    limits: 'Limieten', schedule: 'Planning', paused: 'Planning pauzeren', scheduleRules: 'Wanneer synchroniseren', scheduleHint: 'Eén cron-regel per regel, bijv. "0 6 * * 1-5" = werkdagen om 06:00',
    notifications: 'Meldingen en taal',
    notify: { leaversProcessed: 'Vertrekkers verwerkt', leaversThisWeek: 'Vertrekkers deze week', runFailed: 'Een run is mislukt', reviewWaiting: 'Een plan wacht op beoordeling' },
    systemLanguage: 'Zoals het systeem', save: 'Opslaan', reset: 'Wijzigingen ongedaan maken', saved: 'Opgeslagen.', storedProblems: 'De opgeslagen instellingen zijn nog niet bruikbaar:',
  },
};
