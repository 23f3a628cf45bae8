import { describe, expect, it } from 'vitest';
import { mixedPlan } from './plan-fixtures-mixed';
import type { AdAction, NedapAction, Plan } from '../model/plan';
import type { AdAccount } from '../model/ad-account';
import { account, contract, GROUPS, grantedLedger, person, POLICY, SETTINGS } from './ad-plan.fixtures';
import { planAd } from './ad-plan';
import { accountMismatch, validatePlan } from './validate-plan';
import type { PlanScope } from './validate-plan';

const SCOPE: PlanScope = {
  ad: { ...SETTINGS, ruleGroups: POLICY.rules.flatMap((rule) => rule.grant.adGroups ?? []) },
  'nedap-ons': null,
};
const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;

function planFor(accounts: readonly AdAccount[], asOf: string, persons = [person()]): Plan {
  return planAd({ persons, accounts, asOf, policy: POLICY, settings: SETTINGS, ledger: grantedLedger(accounts), now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'plan-1' });
}

const create = (over: Partial<AdAction> = {}): AdAction => ({
  id: '0001-create-100234',
  target: 'ad',
  action: 'create',
  personId: '100234',
  account: { dn: `CN=Jan Jansen,${ICT_OU}`, sAMAccountName: 'j.jansen', objectGuid: null },
  changes: [
    { attribute: 'cn', before: null, after: 'Jan Jansen' },
    { attribute: 'sAMAccountName', before: null, after: 'j.jansen' },
    { attribute: 'employeeID', before: null, after: '100234' },
  ],
  entitlement: null,
  reasons: ['starts 2026-12-01'],
  dependsOn: [],
  ...over,
});

