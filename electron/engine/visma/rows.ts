import type { Finding, FindingCode, FindingSeverity } from '../model/finding';
import type { IsoDate } from '../model/iso-date';
import type { CsvRow } from './datasets';
import { compareIds } from '../model/compare-ids';
import { dateInZone, DEFAULT_TIME_ZONE } from '../model/time-zone';
import { Doubts } from './doubts';

export { compareIds };

/**
 * Typed views of the Visma export rows (reference/visma-api.md section 3). Readers trim every value,
 * parse dates and numbers, and report what they cannot read as findings instead of throwing: one
 * bad row never stops an import.
 */

/** Where readers and evaluators put the findings they make. */
export type ReportFinding = (finding: Finding) => void;

/** Builds a finding; a small helper so call sites read as one line. */
export function finding(
  severity: FindingSeverity,
  code: FindingCode,
  employeeId: string | null,
  message: string,
): Finding {
  return { severity, code, employeeId, message };
}

/** The trimmed value of a column; '' when the column is absent. */
export function cell(row: CsvRow, column: string): string {
  const value = row[column];
  return value === undefined ? '' : value.trim();
}

/** How the readers read: the organisation's time zone, and where doubts go. */
export interface ReadOptions {
  /** IANA zone date-times with an offset are converted to before their date is taken. */
  readonly timeZone?: string;
  /** Unreadable cells that decide about a person are recorded here (the person is then held). */
  readonly doubts?: Doubts;
  /** Receives each contract left out for an unreadable date, in its widest reading (see {@link readContractRows}). */
  readonly onDoubtfulContract?: (row: ContractRow) => void;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// Some exports (and spreadsheets that touched a file) carry a time. Without an offset it is the
// organisation's own clock and the date part is what HR means; with one (`Z`, `+02:00`) it is an
// instant, whose date depends on the zone: 2026-03-31T22:00:00Z is 1 April in Amsterdam.
const ISO_DAY_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DUTCH_DAY = /^(\d{2})-(\d{2})-(\d{4})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The calendar check of isIsoDate without building a Date object: an export holds a hundred
// thousand dates or more.
function isCalendarDay(year: number, month: number, day: number): boolean {
  // The calendar HR uses has no year 0: 0000-01-01 is a placeholder or a typo, never a date.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

/** Result of reading a date cell: empty, a date, or text that is no date. */
export type DateCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly date: IsoDate }
  | { readonly kind: 'invalid'; readonly text: string };

/**
 * Reads a Visma date: `YYYY-MM-DD`, and defensively `YYYY-MM-DDThh:mm:ss[offset]` and `DD-MM-YYYY`.
 * A date-time with an offset is converted to `timeZone` before its date is taken. Impossible
 * calendar dates (2026-02-30, year 0000) are invalid.
 */
export function parseVismaDate(raw: string, timeZone: string = DEFAULT_TIME_ZONE): DateCell {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  let candidate: string | null = null;
  if (ISO_DAY.test(text)) {
    candidate = text;
  } else {
    const withTime = ISO_DAY_TIME.exec(text);
    if (withTime) {
      candidate = withTime[2] === undefined ? (withTime[1] ?? null) : instantDate(text, timeZone);
    } else {
      const dutch = DUTCH_DAY.exec(text);
      if (dutch) candidate = `${dutch[3]}-${dutch[2]}-${dutch[1]}`;
    }
  }
  if (candidate === null) return { kind: 'invalid', text };
  const year = Number(candidate.slice(0, 4));
  const month = Number(candidate.slice(5, 7));
  const day = Number(candidate.slice(8, 10));
  return isCalendarDay(year, month, day) ? { kind: 'date', date: candidate } : { kind: 'invalid', text };
}

/** The date of an ISO date-time with offset in `timeZone`; null when it is no real instant. */
function instantDate(text: string, timeZone: string): IsoDate | null {
  const day = text.slice(0, 10);
  if (!isCalendarDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : dateInZone(instant, timeZone);
}

const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/** Contract hours per week above this are not believed (see contract rows). */
export const MAX_WEEKLY_HOURS = 80;

/** Result of reading a number cell. */
export type NumberCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly text: string };

/** Reads a decimal number written with `.` or `,` as the decimal separator ("36", "36.5", "24,75"). */
export function parseVismaNumber(raw: string): NumberCell {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (!DECIMAL.test(text)) return { kind: 'invalid', text };
  return { kind: 'number', value: Number(text.replace(',', '.')) };
}

/** Compares `employeeid_contractid_subcontractid` ids part by part, each part with {@link compareIds}. */
export function compareContractIds(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split('_');
  const pb = b.split('_');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const c = compareIds(pa[i] ?? '', pb[i] ?? '');
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** One row of the employees export: the columns the engine uses, trimmed. */
export interface EmployeeRow {
  /** 1-based data row in the employees export as downloaded, for findings; null when unknown. */
  readonly row: number | null;
  readonly employeeId: string;
  readonly initials: string;
  readonly firstName: string;
  readonly nickname: string;
  /** Dutch `nameusage` ("Eigen", "Part./eig."). */
  readonly nameUsage: string;
  /** English `nameusage_en`, used when the Dutch value is empty or unknown. */
  readonly nameUsageEn: string;
  readonly birthName: string;
  readonly birthNamePrefix: string;
  readonly partnerName: string;
  readonly partnerNamePrefix: string;
  readonly formattedName: string;
  /** Null when empty or unreadable (an unreadable one is reported). */
  readonly dateOfBirth: IsoDate | null;
  readonly gender: string;
  readonly companyId: string;
  readonly companyName: string;
  readonly businessEmail: string;
  readonly existenceStartUtc: string;
}

/** One contract line with readable dates. */
export interface ContractRow {
  /** `employeeid_contractid_subcontractid`. */
  readonly id: string;
  readonly employeeId: string;
  readonly contractId: string;
  readonly subcontractId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly type: string;
  /** The cost-centre *name* (the cost-centre export maps it to a code). */
  readonly costCenterName: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly functionId: string;
  readonly functionName: string;
  readonly hoursPerWeek: number | null;
  readonly managerUserId: string;
}

/** A row that is valid from `startDate` to `endDate` inclusive; null means open on that side. */
export interface DatedRow {
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
}

/** One history row of an organisation unit. */
export interface OrgUnitRow extends DatedRow {
  readonly orgUnitId: string;
  readonly name: string;
  readonly parentId: string;
  readonly managerUserId: string;
}

/** One Visma.net user: the link from a manager's user id to an employee id. */
export interface UserRow {
  readonly userId: string;
  readonly employeeId: string;
  readonly emailAddress: string;
}

/** One cost centre: code and name. */
export interface CostCenterRow {
  readonly code: string;
  readonly name: string;
}

/** One user-defined-field history row, of an employee or (with contract ids) of a contract. */
export interface UdfRow extends DatedRow {
  readonly employeeId: string;
  /** '' for employee UDFs. */
  readonly contractId: string;
  /** '' for employee UDFs. */
  readonly subcontractId: string;
  readonly fieldName: string;
  readonly listName: string;
  readonly value: string;
}

/** The contract key as HelloID and the admins write it. */
export function contractKey(employeeId: string, contractId: string, subcontractId: string): string {
  return `${employeeId}_${contractId}_${subcontractId}`;
}

/** Reads the employees export. Rows without an employee id cannot be linked to anything and are dropped. */
export function readEmployeeRows(rows: readonly CsvRow[], report: ReportFinding, options: ReadOptions = {}): EmployeeRow[] {
  const out: EmployeeRow[] = [];
  const doubts = options.doubts ?? new Doubts();
  for (const row of rows) {
    const employeeId = cell(row, 'employeeid');
    const formattedName = cell(row, 'formattedname');
    if (employeeId === '') {
      report(finding('error', 'unknown-employee', null,
        `a row in the employees export has no employee id (name '${formattedName || cell(row, 'birthname')}'); the row is ignored`));
      continue;
    }
    const dob = parseVismaDate(cell(row, 'dateofbirth'), options.timeZone);
    if (dob.kind === 'invalid') {
      // The date of birth joins a person's employee records: guessing could make a second person.
      report(finding('error', 'invalid-date', employeeId,
        `employee ${employeeId} has an unreadable date of birth '${dob.text}'; the person is held until HR corrects it`));
      doubts.add(employeeId, { dataset: 'employees', row: doubts.rowNumber(row), column: 'dateofbirth', text: dob.text, problem: 'is no date' });
    }
    out.push({
      row: doubts.rowNumber(row),
      employeeId,
      initials: cell(row, 'initials'),
      firstName: cell(row, 'firstname'),
      nickname: cell(row, 'nickname'),
      nameUsage: cell(row, 'nameusage'),
      nameUsageEn: cell(row, 'nameusage_en'),
      birthName: cell(row, 'birthname'),
      birthNamePrefix: cell(row, 'prefixbirthname'),
      partnerName: cell(row, 'partnername'),
      partnerNamePrefix: cell(row, 'prefixpartnername'),
      formattedName,
      dateOfBirth: dob.kind === 'date' ? dob.date : null,
      gender: cell(row, 'gender'),
      companyId: cell(row, 'companyid'),
      companyName: cell(row, 'companyname'),
      businessEmail: cell(row, 'businessemailaddress'),
      existenceStartUtc: cell(row, 'existencestartutc'),
    });
  }
  return out;
}

/**
 * Reads the contracts export. A contract without a readable start or end date cannot be placed in
 * time: its employee is doubtful (held), because guessing either way could keep a leaver's account
 * alive or disable a working person's. Such a contract is not among the rows returned; it goes to
 * `options.onDoubtfulContract` in its widest reading (an unreadable start as long past, an
 * unreadable or impossible end as open), so the planner can tell what the doubt cannot change.
 */
export function readContractRows(rows: readonly CsvRow[], report: ReportFinding, options: ReadOptions = {}): ContractRow[] {
  const out: ContractRow[] = [];
  const doubts = options.doubts ?? new Doubts();
  for (const row of rows) {
    const employeeId = cell(row, 'employeeid');
    const id = contractKey(employeeId, cell(row, 'contractid'), cell(row, 'subcontractid'));
    if (employeeId === '') {
      report(finding('error', 'unknown-employee', null,
        `a row in the contracts export has no employee id (contract ${id}); the contract is ignored`));
      continue;
    }
    const doubt = (column: string, text: string, problem: string): void =>
      doubts.add(employeeId, { dataset: 'contracts', row: doubts.rowNumber(row), column, text, problem, contractId: id });
    const dates = readContractDates(row, id, report, doubt, options.timeZone);
    const contract = contractRow(row, id, dates, report);
    if (!dates.doubtful) out.push(contract);
    else options.onDoubtfulContract?.(contract);
  }
  return out;
}

/** A contract's dates as read; when `doubtful`, the widest reading of dates that could not be read. */
interface ContractDates {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly doubtful: boolean;
}

/** Counted as running since long before any export: the widest reading of an unreadable start date. */
const LONG_PAST: IsoDate = '1900-01-01';

/** Reads start and end date; an unreadable, empty (start) or impossible date is reported and doubted. */
function readContractDates(
  row: CsvRow,
  id: string,
  report: ReportFinding,
  doubt: (column: string, text: string, problem: string) => void,
  timeZone: string | undefined,
): ContractDates {
  const employeeId = cell(row, 'employeeid');
  const start = parseVismaDate(cell(row, 'startdate'), timeZone);
  const end = parseVismaDate(cell(row, 'enddate'), timeZone);
  let doubtful = false;
  if (start.kind !== 'date') {
    const what = start.kind === 'empty' ? 'has no start date' : `has an unreadable start date '${start.text}'`;
    report(finding('error', 'invalid-date', employeeId, `contract ${id} ${what}; the person is held until HR corrects it`));
    doubt('startdate', start.kind === 'empty' ? '' : start.text, start.kind === 'empty' ? 'is empty' : 'is no date');
    doubtful = true;
  }
  if (end.kind === 'invalid') {
    report(finding('error', 'invalid-date', employeeId,
      `contract ${id} has an unreadable end date '${end.text}'; the person is held until HR corrects it`));
    doubt('enddate', end.text, 'is no date');
    doubtful = true;
  } else if (start.kind === 'date' && end.kind === 'date' && end.date < start.date) {
    // Readable, but impossible: which of the two dates is wrong decides whether the person still works here.
    report(finding('error', 'end-before-start', employeeId,
      `contract ${id} ends ${end.date}, before it starts ${start.date}; the person is held until HR corrects it`));
    doubt('enddate', cell(row, 'enddate'), `is before the start date ${start.date}`);
    return { startDate: start.date, endDate: null, doubtful: true };
  }
  return {
    startDate: start.kind === 'date' ? start.date : LONG_PAST,
    endDate: end.kind === 'date' ? end.date : null,
    doubtful,
  };
}

/** The contract row of `row` with the dates as read. */
function contractRow(row: CsvRow, id: string, dates: ContractDates, report: ReportFinding): ContractRow {
  const employeeId = cell(row, 'employeeid');
  const hoursText = cell(row, 'weekhoursfixed');
  const hours = parseVismaNumber(hoursText);
  if (hours.kind === 'invalid') {
    report(finding('warning', 'invalid-number', employeeId,
      `contract ${id} has unreadable weekly hours '${hours.text}'; the hours are treated as unknown`));
  }
  // A week has no more than 80 contract hours in any Dutch collective agreement: anything outside
  // 0-80 is a typo and must not make this the primary contract ("most-hours").
  const hoursInRange = hours.kind === 'number' && hours.value >= 0 && hours.value <= MAX_WEEKLY_HOURS;
  if (hours.kind === 'number' && !hoursInRange) {
    report(finding('warning', 'invalid-number', employeeId,
      `contract ${id} has weekly hours '${hoursText.trim()}', outside 0-${MAX_WEEKLY_HOURS}; the hours are treated as unknown`));
  }
  return {
    id,
    employeeId,
    contractId: cell(row, 'contractid'),
    subcontractId: cell(row, 'subcontractid'),
    startDate: dates.startDate,
    endDate: dates.endDate,
    type: cell(row, 'type'),
    costCenterName: cell(row, 'costcenter'),
    orgUnitId: cell(row, 'orgunit'),
    orgUnitName: cell(row, 'orgunitname'),
    functionId: cell(row, 'functionid'),
    functionName: cell(row, 'functionname'),
    hoursPerWeek: hoursInRange ? hours.value : null,
    managerUserId: cell(row, 'manageruserid'),
  };
}

/** An unreadable validity date: which one, and its text. */
interface BadValidity {
  readonly bad: 'start' | 'end';
  readonly text: string;
}

/**
 * Reads the validity columns of a history row. An unreadable date makes the row unusable: it can be
 * neither trusted nor placed in time, so the caller reports and ignores it.
 */
function readValidity(row: CsvRow, timeZone: string | undefined): DatedRow | BadValidity {
  const start = parseVismaDate(cell(row, 'startdate'), timeZone);
  if (start.kind === 'invalid') return { bad: 'start', text: start.text };
  const end = parseVismaDate(cell(row, 'enddate'), timeZone);
  if (end.kind === 'invalid') return { bad: 'end', text: end.text };
  return {
    startDate: start.kind === 'date' ? start.date : null,
    endDate: end.kind === 'date' ? end.date : null,
  };
}

function badValidityFinding(what: string, employeeId: string | null, bad: BadValidity): Finding {
  return finding('warning', 'invalid-date', employeeId,
    `${what} has an unreadable ${bad.bad} date '${bad.text}'; the row is ignored`);
}

/** Reads the organisation-units export (history rows: one org unit id may appear several times). */
export function readOrgUnitRows(rows: readonly CsvRow[], report: ReportFinding, options: ReadOptions = {}): OrgUnitRow[] {
  const out: OrgUnitRow[] = [];
  for (const row of rows) {
    const orgUnitId = cell(row, 'orgunitid');
    if (orgUnitId === '') continue;
    const validity = readValidity(row, options.timeZone);
    if ('bad' in validity) {
      report(badValidityFinding(`organisation unit ${orgUnitId} ('${cell(row, 'orgname')}')`, null, validity));
      continue;
    }
    out.push({
      startDate: validity.startDate,
      endDate: validity.endDate,
      orgUnitId,
      name: cell(row, 'orgname'),
      parentId: cell(row, 'orgunitparentid'),
      managerUserId: cell(row, 'manageruserid'),
    });
  }
  return out;
}

/** Reads the users export. */
export function readUserRows(rows: readonly CsvRow[]): UserRow[] {
  const out: UserRow[] = [];
  for (const row of rows) {
    const userId = cell(row, 'userid');
    if (userId === '') continue;
    out.push({ userId, employeeId: cell(row, 'employeeid'), emailAddress: cell(row, 'emailaddress') });
  }
  return out;
}

/** Reads the cost-centres export: `costcenter` is the code, `costcentername` the name. */
export function readCostCenterRows(rows: readonly CsvRow[]): CostCenterRow[] {
  const out: CostCenterRow[] = [];
  for (const row of rows) {
    const code = cell(row, 'costcenter');
    const name = cell(row, 'costcentername');
    if (code === '' && name === '') continue;
    out.push({ code, name });
  }
  return out;
}

/** Reads an employee or contract UDF history export. Rows without a field name carry nothing usable. */
export function readUdfRows(rows: readonly CsvRow[], report: ReportFinding, options: ReadOptions = {}): UdfRow[] {
  const out: UdfRow[] = [];
  for (const row of rows) {
    const employeeId = cell(row, 'employeeid');
    const fieldName = cell(row, 'fieldname');
    if (employeeId === '' || fieldName === '') continue;
    const contractId = cell(row, 'contractid');
    const subcontractId = cell(row, 'subcontractid');
    const validity = readValidity(row, options.timeZone);
    if ('bad' in validity) {
      const owner = contractId === '' && subcontractId === ''
        ? `employee ${employeeId}`
        : `contract ${contractKey(employeeId, contractId, subcontractId)}`;
      report(badValidityFinding(`custom field '${fieldName}' of ${owner}`, employeeId, validity));
      continue;
    }
    out.push({
      startDate: validity.startDate,
      endDate: validity.endDate,
      employeeId,
      contractId,
      subcontractId,
      fieldName,
      listName: cell(row, 'listname'),
      value: cell(row, 'value'),
    });
  }
  return out;
}
