import type { Finding } from '../model/finding';
import { isIsoDate, type IsoDate } from '../model/iso-date';
import type { Contract, Person } from '../model/person';
import type { LifecyclePolicy, PrimaryContractCriterion } from '../model/policy';
import { aggregateEmployees } from '../visma/aggregate';
import type { VismaExport } from '../visma/datasets';
import { hasFamilyName, normaliseName } from '../visma/normalise-name';
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
  type EmployeeRow,
  type ReportFinding,
  type UdfRow,
} from '../visma/rows';
import { CONTRACT_DEDUPE, EMPLOYEE_DEDUPE, USER_DEDUPE, dedupeRows } from '../visma/rows-dedupe';
import { buildContractLookups, contractDateContext, evaluateContract } from './evaluate-contract';
import { choosePrimaryContract } from './primary-contract';
import { customFieldsOn, customLabelsOn } from './validity';

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
}

/** Output of {@link evaluateExport}: persons sorted by id, and every data problem met on the way. */
export interface EvaluateResult {
  readonly persons: readonly Person[];
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

  const employees = readEmployeeRows(dedupeRows(data.employees, EMPLOYEE_DEDUPE, report), report);
  const contractRows = readContractRows(dedupeRows(data.contracts, CONTRACT_DEDUPE, report), report);
  const users = readUserRows(dedupeRows(data.users, USER_DEDUPE, report));
  const orgUnits = readOrgUnitRows(data.organizationUnits, report);
  const costCenters = readCostCenterRows(data.costCenters);
  const employeeUdfs = readUdfRows(data.employeeUdfHistories, report);
  const contractUdfs = readUdfRows(data.contractUdfHistories, report);

  // A record without any family name is rejected before aggregation, so it cannot drag a real
  // person's records into a group; its contracts are then dropped without a second finding.
  const ignoredEmployeeIds = new Set<string>();
  const usable: EmployeeRow[] = [];
  for (const employee of employees) {
    if (hasFamilyName(employee)) {
      usable.push(employee);
    } else {
      normaliseName(employee, report);
      ignoredEmployeeIds.add(employee.employeeId);
    }
  }

  const groups = aggregateEmployees(usable, report);
  const personIdByEmployeeId = new Map<string, string>();
  for (const group of groups) for (const id of group.employeeIds) personIdByEmployeeId.set(id, group.personId);

  const lookups = buildContractLookups({ asOf, orgUnits, costCenters, users, contractUdfs, personIdByEmployeeId });
  const dateContext = contractDateContext(asOf, lifecycle, cutOffDays);

  const contractsByPerson = new Map<string, Contract[]>();
  for (const row of contractRows) {
    const personId = personIdByEmployeeId.get(row.employeeId);
    if (personId === undefined) {
      if (!ignoredEmployeeIds.has(row.employeeId)) reportUnknownEmployee(row, report);
      continue;
    }
    const contract = evaluateContract(row, personId, dateContext, lookups, report);
    if (!contract) continue;
    const list = contractsByPerson.get(personId);
    if (list) list.push(contract);
    else contractsByPerson.set(personId, [contract]);
  }

  const udfsByEmployee = new Map<string, UdfRow[]>();
  for (const udf of employeeUdfs) {
    const list = udfsByEmployee.get(udf.employeeId);
    if (list) list.push(udf);
    else udfsByEmployee.set(udf.employeeId, [udf]);
  }

  const persons: Person[] = [];
  for (const group of groups) {
    const current = group.current;
    const name = normaliseName(current, report);
    if (!name) continue;
    const contracts = (contractsByPerson.get(group.personId) ?? []).sort(byContractOrder);
    // History rows of every record count: a custom field set under the old employee id still
    // describes the same person. Rows are taken in employee-id order, so on equal start dates the
    // newest record's row wins.
    const udfRows: UdfRow[] = [];
    for (const id of group.employeeIds) udfRows.push(...(udfsByEmployee.get(id) ?? []));
    persons.push({
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
      primaryContractId: choosePrimaryContract(contracts, primaryContractOrder),
      custom: customFieldsOn(udfRows, asOf),
      customLabels: customLabelsOn(udfRows, asOf),
    });
  }
  persons.sort((a, b) => compareIds(a.id, b.id));
  return { persons, findings };
}

function reportUnknownEmployee(row: ContractRow, report: ReportFinding): void {
  report(finding('warning', 'unknown-employee', row.employeeId,
    `contract ${row.id} belongs to employee ${row.employeeId}, who is not in the employees export; the contract is ignored`));
}
