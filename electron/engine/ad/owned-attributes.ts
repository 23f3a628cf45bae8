import type { AdActionKind } from '../model/plan';
import { DESIRED_ATTRIBUTE_NAMES } from './desired';

/**
 * The one list of Active Directory attributes the product owns: the only attributes an action of a
 * plan may write. Apply refuses an action that names any other attribute (`servicePrincipalName`,
 * `scriptPath`, `altSecurityIdentities`, ... are never ours), so an edited or foreign plan cannot
 * widen what the product touches.
 *
 * Owned, per kind of action:
 * - create: `cn` (the RDN of the new entry), the logon names `sAMAccountName`, `userPrincipalName` and
 *   `mail`, the computed attributes (`givenName`, `sn`, `displayName`, `initials`, `employeeID`,
 *   `department`, `title`, `company`), `description` and `manager`;
 * - update: the same, except `cn` (a new CN is a move) and `sAMAccountName` (logon names change only by
 *   a rename); `userPrincipalName` and `mail` only to fill in an empty value (see validate-plan);
 * - rename: `sAMAccountName`, `userPrincipalName`, `mail` and `proxyAddresses` (the old address kept as
 *   an alias), and only under the rename policy (`policy.renameLogonNames`);
 * - enable / disable: `userAccountControl` (the ACCOUNTDISABLE bit only) and `description` (the
 *   disable stamp);
 * - move: `dn`; grant / revoke: `memberOf` (through the group's `member`).
 *
 * Attributes an admin maps in the configuration join the list through {@link OwnedAttributeOptions}.
 */

/** What of the configuration widens the list. */
export interface OwnedAttributeOptions {
  /** Further attributes the configuration maps onto accounts (configurable mappings). */
  readonly mapped?: readonly string[];
  /** The rename policy is on: a rename may write the logon names. */
  readonly rename?: boolean;
}

/** What a rename writes. */
export const RENAMED_ATTRIBUTES: readonly string[] = ['sAMAccountName', 'userPrincipalName', 'mail', 'proxyAddresses'];

const COMPUTED: readonly string[] = [...DESIRED_ATTRIBUTE_NAMES, 'userPrincipalName', 'mail', 'description', 'manager'];

/** The attributes an action of `kind` may write, in lower case (LDAP names are case-insensitive). */
export function ownedAdAttributes(kind: AdActionKind, options: OwnedAttributeOptions = {}): ReadonlySet<string> {
  const mapped = options.mapped ?? [];
  const names = ((): readonly string[] => {
    switch (kind) {
      case 'create':
        return ['cn', 'sAMAccountName', ...COMPUTED, ...mapped];
      case 'rename':
        return options.rename === true ? RENAMED_ATTRIBUTES : [];
      case 'update':
        return [...COMPUTED, ...mapped];
      case 'enable':
      case 'disable':
        return ['userAccountControl', 'description'];
      case 'move':
        return ['dn'];
      case 'grant':
      case 'revoke':
        return ['memberOf'];
      case 'delete':
        return [];
    }
  })();
  return new Set(names.map((name) => name.toLowerCase()));
}
