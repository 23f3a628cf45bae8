import type { Finding } from '../model/finding';
import { isIsoDate, type IsoDate } from '../model/iso-date';
import type { Contract, DoubtfulPerson, Person, PersonName } from '../model/person';
import type { LifecyclePolicy, PrimaryContractCriterion } from '../model/policy';
import { aggregateEmployees, type EmployeeGroup, type EmployeeLinks } from '../visma/aggregate';
import { Doubts } from '../visma/doubts';
import type { VismaExport } from '../visma/datasets';
import { normaliseName } from '../visma/normalise-name';
import {
  compareContractIds,
  compareIds,
  finding,
  readContractRows,
  readCostCenterRows,
  readEmployeeRows,
  readOrgUnitRows,
  readUdfRows,
  readUserRows,
  type ContractRow,
  type ReportFinding,
  type UdfRow,
} from '../visma/rows';
import { CONTRACT_DEDUPE, EMPLOYEE_DEDUPE, USER_DEDUPE, dedupeRows } from '../visma/rows-dedupe';
import { buildContractLookups, contractDateContext, evaluateContract } from './evaluate-contract';
import { choosePrimaryContract } from './primary-contract';
import { customFieldsOn, customLabelsOn } from './validity';
import { managerLoopFindings } from './manager-loops';

/** Input of {@link evaluateExport}. */
export interface EvaluateInput {
  /** Every dataset of one Visma import. */
  readonly export: VismaExport;
  /** The evaluation date: states, windows and history rows are judged as of this day. */
  readonly asOf: IsoDate;
  readonly lifecycle: LifecyclePolicy;
  readonly primaryContractOrder: readonly PrimaryContractCriterion[];
  /** Contracts that ended more than this many days before `asOf` are left out. */
  readonly cutOffDays: number;
  /** The organisation's time zone, for date-times with an offset (default Europe/Amsterdam). */
  readonly timeZone?: string;
  /** The admin's explicit links between employee ids (config `links`). */
  readonly links?: EmployeeLinks;
}

/**
 * Output of {@link evaluateExport}: persons sorted by id, the persons whose data is in doubt
 * (held: no target plans anything for them), and every data problem met on the way.
 */
export interface EvaluateResult {
  readonly persons: readonly Person[];
  readonly doubtful: readonly DoubtfulPerson[];
  readonly findings: readonly Finding[];
}

function byContractOrder(a: Contract, b: Contract): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return compareContractIds(a.id, b.id);
}

/**
 * Turns a Visma export into persons as of a date: reads and de-duplicates the rows, joins the
 * employee records of one human into one person, resolves each contract's org unit, cost centre,
 * manager and custom fields, judges contract state and lifecycle window, and picks the primary
 * contract. Pure: no I/O, and data problems become findings, never exceptions.
 *
 * @throws RangeError only for a caller mistake: `asOf` not a `YYYY-MM-DD` date, or a negative or
 *   fractional `cutOffDays`.
 */
