/**
 * The workforce behind a generated data set: employee records with their contract lines, the
 * organisation tree with a leader per unit, cost centres and users. Rendering it as export rows
 * is the job of rows.ts; keeping the model apart keeps both readable.
 */

import {
  CARE_FUNCTIONS, CONTRACT_TYPES, END_REASONS, MANAGER_FUNCTIONS, ORGANISATIONS, STAFF_FUNCTIONS, WEEK_HOURS,
  type ContractType, type JobFunction,
} from './names';
import { organisationTree, unitNameOn, type UnitDefinition } from './org-structure';
import { businessLocalPart, createHuman, type Human } from './people';
import type { Random } from './prng';

/** Where an employee record stands on the as-of date; decides its contract dates. */
export type RecordStatus = 'active' | 'future' | 'leaverRecent' | 'leaverSoon' | 'leaverOld' | 'rehireOld';

/** An employing company (one tenant may have two: the foundation and a home-care B.V.). */
export interface Company {
  readonly id: string;
  readonly name: string;
}

/** One contract line: (contractid, subcontractid) of an employee record. */
export interface ContractLine {
  readonly contractid: string;
  readonly subcontractid: string;
  readonly start: number;
  readonly end: number | undefined;
  readonly unit: UnitDefinition;
  readonly jobFunction: JobFunction;
  readonly type: ContractType;
  readonly hours: string;
  readonly endReason: (typeof END_REASONS)[number] | undefined;
  readonly costCenterName: string;
}

/** One employee id with its human and contract lines; company, e-mail and user are filled in last. */
export interface EmployeeRecord {
  readonly id: string;
  readonly human: Human;
  readonly status: RecordStatus;
  readonly isManager: boolean;
  readonly lines: ContractLine[];
  readonly company: Company;
  /** Business e-mail address ('' when none); set once every record exists. */
  email: string;
  /** Visma user id ('' when none); set once every record exists. */
  userId: string;
}

/** A cost centre: code in the metadata export, name on contracts (reference 3.5). */
export interface CostCenter {
  readonly code: string;
  readonly name: string;
}

const FIRST_EMPLOYEE_ID = 100000;
/** Share of employee records that are a second, concurrent record of a human who already has one. */
const SECOND_RECORD_SHARE = 0.03;
/** Share of employee records that are a rehire: a new record for a human whose old record ended. */
const REHIRE_SHARE = 0.01;
const EXTRA_COST_CENTERS: readonly CostCenter[] = [
  { code: 'CC900', name: 'Projecten' },
  { code: 'CC910', name: 'Innovatiefonds' },
];
const SYSTEM_USERS: readonly string[] = ['functioneel.beheer', 'hr.systeem', 'extern.advies'];

/** Everything the rows are rendered from. */
export interface Workforce {
  readonly organisation: (typeof ORGANISATIONS)[number];
  /** Tenant id the data platform puts on every row. */
  readonly odporgid: string;
  readonly units: readonly UnitDefinition[];
  readonly unitById: ReadonlyMap<string, UnitDefinition>;
  /** Cost centre of each unit (by unit id), then the extra project cost centres. */
  readonly costCenters: readonly CostCenter[];
  readonly costCenterOfUnit: ReadonlyMap<string, CostCenter>;
  /** Employee records in employee-id order. */
  readonly records: readonly EmployeeRecord[];
  /** Leader of each unit (by unit id). */
  readonly managerOf: ReadonlyMap<string, EmployeeRecord>;
  /** Users without an employee (functional and external accounts), as userid/e-mail pairs. */
  readonly systemUsers: ReadonlyArray<{ readonly userid: string; readonly emailaddress: string }>;
}

