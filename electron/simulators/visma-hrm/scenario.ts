import type { CsvRow, DatasetName } from '../../engine/visma/datasets';

/**
 * Hand-made HR data for stories: a few named people with their contracts, turned into the seven
 * export datasets the simulator serves. Tests and the demo use it where the seeded generator's
 * random population would hide the case being shown.
 */

/** Visma `nameusage` values (reference 3.1). */
export type NameUsage = 'Eigen' | 'Partner' | 'Eig./Part.' | 'Part./eig.';

/** One contract line of a scenario person. */
export interface ScenarioContract {
  readonly contractId?: string;
  readonly subContractId?: string;
  readonly start: string;
  readonly end?: string;
  readonly orgUnit: string;
  readonly functionId?: string;
  readonly functionName?: string;
  readonly hours?: number;
  readonly costCenterName?: string;
  /** Visma user id of the manager (resolved through the users export). */
  readonly managerUserId?: string;
}

/** One employee record (one Visma employee id) of a scenario. */
export interface ScenarioEmployee {
  readonly employeeId: string;
  readonly initials: string;
  readonly firstName: string;
  readonly nickname?: string;
  readonly birthName: string;
  readonly birthNamePrefix?: string;
  readonly partnerName?: string;
  readonly partnerNamePrefix?: string;
  readonly nameUsage?: NameUsage;
  readonly birthDate: string;
  readonly gender: 'M' | 'V';
  /** Visma user id, when this employee has a Visma login (managers need one). */
  readonly userId?: string;
  readonly contracts: readonly ScenarioContract[];
}

/** An org unit with one or more history rows. */
export interface ScenarioOrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId?: string;
  readonly start?: string;
  readonly end?: string;
}

/** Build every dataset for the given employees and org units. */
export function scenarioData(input: {
  readonly employees: readonly ScenarioEmployee[];
  readonly orgUnits: readonly ScenarioOrgUnit[];
  readonly companyName?: string;
}): Record<DatasetName, CsvRow[]> {
  const company = input.companyName ?? 'Zorggroep Voorbeeld';
  const orgNames = new Map(input.orgUnits.map((unit) => [unit.id, unit.name]));
  const employees: CsvRow[] = input.employees.map((e) => ({
    employeeid: e.employeeId,
    initials: e.initials,
    firstname: e.firstName,
    nickname: e.nickname ?? e.firstName,
    birthname: e.birthName,
    prefixbirthname: e.birthNamePrefix ?? '',
    partnername: e.partnerName ?? '',
    prefixpartnername: e.partnerNamePrefix ?? '',
    nameusage: e.nameUsage ?? 'Eigen',
    formattedname: `${e.birthName}, ${e.initials} ${e.birthNamePrefix ?? ''}`.trim(),
    dateofbirth: e.birthDate,
    gender: e.gender,
    companyid: '1001',
    companyname: company,
    businessemailaddress: '',
    existencestartutc: '2020-01-01T00:00:00Z',
  }));
  const contracts: CsvRow[] = input.employees.flatMap((e) =>
    e.contracts.map((c, i) => ({
      employeeid: e.employeeId,
      contractid: c.contractId ?? String(i + 1),
      subcontractid: c.subContractId ?? '1',
      startdate: c.start,
      enddate: c.end ?? '',
      type: c.end ? 'Bepaalde tijd' : 'Onbepaalde tijd',
      costcenter: c.costCenterName ?? '',
      orgunit: c.orgUnit,
      orgunitname: orgNames.get(c.orgUnit) ?? '',
      functionid: c.functionId ?? 'F100',
      functionname: c.functionName ?? 'Medewerker',
      weekhoursfixed: String(c.hours ?? 36),
      manageruserid: c.managerUserId ?? '',
      managername: '',
      existencestartutc: '2020-01-01T00:00:00Z',
    })),
  );
  const users: CsvRow[] = input.employees
    .filter((e) => e.userId !== undefined)
    .map((e) => ({ userid: e.userId ?? '', emailaddress: '', employeeid: e.employeeId }));
  const organizationUnits: CsvRow[] = input.orgUnits.map((unit) => ({
    orgunitid: unit.id,
    orgname: unit.name,
    orgunitparentid: unit.parentId ?? '',
    manageruserid: '',
    startdate: unit.start ?? '',
    enddate: unit.end ?? '',
  }));
  const costCenterNames = [...new Set(input.employees.flatMap((e) => e.contracts.map((c) => c.costCenterName ?? '')).filter(Boolean))];
  const costCenters: CsvRow[] = costCenterNames.map((name, i) => ({ costcenter: `CC${100 + i}`, costcentername: name }));
  return {
    employees,
    employeeUdfHistories: [],
    contracts,
    contractUdfHistories: [],
    costCenters,
    users,
    organizationUnits,
  };
}
