import type { Finding } from '../model/finding';
import type { IsoDate } from '../model/iso-date';
import type { Person } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import { ACTION_KINDS, type NedapAction, type NedapUserRef } from '../model/plan';
import type { Rule } from '../policy/rules';
import type { NedapRecord, NedapRecords } from '../nedap-ons/ledger-view';
import { desiredEmployments, type DesiredEmployment, type Granted } from '../nedap-ons/desired';
import type { NedapSettings } from '../nedap-ons/settings';
import type { NedapEmployee, NedapRole, NedapUnit, NedapUser } from '../nedap-ons/wire';
import { employmentOfAny } from './nedap-held';

/**
 * Plans the Nedap Ons changes for every employment: a user per employment in condition (correlated
 * by employee before anything is created), the complete sets of duties, teams and locations this
 * app owns (written only when they differ from what it recorded), empty sets for leavers, and a
 * delete after `deleteDaysAfterEnd` when `deleteUsers` is on. Pure: all reads come in as input.
 */

/** What was read from Nedap Ons for a preview. */
export interface NedapRead {
  readonly employees: readonly NedapEmployee[];
  readonly users: readonly NedapUser[];
  readonly roles: readonly NedapRole[];
  readonly teams: readonly NedapUnit[];
  readonly locations: readonly NedapUnit[];
}

/** Everything {@link planNedap} needs. */
export interface PlanNedapInput {
  readonly persons: readonly Person[];
  /**
   * Employee ids of persons held for doubtful HR data (they are not in `persons`): what the app
   * recorded for their employments is never revoked on their absence.
   */
  readonly heldEmployeeIds?: ReadonlySet<string>;
  /** False when the export is not known to be complete: absence is then no evidence for a revoke. */
  readonly sourceComplete?: boolean;
  readonly asOf: IsoDate;
  readonly lifecycle: LifecyclePolicy;
  readonly rules: readonly Rule[];
  readonly settings: NedapSettings;
  readonly read: NedapRead;
  readonly records: NedapRecords;
  /** Number of the first action (after the AD actions of the same plan). */
  readonly firstNumber?: number;
}

type SetKind = 'set-duties' | 'set-teams' | 'set-locations';
type SetField = 'duties' | 'teams' | 'locations';

/** An action before it has its place (and so its id) in the plan; it depends on at most its user's create. */
interface Draft extends Omit<NedapAction, 'id' | 'target' | 'dependsOn'> {
  readonly dependsOn: Draft | null;
}

const FIELD: Readonly<Record<SetKind, SetField>> = { 'set-duties': 'duties', 'set-teams': 'teams', 'set-locations': 'locations' };
const ATTRIBUTE: Readonly<Record<SetField, string>> = { duties: 'roles', teams: 'teams', locations: 'locations' };

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && sorted(a).every((v, i) => v === sorted(b)[i]);

