import type { AdAccount } from '../model/ad-account';
import type { AdAction, AttributeValue, Plan, PlannedAction } from '../model/plan';
import { dnEquals, isWithin, parentDn } from '../ad/dn';
import { ownedAdAttributes } from '../ad/owned-attributes';
import type { OwnedAttributeOptions } from '../ad/owned-attributes';

/**
 * A plan is not a credential. Before apply writes anything, every action of a plan (saved, handed
 * over, or just made) is checked against the configuration as it is now; an action outside what
 * the configuration lets the product touch is refused with the reason, whatever the plan says:
 * - AD creates and moves only into the managed OUs (`usersOu`, the `ouByOrgUnit` OUs; moves also into
 *   the disabled OU), deletes only in the disabled OU, every account under `baseDn`;
 * - only the attributes the product owns (see owned-attributes);
 * - grants only of groups some rule grants; revokes of those or of groups the entitlement ledger says
 *   the product granted;
 * - at apply time, the account is still the one the plan was made for (same GUID, same employeeID).
 *
 * The checks are per target: each target's actions are validated against that target's scope.
 */

/** What the configuration lets the product touch in Active Directory. */
export interface AdScope {
  readonly baseDn: string;
  readonly usersOu: string;
  readonly disabledOu: string;
  readonly ouByOrgUnit: Readonly<Record<string, string>>;
  /** Every group DN some rule grants. */
  readonly ruleGroups: readonly string[];
  /** Group DNs the entitlement ledger says the product granted (may be revoked even if no rule grants them now). */
  readonly ledgerGroups?: readonly string[];
  readonly attributes?: OwnedAttributeOptions;
}

/** The scope per target; a target without configuration has none, and all its actions are refused. */
export interface PlanScope {
  readonly ad: AdScope | null;
  readonly 'nedap-ons': NedapScope | null;
}

/** What the configuration lets the product touch in Nedap Ons. */
export interface NedapScope {
  /** `nedapOns.deleteUsers`: without it no user is ever deleted. */
  readonly deleteUsers: boolean;
}

/** Reasons per action id for the actions that fall outside the scope; empty when all are fine. */
export function validatePlan(plan: Pick<Plan, 'actions'>, scope: PlanScope): ReadonlyMap<string, string> {
  const refusals = new Map<string, string>();
  for (const action of plan.actions) {
    const reason = validateAction(action, scope);
    if (reason !== null) refusals.set(action.id, `refused by plan validation: ${reason}`);
  }
  return refusals;
}

function validateAction(action: PlannedAction, scope: PlanScope): string | null {
  switch (action.target) {
    case 'ad':
      return scope.ad === null ? 'the configuration has no "ad" section' : validateAdAction(action, scope.ad);
    case 'nedap-ons':
      if (scope['nedap-ons'] === null) return 'the configuration has no "nedapOns" section';
      return action.action === 'delete-user' && !scope['nedap-ons'].deleteUsers ? 'nedapOns.deleteUsers is off: no user is deleted' : null;
  }
}

/** UPN and mail: an update may set them only where they are empty (lower case). */
const LOGON_ADDRESSES: ReadonlySet<string> = new Set(['userprincipalname', 'mail']);

