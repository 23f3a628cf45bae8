import { randomUUID } from 'node:crypto';
import type { NedapDuty, NedapEmployee, NedapRole, NedapUnit, NedapUser } from '../../engine/nedap-ons/wire';

/**
 * The simulator's tables (reference/targets.md 2.10): employees, users, whitelisted roles, teams,
 * locations, and per user the duties keyed by source plus my_teams and my_locations. Assigned
 * duties cannot be read over the API, as in Nedap; tests read them here.
 */

/** What a simulator starts with. */
export interface NedapSeed {
  readonly employees: readonly Omit<NedapEmployee, 'id'>[];
  readonly roles: readonly NedapRole[];
  readonly teams: readonly NedapUnit[];
  readonly locations: readonly NedapUnit[];
  readonly users?: readonly { readonly identificationNo: string; readonly userName: string }[];
}

/** A refusal with the status and message the real API gives. */
export class NedapRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A user as {@link NedapState.provision} makes it: its employment and what one source assigned. */
export interface ProvisionedUser {
  readonly identificationNo: string;
  readonly source: string;
  readonly roleUuids: readonly string[];
  readonly teams: readonly number[];
  readonly locations: readonly number[];
}

/** The stateful tables. */
export class NedapState {
  private nextEmployeeId = 1000;
  private nextUserId = 5000;
  readonly employees = new Map<number, NedapEmployee>();
  readonly users = new Map<number, NedapUser>();
  readonly roles: Map<string, NedapRole>;
  readonly teams: Map<number, NedapUnit>;
  readonly locations: Map<number, NedapUnit>;
  /** `${userUuid}|${source}` -> duties. */
  readonly duties = new Map<string, readonly NedapDuty[]>();
  readonly myTeams = new Map<string, readonly number[]>();
  readonly myLocations = new Map<string, readonly number[]>();

  constructor(seed: NedapSeed) {
    for (const employee of seed.employees) this.addEmployee(employee);
    this.roles = new Map(seed.roles.map((r) => [r.uuid, r]));
    this.teams = new Map(seed.teams.map((t) => [t.id, t]));
    this.locations = new Map(seed.locations.map((l) => [l.id, l]));
    for (const user of seed.users ?? []) {
      const employee = this.employeeByIdentificationNo(user.identificationNo);
      if (employee) this.createUser({ userName: user.userName, employeeObjectId: employee.id });
    }
  }

  addEmployee(employee: Omit<NedapEmployee, 'id'>): NedapEmployee {
    const made: NedapEmployee = { ...employee, id: this.nextEmployeeId++, uuid: employee.uuid ?? randomUUID() };
    this.employees.set(made.id, made);
    return made;
  }

  employeeByIdentificationNo(identificationNo: string): NedapEmployee | undefined {
    return [...this.employees.values()].find((e) => e.identificationNo === identificationNo);
  }

  userByEmployeeId(employeeId: number): NedapUser | undefined {
    return [...this.users.values()].find((u) => u.employeeObjectId === employeeId);
  }

  userByUuid(uuid: string): NedapUser | undefined {
    return [...this.users.values()].find((u) => u.uuid === uuid);
  }

