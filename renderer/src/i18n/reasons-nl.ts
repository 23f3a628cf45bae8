import type { ReasonCode } from '../../../electron/shared/reason-codes';

/** A text, or its singular and plural (`{{count}}`) forms. */
export type ReasonText = string | { readonly one: string; readonly other: string };

/**
 * The engine's reasons in Dutch, per code of electron/shared/reason-codes.ts (the type makes a missing
 * code a compile error). English needs no table: the engine's own text is the English one.
 */
export const reasonsNl: Readonly<Record<ReasonCode, ReasonText>> = {
  contractActiveOpen: 'contract {{contract}} actief sinds {{date}}, geen einddatum',
  contractActiveUntil: 'contract {{contract}} actief van {{from}} tot en met {{date}}',
  contractStarts: 'contract {{contract}} begint op {{date}}',
  contractEnded: 'contract {{contract}} is geëindigd op {{date}}',
  enableBeforeStart: { one: 'inschakelen 1 dag voor de start', other: 'inschakelen {{count}} dagen voor de start' },
  createBeforeStartEnableFrom: {
    one: 'aanmaken 1 dag voor de start, inschakelen vanaf {{date}}', other: 'aanmaken {{count}} dagen voor de start, inschakelen vanaf {{date}}',
  },
  createBeforeStartFrom: { one: 'aanmaken 1 dag voor de start (vanaf {{date}})', other: 'aanmaken {{count}} dagen voor de start (vanaf {{date}})' },
  disableAfterEndUntil: {
    one: 'uitschakelen 1 dag na het einde (ingeschakeld tot en met {{date}})', other: 'uitschakelen {{count}} dagen na het einde (ingeschakeld tot en met {{date}})',
  },
  disableAfterEnd: { one: 'uitschakelen 1 dag na het einde', other: 'uitschakelen {{count}} dagen na het einde' },
  deleteAfterEndFrom: { one: 'verwijderen 1 dag na het einde (vanaf {{date}})', other: 'verwijderen {{count}} dagen na het einde (vanaf {{date}})' },
  deleteAfterEnd: { one: 'verwijderen 1 dag na het einde', other: 'verwijderen {{count}} dagen na het einde' },
  noContractsLeft: 'geen contracten meer in de export (alle geëindigd vóór de grens van de export)',
  noContractInCondition: 'geen contract dat aan de voorwaarden voldoet',
  noAccountCarries: 'geen account heeft employeeID {{ids}}',
  ouDefault: 'organisatie-eenheid {{orgUnit}} van hoofdcontract {{contract}} heeft geen eigen OU: de standaard-OU voor gebruikers',
  ouMapped: 'organisatie-eenheid {{orgUnit}} van hoofdcontract {{contract}} hoort bij {{ou}}',
  createdDisabled: 'uitgeschakeld aangemaakt',
  ruleMatches: 'regel "{{rule}}" geldt voor contract {{contracts}}',
  parkedInDisabledOu: 'uitgeschakelde accounts staan in de OU voor uitgeschakelde accounts',
  backFromDisabledOu: 'het account is weer in gebruik: terug uit de OU voor uitgeschakelde accounts',
  stampCleared: 'het account is weer in gebruik: de uitschakelnotitie wordt gewist',
  managerCreatedHere: 'leidinggevende is persoon {{person}}, wiens account in dit plan wordt aangemaakt',
  manager: 'leidinggevende is persoon {{person}}',
  staysDisabled: 'het account blijft uitgeschakeld tot de inschakeldatum',
  employeeIdBecomes: 'employeeID wordt persoonsnummer {{person}} (het laagste personeelsnummer)',
  hrDataChangedContract: 'HR-gegevens gewijzigd: {{attributes}} (hoofdcontract {{contract}})',
  hrDataChanged: 'HR-gegevens gewijzigd: {{attributes}}',
  descriptionTemplate: 'description volgt het sjabloon',
  followsMapping: '{{attribute}} volgt de koppeling: {{how}}',
  emptyFromSam: '{{attribute}} was leeg: gevuld met de sAMAccountName',
  retiredStamped: 'het account wordt afgevoerd: description krijgt een notitie',
  ruleGranted: 'regel "{{rule}}" heeft het toegekend op {{date}}',
  appGranted: 'de app heeft het toegekend op {{date}}',
  appAdopted: 'de app heeft het overgenomen op {{date}}',
  noRuleGrantsIt: 'geen regel kent het nog toe',
  ruleGone: 'die regel bestaat niet meer',
  revokedOnRetire: 'groepen die de app toekende, worden ingetrokken als het account wordt afgevoerd',
  nedapDeleteUsersOn: 'nedapOns.deleteUsers staat aan',
  nedapNoUser: 'geen Nedap Ons-gebruiker gekoppeld aan medewerker {{employee}}',
  nedapNoDisable: 'Nedap Ons kent geen uitschakelen: wat deze app toekende, wordt ingetrokken',
  nedapNoRuleGrants: 'geen regel kent nog {{what}} toe',
  nedapMapping: 'koppeling {{what}} {{key}} (contract {{contract}})',
  overLimit: '{{count}} × {{kinds}} in {{target}}, meer dan de {{allowed}} toegestane ({{limit}}): wacht op beoordeling',
  waitsFor: 'wacht op actie {{action}}, die op beoordeling wacht',
  hrUnreadableNothingWaits: 'HR-gegevens van medewerker {{employee}} zijn onleesbaar ({{doubts}}); geen actie hangt ervan af, dus niets wacht',
  hrUnreadablePartly: 'HR-gegevens van medewerker {{employee}} zijn onleesbaar ({{doubts}}); wat dat kan veranderen wacht tot HR het corrigeert ({{waiting}}); de rest gaat door',
  hrUnreadable: 'HR-gegevens van medewerker {{employee}} zijn onleesbaar ({{doubts}}); voor deze persoon verandert niets tot HR dit corrigeert',
  doubtNoDate: "{{dataset}} rij {{row}}: {{column}} '{{text}}' is geen datum",
  doubtEmpty: "{{dataset}} rij {{row}}: {{column}} '{{text}}' is leeg",
  doubtBeforeStart: "{{dataset}} rij {{row}}: {{column}} '{{text}}' ligt vóór de begindatum {{date}}",
  findNoFamilyName: 'medewerker {{employee}} heeft geen geboortenaam en geen partnernaam; de persoon wordt vastgehouden tot HR dit corrigeert',
  findNoNameUsage: 'medewerker {{employee}} heeft geen naamgebruik; de eigen naam (B) wordt gebruikt',
  findUnknownNameUsage: "medewerker {{employee}} heeft een onbekend naamgebruik '{{text}}'; de eigen naam (B) wordt gebruikt",
  findNoBirthName: "medewerker {{employee}} heeft geen geboortenaam; de partnernaam '{{name}}' wordt gebruikt (naamgebruik P)",
  findNoPartnerName: 'medewerker {{employee}} heeft naamgebruik {{usage}} maar geen partnernaam; de eigen naam (B) wordt gebruikt',
  findNoGivenName: "medewerker {{employee}} heeft geen voornaam en geen roepnaam (voorletters '{{initials}}'); namen die een voornaam nodig hebben blijven onvolledig",
  findEmployeeRowNoId: "een rij in de employees-export heeft geen medewerkernummer (naam '{{name}}'); de rij wordt overgeslagen",
  findBadDateOfBirth: "medewerker {{employee}} heeft een onleesbare geboortedatum '{{text}}'; de persoon wordt vastgehouden tot HR dit corrigeert",
  findContractRowNoId: 'een rij in de contracts-export heeft geen medewerkernummer (contract {{contract}}); het contract wordt overgeslagen',
  findNoStartDate: 'contract {{contract}} heeft geen begindatum; de persoon wordt vastgehouden tot HR dit corrigeert',
  findBadStartDate: "contract {{contract}} heeft een onleesbare begindatum '{{text}}'; de persoon wordt vastgehouden tot HR dit corrigeert",
  findBadEndDate: "contract {{contract}} heeft een onleesbare einddatum '{{text}}'; de persoon wordt vastgehouden tot HR dit corrigeert",
  findEndBeforeStart: 'contract {{contract}} eindigt op {{date}}, vóór de begindatum {{start}}; de persoon wordt vastgehouden tot HR dit corrigeert',
  findBadHours: "contract {{contract}} heeft een onleesbaar aantal uren per week '{{text}}'; de uren gelden als onbekend",
  findHoursOutOfRange: "contract {{contract}} heeft '{{text}}' uren per week, buiten 0-{{max}}; de uren gelden als onbekend",
  findDuplicateCopy: '{{thing}} {{key}} staat meer dan eens met dezelfde gegevens in de {{dataset}}-export; de kopie wordt genegeerd',
  findDuplicateLastRow: {
    one: '{{thing}} {{key}} staat in {{count}} versie in de {{dataset}}-export; geen heeft een existencestartutc, dus de laatste rij van het bestand telt',
    other: '{{thing}} {{key}} staat in {{count}} verschillende versies in de {{dataset}}-export; geen heeft een existencestartutc, dus de laatste rij van het bestand telt',
  },
  findDuplicateLatest: {
    one: '{{thing}} {{key}} staat in {{count}} versie in de {{dataset}}-export; de rij met de laatste existencestartutc ({{stamp}}) telt',
    other: '{{thing}} {{key}} staat in {{count}} verschillende versies in de {{dataset}}-export; de rij met de laatste existencestartutc ({{stamp}}) telt',
  },
  findUnmatchableMaybe: 'medewerker {{employee}} heeft geen leesbare {{missing}}, dus deze kan niet worden gekoppeld aan andere medewerkerrecords van dezelfde persoon; de persoon wordt vastgehouden tot HR dit corrigeert (het kan medewerker {{candidates}} zijn, die ook wordt vastgehouden)',
  findUnmatchable: 'medewerker {{employee}} heeft geen leesbare {{missing}}, dus deze kan niet worden gekoppeld aan andere medewerkerrecords van dezelfde persoon; de persoon wordt vastgehouden tot HR dit corrigeert',
  findSameButFirstName: 'medewerkers {{ids}} hebben dezelfde voorletters, hetzelfde geslacht, dezelfde geboortedatum en geboortenaam, maar niet dezelfde voornaam ({{names}}); ze blijven aparte personen. Zijn ze één persoon, koppel ze dan in de configuratie (links.same); zijn het verschillende personen, zeg dat dan met links.separate, dan verdwijnt deze waarschuwing',
  findNoFreeName: 'persoon {{person}}: geen vrije {{attribute}} voor {{name}} (elke kandidaat van de naamgeving is bezet); er wordt geen account aangemaakt',
  findNoLatinLetters: 'persoon {{person}}: de naam {{name}} heeft geen Latijnse letters (en geen letters die ernaar om te zetten zijn), dus er kan geen inlognaam worden gemaakt; er wordt geen account aangemaakt',
  findManagerNoAccount: 'persoon {{person}}: leidinggevende {{manager}} heeft geen (enkel, beheerd of onbeheerd) AD-account; het attribuut manager blijft zoals het is',
  undoNedapSet: 'ongedaan maken van run {{run}}, actie {{action}} ({{kind}} {{account}}): de set van daarvoor wordt teruggezet',
  undoOf: 'ongedaan maken van run {{run}}, actie {{action}} ({{kind}} {{account}})',
  neverUsed: 'het account is nooit gebruikt',
  hrContractStartsIn: 'contract {{contract}} begint op {{date}} in organisatie-eenheid {{orgUnit}}',
  hrEnds: 'eindigt op {{date}}',
  hrEndsNever: 'zonder einddatum',
  hrEnded: 'geëindigd op {{date}}',
  hrOrgUnit: 'organisatie-eenheid {{from}} → {{to}} op contract {{contract}}, per {{date}}',
  hrFunction: 'functie {{from}} → {{to}} op contract {{contract}}, per {{date}}',
  hrNoEndDate: 'contract {{contract}} heeft geen einddatum meer (was {{was}})',
  hrContractEndsWas: 'contract {{contract}} eindigt op {{date}} (was {{was}})',
  hrContractEndedWas: 'contract {{contract}} is geëindigd op {{date}} (was {{was}})',
  hrContractEnds: 'contract {{contract}} eindigt op {{date}}',
  hrNowStarts: 'contract {{contract}} begint nu op {{date}} (was {{was}})',
  hrContractGone: 'contract {{contract}} staat niet meer in de export',
  hrName: 'naam {{from}} → {{to}}',
  hrPersonGone: 'niet meer in de HR-export',
};

/** Words inside parameters: the limit ("10 % of 120 managed accounts or 20, whichever is larger") and Nedap's sets. */
export const reasonWordsNl: Readonly<Record<string, string>> = {
  'managed accounts': 'beheerde accounts', ' or ': ' of ', 'whichever is larger': 'wat het grootst is', ' of ': ' van ',
  roles: 'rollen', teams: 'teams', locations: 'locaties',
  // What an employee record lacks (`missing`).
  'birth name': 'geboortenaam', 'date of birth': 'geboortedatum',
  // What a duplicated record is (`thing`).
  employee: 'medewerker', contract: 'contract', user: 'gebruiker',
};

/** A reason table as i18next keys: a text with singular and plural becomes `code_one` and `code_other`. */
export function reasonKeys(table: Readonly<Record<string, ReasonText>>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).flatMap(([code, text]) =>
    typeof text === 'string' ? [[code, text]] : [[`${code}_one`, text.one], [`${code}_other`, text.other]]));
}
