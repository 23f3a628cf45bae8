import { sameAttributeValue } from '../ad/attribute-value';
import { parentDn } from '../ad/dn';
import { normaliseDn, parentKey } from '../ad/naming-dn';
import { mappedValue, type AdAccount } from '../model/ad-account';
import type { AdAction, AttributeValue } from '../model/plan';

/**
 * The re-check apply makes just before each write to an existing account: the account must still
 * be one the app manages (directly in a managed OU; GUID and employeeID are checked by plan
 * validation's `accountMismatch`), and every attribute it writes must still hold the `before`
 * value the plan saw, so a change someone made after the preview is never overwritten unseen.
 * Attributes the app owns outright ({@link OWNED_OUTRIGHT}) are written whatever they hold now.
 */

/**
 * Attributes the app owns outright: their current value is not compared with the plan's `before`.
 * `userAccountControl` (the enabled bit: the lifecycle is the app's), `employeeID` (the link to
 * HR the app sets), and `description` in a disable (the disable stamp, the evidence the delete
 * grace period is counted from).
 */
export const OWNED_OUTRIGHT: readonly string[] = ['userAccountControl', 'employeeID'];

const SINGLE_VALUED = [
  'sAMAccountName', 'userPrincipalName', 'mail', 'givenName', 'sn', 'displayName', 'initials', 'employeeID',
  'department', 'title', 'company', 'manager', 'description',
] as const;

/** The model field of a single-valued attribute, whatever the spelling's case. */
export function singleValuedKey(attribute: string): (typeof SINGLE_VALUED)[number] | undefined {
  return SINGLE_VALUED.find((name) => name.toLowerCase() === attribute.toLowerCase());
}

/** The current value of `attribute` on `account` (a mapped one from `mapped`). */
export function readAttribute(account: AdAccount, attribute: string): AttributeValue {
  const key = singleValuedKey(attribute);
  return key ? account[key] : mappedValue(account, attribute);
}

/**
 * Why `action` must not write to `current` now (the action is then `skipped`), or null.
 * `managedOus`: normalised DNs of the OUs whose direct children the app manages.
 */
export function recheck(action: AdAction, current: AdAccount, managedOus: ReadonlySet<string>): string | null {
  if (!managedOus.has(parentKey(current.dn))) {
    return `the account ${current.sAMAccountName} was moved to ${parentDn(current.dn)} after the preview, outside the managed OUs: it is not changed`;
  }
  for (const change of action.changes) {
    const { attribute } = change;
    if (attribute === 'memberOf' || owned(action, attribute)) continue;
    if (attribute === 'dn') {
      const moved = typeof change.before === 'string' && normaliseDn(change.before) !== normaliseDn(current.dn);
      const arrived = typeof change.after === 'string' && normaliseDn(change.after) === normaliseDn(current.dn);
      if (moved && !arrived) return `the account was moved to ${current.dn} after the preview (the plan saw ${String(change.before)}); preview again`;
      continue;
    }
    const now = readAttribute(current, attribute);
    if (sameAttributeValue(attribute, now, change.before) || sameAttributeValue(attribute, now, change.after)) continue;
    const what = isEmpty(now) ? 'cleared' : `changed to ${describe(now)}`;
    return `${attribute} was ${what} after the preview (the plan saw ${describe(change.before)}); it is not overwritten: preview again`;
  }
  return null;
}

function owned(action: AdAction, attribute: string): boolean {
  const name = attribute.toLowerCase();
  if (OWNED_OUTRIGHT.some((a) => a.toLowerCase() === name)) return true;
  return action.action === 'disable' && name === 'description';
}

function isEmpty(value: AttributeValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function describe(value: AttributeValue): string {
  if (value === null || isEmpty(value)) return 'empty';
  return `"${typeof value === 'string' ? value : value.join('; ')}"`;
}
