import { compareIds, finding, type EmployeeRow, type ReportFinding } from './rows';

/**
 * Visma creates a new employee record (a new employee id) per contract, so one human can have
 * several records. They are joined into one person on initials + gender + date of birth + birth
 * name (reference/visma-api.md 3.8 and 5.4), the way HelloID aggregates them.
 */

/** The employee records of one person. */
export interface EmployeeGroup {
  /** The lowest employee id: stable across rehires, which add higher ids. */
  readonly personId: string;
  /** Every employee id of the person, sorted. */
  readonly employeeIds: readonly string[];
  /** The record with the highest employee id (the newest employment): source of name, company, e-mail. */
  readonly current: EmployeeRow;
  /** All records, sorted by employee id. */
  readonly records: readonly EmployeeRow[];
}

const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Text as compared for aggregation: diacritics removed, case and spaces ignored ("Éls de Wit" = "elsdewit"). */
export function foldForComparison(text: string): string {
  // Most names are plain ASCII; skipping Unicode normalisation for them keeps 30,000 records fast.
  const base = ASCII.test(text) ? text : text.normalize('NFD').replace(MARKS, '');
  return base.toLowerCase().replace(SPACES, '');
}

/**
 * The aggregation key of a record, or null when a part that identifies a human is missing
 * (date of birth or birth name): joining on the rest could merge two different people.
 */
export function aggregationKey(employee: EmployeeRow): string | null {
  if (employee.dateOfBirth === null || employee.birthName === '') return null;
  return [
    foldForComparison(employee.initials),
    foldForComparison(employee.gender),
    employee.dateOfBirth,
    foldForComparison(employee.birthNamePrefix + employee.birthName),
  ].join('\u0001');
}

function missingParts(employee: EmployeeRow): string {
  const parts: string[] = [];
  if (employee.dateOfBirth === null) parts.push('date of birth');
  if (employee.birthName === '') parts.push('birth name');
  return parts.join(' and ');
}

function group(records: EmployeeRow[]): EmployeeGroup {
  records.sort((a, b) => compareIds(a.employeeId, b.employeeId));
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) throw new Error('an employee group is never empty');
  return { personId: first.employeeId, employeeIds: records.map((r) => r.employeeId), current: last, records };
}

/**
 * Groups employee records into persons. A record missing part of the key stays on its own (warning);
 * records that share the key but differ in first name are still joined, with an info finding so an
 * admin can check that they really are one person. Groups come out in first-seen order.
 */
export function aggregateEmployees(employees: readonly EmployeeRow[], report: ReportFinding): EmployeeGroup[] {
  const byKey = new Map<string, EmployeeRow[]>();
  const order: (string | EmployeeRow)[] = [];
  for (const employee of employees) {
    const key = aggregationKey(employee);
    if (key === null) {
      report(finding('warning', 'ambiguous-aggregation', employee.employeeId,
        `employee ${employee.employeeId} has no ${missingParts(employee)}, so it cannot be matched with other ` +
        'employee records of the same person; it is treated as a person of its own'));
      order.push(employee);
      continue;
    }
    const records = byKey.get(key);
    if (records) {
      records.push(employee);
    } else {
      byKey.set(key, [employee]);
      order.push(key);
    }
  }

  const groups: EmployeeGroup[] = [];
  for (const entry of order) {
    if (typeof entry !== 'string') {
      groups.push(group([entry]));
      continue;
    }
    const records = byKey.get(entry);
    if (!records) continue;
    const g = group(records);
    const currentFirst = foldForComparison(g.current.firstName);
    for (const record of g.records) {
      if (record === g.current || foldForComparison(record.firstName) === currentFirst) continue;
      report(finding('info', 'ambiguous-aggregation', record.employeeId,
        `employee records ${record.employeeId} and ${g.current.employeeId} are taken as one person (same initials, ` +
        `gender, date of birth and birth name) but their first names differ ('${record.firstName}' and ` +
        `'${g.current.firstName}'); please check they are the same person`));
    }
    groups.push(g);
  }
  return groups;
}
