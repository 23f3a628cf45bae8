import type { Finding } from '../model/finding';
import { addDays, type IsoDate } from '../model/iso-date';
import type { CodeName, Contract } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import {
  contractKey,
  finding,
  type ContractRow,
  type CostCenterRow,
  type OrgUnitRow,
  type ReportFinding,
  type UdfRow,
  type UserRow,
} from '../visma/rows';
import { conditionWindow, contractStateOn, customFieldsOn, customLabelsOn, isInCondition, validRowOn, type ConditionWindow } from './validity';

/**
 * The reference data contracts are resolved against, indexed for constant-time lookups and
 * resolved for one evaluation date. The code/name objects are shared between contracts: they are
 * readonly, and 35,000 contracts in a few hundred units need only a few hundred of them.
 */
export interface ContractLookups {
  /** Org unit id to its code and name on the date; null for a unit known to the export but not valid then. */
  readonly orgUnitsOnDate: ReadonlyMap<string, CodeName | null>;
  /** Cost centres by lower-case name (contracts name their cost centre), as code and name. */
  readonly costCentersByName: ReadonlyMap<string, CodeName>;
  /** Cost centres by code, for exports that put the code on the contract instead. */
  readonly costCentersByCode: ReadonlyMap<string, CodeName>;
  readonly usersById: ReadonlyMap<string, UserRow>;
  /** Every employee id of every produced person, to its person id. */
  readonly personIdByEmployeeId: ReadonlyMap<string, string>;
  /** Contract UDF history rows by `employeeid_contractid_subcontractid`. */
  readonly contractUdfs: ReadonlyMap<string, readonly UdfRow[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Indexes the reference exports for `asOf`. On a repeated cost-centre name or code, or user id, the first row wins. */
export function buildContractLookups(input: {
  readonly asOf: IsoDate;
  readonly orgUnits: readonly OrgUnitRow[];
  readonly costCenters: readonly CostCenterRow[];
  readonly users: readonly UserRow[];
  readonly contractUdfs: readonly UdfRow[];
  readonly personIdByEmployeeId: ReadonlyMap<string, string>;
}): ContractLookups {
  const orgUnitsOnDate = new Map<string, CodeName | null>();
  for (const [id, history] of groupBy(input.orgUnits, (row) => row.orgUnitId)) {
    const valid = validRowOn(history, input.asOf);
    orgUnitsOnDate.set(id, valid ? { id, name: valid.name } : null);
  }
  const costCentersByName = new Map<string, CodeName>();
  const costCentersByCode = new Map<string, CodeName>();
  for (const cc of input.costCenters) {
    const entry: CodeName = { id: cc.code, name: cc.name };
    const name = cc.name.toLowerCase();
    if (name !== '' && !costCentersByName.has(name)) costCentersByName.set(name, entry);
    if (cc.code !== '' && !costCentersByCode.has(cc.code)) costCentersByCode.set(cc.code, entry);
  }
  const usersById = new Map<string, UserRow>();
  for (const user of input.users) if (!usersById.has(user.userId)) usersById.set(user.userId, user);
  return {
    orgUnitsOnDate,
    costCentersByName,
    costCentersByCode,
    usersById,
    personIdByEmployeeId: input.personIdByEmployeeId,
    contractUdfs: groupBy(input.contractUdfs, (row) => contractKey(row.employeeId, row.contractId, row.subcontractId)),
  };
}

/** Everything about the evaluation date that contracts are judged by, computed once per run. */
export interface ContractDateContext {
  readonly asOf: IsoDate;
  readonly window: ConditionWindow;
  /** Contracts that ended before this date are out of scope. */
  readonly cutOffDate: IsoDate;
}

/** Builds the {@link ContractDateContext} for one evaluation. */
export function contractDateContext(asOf: IsoDate, lifecycle: LifecyclePolicy, cutOffDays: number): ContractDateContext {
  return { asOf, window: conditionWindow(asOf, lifecycle), cutOffDate: addDays(asOf, -cutOffDays) };
}

function codeName(id: string, name: string): CodeName | null {
  return id === '' && name === '' ? null : { id, name };
}

function resolveOrgUnit(row: ContractRow, lookups: ContractLookups, report: ReportFinding): CodeName | null {
  if (row.orgUnitId === '') return codeName('', row.orgUnitName);
  const onDate = lookups.orgUnitsOnDate.get(row.orgUnitId);
  if (onDate === undefined) {
    report(finding('warning', 'unknown-org-unit', row.employeeId,
      `contract ${row.id} is in organisation unit ${row.orgUnitId} ('${row.orgUnitName}'), which is not in the ` +
      "organisation-units export; the contract's own unit name is used"));
    return { id: row.orgUnitId, name: row.orgUnitName };
  }
  // A unit without a row valid on the date (closed, or not yet opened) keeps the name the contract carries.
  return onDate ?? { id: row.orgUnitId, name: row.orgUnitName };
}

function resolveCostCenter(row: ContractRow, lookups: ContractLookups, report: ReportFinding): CodeName | null {
  if (row.costCenterName === '') return null;
  const known = lookups.costCentersByName.get(row.costCenterName.toLowerCase())
    ?? lookups.costCentersByCode.get(row.costCenterName);
  if (known) return known;
  report(finding('info', 'unknown-cost-center', row.employeeId,
    `contract ${row.id} has cost centre '${row.costCenterName}', which is not in the cost-centres export; it has no code`));
  return { id: '', name: row.costCenterName };
}

function managerMissing(row: ContractRow, detail: string): Finding {
  return finding('warning', 'manager-not-found', row.employeeId,
    `contract ${row.id} names manager user ${row.managerUserId}, ${detail}; the contract gets no manager`);
}

function resolveManager(row: ContractRow, personId: string, lookups: ContractLookups, report: ReportFinding): string | null {
  const userId = row.managerUserId;
  if (userId === '') return null;
  const user = lookups.usersById.get(userId);
  if (!user) {
    report(managerMissing(row, 'which is not in the users export'));
    return null;
  }
  if (user.employeeId === '') {
    report(managerMissing(row, 'which has no employee id in the users export'));
    return null;
  }
  const managerPersonId = lookups.personIdByEmployeeId.get(user.employeeId);
  if (managerPersonId === undefined) {
    report(managerMissing(row, `whose employee ${user.employeeId} is not in the employees export or was ignored`));
    return null;
  }
  if (managerPersonId === personId) {
    report(finding('info', 'manager-not-found', row.employeeId,
      `contract ${row.id} names manager user ${userId}, who is the employee themself (person ${personId}); ` +
      'a person is never their own manager, so the contract gets no manager'));
    return null;
  }
  return managerPersonId;
}

/**
 * Resolves one contract row on the evaluation date. Returns null for a contract that ended more
 * than the cut-off days ago (no finding: that is the normal fate of old contracts). A contract
 * that ends before it starts never gets here: the reader holds its person.
 */
export function evaluateContract(
  row: ContractRow,
  personId: string,
  ctx: ContractDateContext,
  lookups: ContractLookups,
  report: ReportFinding,
): Contract | null {
  if (row.endDate !== null && row.endDate < ctx.cutOffDate) return null;

  const udfs = lookups.contractUdfs.get(row.id);
  return {
    id: row.id,
    employeeId: row.employeeId,
    startDate: row.startDate,
    endDate: row.endDate,
    state: contractStateOn(row.startDate, row.endDate, ctx.asOf),
    inCondition: isInCondition(row.startDate, row.endDate, ctx.window),
    orgUnit: resolveOrgUnit(row, lookups, report),
    function: codeName(row.functionId, row.functionName),
    costCenter: resolveCostCenter(row, lookups, report),
    employmentType: row.type,
    hoursPerWeek: row.hoursPerWeek,
    managerPersonId: resolveManager(row, personId, lookups, report),
    custom: udfs ? customFieldsOn(udfs, ctx.asOf) : {},
    customLabels: udfs ? customLabelsOn(udfs, ctx.asOf) : {},
  };
}
