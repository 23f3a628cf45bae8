import type { IsoDate } from './iso-date';

/**
 * Dutch name usage (Visma `nameusage`): B = own birth name, P = partner's name,
 * BP = birth name - partner name, PB = partner name - birth name.
 */
export type NameConvention = 'B' | 'P' | 'BP' | 'PB';

/** Name parts as HR keeps them; prefixes ("van den") apart from the names they belong to. */
export interface PersonName {
  /** Initials as Visma has them, usually with dots ("J.H."). */
  readonly initials: string;
  readonly givenName: string;
  /** Roepnaam: the name the person goes by; '' when Visma has none. */
  readonly nickname: string;
  /** Birth family name without prefix ("Berg"). */
  readonly familyName: string;
  /** Prefix of the birth name ("van den"); '' when none. */
  readonly familyNamePrefix: string;
  readonly partnerName: string;
  readonly partnerNamePrefix: string;
  readonly convention: NameConvention;
}

/** Where a contract stands on the evaluation date. */
export type ContractState = 'future' | 'active' | 'ended';

/** A code with its display name, as HR reference data comes. */
export interface CodeName {
  readonly id: string;
  readonly name: string;
}

/** One contract line (Visma employee id + contract id + subcontract id), evaluated on a date. */
export interface Contract {
  /** `employeeid_contractid_subcontractid`, the way HelloID and the admins know it. */
  readonly id: string;
  readonly employeeId: string;
  readonly startDate: IsoDate;
  /** Null for an open-ended contract. */
  readonly endDate: IsoDate | null;
  readonly state: ContractState;
  /**
   * True when the evaluation date lies in [start - createDaysBeforeStart, end + disableDaysAfterEnd]:
   * the contract then entitles its person to an account.
   */
  readonly inCondition: boolean;
  readonly orgUnit: CodeName | null;
  readonly function: CodeName | null;
  /** Cost centre; `id` is the code when the cost-centre export knows the name, else ''. */
  readonly costCenter: CodeName | null;
  /** Visma contract `type` ("Onbepaalde tijd"). */
  readonly employmentType: string;
  readonly hoursPerWeek: number | null;
  /** The manager's person id, resolved through the users export; null when unknown. */
  readonly managerPersonId: string | null;
  /** Contract user-defined fields valid on the evaluation date (field name to value). */
  readonly custom: Readonly<Record<string, string>>;
  /** Labels (Visma `listname`) of the list fields among `custom`; absent when none were read. */
  readonly customLabels?: Readonly<Record<string, string>>;
}

/**
 * One human being, aggregated over the employee records Visma creates per contract.
 * `id` is the lowest employee id; every employee id is kept so that accounts made under an
 * earlier record (a rehire) still correlate.
 */
export interface Person {
  readonly id: string;
  readonly employeeIds: readonly string[];
  readonly name: PersonName;
  readonly gender: string;
  readonly birthDate: IsoDate | null;
  readonly company: CodeName | null;
  readonly businessEmail: string;
  /** Contracts within the cut-off window, sorted by start date then id. */
  readonly contracts: readonly Contract[];
  /** Chosen by the policy's primary-contract order; null when the person has no contract. */
  readonly primaryContractId: string | null;
  /** Person user-defined fields valid on the evaluation date. */
  readonly custom: Readonly<Record<string, string>>;
  /** Labels (Visma `listname`) of the list fields among `custom`; absent when none were read. */
  readonly customLabels?: Readonly<Record<string, string>>;
}

/**
 * A cell (or row) of the HR export that cannot be read for sure. Doubtful data is never guessed
 * at: the person it belongs to is held (see {@link DoubtfulPerson}).
 */
export interface Doubt {
  /** The export dataset, as the admin knows it ("contracts", "employees"). */
  readonly dataset: string;
  /** 1-based data row within the dataset as downloaded (the header not counted); null when unknown. */
  readonly row: number | null;
  /** The column ("enddate"), or '' when the whole row is in doubt. */
  readonly column: string;
  /** The cell's text as exported. */
  readonly text: string;
  /** What is wrong, in words ("is no calendar date"). */
  readonly problem: string;
  /**
   * The contract (`employeeid_contractid_subcontractid`) whose start or end date this is: the doubt is
   * then only whether that contract counts. Absent for a doubt about the person themselves.
   */
  readonly contractId?: string;
}

/**
 * A person whose HR data cannot be read for sure. No target plans a destructive action for them, nor
 * a constructive one the doubt could change, until HR fixes the data.
 */
export interface DoubtfulPerson {
  /** The lowest employee id the person is known under. */
  readonly personId: string;
  readonly employeeIds: readonly string[];
  readonly doubts: readonly Doubt[];
  /**
   * Present when every doubt is about whether a contract counts (an unreadable start or end date):
   * the person with those contracts left out and with them counted as running. Actions that are
   * the same both ways, and constructive, proceed; the rest is held. Absent when the doubt is about
   * who the person is (a name, a date of birth, conflicting records): then nothing proceeds.
   */
  readonly versions?: DoubtVersions;
}

/** The two readings of a person whose only doubt is whether some contracts count. */
export interface DoubtVersions {
  /** The contracts with an unreadable date left out, as if they did not exist. */
  readonly leftOut: Person;
  /** The same contracts counted as running: an unreadable start as long past, an unreadable end as open. */
  readonly counted: Person;
}

/** "contracts row 1234: enddate '31-02-2027'" */
export function describeDoubt(doubt: Doubt): string {
  const where = doubt.row === null ? doubt.dataset : `${doubt.dataset} row ${doubt.row}`;
  return doubt.column === '' ? `${where}: ${doubt.problem}` : `${where}: ${doubt.column} '${doubt.text}' ${doubt.problem}`;
}
