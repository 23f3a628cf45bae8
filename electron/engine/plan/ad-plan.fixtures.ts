/**
 * Test support for the AD planner: builders for persons, contracts and accounts with sensible
 * defaults, and {@link simulateApply}, which writes a plan into AdAccount records the way the
 * directory would. Used by the unit tests only; it does no I/O.
 */
import type { AdPolicy, AdTargetSettings } from '../ad/ad-policy';
import { firstRdnValue, normaliseDn, sameDn } from '../ad/naming-dn';
import { UAC_ACCOUNT_DISABLE, type AdAccount } from '../model/ad-account';
import type { Contract, Person, PersonName } from '../model/person';
import type { AttributeValue, Plan } from '../model/plan';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import type { LedgerEntry } from '../model/ledger';
import { adLedgerAccount, EntitlementLedger } from '../state/entitlement-ledger';

/** Settings of the test domain. */
export const SETTINGS: AdTargetSettings = {
  baseDn: 'DC=zorg,DC=local',
  usersOu: 'OU=Users,OU=Zorg,DC=zorg,DC=local',
  disabledOu: 'OU=Disabled,OU=Zorg,DC=zorg,DC=local',
  ouByOrgUnit: {
    OE10: 'OU=ICT,OU=Users,OU=Zorg,DC=zorg,DC=local',
    OE20: 'OU=Care,OU=Users,OU=Zorg,DC=zorg,DC=local',
  },
  upnSuffix: 'zorg.local',
  mailDomain: 'zorg.nl',
};

/** Group DNs the test rules grant. */
export const GROUPS = {
  ict: 'CN=ICT,OU=Groups,OU=Zorg,DC=zorg,DC=local',
  care: 'CN=Care,OU=Groups,OU=Zorg,DC=zorg,DC=local',
  all: 'CN=All staff,OU=Groups,OU=Zorg,DC=zorg,DC=local',
} as const;

/** Default lifecycle and three rules: ICT by org unit, Care by org unit, all staff. */
export const POLICY: AdPolicy = {
  lifecycle: DEFAULT_LIFECYCLE,
  rules: [
    { name: 'ICT staff', when: { orgUnitId: ['OE10'] }, grant: { adGroups: [GROUPS.ict] } },
    { name: 'Care staff', when: { orgUnitId: ['OE20'] }, grant: { adGroups: [GROUPS.care] } },
    { name: 'All staff', when: {}, grant: { adGroups: [GROUPS.all] } },
  ],
};

/** A name with birth name "Jansen" and no partner, convention B. */
export function name(overrides: Partial<PersonName> = {}): PersonName {
  return {
    initials: 'J.',
    givenName: 'Johannes',
    nickname: 'Jan',
    familyName: 'Jansen',
    familyNamePrefix: '',
    partnerName: '',
    partnerNamePrefix: '',
    convention: 'B',
    ...overrides,
  };
}

/** An open-ended contract in org unit OE10 (ICT) from 2026-01-01. */
export function contract(overrides: Partial<Contract> = {}): Contract {
  const employeeId = overrides.employeeId ?? '100234';
  return {
    id: `${employeeId}_1_1`,
    employeeId,
    startDate: '2026-01-01',
    endDate: null,
    state: 'active',
    inCondition: true,
    orgUnit: { id: 'OE10', name: 'ICT' },
    function: { id: 'F01', name: 'Engineer' },
    costCenter: null,
    employmentType: 'Onbepaalde tijd',
    hoursPerWeek: 36,
    managerPersonId: null,
    custom: {},
    ...overrides,
  };
}

/** A person whose id, employee ids and primary contract follow the contracts given. */
export function person(overrides: Partial<Person> = {}): Person {
  const contracts = overrides.contracts ?? [contract({ employeeId: overrides.id ?? '100234' })];
  const employeeIds = overrides.employeeIds ?? [...new Set(contracts.map((c) => c.employeeId))].sort();
  return {
    id: overrides.id ?? employeeIds[0] ?? '100234',
    employeeIds,
    name: name(),
    gender: 'M',
    birthDate: '1980-05-05',
    company: { id: 'C1', name: 'Zorggroep' },
    businessEmail: '',
    contracts,
    primaryContractId: contracts[0]?.id ?? null,
    custom: {},
    ...overrides,
  };
}

let guidCounter = 0;