/** Builds the workforce of `employeeCount` employee records around the day number `asOf`. */
export function buildWorkforce(random: Random, asOf: number, employeeCount: number): Workforce {
  const total = Math.max(1, Math.floor(employeeCount));
  const organisation = random.pick(ORGANISATIONS);
  const odporgid = String(random.int(10000, 99999));
  const units = organisationTree(organisation.name);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const companies = createCompanies(random, organisation);
  const companyOf = (unit: UnitDefinition): Company =>
    companies.length > 1 && /^(Thuiszorg|Wijkverpleging)/.test(unit.name) ? companies[1] as Company : companies[0] as Company;
  const costCenters = new Map(units.map((unit, index) => [unit.id, costCenterOf(unit, index)]));
  const workplaces = units.filter((unit) => unit.weight > 0);

  const ids = idAllocator(random);
  const emails = emailAllocator(organisation.domain);
  const secondCount = Math.floor(total * SECOND_RECORD_SHARE);
  const rehireCount = Math.floor(total * REHIRE_SHARE);
  const primaryCount = total - secondCount - rehireCount;

  // Managers first: every unit is led by someone, and the first records are those leaders.
  const managedUnits = units.filter((unit) => unit.closedOffset === undefined);
  const managerCount = Math.min(managedUnits.length, primaryCount);
  const managerOf = new Map<string, EmployeeRecord>();
  const records: EmployeeRecord[] = [];
  const rehireIndexes = pickIndexes(random, managerCount, primaryCount, rehireCount);
  for (let index = 0; index < primaryCount; index++) {
    const leader = index < managerCount;
    // Leaders are grown-ups with some years of service behind them.
    const human = createHuman(random, asOf, leader ? 30 : 17);
    if (leader) {
      const unit = managedUnits[index] as UnitDefinition;
      const record = createRecord(ids.next(), human, 'active', true, companyOf(unit));
      record.lines.push(managerLine(random, human, asOf, unit, costCenters));
      records.push(record);
      managerOf.set(unit.id, record);
      continue;
    }
    const status: RecordStatus = rehireIndexes.has(index) ? 'rehireOld' : drawStatus(random);
    const unit = random.weighted(workplaces, (candidate) => candidate.weight);
    const record = createRecord(ids.next(), human, status, false, companyOf(unit));
    addContractLines(random, record, asOf, unit, workplaces, costCenters);
    records.push(record);
  }
  // Units without a leader of their own (small data sets, the closed unit) borrow one.
  units.forEach((unit, index) => {
    if (!managerOf.has(unit.id) && records.length > 0) {
      managerOf.set(unit.id, managerOf.get(unit.parentId) ?? records[index % Math.max(1, managerCount)] as EmployeeRecord);
    }
  });

  // Second records: a concurrent job for someone already employed, under a new, higher employee id.
  const secondCandidates = records.filter((record) => !record.isManager && (record.status === 'active' || record.status === 'leaverSoon'));
  for (const first of pickItems(random, secondCandidates, secondCount)) {
    const unit = random.weighted(workplaces, (candidate) => candidate.weight);
    const record = createRecord(ids.next(), first.human, random.chance(0.1) ? 'future' : 'active', false, companyOf(unit));
    addSecondRecordLine(random, record, first, asOf, unit, costCenters);
    records.push(record);
  }
  // Rehires: the old record's contract ended long ago; the new record gets its own contract.
  for (const index of rehireIndexes) {
    const old = records[index] as EmployeeRecord;
    const unit = random.weighted(workplaces, (candidate) => candidate.weight);
    const record = createRecord(ids.next(), old.human, random.chance(0.15) ? 'future' : 'active', false, companyOf(unit));
    addContractLines(random, record, asOf, unit, workplaces, costCenters, lastEnd(old));
    records.push(record);
  }
  // Tiny data sets have too few candidates for second records: new people make up the number.
  while (records.length < total) {
    const unit = random.weighted(workplaces, (candidate) => candidate.weight);
    const record = createRecord(ids.next(), createHuman(random, asOf), 'active', false, companyOf(unit));
    addContractLines(random, record, asOf, unit, workplaces, costCenters);
    records.push(record);
  }

  assignEmails(random, records, emails);
  const systemUsers = assignUsers(random, records, organisation.domain);

  return {
    organisation, odporgid, units, unitById, costCenterOfUnit: costCenters,
    costCenters: [...costCenters.values(), ...EXTRA_COST_CENTERS], records, managerOf, systemUsers,
  };
}

