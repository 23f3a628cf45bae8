import { Doubts } from './doubts';
import { compareIds, finding, type EmployeeRow, type ReportFinding } from './rows';

/**
 * Visma creates a new employee record (a new employee id) per contract, so one human can have
 * several records. They are joined into one person on initials + gender + date of birth + birth
 * name (reference/visma-api.md 3.8 and 5.4), the way HelloID aggregates them, and on the first
 * name too: a rehire keeps it, twins do not share it. Initials and names are compared the way a
 * person reads them (dots, spaces, case, diacritics and where the prefix is written do not count).
 * An admin's explicit links (config `links`) override the key both ways.
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

/** The admin's explicit answers: these ids are one person / these ids are different persons. */
export interface EmployeeLinks {
  readonly same: readonly (readonly string[])[];
  readonly separate: readonly (readonly string[])[];
}

/** What aggregation needs besides the records. */
export interface AggregateOptions {
  readonly links?: EmployeeLinks;
  /** Records that cannot be placed (a key part missing) are recorded here as doubts. */
  readonly doubts?: Doubts;
}

const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;
// Initials are written "J.H.", "J. H.", "jh" or "J-H": only the letters count.
const INITIAL_NOISE = /[^\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Text as compared for aggregation: diacritics removed, case and spaces ignored ("Éls de Wit" = "elsdewit"). */
export function foldForComparison(text: string): string {
  // Most names are plain ASCII; skipping Unicode normalisation for them keeps 30,000 records fast.
  const base = ASCII.test(text) ? text : text.normalize('NFD').replace(MARKS, '');
  return base.toLowerCase().replace(SPACES, '');
}

/** Initials as compared: letters only ("J.H." = "JH" = "j. h."). */
export function foldInitials(initials: string): string {
  return foldForComparison(initials).replace(INITIAL_NOISE, '');
}

/**
 * The part of the key that identifies a human apart from the first name, or null when a part is
 * missing (date of birth or birth name): joining on the rest could merge two different people.
 */
function identityKey(employee: EmployeeRow): string | null {
  if (employee.dateOfBirth === null || employee.birthName === '') return null;
  return [
    foldInitials(employee.initials),
    foldForComparison(employee.gender),
    employee.dateOfBirth,
    // Prefix and name joined, so "van den" + "Berg" and "" + "van den Berg" compare equal.
    foldForComparison(employee.birthNamePrefix + employee.birthName),
  ].join('\u0001');
}

/** The aggregation key of a record: identity and first name; null when a part is missing. */
export function aggregationKey(employee: EmployeeRow): string | null {
  const identity = identityKey(employee);
  return identity === null ? null : `${identity}\u0001${foldForComparison(employee.firstName)}`;
}

function missingParts(employee: EmployeeRow): { readonly column: string; readonly text: string }[] {
  const parts: { column: string; text: string }[] = [];
  if (employee.dateOfBirth === null) parts.push({ column: 'dateofbirth', text: '' });
  if (employee.birthName === '') parts.push({ column: 'birthname', text: '' });
  return parts;
}

function group(records: EmployeeRow[]): EmployeeGroup {
  records.sort((a, b) => compareIds(a.employeeId, b.employeeId));
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) throw new Error('an employee group is never empty');
  return { personId: first.employeeId, employeeIds: records.map((r) => r.employeeId), current: last, records };
}

/**
 * Groups employee records into persons, in first-seen order. A record missing part of the key
 * becomes a person of its own and is doubtful (it may be another person's record), and so is every
 * person it could belong to. Records that share everything but the first name stay apart, with a
 * warning so an admin can link them if they are one person after all.
 */
export function aggregateEmployees(employees: readonly EmployeeRow[], report: ReportFinding, options: AggregateOptions = {}): EmployeeGroup[] {
  const doubts = options.doubts ?? new Doubts();
  const links = options.links ?? { same: [], separate: [] };
  const keyOf = keyWithLinks(links);
  const byKey = new Map<string, EmployeeRow[]>();
  const unplaced: EmployeeRow[] = [];
  for (const employee of employees) {
    const key = keyOf(employee);
    if (key === null) {
      unplaced.push(employee);
      continue;
    }
    const records = byKey.get(key);
    if (records) records.push(employee);
    else byKey.set(key, [employee]);
  }
  const groups = [...byKey.values()].map(group);
  reportTwins(groups, links, report);
  for (const employee of unplaced) {
    doubtUnplaced(employee, groups, doubts, report);
    groups.push(group([employee]));
  }
  return groups;
}