export function evaluateExport(input: EvaluateInput): EvaluateResult {
  const { asOf, lifecycle, primaryContractOrder, cutOffDays } = input;
  if (!isIsoDate(asOf)) throw new RangeError(`evaluation date '${asOf}' is not a YYYY-MM-DD date`);
  if (!Number.isInteger(cutOffDays) || cutOffDays < 0) {
    throw new RangeError(`cut-off days must be a whole number of at least 0, not ${cutOffDays}`);
  }
  const findings: Finding[] = [];
  const report: ReportFinding = (f) => {
    findings.push(f);
  };
  const data = input.export;

  const doubts = new Doubts();
  doubts.numberRows(data.employees);
  doubts.numberRows(data.contracts);
  const read = { doubts, ...(input.timeZone ? { timeZone: input.timeZone } : {}) };
  const employees = readEmployeeRows(dedupeRows(data.employees, EMPLOYEE_DEDUPE, report, doubts), report, read);
  const doubtfulContractRows: ContractRow[] = [];
  const contractRows = readContractRows(dedupeRows(data.contracts, CONTRACT_DEDUPE, report, doubts), report, {
    ...read,
    onDoubtfulContract: (row) => doubtfulContractRows.push(row),
  });
  const users = readUserRows(dedupeRows(data.users, USER_DEDUPE, report));
  const orgUnits = readOrgUnitRows(data.organizationUnits, report, read);
  const costCenters = readCostCenterRows(data.costCenters);
  const employeeUdfs = readUdfRows(data.employeeUdfHistories, report, read);
  const contractUdfs = readUdfRows(data.contractUdfHistories, report, read);

  // A record without a family name or date of birth cannot be joined with the person's other
  // records; aggregation keeps it apart and marks it (and whom it may belong to) doubtful.
  const groups = aggregateEmployees(employees, report, { doubts, ...(input.links ? { links: input.links } : {}) });
  const personIdByEmployeeId = new Map<string, string>();
  for (const group of groups) for (const id of group.employeeIds) personIdByEmployeeId.set(id, group.personId);

  const lookups = buildContractLookups({ asOf, orgUnits, costCenters, users, contractUdfs, personIdByEmployeeId });
  const dateContext = contractDateContext(asOf, lifecycle, cutOffDays);

  const evaluateRows = (rows: readonly ContractRow[], reportTo: ReportFinding): Map<string, Contract[]> => {
    const byPerson = new Map<string, Contract[]>();
    for (const row of rows) {
      const personId = personIdByEmployeeId.get(row.employeeId);
      if (personId === undefined) {
        reportUnknownEmployee(row, reportTo);
        continue;
      }
      const contract = evaluateContract(row, personId, dateContext, lookups, reportTo);
      if (!contract) continue;
      const list = byPerson.get(personId);
      if (list) list.push(contract);
      else byPerson.set(personId, [contract]);
    }
    return byPerson;
  };
  const contractsByPerson = evaluateRows(contractRows, report);
  // The contract already has its finding (the unreadable date); what it says beyond that is noise.
  const doubtfulContracts = evaluateRows(doubtfulContractRows, () => undefined);

  const udfsByEmployee = new Map<string, UdfRow[]>();
  for (const udf of employeeUdfs) {
    const list = udfsByEmployee.get(udf.employeeId);
    if (list) list.push(udf);
    else udfsByEmployee.set(udf.employeeId, [udf]);
  }

  const persons: Person[] = [];
  const doubtful: DoubtfulPerson[] = [];
  for (const group of groups) {
    const current = group.current;
    const name = normaliseName(current, report);
    if (!name && doubts.of(group.employeeIds).length === 0) {
      // Placed by an explicit link, but without any family name to build names from.
      doubts.add(group.personId, { dataset: 'employees', row: current.row, column: 'birthname', text: '', problem: 'is empty, and so is partnername' });
    }
    // History rows of every record count: a custom field set under the old employee id still
    // describes the same person. Rows are taken in employee-id order, so on equal start dates the
    // newest record's row wins.
    const udfRows: UdfRow[] = [];
    for (const id of group.employeeIds) udfRows.push(...(udfsByEmployee.get(id) ?? []));
    const contracts = contractsByPerson.get(group.personId) ?? [];
    const personWith = (list: readonly Contract[]): Person | null =>
      name === null ? null : buildPerson({ group, name, contracts: list, udfRows, asOf, primaryContractOrder });
    const held = doubts.of(group.employeeIds);
    if (held.length > 0 || name === null) {
      doubtful.push(doubtfulPerson(group, held, personWith, { readable: contracts, doubtful: doubtfulContracts.get(group.personId) ?? [] }));
      continue;
    }
    persons.push(personWith(contracts) as Person);
  }
  persons.sort((a, b) => compareIds(a.id, b.id));
  doubtful.sort((a, b) => compareIds(a.personId, b.personId));
  findings.push(...managerLoopFindings(persons));
  return { persons, doubtful, findings };
}

/**
 * A doubtful person. When every doubt is about a contract date and the person is otherwise readable,
 * it carries both readings (those contracts left out, and counted), so a planner can let through
 * what the doubt cannot change.
 */
function doubtfulPerson(
  group: EmployeeGroup,
  doubts: DoubtfulPerson['doubts'],
  personWith: (contracts: readonly Contract[]) => Person | null,
  contracts: { readonly readable: readonly Contract[]; readonly doubtful: readonly Contract[] },
): DoubtfulPerson {
  const base = { personId: group.personId, employeeIds: group.employeeIds, doubts };
  const onlyContracts = doubts.length > 0 && doubts.every((d) => d.contractId !== undefined);
  if (!onlyContracts) return base;
  const leftOut = personWith(contracts.readable);
  const counted = personWith([...contracts.readable, ...contracts.doubtful]);
  return leftOut === null || counted === null ? base : { ...base, versions: { leftOut, counted } };
}

interface PersonParts {
  readonly group: EmployeeGroup;
  readonly name: PersonName;
  readonly contracts: readonly Contract[];
  readonly udfRows: readonly UdfRow[];
  readonly asOf: IsoDate;
  readonly primaryContractOrder: readonly PrimaryContractCriterion[];
}

/** The person of one group of employee records, with the given contracts. */
function buildPerson(parts: PersonParts): Person {
  const { group, name, udfRows, asOf } = parts;
  const current = group.current;
  const contracts = [...parts.contracts].sort(byContractOrder);
  return {
    id: group.personId,
    employeeIds: group.employeeIds,
    name,
    gender: current.gender,
    birthDate: current.dateOfBirth,
    company: current.companyId === '' && current.companyName === ''
      ? null
      : { id: current.companyId, name: current.companyName },
    businessEmail: current.businessEmail,
    contracts,
    primaryContractId: choosePrimaryContract(contracts, parts.primaryContractOrder),
    custom: customFieldsOn(udfRows, asOf),
    customLabels: customLabelsOn(udfRows, asOf),
  };
}

function reportUnknownEmployee(row: ContractRow, report: ReportFinding): void {
  report(finding('warning', 'unknown-employee', row.employeeId,
    `contract ${row.id} belongs to employee ${row.employeeId}, who is not in the employees export; the contract is ignored`));
}