function createCompanies(random: Random, organisation: (typeof ORGANISATIONS)[number]): readonly Company[] {
  const main = { id: '1001', name: organisation.name };
  return random.chance(0.5) ? [main, { id: '1002', name: `${organisation.short} Thuiszorg B.V.` }] : [main];
}

function costCenterOf(unit: UnitDefinition, index: number): CostCenter {
  const code = `CC${100 + index * 10}`;
  // Named after the unit as it is called now, so a renamed unit's cost centre keeps one name.
  const name = unit.kind === 'staff' ? `Afdeling ${unitNameOn(unit, 0)}` : unitNameOn(unit, 0);
  return { code, name };
}

function idAllocator(random: Random): { next(): string } {
  let id = FIRST_EMPLOYEE_ID;
  return {
    next: () => {
      const current = id;
      // Real id ranges have gaps (records deleted, other companies); clients must not assume a sequence.
      id += random.chance(0.1) ? random.int(2, 5) : 1;
      return String(current);
    },
  };
}

function createRecord(id: string, human: Human, status: RecordStatus, isManager: boolean, company: Company): EmployeeRecord {
  return { id, human, status, isManager, company, lines: [], email: '', userId: '' };
}

function drawStatus(random: Random): RecordStatus {
  const r = random.next();
  if (r < 0.015) return 'future';
  if (r < 0.045) return 'leaverRecent';
  if (r < 0.05) return 'leaverSoon';
  if (r < 0.07) return 'leaverOld';
  return 'active';
}

/** `count` distinct indexes in [from, to), in ascending order. */
function pickIndexes(random: Random, from: number, to: number, count: number): ReadonlySet<number> {
  const available = Math.max(0, to - from);
  const wanted = Math.min(count, available);
  const picked = new Set<number>();
  while (picked.size < wanted) picked.add(random.int(from, to - 1));
  return new Set([...picked].sort((a, b) => a - b));
}

function pickItems<T>(random: Random, items: readonly T[], count: number): readonly T[] {
  const indexes = pickIndexes(random, 0, items.length, count);
  return [...indexes].map((index) => items[index] as T);
}

function earliestStart(human: Human): number {
  return human.dateOfBirth + Math.ceil(16.5 * 365.25);
}

/** A start day in the past, skewed towards recent years, never before the person turned 16. */
function pastStart(random: Random, human: Human, asOf: number, notBefore?: number): number {
  const earliest = Math.max(earliestStart(human), notBefore ?? -Infinity);
  const start = asOf - 1 - Math.floor(random.next() ** 2 * 7300);
  return Math.min(asOf - 1, Math.max(start, earliest));
}

function managerLine(
  random: Random, human: Human, asOf: number, unit: UnitDefinition, costCenters: ReadonlyMap<string, CostCenter>,
): ContractLine {
  const jobFunction = unit.kind === 'root' ? MANAGER_FUNCTIONS.board
    : unit.kind === 'region' ? MANAGER_FUNCTIONS.region
      : unit.kind === 'team' ? MANAGER_FUNCTIONS.team : MANAGER_FUNCTIONS.staff;
  const start = Math.min(asOf - 365, Math.max(earliestStart(human), asOf - random.int(700, 7000)));
  return {
    contractid: '1', subcontractid: '1', start, end: undefined, unit, jobFunction, type: CONTRACT_TYPES.permanent,
    hours: random.pick(['32', '36', '36']), endReason: undefined, costCenterName: (costCenters.get(unit.id) as CostCenter).name,
  };
}

function functionFor(random: Random, unit: UnitDefinition): JobFunction {
  if (unit.kind === 'staff') return random.pick(STAFF_FUNCTIONS[unit.staffKey ?? ''] ?? STAFF_FUNCTIONS['ICT'] ?? []);
  if (unit.kind === 'region') return CARE_FUNCTIONS.find((fn) => fn.name === 'Planner') ?? MANAGER_FUNCTIONS.team;
  return random.weighted(CARE_FUNCTIONS, (fn) => fn.weight);
}