/**
 * The key with the admin's links applied: ids linked as one person share the key of the lowest
 * of them; ids marked separate each get a key of their own. Null when the key is incomplete and
 * no link places the record.
 */
function keyWithLinks(links: EmployeeLinks): (employee: EmployeeRow) => string | null {
  const linked = new Map<string, string>();
  for (const ids of links.same) {
    const anchor = [...ids].sort(compareIds)[0] ?? '';
    for (const id of ids) linked.set(id, `link\u0001${anchor}`);
  }
  const separate = new Set(links.separate.flat());
  return (employee) => {
    const link = linked.get(employee.employeeId);
    if (link !== undefined) return link;
    const key = aggregationKey(employee);
    if (key === null) return null;
    return separate.has(employee.employeeId) ? `${key}\u0001separate\u0001${employee.employeeId}` : key;
  };
}

/** Warns about persons that share everything but the first name (twins, or one person HR renamed). */
function reportTwins(groups: readonly EmployeeGroup[], links: EmployeeLinks, report: ReportFinding): void {
  const separated = new Set(links.separate.flat());
  const byIdentity = new Map<string, EmployeeGroup[]>();
  for (const g of groups) {
    const identity = identityKey(g.current);
    if (identity === null || separated.has(g.personId)) continue;
    const list = byIdentity.get(identity);
    if (list) list.push(g);
    else byIdentity.set(identity, [g]);
  }
  for (const list of byIdentity.values()) {
    if (list.length < 2) continue;
    const ids = list.map((g) => g.personId).sort(compareIds);
    const names = list.map((g) => `'${g.current.firstName}'`).join(', ');
    report(finding('warning', 'ambiguous-aggregation', ids[0] ?? null,
      `employees ${ids.join(', ')} share initials, gender, date of birth and birth name but not the first name (${names}); ` +
      'they are kept apart as different persons. If they are one person, link them in the configuration (links.same); ' +
      'if they are different persons, say so with links.separate to silence this warning'));
  }
}

/**
 * A record that cannot be placed: it is doubtful, and so is every person it may belong to (same
 * initials, gender and first name, and the same date of birth or birth name where it has one).
 */
function doubtUnplaced(employee: EmployeeRow, groups: readonly EmployeeGroup[], doubts: Doubts, report: ReportFinding): void {
  const missing = missingParts(employee);
  for (const part of missing) {
    const known = doubts.of([employee.employeeId]).some((d) => d.dataset === 'employees' && d.column === part.column);
    if (known) continue; // the reader already named the unreadable text
    doubts.add(employee.employeeId, { dataset: 'employees', row: employee.row, ...part, problem: 'is empty' });
  }
  const initials = foldInitials(employee.initials);
  const first = foldForComparison(employee.firstName);
  const birthName = foldForComparison(employee.birthNamePrefix + employee.birthName);
  const candidates = groups.filter((g) =>
    g.records.some(
      (r) =>
        foldInitials(r.initials) === initials &&
        foldForComparison(r.firstName) === first &&
        ((employee.dateOfBirth !== null && r.dateOfBirth === employee.dateOfBirth) ||
          (birthName !== '' && foldForComparison(r.birthNamePrefix + r.birthName) === birthName)),
    ),
  );
  for (const g of candidates) {
    doubts.add(g.personId, {
      dataset: 'employees',
      row: employee.row,
      column: '',
      text: '',
      problem: `employee record ${employee.employeeId} may belong to this person but cannot be matched (${missing.map((m) => m.column).join(' and ')} missing or unreadable)`,
    });
  }
  report(finding('error', 'ambiguous-aggregation', employee.employeeId,
    `employee ${employee.employeeId} has no readable ${missing.map((m) => (m.column === 'dateofbirth' ? 'date of birth' : 'birth name')).join(' or ')}, ` +
    'so it cannot be matched with other employee records of the same person; the person is held until HR corrects it' +
    (candidates.length > 0 ? ` (it may be employee ${candidates.map((g) => g.personId).join(' or ')}, who is held too)` : '')));
}