/** Plan the Nedap Ons actions; findings name the employment (identificationNo) they concern. */
export function planNedap(input: PlanNedapInput): { readonly actions: readonly NedapAction[]; readonly findings: readonly Finding[] } {
  const { read, settings, records } = input;
  const findings: Finding[] = [];
  const drafts: Draft[] = [];
  const employeeByNo = new Map(read.employees.filter((e) => e.identificationNo).map((e) => [e.identificationNo as string, e]));
  const userByEmployee = new Map(read.users.filter((u) => u.employeeObjectId !== undefined).map((u) => [u.employeeObjectId as number, u]));
  const userByUuid = new Map(read.users.map((u) => [u.uuid, u]));
  const roleByKey = new Map<string, NedapRole>();
  for (const role of read.roles) {
    roleByKey.set(role.uuid.toLowerCase(), role);
    roleByKey.set(role.name.trim().toLowerCase(), role);
  }
  const roleName = (uuid: string): string => read.roles.find((r) => r.uuid === uuid)?.name ?? uuid;
  const teamIds = new Set(read.teams.map((t) => String(t.id)));
  const locationIds = new Set(read.locations.map((l) => String(l.id)));
  const seen = new Set<string>();

  if (records.problem) {
    findings.push({
      severity: 'warning',
      code: 'nedap-record-lost',
      employeeId: null,
      message: `${records.problem}: what this app assigned in Nedap Ons is rebuilt by writing every user's desired duties again`,
    });
  }

  const add = (draft: Draft): Draft => (drafts.push(draft), draft);

  for (const person of [...input.persons].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const { desired, errors } = desiredEmployments(person, input.asOf, input.lifecycle, input.rules, settings);
    for (const message of errors) findings.push({ severity: 'error', code: 'template-error', employeeId: person.id, message });
    for (const employment of desired) {
      seen.add(employment.identificationNo);
      planEmployment(employment);
    }
  }

  function planEmployment(employment: DesiredEmployment): void {
    const { identificationNo, lifecycle, personId } = employment;
    const stage = lifecycle.stage;
    if (stage === 'none') return;
    const employee = employeeByNo.get(identificationNo);
    const user = employee ? userByEmployee.get(employee.id) : undefined;
    const record = records.records.get(identificationNo);
    if (!employee) {
      if (stage === 'prepare' || stage === 'active') {
        findings.push({
          severity: 'error',
          code: 'nedap-employee-missing',
          employeeId: personId,
          message: `Nedap Ons has no employee with identificationNo ${identificationNo} (HR creates it): no user is created for this employment until it exists`,
        });
      }
      return;
    }
    const account: NedapUserRef = { identificationNo, employeeObjectId: employee.id, userUuid: user?.uuid ?? null, userName: user?.userName ?? identificationNo };
    if (stage === 'delete' && settings.deleteUsers) {
      if (user) {
        add({ action: 'delete-user', personId, account, changes: [{ attribute: 'user', before: account.userName, after: null }], set: null, reasons: [...lifecycle.reasons, 'nedapOns.deleteUsers is on'], dependsOn: null });
      }
      return;
    }
    const leaving = stage === 'disabled' || stage === 'delete';
    if (!user && leaving) return;
    const created = user
      ? null
      : add({
          action: 'create-user',
          personId,
          account,
          changes: [
            { attribute: 'userName', before: null, after: identificationNo },
            { attribute: 'employee', before: null, after: `${identificationNo} (object id ${employee.id})` },
          ],
          set: null,
          reasons: [...lifecycle.reasons, `no Nedap Ons user is linked to employee ${identificationNo}`],
          dependsOn: null,
        });
    const leaveReasons = leaving ? [...lifecycle.reasons, 'Nedap Ons has no disable: what this app granted is revoked'] : [];
    const duties = resolveRoles(employment);
    if (duties !== null) {
      const rules = Object.fromEntries(duties.map(({ role, rule }) => [role.uuid, rule]));
      planSet('set-duties', account, personId, record, created, { set: duties.map((d) => d.role.uuid), shown: duties.map((d) => d.role.name), rules }, reasonsOf(employment.roles, leaveReasons));
    }
    const teams = checkUnits(employment, 'teams', employment.teams, teamIds);
    if (teams !== null) planSet('set-teams', account, personId, record, created, unitSet(teams, employment.teams), reasonsOf(employment.teams, leaveReasons));
    const locations = checkUnits(employment, 'locations', employment.locations, locationIds);
    if (locations !== null) planSet('set-locations', account, personId, record, created, unitSet(locations, employment.locations), reasonsOf(employment.locations, leaveReasons));
  }

  /** The roles of an employment as whitelisted roles (with their rule); null (with a finding) when one is unknown. */
  function resolveRoles(employment: DesiredEmployment): { readonly role: NedapRole; readonly rule: string }[] | null {
    const roles: { readonly role: NedapRole; readonly rule: string }[] = [];
    for (const wanted of employment.roles) {
      const role = roleByKey.get(wanted.value.trim().toLowerCase());
      if (!role) {
        findings.push({
          severity: 'error',
          code: 'nedap-unknown-role',
          employeeId: employment.personId,
          message: `${employment.identificationNo}: role "${wanted.value}" (${wanted.reasons.join('; ')}) is not among the roles Nedap Ons whitelisted for provisioning; this user's duties are left as they are`,
        });
        return null;
      }
      roles.push({ role, rule: wanted.rule });
    }
    return roles.sort((a, b) => (a.role.uuid < b.role.uuid ? -1 : 1));
  }

  function checkUnits(employment: DesiredEmployment, what: 'teams' | 'locations', wanted: readonly Granted<number>[], known: ReadonlySet<string>): string[] | null {
    const unknown = wanted.filter((g) => !known.has(String(g.value)));
    if (unknown.length > 0) {
      findings.push({
        severity: 'error',
        code: what === 'teams' ? 'nedap-unknown-team' : 'nedap-unknown-location',
        employeeId: employment.personId,
        message: `${employment.identificationNo}: ${what === 'teams' ? 'team' : 'location'} id ${unknown.map((g) => g.value).join(', ')} does not exist in Nedap Ons (${unknown[0]?.reasons.join('; ') ?? ''}); this user's ${what} are left as they are`,
      });
      return null;
    }
    return sorted(wanted.map((g) => String(g.value)));
  }

  function planSet(kind: SetKind, account: NedapUserRef, personId: string | null, record: NedapRecord | undefined, created: Draft | null, wanted: WantedSet, reasons: readonly string[]): void {
    const { set, shown } = wanted;
    const field = FIELD[kind];
    const recorded = record?.[field];
    const extra: string[] = [];
    if (recorded === undefined) {
      // A new user has nothing; teams and locations are not per source, so without a record an
      // empty set is never written over what someone may have set by hand.
      if (created !== null || (field !== 'duties' && set.length === 0)) {
        if (set.length === 0) return;
      } else {
        extra.push('no record of what this app assigned to this user (adopted, or the record was lost): the complete set is written');
      }
    } else if (sameSet(recorded, set)) {
      return;
    }
    const before = recorded === undefined ? (created !== null ? [] : null) : field === 'duties' ? sorted(recorded.map(roleName)) : sorted(recorded);
    add({
      action: kind,
      personId,
      account,
      changes: [{ attribute: ATTRIBUTE[field], before, after: sorted(shown) }],
      set,
      ...(Object.keys(wanted.rules).length > 0 ? { rules: wanted.rules } : {}),
      reasons: [...(reasons.length > 0 ? reasons : [`no rule grants ${ATTRIBUTE[field]} any more`]), ...extra],
      dependsOn: created,
    });
  }

  // Users the app recorded whose employment is in no export any more: revoke what it granted, but
  // only on positive evidence (a complete export), never for a person held for doubtful data.
  const held = input.heldEmployeeIds ?? new Set<string>();
  const isHeld = (identificationNo: string): boolean => employmentOfAny(identificationNo, held);
  for (const [identificationNo, record] of records.records) {
    if (seen.has(identificationNo) || input.sourceComplete === false || isHeld(identificationNo)) continue;
    const user = userByUuid.get(record.userUuid);
    if (!user) continue;
    const account: NedapUserRef = { identificationNo, employeeObjectId: user.employeeObjectId ?? null, userUuid: user.uuid, userName: user.userName ?? identificationNo };
    const why = [`employment ${identificationNo} is in no export any more`, 'what this app granted is revoked'];
    for (const kind of ['set-duties', 'set-teams', 'set-locations'] as const) {
      if ((record[FIELD[kind]] ?? []).length > 0) planSet(kind, account, null, record, null, NOTHING, why);
    }
  }

  return { actions: order(drafts, input.firstNumber ?? 1), findings };
}