function costCenterNameFor(random: Random, unit: UnitDefinition, costCenters: ReadonlyMap<string, CostCenter>): string {
  // A few contracts are booked on a project cost centre rather than their unit's.
  if (random.chance(0.04)) return random.pick(EXTRA_COST_CENTERS).name;
  return (costCenters.get(unit.id) as CostCenter).name;
}

/**
 * The contract lines of an ordinary record: the current contract, sometimes preceded by an ended
 * fixed-term contract (contractid 1, the current one then being 2), sometimes with a second line
 * (subcontractid 2) in the same or another unit.
 */
function addContractLines(
  random: Random, record: EmployeeRecord, asOf: number, unit: UnitDefinition, workplaces: readonly UnitDefinition[],
  costCenters: ReadonlyMap<string, CostCenter>, notBefore?: number,
): void {
  const { human, status } = record;
  let start: number;
  let end: number | undefined;
  let type: ContractType = CONTRACT_TYPES.permanent;
  let endReason: (typeof END_REASONS)[number] | undefined;
  switch (status) {
    case 'future':
      start = asOf + random.int(1, 30);
      end = random.chance(0.3) ? start + 364 : undefined;
      if (end !== undefined) type = CONTRACT_TYPES.fixedTerm;
      break;
    case 'active':
      start = pastStart(random, human, asOf, notBefore);
      if (random.chance(0.01)) {
        type = CONTRACT_TYPES.intern;
        start = Math.max(start, asOf - random.int(0, 100));
        end = start + 150;
      } else if (random.chance(0.1)) {
        type = CONTRACT_TYPES.fixedTerm;
        end = asOf + random.int(20, 365);
      } else if (random.chance(0.05)) {
        type = CONTRACT_TYPES.onCall;
      }
      break;
    case 'leaverRecent':
    case 'leaverSoon':
    case 'leaverOld':
    case 'rehireOld': {
      end = status === 'leaverRecent' ? asOf - random.int(0, 60)
        : status === 'leaverSoon' ? asOf + random.int(1, 14)
          : status === 'leaverOld' ? asOf - random.int(61, 1500)
            : asOf - random.int(200, 2500);
      start = Math.min(pastStart(random, human, asOf), end - random.int(30, 1500));
      start = Math.max(start, earliestStart(human));
      if (start >= end) start = end - 30;
      if (random.chance(0.4)) {
        type = CONTRACT_TYPES.fixedTerm;
        endReason = END_REASONS[1];
      } else {
        endReason = random.pick([END_REASONS[0], END_REASONS[0], END_REASONS[2], END_REASONS[3]]);
      }
      break;
    }
  }
  let contractid = 1;
  // An ended fixed-term contract before the current one, as most Dutch employment starts.
  if (status !== 'future' && random.chance(0.05) && start - 400 > earliestStart(human)) {
    record.lines.push({
      contractid: '1', subcontractid: '1', start: start - random.int(180, 730), end: start - 1, unit,
      jobFunction: functionFor(random, unit), type: CONTRACT_TYPES.fixedTerm, hours: random.pick(WEEK_HOURS),
      endReason: END_REASONS[1], costCenterName: costCenterNameFor(random, unit, costCenters),
    });
    contractid = 2;
  }
  const jobFunction = functionFor(random, unit);
  record.lines.push({
    contractid: String(contractid), subcontractid: '1', start, end, unit, jobFunction, type,
    hours: type === CONTRACT_TYPES.onCall ? '0' : random.pick(WEEK_HOURS), endReason,
    costCenterName: costCenterNameFor(random, unit, costCenters),
  });
  if (random.chance(0.13)) {
    const otherUnit = random.chance(0.5) ? unit : random.weighted(workplaces, (candidate) => candidate.weight);
    const horizon = Math.min(end ?? asOf, asOf);
    const lineStart = start + (start < horizon ? random.int(0, Math.min(1500, horizon - start)) : 0);
    // Some extra lines (extra hours for a while) ended before the main line did.
    const endsEarly = end === undefined && lineStart < asOf - 30 && random.chance(0.2);
    record.lines.push({
      contractid: String(contractid), subcontractid: '2', start: lineStart,
      end: endsEarly ? lineStart + random.int(10, asOf - lineStart) : end,
      unit: otherUnit, jobFunction: otherUnit === unit ? jobFunction : functionFor(random, otherUnit), type,
      hours: random.pick(['4', '8', '12', '16']), endReason: endsEarly ? END_REASONS[3] : endReason,
      costCenterName: costCenterNameFor(random, otherUnit, costCenters),
    });
  }
}