/** An enabled account in the users OU; `cn` follows the DN unless given. */
export function account(overrides: Partial<AdAccount> & { readonly dn: string }): AdAccount {
  guidCounter += 1;
  return {
    objectGuid: `00000000-0000-0000-0000-${String(guidCounter).padStart(12, '0')}`,
    sAMAccountName: `user${guidCounter}`,
    userPrincipalName: null,
    mail: null,
    cn: firstRdnValue(overrides.dn) ?? '',
    givenName: null,
    sn: null,
    displayName: null,
    initials: null,
    employeeID: null,
    department: null,
    title: null,
    company: null,
    manager: null,
    description: null,
    userAccountControl: 512,
    memberOf: [],
    whenChanged: null,
    proxyAddresses: [],
    ...overrides,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function text(value: AttributeValue): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.join(';');
}

// Attributes the account model has are fields; any other is a mapped attribute (`ad.attributes`).
function setAttribute(target: Mutable<AdAccount>, attribute: string, value: string | null): void {
  if (attribute in target) (target as unknown as Record<string, unknown>)[attribute] = value;
  else target.mapped = { ...target.mapped, [attribute.toLowerCase()]: value };
}

/**
 * Applies `plan` to `accounts` as the directory would, in action order, and returns the new
 * state. Linked attributes behave as in AD: a move updates `manager` values that point at the
 * moved account, a delete removes them.
 */
export function simulateApply(accounts: readonly AdAccount[], plan: Plan): readonly AdAccount[] {
  const state: Mutable<AdAccount>[] = accounts.map((a) => ({ ...a, memberOf: [...a.memberOf] }));
  let created = 0;
  const find = (ref: { readonly dn: string; readonly objectGuid: string | null }): Mutable<AdAccount> => {
    const found =
      ref.objectGuid !== null ? state.find((a) => a.objectGuid === ref.objectGuid) : state.find((a) => sameDn(a.dn, ref.dn));
    if (!found) throw new Error(`no account ${ref.dn}`);
    return found;
  };
  for (const action of plan.actions) {
    if (action.target !== 'ad') continue;
    switch (action.action) {
      case 'create': {
        created += 1;
        const fresh: Mutable<AdAccount> = account({
          dn: action.account.dn,
          objectGuid: `ffffffff-0000-0000-0000-${String(created).padStart(12, '0')}`,
          userAccountControl: 0x200 | UAC_ACCOUNT_DISABLE,
        });
        for (const change of action.changes) setAttribute(fresh, change.attribute, text(change.after));
        if (state.some((a) => a.sAMAccountName.toLowerCase() === fresh.sAMAccountName.toLowerCase())) {
          throw new Error(`sAMAccountName ${fresh.sAMAccountName} exists`);
        }
        state.push(fresh);
        break;
      }
      case 'move': {
        const target = find(action.account);
        const to = text(action.changes.find((c) => c.attribute === 'dn')?.after ?? null) ?? target.dn;
        if (state.some((a) => a !== target && sameDn(a.dn, to))) throw new Error(`DN ${to} exists`);
        for (const other of state) if (other.manager !== null && sameDn(other.manager, target.dn)) other.manager = to;
        target.dn = to;
        target.cn = firstRdnValue(to) ?? target.cn;
        break;
      }
      case 'update':
      case 'enable':
      case 'disable': {
        const target = find(action.account);
        for (const change of action.changes) {
          if (change.attribute === 'userAccountControl') target.userAccountControl = Number(text(change.after));
          else setAttribute(target, change.attribute, text(change.after));
        }
        break;
      }
      case 'grant': {
        const target = find(action.account);
        if (action.entitlement && !target.memberOf.some((g) => sameDn(g, action.entitlement))) {
          target.memberOf = [...target.memberOf, action.entitlement];
        }
        break;
      }
      case 'revoke': {
        const target = find(action.account);
        target.memberOf = target.memberOf.filter((g) => normaliseDn(g) !== normaliseDn(action.entitlement ?? ''));
        break;
      }
      case 'delete': {
        const target = find(action.account);
        state.splice(state.indexOf(target), 1);
        for (const other of state) if (other.manager !== null && sameDn(other.manager, target.dn)) other.manager = null;
        break;
      }
    }
  }
  return state;
}

/**
 * The ledger an app that granted every rule-group membership of `accounts` would have (the rule
 * recorded is the first that grants the group): what a test starts from when the accounts are the
 * app's own.
 */
export function grantedLedger(accounts: readonly AdAccount[], policy: AdPolicy = POLICY): EntitlementLedger {
  const entries: LedgerEntry[] = [];
  for (const account of accounts) {
    for (const group of account.memberOf) {
      const rule = policy.rules.find((r) => (r.grant.adGroups ?? []).some((g) => g.toLowerCase() === group.toLowerCase()));
      if (!rule) continue;
      entries.push({ target: 'ad', account: adLedgerAccount(account.sAMAccountName), accountId: account.objectGuid, entitlement: group, rule: rule.name, how: 'granted', at: '2026-01-05T08:00:00.000Z' });
    }
  }
  return new EntitlementLedger(entries);
}
