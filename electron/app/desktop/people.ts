import type { Contract, Person } from '../../engine/model/person';
import type { Finding } from '../../engine/model/finding';
import type { IsoDate } from '../../engine/model/iso-date';
import { daysBetween } from '../../engine/model/iso-date';
import { nameTokens } from '../../engine/policy/naming-convention';
import type { ActionDto, ContractDto, LeaverDto, PersonDto, PersonSummaryDto, RunDto } from '../../shared/dto';

/**
 * Persons, contracts and leavers for the Person and Leavers screens, from one evaluated import plus
 * the current plan and the history. Pure: the application API supplies the data.
 */

/** What the person views are built from. */
export interface PeopleData {
  readonly asOf: IsoDate;
  readonly persons: readonly Person[];
  readonly findings: readonly Finding[];
  readonly planned: readonly ActionDto[];
  readonly runs: readonly RunDto[];
}

/** The name a person goes by, per Dutch name usage. */
export function displayName(person: Person): string {
  // The default display name of the naming convention: roepnaam, then the family name(s) as the person uses them.
  const { values } = nameTokens(person.name, ' - ');
  return `${values.nickname} ${values.familyNameFull}`.replace(/\s+/g, ' ').trim();
}

function primaryContract(person: Person): Contract | null {
  return person.contracts.find((c) => c.id === person.primaryContractId) ?? person.contracts.at(-1) ?? null;
}

function personIndex(persons: readonly Person[]): ReadonlyMap<string, Person> {
  return new Map(persons.map((p) => [p.id, p]));
}

/** A person as one search hit. */
export function personSummary(person: Person): PersonSummaryDto {
  const primary = primaryContract(person);
  return {
    id: person.id,
    displayName: displayName(person),
    employeeIds: person.employeeIds,
    orgUnit: primary?.orgUnit?.name ?? null,
    function: primary?.function?.name ?? null,
  };
}

/** Persons whose name or employee id contains `query` (case-insensitive), at most `limit`. */
export function searchPersons(persons: readonly Person[], query: string, limit = 50): readonly PersonSummaryDto[] {
  const needle = query.trim().toLowerCase();
  const hits = persons
    .map(personSummary)
    .filter((p) => needle === '' || p.displayName.toLowerCase().includes(needle) || p.employeeIds.some((id) => id.includes(needle)));
  return hits.sort((a, b) => a.displayName.localeCompare(b.displayName)).slice(0, limit);
}

function contractDto(contract: Contract, person: Person, index: ReadonlyMap<string, Person>): ContractDto {
  const manager = contract.managerPersonId ? index.get(contract.managerPersonId) : undefined;
  return {
    id: contract.id,
    startDate: contract.startDate,
    endDate: contract.endDate,
    state: contract.state,
    inCondition: contract.inCondition,
    orgUnit: contract.orgUnit?.name ?? null,
    function: contract.function?.name ?? null,
    hoursPerWeek: contract.hoursPerWeek,
    manager: manager ? displayName(manager) : null,
    primary: contract.id === person.primaryContractId,
  };
}

function historyOf(personId: string, runs: readonly RunDto[]): PersonDto['history'] {
  return runs.flatMap((run) => run.actions.filter((a) => a.action.personId === personId).map((a) => ({ ...a, runId: run.runId })));
}

/** Everything the Person screen shows about one person; null when no such person was imported. */
export function personDetail(data: PeopleData, personId: string): PersonDto | null {
  const index = personIndex(data.persons);
  const person = index.get(personId);
  if (!person) return null;
  const planned = data.planned.filter((a) => a.personId === personId);
  const history = historyOf(personId, data.runs);
  const accounts = new Map<string, PersonDto['accounts'][number]>();
  for (const action of [...history.map((h) => h.action), ...planned]) {
    accounts.set(action.account.name, { ...action.account, target: action.target });
  }
  return {
    ...personSummary(person),
    birthDate: person.birthDate,
    businessEmail: person.businessEmail,
    contracts: person.contracts.map((c) => contractDto(c, person, index)),
    planned,
    history,
    accounts: [...accounts.values()],
    findings: data.findings.filter((f) => f.employeeId !== null && person.employeeIds.includes(f.employeeId)),
  };
}

/** The last day of a person's last contract; null while any contract is open-ended. */
export function lastDay(person: Person): IsoDate | null {
  if (person.contracts.length === 0 || person.contracts.some((c) => c.endDate === null)) return null;
  return person.contracts.map((c) => c.endDate as IsoDate).sort().at(-1) ?? null;
}

// Only what takes an account away belongs in the Leavers view.
const LEAVER_ACTIONS = new Set(['disable', 'move', 'delete', 'revoke']);

function leaverSteps(personId: string, data: PeopleData): LeaverDto['steps'] {
  const done = historyOf(personId, data.runs)
    .filter((h) => LEAVER_ACTIONS.has(h.action.action) && h.outcome !== null)
    .map((h) => ({ target: h.action.target, action: h.action.action, outcome: h.outcome ?? 'skipped', at: h.at }));
  const planned = data.planned
    .filter((a) => a.personId === personId && LEAVER_ACTIONS.has(a.action))
    .map((a) => ({ target: a.target, action: a.action, outcome: 'planned' as const, at: null }));
  return [...done, ...planned];
}

/**
 * Leavers within `windowDays` of `asOf`: upcoming (last day today or later) and processed (last day
 * passed), nearest first.
 */
export function leavers(data: PeopleData, acknowledged: ReadonlySet<string>, windowDays = 30): { upcoming: LeaverDto[]; processed: LeaverDto[] } {
  const index = personIndex(data.persons);
  const upcoming: LeaverDto[] = [];
  const processed: LeaverDto[] = [];
  for (const person of data.persons) {
    const day = lastDay(person);
    if (day === null) continue;
    const offset = daysBetween(data.asOf, day);
    if (Math.abs(offset) > windowDays) continue;
    const primary = primaryContract(person);
    const manager = primary?.managerPersonId ? index.get(primary.managerPersonId) : undefined;
    const leaver: LeaverDto = {
      personId: person.id,
      displayName: displayName(person),
      orgUnit: primary?.orgUnit?.name ?? null,
      manager: manager ? displayName(manager) : null,
      lastDay: day,
      daysFromToday: offset,
      steps: leaverSteps(person.id, data),
      acknowledged: acknowledged.has(person.id),
    };
    (offset >= 0 ? upcoming : processed).push(leaver);
  }
  upcoming.sort((a, b) => a.daysFromToday - b.daysFromToday);
  processed.sort((a, b) => b.daysFromToday - a.daysFromToday);
  return { upcoming, processed };
}