function addSecondRecordLine(
  random: Random, record: EmployeeRecord, first: EmployeeRecord, asOf: number, unit: UnitDefinition,
  costCenters: ReadonlyMap<string, CostCenter>,
): void {
  const firstStart = Math.min(...first.lines.map((line) => line.start));
  const start = record.status === 'future' ? asOf + random.int(1, 30) : Math.max(firstStart, asOf - random.int(1, 1100));
  const type = random.chance(0.5) ? CONTRACT_TYPES.onCall : random.chance(0.5) ? CONTRACT_TYPES.fixedTerm : CONTRACT_TYPES.permanent;
  const end = type === CONTRACT_TYPES.fixedTerm ? Math.max(start, asOf) + random.int(30, 300) : undefined;
  record.lines.push({
    contractid: '1', subcontractid: '1', start, end, unit, jobFunction: functionFor(random, unit), type,
    hours: type === CONTRACT_TYPES.onCall ? '0' : random.pick(['8', '12', '16']), endReason: undefined,
    costCenterName: costCenterNameFor(random, unit, costCenters),
  });
}

function lastEnd(record: EmployeeRecord): number {
  return Math.max(...record.lines.map((line) => line.end ?? Infinity)) + 1;
}

function emailAllocator(domain: string): (localPart: string) => string {
  const taken = new Map<string, number>();
  return (localPart) => {
    const count = (taken.get(localPart) ?? 0) + 1;
    taken.set(localPart, count);
    return `${count === 1 ? localPart : `${localPart}${count}`}@${domain}`;
  };
}

function assignEmails(random: Random, records: readonly EmployeeRecord[], allocate: (localPart: string) => string): void {
  // One mailbox per human: a second record or a rehire shares the address of the first record.
  const byHuman = new Map<Human, string>();
  for (const record of records) {
    const known = byHuman.get(record.human);
    if (known !== undefined) {
      record.email = known;
      continue;
    }
    // Mailboxes are made some days before the start: many future hires have none yet.
    const withoutMail = record.status === 'future' ? random.chance(0.5) : random.chance(0.02);
    const email = allocate(businessLocalPart(record.human));
    byHuman.set(record.human, email);
    record.email = withoutMail ? '' : email;
  }
  for (const record of records) {
    // The old record of a rehire often lost its address when it ended.
    if (record.status === 'rehireOld' && random.chance(0.5)) record.email = '';
  }
}

/** Gives managers and some others a Visma user id; returns the users that belong to no employee. */
function assignUsers(
  random: Random, records: readonly EmployeeRecord[], domain: string,
): ReadonlyArray<{ readonly userid: string; readonly emailaddress: string }> {
  let next = random.int(10, 99);
  const userId = (): string => {
    const id = `U${String(next).padStart(5, '0')}`;
    next += random.int(1, 4);
    return id;
  };
  const withUser = new Set<Human>();
  for (const record of records) {
    const eligible = record.isManager
      || (record.email !== '' && (record.status === 'active' || record.status === 'leaverSoon') && random.chance(0.2));
    // One login per human, linked to the record it was made for.
    if (!eligible || withUser.has(record.human)) continue;
    record.userId = userId();
    withUser.add(record.human);
  }
  return SYSTEM_USERS.map((name) => ({ userid: userId(), emailaddress: `${name}@${domain}` }));
}
