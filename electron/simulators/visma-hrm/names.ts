/**
 * Word lists for the generated Dutch HR data: given names (with the call names older official names
 * go by), family names with their prefixes, places, streets, functions and contract vocabulary.
 * Some entries carry diacritics or letters that NFD folding alone does not turn into ASCII (ı, ş),
 * so the naming code downstream meets them in every demo data set.
 */

/** A given name and the call name (roepnaam) someone with that official name goes by. */
export interface GivenName {
  readonly name: string;
  /** Call name when it differs from the official name ("Johannes" goes by "Jan"). */
  readonly nick?: string;
}

export const FEMALE_GIVEN_NAMES: readonly GivenName[] = [
  { name: 'Anna' }, { name: 'Emma' }, { name: 'Sophie' }, { name: 'Julia' }, { name: 'Lisa' }, { name: 'Sanne' },
  { name: 'Anouk' }, { name: 'Fleur' }, { name: 'Eva' }, { name: 'Lotte' }, { name: 'Femke' }, { name: 'Iris' },
  { name: 'Lieke' }, { name: 'Marieke' }, { name: 'Ingrid' }, { name: 'Monique' }, { name: 'Petra' },
  { name: 'Wilma' }, { name: 'Annemarie' }, { name: 'Esther' }, { name: 'Renée' }, { name: 'Zoë' },
  { name: 'Anaïs' }, { name: 'Chloë' }, { name: 'Noëlle' }, { name: 'Inge' }, { name: 'Karin' }, { name: 'Yvonne' },
  { name: 'Fatima' }, { name: 'Samira' }, { name: 'Naima' }, { name: 'Hatice' }, { name: 'Elif' },
  { name: 'Ayşe' }, { name: 'Daniëlle' }, { name: 'Mariëtte' }, { name: 'Saskia' }, { name: 'Marloes' },
  { name: 'Johanna', nick: 'Joke' }, { name: 'Hendrika', nick: 'Riet' }, { name: 'Wilhelmina', nick: 'Willy' },
  { name: 'Petronella', nick: 'Nel' }, { name: 'Cornelia', nick: 'Corrie' }, { name: 'Maria', nick: 'Marja' },
  { name: 'Geertruida', nick: 'Truus' }, { name: 'Elisabeth', nick: 'Lies' }, { name: 'Margaretha', nick: 'Greet' },
  { name: 'Adriana', nick: 'Ria' }, { name: 'Jacoba', nick: 'Coby' },
];

export const MALE_GIVEN_NAMES: readonly GivenName[] = [
  { name: 'Jan' }, { name: 'Pieter' }, { name: 'Bram' }, { name: 'Daan' }, { name: 'Lucas' }, { name: 'Sem' },
  { name: 'Thijs' }, { name: 'Ruben' }, { name: 'Jeroen' }, { name: 'Martijn' }, { name: 'Bas' }, { name: 'Mark' },
  { name: 'Sander' }, { name: 'Dennis' }, { name: 'Erik' }, { name: 'Hans' }, { name: 'Wim' }, { name: 'Gert' },
  { name: 'Henk' }, { name: 'Jérôme' }, { name: 'Ümit' }, { name: 'Mehmet' }, { name: 'Mohamed' },
  { name: 'Youssef' }, { name: 'Ahmed' }, { name: 'Emre' }, { name: 'Stéphane' }, { name: 'René' },
  { name: 'André' }, { name: 'Joël' }, { name: 'Niels' }, { name: 'Joost' }, { name: 'Wouter' }, { name: 'Tim' },
  { name: 'Johannes', nick: 'Jan' }, { name: 'Hendrikus', nick: 'Henk' }, { name: 'Cornelis', nick: 'Kees' },
  { name: 'Jacobus', nick: 'Koos' }, { name: 'Gerardus', nick: 'Gerard' }, { name: 'Wilhelmus', nick: 'Wim' },
  { name: 'Petrus', nick: 'Piet' }, { name: 'Adrianus', nick: 'Adrie' }, { name: 'Theodorus', nick: 'Theo' },
  { name: 'Franciscus', nick: 'Frank' }, { name: 'Antonius', nick: 'Toon' }, { name: 'IJsbrand' },
];