describe('validatePlan', () => {
  it('passes every action the planner makes: creates, enables, grants, leavers, deletes', () => {
    const joiner = planFor([], '2026-11-27');
    expect(joiner.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'grant']));
    expect(validatePlan(joiner, SCOPE)).toEqual(new Map());

    const leaver = person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-11-26' })] });
    const live = account({ dn: `CN=Jan Jansen,${ICT_OU}`, employeeID: '100234', sAMAccountName: 'j.jansen', memberOf: [GROUPS.ict, GROUPS.all] });
    const leaving = planFor([live], '2026-11-27', [leaver]);
    expect(leaving.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['disable', 'move', 'revoke']));
    expect(validatePlan(leaving, SCOPE)).toEqual(new Map());

    const parked = account({ dn: `CN=Jan Jansen,${SETTINGS.disabledOu}`, employeeID: '100234', userAccountControl: 514, description: 'Disabled by HR Provisioner on 2026-11-27: left' });
    const deleting = planFor([parked], '2027-01-10', [leaver]);
    expect(deleting.actions.map((a) => a.action)).toEqual(['delete']);
    expect(validatePlan(deleting, SCOPE)).toEqual(new Map());
  });

  it('refuses what an edited plan asked for: CN=Users outside baseDn, SPN, scriptPath, altSecurityIdentities, Domain Admins', () => {
    const attacks: readonly AdAction[] = [
      create({ id: 'a1', account: { dn: 'CN=Eve,CN=Users,DC=zorg,DC=local', sAMAccountName: 'eve', objectGuid: null } }),
      create({ id: 'a2', changes: [...create().changes, { attribute: 'servicePrincipalName', before: null, after: 'HTTP/eve' }] }),
      { ...create({ id: 'a3', action: 'update' }), changes: [{ attribute: 'scriptPath', before: null, after: '\\\\evil\\run.bat' }] },
      { ...create({ id: 'a4', action: 'update' }), changes: [{ attribute: 'altSecurityIdentities', before: null, after: 'X509:<I>evil' }] },
      create({ id: 'a5', action: 'grant', entitlement: 'CN=Domain Admins,CN=Users,DC=zorg,DC=local', changes: [{ attribute: 'memberOf', before: null, after: 'CN=Domain Admins,CN=Users,DC=zorg,DC=local' }] }),
      create({ id: 'a6', action: 'delete', changes: [] }),
      create({ id: 'a7', action: 'move', changes: [{ attribute: 'dn', before: `CN=Jan Jansen,${ICT_OU}`, after: 'CN=Jan Jansen,OU=Admins,DC=zorg,DC=local' }] }),
      create({ id: 'a8', action: 'update', account: { dn: 'CN=Administrator,CN=Users,DC=other,DC=local', sAMAccountName: 'Administrator', objectGuid: 'x' }, changes: [] }),
      create({ id: 'a9', changes: create().changes.filter((c) => c.attribute !== 'employeeID') }),
    ];
    const refusals = validatePlan({ actions: attacks }, SCOPE);
    expect([...refusals.keys()]).toEqual(attacks.map((a) => a.id));
    expect(refusals.get('a1')).toMatch(/only created in the managed OUs, not in CN=Users/);
    expect(refusals.get('a2')).toMatch(/may not write servicePrincipalName: not an attribute the product owns/);
    expect(refusals.get('a3')).toMatch(/scriptPath/);
    expect(refusals.get('a4')).toMatch(/altSecurityIdentities/);
    expect(refusals.get('a5')).toMatch(/no rule grants the group CN=Domain Admins/);
    expect(refusals.get('a6')).toMatch(/only deleted in the disabled OU/);
    expect(refusals.get('a7')).toMatch(/only moved into the managed OUs or the disabled OU/);
    expect(refusals.get('a8')).toMatch(/outside the managed base/);
    expect(refusals.get('a9')).toMatch(/must carry an employeeID/);
  });

  it('lets a revoke of a group the ledger says the product granted through, but no grant of it', () => {
    const old = 'CN=Old project,OU=Groups,OU=Zorg,DC=zorg,DC=local';
    const scope: PlanScope = { ad: { ...SCOPE.ad!, ledgerGroups: [old] }, 'nedap-ons': null };
    const revoke = create({ id: 'r', action: 'revoke', entitlement: old, changes: [{ attribute: 'memberOf', before: old, after: null }] });
    expect(validatePlan({ actions: [revoke] }, scope)).toEqual(new Map());
    expect(validatePlan({ actions: [{ ...revoke, action: 'grant' }] }, scope).get('r')).toMatch(/no rule grants/);
  });

  it('refuses everything of a target the configuration no longer has', () => {
    expect(validatePlan({ actions: [create()] }, { ad: null, 'nedap-ons': null }).get(create().id)).toMatch(/no "ad" section/);
  });

  it('refuses a Nedap Ons delete while deleteUsers is off, and any Nedap action without a nedapOns section', () => {
    const [, createUser] = mixedPlan().actions;
    const remove = { ...createUser, id: 'd', action: 'delete-user' } as NedapAction;
    expect(validatePlan({ actions: [remove] }, { ad: null, 'nedap-ons': { deleteUsers: false } }).get('d')).toMatch(/deleteUsers is off/);
    expect(validatePlan({ actions: [remove] }, { ad: null, 'nedap-ons': { deleteUsers: true } })).toEqual(new Map());
    expect(validatePlan({ actions: [remove] }, { ad: null, 'nedap-ons': null }).get('d')).toMatch(/no "nedapOns" section/);
  });
});

describe('accountMismatch', () => {
  const live = account({ dn: `CN=Jan Jansen,${ICT_OU}`, employeeID: '100234' });
  const update = create({ action: 'update', account: { dn: live.dn, sAMAccountName: live.sAMAccountName, objectGuid: live.objectGuid, employeeID: '100234' }, changes: [] });

  it('accepts the account the plan was made for', () => {
    expect(accountMismatch(update, live)).toBeNull();
    expect(accountMismatch(create(), undefined)).toBeNull();
  });

  it('refuses an account that is another one, lost its employeeID, or carries another employeeID', () => {
    expect(accountMismatch(update, { ...live, objectGuid: 'ffffffff-0000-0000-0000-000000000000' })).toMatch(/GUID differs/);
    expect(accountMismatch(update, { ...live, employeeID: null })).toMatch(/has no employeeID/);
    expect(accountMismatch(update, { ...live, employeeID: '999999' })).toMatch(/now has employeeID 999999, the plan was made for 100234/);
  });
});