function isEmpty(value: AttributeValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Why an AD action falls outside the scope, or null. */
export function validateAdAction(action: AdAction, scope: AdScope): string | null {
  const owned = ownedAdAttributes(action.action, scope.attributes);
  const foreign = action.changes.map((c) => c.attribute).filter((name) => !owned.has(name.toLowerCase()));
  if (foreign.length > 0) {
    const why = action.action === 'rename' && scope.attributes?.rename !== true ? 'the rename policy (policy.renameLogonNames) is off' : 'not an attribute the product owns';
    return `a ${action.action} may not write ${foreign.join(', ')}: ${why}`;
  }
  // Filling in an empty one, or clearing one (the undo of a fill), is an update; replacing one is a rename.
  const replaced = action.action === 'update' ? action.changes.filter((c) => LOGON_ADDRESSES.has(c.attribute.toLowerCase()) && !isEmpty(c.before) && !isEmpty(c.after)) : [];
  if (replaced.length > 0) {
    return `an update only fills in an empty ${replaced.map((c) => c.attribute).join(', ')}; changing a logon name is a rename, under the rename policy`;
  }
  const dn = action.account.dn;
  if (!isWithin(dn, scope.baseDn)) return `the account ${dn} is outside the managed base ${scope.baseDn}`;
  const managedOus = [scope.usersOu, ...Object.values(scope.ouByOrgUnit)];
  const inOneOf = (target: string, ous: readonly string[]): boolean => ous.some((ou) => dnEquals(parentDn(target), ou));
  switch (action.action) {
    case 'create': {
      if (!inOneOf(dn, managedOus)) return `new accounts are only created in the managed OUs, not in ${parentDn(dn)}`;
      const employeeId = action.changes.find((c) => c.attribute.toLowerCase() === 'employeeid')?.after;
      if (typeof employeeId !== 'string' || employeeId.trim() === '') return 'a new account must carry an employeeID';
      return null;
    }
    case 'move': {
      const target = action.changes.find((c) => c.attribute.toLowerCase() === 'dn')?.after;
      if (typeof target !== 'string') return 'the move names no new location';
      return inOneOf(target, [...managedOus, scope.disabledOu]) ? null : `accounts are only moved into the managed OUs or the disabled OU, not into ${parentDn(target)}`;
    }
    case 'delete':
      return inOneOf(dn, [scope.disabledOu]) ? null : `accounts are only deleted in the disabled OU ${scope.disabledOu}`;
    case 'grant':
    case 'revoke': {
      const group = action.entitlement;
      if (group === null) return 'the action names no group';
      const allowed = action.action === 'grant' ? scope.ruleGroups : [...scope.ruleGroups, ...(scope.ledgerGroups ?? [])];
      return allowed.some((g) => dnEquals(g, group)) ? null : `no rule grants the group ${group}`;
    }
    case 'update':
    case 'rename':
    case 'enable':
    case 'disable':
      return null;
  }
}

/**
 * At apply time, with the account as it is now: an action for an existing account applies only to
 * the account the plan was made for, which must still be a managed one (it has an employeeID).
 */
export function accountMismatch(action: AdAction, current: AdAccount | undefined): string | null {
  if (action.action === 'create' || current === undefined) return null;
  const planned = action.account;
  if (planned.objectGuid && current.objectGuid && planned.objectGuid.toLowerCase() !== current.objectGuid.toLowerCase()) {
    return `refused by plan validation: the account at ${current.dn} is not the one the plan was made for (GUID differs)`;
  }
  // An update fills in an empty UPN or mail; one the account has by now is a logon name, changed only by a rename.
  const overwrite = action.action === 'update'
    ? action.changes.find((c) => {
        const key = c.attribute.toLowerCase() === 'mail' ? 'mail' : c.attribute.toLowerCase() === 'userprincipalname' ? 'userPrincipalName' : null;
        const now = key === null ? null : current[key];
        const after = typeof c.after === 'string' ? c.after.toLowerCase() : '';
        return now !== null && now !== '' && after !== '' && now.toLowerCase() !== after;
      })
    : undefined;
  if (overwrite) return `refused by plan validation: ${overwrite.attribute} of ${current.sAMAccountName} is no longer empty; an update only fills in an empty one`;
  const employeeId = current.employeeID?.trim() ?? '';
  if (employeeId === '') return `refused by plan validation: the account ${current.sAMAccountName} has no employeeID, so it is not managed by the product`;
  const expected = planned.employeeID;
  if (expected === undefined || expected === null) return null;
  // An update that sets the employeeID itself may already have been applied once.
  const written = action.changes.find((c) => c.attribute.toLowerCase() === 'employeeid')?.after;
  if (employeeId === expected.trim() || employeeId === written) return null;
  return `refused by plan validation: the account ${current.sAMAccountName} now has employeeID ${employeeId}, the plan was made for ${expected}; preview again`;
}