  /** POST /users: refuses an unknown employee, a second user for one employee and a taken userName. */
  createUser(body: { readonly userName?: unknown; readonly employeeObjectId?: unknown }): NedapUser {
    const { userName, employeeObjectId } = body;
    if (typeof userName !== 'string' || userName === '') throw new NedapRefusal(400, 'Validation errors: userName is required', 'userName');
    if (typeof employeeObjectId !== 'number' || !this.employees.has(employeeObjectId)) {
      throw new NedapRefusal(400, 'Validation errors: employee not found', 'employeeObjectId');
    }
    if (this.userByEmployeeId(employeeObjectId)) throw new NedapRefusal(409, 'A user for this employee already exists', 'employeeObjectId');
    if ([...this.users.values()].some((u) => u.userName?.toLowerCase() === userName.toLowerCase())) {
      throw new NedapRefusal(409, 'Username already exists', 'userName');
    }
    const user: NedapUser = { id: this.nextUserId++, uuid: randomUUID(), userName, employeeObjectId };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * Users with their assignments, all at once, as an earlier apply would have left them (the bench's
   * "nothing to change" state): one pass, without the per-request checks' scans over every user.
   * Employments without an employee are left out. Returns the users by identificationNo.
   */
  provision(users: readonly ProvisionedUser[]): ReadonlyMap<string, NedapUser> {
    const employees = new Map([...this.employees.values()].map((e) => [e.identificationNo, e]));
    const made = new Map<string, NedapUser>();
    for (const wanted of users) {
      const employee = employees.get(wanted.identificationNo);
      if (!employee) continue;
      const user: NedapUser = { id: this.nextUserId++, uuid: randomUUID(), userName: wanted.identificationNo, employeeObjectId: employee.id };
      this.users.set(user.id, user);
      this.duties.set(`${user.uuid}|${wanted.source}`, wanted.roleUuids.map((roleUuid) => ({ roleUuid, myself: true, myTeams: true, myLocations: true })));
      this.myTeams.set(user.uuid, wanted.teams);
      this.myLocations.set(user.uuid, wanted.locations);
      made.set(wanted.identificationNo, user);
    }
    return made;
  }

  deleteUser(id: number): NedapUser {
    const user = this.users.get(id);
    if (!user) throw new NedapRefusal(404, 'User not found');
    this.users.delete(id);
    for (const key of [...this.duties.keys()]) if (key.startsWith(`${user.uuid}|`)) this.duties.delete(key);
    this.myTeams.delete(user.uuid);
    this.myLocations.delete(user.uuid);
    return user;
  }

  /** PUT …/duties: the complete set this source owns; every role must be whitelisted. */
  setDuties(userUuid: string, source: unknown, duties: unknown): void {
    this.requireUser(userUuid);
    if (typeof source !== 'string' || source === '') throw new NedapRefusal(400, 'Validation errors: source is required', 'source');
    if (!Array.isArray(duties)) throw new NedapRefusal(400, 'Validation errors: duties must be a list', 'duties');
    for (const duty of duties as NedapDuty[]) {
      if (!this.roles.has(duty.roleUuid)) throw new NedapRefusal(422, `Role ${String(duty.roleUuid)} is not available for provisioning`, 'roleUuid');
    }
    this.duties.set(`${userUuid}|${source}`, duties as NedapDuty[]);
  }

  setUnits(kind: 'teams' | 'locations', userUuid: string, ids: unknown): void {
    this.requireUser(userUuid);
    const known = kind === 'teams' ? this.teams : this.locations;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'number')) throw new NedapRefusal(400, `Validation errors: ${kind} ids must be numbers`);
    for (const id of ids as number[]) if (!known.has(id)) throw new NedapRefusal(422, `Unknown ${kind === 'teams' ? 'team' : 'location'} ${id}`);
    (kind === 'teams' ? this.myTeams : this.myLocations).set(userUuid, ids as number[]);
  }

  /** What a test wants to know of a user: role names by source, teams and locations. */
  assigned(userUuid: string, source: string): { readonly roles: readonly string[]; readonly teams: readonly number[]; readonly locations: readonly number[] } {
    const roles = (this.duties.get(`${userUuid}|${source}`) ?? []).map((d) => this.roles.get(d.roleUuid)?.name ?? d.roleUuid);
    return { roles: [...roles].sort(), teams: this.myTeams.get(userUuid) ?? [], locations: this.myLocations.get(userUuid) ?? [] };
  }

  private requireUser(uuid: string): NedapUser {
    const user = this.userByUuid(uuid);
    if (!user) throw new NedapRefusal(404, 'User not found');
    return user;
  }
}
