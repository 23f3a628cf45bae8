import type { NameConvention, PersonName } from '../model/person';
import { finding, type EmployeeRow, type ReportFinding } from './rows';

const CODES: ReadonlySet<string> = new Set<NameConvention>(['B', 'P', 'BP', 'PB']);

// Word stems for "own/birth name" and "partner name" in Dutch and English. Position decides the
// order, so 'Eig./Part.' is BP and 'Part./eig.' is PB, and a wordier English label works the same way.
const OWN_STEM = /eig|own|birth|geboorte/;
const PARTNER_STEM = /part/;

/**
 * Maps a Visma name-usage value to a convention: the Dutch labels (`Eigen`, `Partner`,
 * `Eig./Part.`, `Part./eig.`), English labels of the same shape, or the codes B/P/BP/PB
 * (case-insensitive). Null when the value says nothing recognisable.
 */
export function parseNameUsage(value: string): NameConvention | null {
  const text = value.trim();
  if (text === '') return null;
  const upper = text.toUpperCase();
  if (CODES.has(upper)) return upper as NameConvention;
  const lower = text.toLowerCase();
  const own = lower.search(OWN_STEM);
  const partner = lower.search(PARTNER_STEM);
  if (own < 0 && partner < 0) return null;
  if (partner < 0) return 'B';
  if (own < 0) return 'P';
  return own < partner ? 'BP' : 'PB';
}

/** True when the record has a family name to build names from (its birth name or partner name). */
export function hasFamilyName(employee: Pick<EmployeeRow, 'birthName' | 'partnerName'>): boolean {
  return employee.birthName !== '' || employee.partnerName !== '';
}

/**
 * Builds the person's name from an employee record, repairing what it can:
 * unknown name usage becomes B; a partner convention without a partner name falls back to B;
 * a missing birth name falls back to the partner name (convention P). Returns null, after an
 * error finding, when there is no family name at all: no account name can be made from that.
 */
export function normaliseName(employee: EmployeeRow, report: ReportFinding): PersonName | null {
  const id = employee.employeeId;
  if (!hasFamilyName(employee)) {
    report(finding('error', 'missing-name-field', id,
      `employee ${id} has neither a birth name nor a partner name; the person is held until HR corrects it`));
    return null;
  }
  let convention = parseNameUsage(employee.nameUsage) ?? parseNameUsage(employee.nameUsageEn);
  if (convention === null) {
    const shown = employee.nameUsage || employee.nameUsageEn;
    if (shown === '') {
      report(finding('info', 'unknown-name-usage', id,
        `employee ${id} has no name usage; the own name (B) is used`));
    } else {
      report(finding('warning', 'unknown-name-usage', id,
        `employee ${id} has an unknown name usage '${shown}'; the own name (B) is used`));
    }
    convention = 'B';
  }

  const familyName = employee.birthName;
  let familyNamePrefix = employee.birthNamePrefix;
  if (familyName === '') {
    report(finding('warning', 'missing-name-field', id,
      `employee ${id} has no birth name; the partner name '${employee.partnerName}' is used (name usage P)`));
    // The birth-name fields stay empty so a rule never mistakes the partner name for the birth name.
    familyNamePrefix = '';
    convention = 'P';
  } else if (convention !== 'B' && employee.partnerName === '') {
    report(finding('warning', 'missing-name-field', id,
      `employee ${id} has name usage ${convention} but no partner name; the own name (B) is used`));
    convention = 'B';
  }

  if (employee.firstName === '' && employee.nickname === '') {
    report(finding('warning', 'missing-name-field', id,
      `employee ${id} has neither a first name nor a nickname (initials '${employee.initials}'); names that need a given name will be incomplete`));
  }

  return {
    initials: employee.initials,
    givenName: employee.firstName,
    nickname: employee.nickname,
    familyName,
    familyNamePrefix,
    partnerName: employee.partnerName,
    partnerNamePrefix: employee.partnerNamePrefix,
    convention,
  };
}
