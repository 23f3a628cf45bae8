import type { LifecyclePolicy } from '../model/policy';
import type { NamingConvention } from '../policy/naming-convention';
import type { Rule } from '../policy/rules';
import type { AttributeMapping } from './attribute-mappings';

/** Where the managed accounts live and how their logon names end. */
export interface AdTargetSettings {
  /** Search base: accounts outside it are never correlated (their names still count). */
  readonly baseDn: string;
  /** Default OU for accounts whose org unit has no entry in `ouByOrgUnit`. */
  readonly usersOu: string;
  /** Where disabled leavers are parked until they are deleted. */
  readonly disabledOu: string;
  /** Org-unit id (of the primary contract) to OU DN. */
  readonly ouByOrgUnit: Readonly<Record<string, string>>;
  /** `userPrincipalName` = sAMAccountName + "@" + upnSuffix. */
  readonly upnSuffix: string;
  /** `mail` = sAMAccountName + "@" + mailDomain. */
  readonly mailDomain: string;
}

/** Attributes whose default value an admin may replace with a `{placeholder}` template. */
export type TemplatedAttribute =
  | 'givenName'
  | 'sn'
  | 'displayName'
  | 'initials'
  | 'department'
  | 'title'
  | 'company'
  | 'description'
  | 'cn';

/** What the organisation wants from Active Directory. */
export interface AdPolicy {
  readonly lifecycle: LifecyclePolicy;
  readonly rules: readonly Rule[];
  /** Overrides of the default attribute values; see `policy/template`. */
  readonly templates?: Readonly<Partial<Record<TemplatedAttribute, string>>>;
  /** How names are made; absent: the product's default convention. */
  readonly naming?: NamingConvention;
  /** Further attributes from templates (`ad.attributes`). */
  readonly attributes?: readonly AttributeMapping[];
  /**
   * The rename policy (`policy.renameLogonNames`, off by default): when HR changes a person's name so that
   * the naming convention gives other logon names, the account's sAMAccountName, UPN and mail follow,
   * the old address staying an alias. Off: logon names never change once set.
   */
  readonly renameLogonNames?: boolean;
}