/** Second and third given names, as Dutch civil registers often carry them (Catholic men too: "Maria"). */
export const FEMALE_MIDDLE_NAMES: readonly string[] = ['Maria', 'Johanna', 'Elisabeth', 'Catharina', 'Anna', 'Wilhelmina'];
export const MALE_MIDDLE_NAMES: readonly string[] = ['Johannes', 'Hendrikus', 'Maria', 'Petrus', 'Gerardus', 'Cornelis'];

/** A family name with its prefix (tussenvoegsel), kept apart as Visma keeps them. */
export interface FamilyName {
  readonly prefix: string;
  readonly name: string;
}

export const FAMILY_NAMES: readonly FamilyName[] = [
  { prefix: '', name: 'Jansen' }, { prefix: 'de', name: 'Jong' }, { prefix: 'de', name: 'Vries' },
  { prefix: 'van den', name: 'Berg' }, { prefix: 'van', name: 'Dijk' }, { prefix: '', name: 'Bakker' },
  { prefix: '', name: 'Janssen' }, { prefix: '', name: 'Visser' }, { prefix: '', name: 'Smit' },
  { prefix: '', name: 'Meijer' }, { prefix: 'de', name: 'Boer' }, { prefix: '', name: 'Mulder' },
  { prefix: 'de', name: 'Groot' }, { prefix: '', name: 'Bos' }, { prefix: '', name: 'Vos' },
  { prefix: '', name: 'Peters' }, { prefix: '', name: 'Hendriks' }, { prefix: 'van', name: 'Leeuwen' },
  { prefix: '', name: 'Dekker' }, { prefix: '', name: 'Brouwer' }, { prefix: 'de', name: 'Wit' },
  { prefix: '', name: 'Dijkstra' }, { prefix: '', name: 'Smits' }, { prefix: 'de', name: 'Graaf' },
  { prefix: 'van der', name: 'Meer' }, { prefix: 'van der', name: 'Linden' }, { prefix: '', name: 'Kok' },
  { prefix: '', name: 'Jacobs' }, { prefix: 'de', name: 'Haan' }, { prefix: '', name: 'Vermeulen' },
  { prefix: 'van den', name: 'Heuvel' }, { prefix: 'van der', name: 'Veen' }, { prefix: 'van den', name: 'Broek' },
  { prefix: 'de', name: 'Bruijn' }, { prefix: 'van der', name: 'Heijden' }, { prefix: '', name: 'Schouten' },
  { prefix: 'van', name: 'Beek' }, { prefix: '', name: 'Willems' }, { prefix: 'van', name: 'Vliet' },
  { prefix: 'van de', name: 'Ven' }, { prefix: '', name: 'Hoekstra' }, { prefix: '', name: 'Maas' },
  { prefix: '', name: 'Verhoeven' }, { prefix: '', name: 'Koster' }, { prefix: 'van', name: 'Dam' },
  { prefix: 'van der', name: 'Wal' }, { prefix: '', name: 'Prins' }, { prefix: '', name: 'Blom' },
  { prefix: '', name: 'Huisman' }, { prefix: 'ter', name: 'Horst' }, { prefix: 'ter', name: 'Haar' },
  { prefix: "in 't", name: 'Veld' }, { prefix: "in 't", name: 'Hout' }, { prefix: "van 't", name: 'Hof' },
  { prefix: 'den', name: 'Hartog' }, { prefix: '', name: 'Çelik' }, { prefix: '', name: 'Yılmaz' },
  { prefix: '', name: 'Öztürk' }, { prefix: '', name: 'Şahin' }, { prefix: '', name: 'El Amrani' },
  { prefix: '', name: 'Bouzid' }, { prefix: '', name: 'Nguyen' }, { prefix: '', name: 'Müller' },
  { prefix: '', name: 'Gonçalves' }, { prefix: '', name: 'Sánchez' }, { prefix: '', name: 'Kuijpers' },
  { prefix: '', name: 'Dijkman' }, { prefix: '', name: 'Zwart' }, { prefix: '', name: "D'Hondt" },
];