/** A set to write: its members, as the plan shows them, and the rule of each member. */
interface WantedSet {
  readonly set: readonly string[];
  readonly shown: readonly string[];
  readonly rules: Readonly<Record<string, string>>;
}

const NOTHING: WantedSet = { set: [], shown: [], rules: {} };

/** Checked team or location ids with the rule (or mapping) of each. */
function unitSet(ids: readonly string[], granted: readonly Granted<number>[]): WantedSet {
  const rules = Object.fromEntries(granted.map((g) => [String(g.value), g.rule]));
  return { set: ids, shown: ids, rules };
}

function reasonsOf<T>(granted: readonly Granted<T>[], leaving: readonly string[]): string[] {
  if (leaving.length > 0) return [...leaving];
  return granted.flatMap((g) => g.reasons.map((r) => `${r}: ${String(g.value)}`));
}

/** Apply order: by kind, stable within a kind; ids `<n>-<kind>-<identificationNo>`. */
function order(drafts: readonly Draft[], first: number): NedapAction[] {
  const ordered = ACTION_KINDS['nedap-ons'].flatMap((kind) => drafts.filter((d) => d.action === kind));
  const ids = new Map<Draft, string>();
  ordered.forEach((d, i) => ids.set(d, `${String(first + i).padStart(4, '0')}-${d.action}-${d.account.identificationNo}`));
  return ordered.map((d) => ({
    id: ids.get(d) as string,
    target: 'nedap-ons',
    action: d.action,
    personId: d.personId,
    account: d.account,
    changes: d.changes,
    set: d.set,
    ...(d.rules ? { rules: d.rules } : {}),
    reasons: d.reasons,
    dependsOn: d.dependsOn ? [ids.get(d.dependsOn) as string] : [],
  }));
}