/** A place with the short code the "Locatie" list fields use as value. */
export interface Place {
  readonly name: string;
  readonly code: string;
}

export const PLACES: readonly Place[] = [
  { name: 'Utrecht', code: 'UTR' }, { name: 'Amersfoort', code: 'AMF' }, { name: 'Zeist', code: 'ZST' },
  { name: 'Nieuwegein', code: 'NWG' }, { name: 'Houten', code: 'HTN' }, { name: 'IJsselstein', code: 'IJS' },
  { name: 'Veenendaal', code: 'VND' }, { name: 'Woerden', code: 'WRD' }, { name: 'Bunnik', code: 'BNK' },
  { name: 'De Bilt', code: 'DBT' }, { name: 'Leusden', code: 'LSD' }, { name: 'Soest', code: 'SST' },
];

export const STREETS: readonly string[] = [
  'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsweg', 'Julianalaan', 'Beatrixstraat', 'Wilhelminaplein',
  'Koningin Emmalaan', 'Van Goghstraat', 'Rembrandtlaan', 'Lindenlaan', 'Eikenlaan', 'Berkenhof',
  'Beukenlaan', "'t Zand", 'Oudegracht', 'Prinses Irenestraat', 'Schoolstraat',
];

/** The Dutch name usages (naamgebruik) with the texts Visma exports (reference 3.1). */
export interface NameUsage {
  /** The convention code the connector maps to: B own, P partner, BP own-partner, PB partner-own. */
  readonly code: 'B' | 'P' | 'BP' | 'PB';
  readonly nl: 'Eigen' | 'Partner' | 'Eig./Part.' | 'Part./eig.';
  readonly en: string;
  readonly namecode: string;
}

export const NAME_USAGES: Readonly<Record<NameUsage['code'], NameUsage>> = {
  B: { code: 'B', nl: 'Eigen', en: 'Own name', namecode: '0' },
  P: { code: 'P', nl: 'Partner', en: 'Partner name', namecode: '1' },
  BP: { code: 'BP', nl: 'Eig./Part.', en: 'Own name - partner name', namecode: '2' },
  PB: { code: 'PB', nl: 'Part./eig.', en: 'Partner name - own name', namecode: '3' },
};

/** A function (job title) with the id Visma exports next to it. */
export interface JobFunction {
  readonly id: string;
  readonly name: string;
  readonly en: string;
}

/** Functions of care teams, with a weight for how common each is. */
export const CARE_FUNCTIONS: ReadonlyArray<JobFunction & { readonly weight: number }> = [
  { id: 'F0101', name: 'Verpleegkundige', en: 'Nurse', weight: 20 },
  { id: 'F0102', name: 'Verzorgende IG', en: 'Carer', weight: 30 },
  { id: 'F0103', name: 'Helpende', en: 'Care assistant', weight: 15 },
  { id: 'F0104', name: 'Wijkverpleegkundige', en: 'District nurse', weight: 8 },
  { id: 'F0105', name: 'Zorgassistent', en: 'Care aide', weight: 8 },
  { id: 'F0106', name: 'Leerling-verpleegkundige', en: 'Student nurse', weight: 5 },
  { id: 'F0107', name: 'Huishoudelijk medewerker', en: 'Domestic worker', weight: 8 },
  { id: 'F0120', name: 'Planner', en: 'Planner', weight: 3 },
];

/** Functions of staff departments, keyed by the department they belong to. */
export const STAFF_FUNCTIONS: Readonly<Record<string, readonly JobFunction[]>> = {
  ICT: [
    { id: 'F0200', name: 'Medewerker ICT', en: 'IT officer' },
    { id: 'F0201', name: 'Systeembeheerder', en: 'System administrator' },
    { id: 'F0202', name: 'Functioneel beheerder', en: 'Application manager' },
  ],
  HR: [
    { id: 'F0210', name: 'HR-adviseur', en: 'HR adviser' },
    { id: 'F0211', name: 'Salarisadministrateur', en: 'Payroll officer' },
  ],
  Financiën: [
    { id: 'F0220', name: 'Controller', en: 'Controller' },
    { id: 'F0221', name: 'Medewerker Financiën', en: 'Finance officer' },
  ],
  Planning: [{ id: 'F0120', name: 'Planner', en: 'Planner' }],
  Facilitair: [{ id: 'F0230', name: 'Facilitair medewerker', en: 'Facilities officer' }],
  Kwaliteit: [{ id: 'F0240', name: 'Kwaliteitsadviseur', en: 'Quality adviser' }],
  Bestuursbureau: [{ id: 'F0280', name: 'Secretaresse', en: 'Secretary' }],
  Opleidingen: [{ id: 'F0270', name: 'Opleidingsadviseur', en: 'Training adviser' }],
};

/** Functions of the people who manage units. */
export const MANAGER_FUNCTIONS = {
  board: { id: 'F0260', name: 'Bestuurder', en: 'Director' },
  region: { id: 'F0111', name: 'Regiomanager', en: 'Regional manager' },
  team: { id: 'F0110', name: 'Teamleider', en: 'Team leader' },
  staff: { id: 'F0250', name: 'Manager bedrijfsvoering', en: 'Operations manager' },
} as const satisfies Record<string, JobFunction>;

/** Contract types with the texts Visma exports. */
export interface ContractType {
  readonly type: string;
  readonly en: string;
  readonly indicationNl: string;
  readonly indicationEn: string;
}

export const CONTRACT_TYPES = {
  permanent: { type: 'Onbepaalde tijd', en: 'Indefinite period', indicationNl: 'Vast', indicationEn: 'Permanent' },
  fixedTerm: { type: 'Bepaalde tijd', en: 'Fixed period', indicationNl: 'Tijdelijk', indicationEn: 'Temporary' },
  onCall: { type: 'Oproepkracht', en: 'On-call worker', indicationNl: 'Oproep', indicationEn: 'On call' },
  intern: { type: 'Stagiair', en: 'Intern', indicationNl: 'Stage', indicationEn: 'Internship' },
} as const satisfies Record<string, ContractType>;

/** Reasons a contract ended. */
export const END_REASONS: ReadonlyArray<{ readonly code: string; readonly nl: string; readonly en: string }> = [
  { code: '01', nl: 'Eigen verzoek werknemer', en: 'At employee request' },
  { code: '02', nl: 'Einde contract bepaalde tijd', en: 'End of fixed-term contract' },
  { code: '03', nl: 'Pensioen', en: 'Retirement' },
  { code: '04', nl: 'Wederzijds goedvinden', en: 'Mutual agreement' },
];

/** Weekly hours as Visma writes them ('.' decimal separator). */
export const WEEK_HOURS: readonly string[] = ['16', '20', '24', '24', '28', '28', '32', '32', '32.5', '36', '36', '36'];

/** Tenants the generator picks from: one group name and its e-mail domain (reserved TLD, RFC 2606). */
export const ORGANISATIONS: ReadonlyArray<{ readonly name: string; readonly short: string; readonly domain: string }> = [
  { name: 'Zorggroep De Linde', short: 'De Linde', domain: 'zorggroep-delinde.example' },
  { name: 'Stichting Zorg Eemland', short: 'Zorg Eemland', domain: 'zorgeemland.example' },
  { name: 'Zorgcentra Vechtstreek', short: 'Vechtstreek', domain: 'zorg-vechtstreek.example' },
];
