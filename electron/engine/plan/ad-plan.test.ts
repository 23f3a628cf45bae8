import { describe, expect, it } from 'vitest';
import type { AdAccount } from '../model/ad-account';
import type { Finding } from '../model/finding';
import type { Person } from '../model/person';
import { actionsOf, type AdAction, type Plan } from '../model/plan';
import { account, contract, GROUPS, grantedLedger, name, person, POLICY, SETTINGS, simulateApply } from './ad-plan.fixtures';
import { planAd, type PlanAdInput } from './ad-plan';

const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;
const CARE_OU = SETTINGS.ouByOrgUnit.OE20 as string;
const DISABLED_OU = SETTINGS.disabledOu;
const CARE = { id: 'OE20', name: 'Care' };
const NURSE = { id: 'F02', name: 'Nurse' };

function plan(persons: readonly Person[], accounts: readonly AdAccount[], asOf: string, extra: Partial<PlanAdInput> = {}): Plan {
  return planAd({
    persons,
    accounts,
    asOf,
    policy: POLICY,
    settings: SETTINGS,
    // The accounts' rule-group memberships are the app's, unless a test says otherwise.
    ledger: grantedLedger(accounts, extra.policy),
    now: () => new Date('2026-11-27T06:00:00Z'),
    newId: () => 'plan-1',
    ...extra,
  });
}

function ids(p: Plan): string[] {
  return p.actions.map((a) => a.id);
}

function action(p: Plan, id: string): AdAction {
  const found = p.actions.find((a) => a.id === id);
  if (found?.target !== 'ad') throw new Error(`no AD action ${id} in ${ids(p).join(', ')}`);
  return found;
}

function changes(a: AdAction): Record<string, [unknown, unknown]> {
  return Object.fromEntries(a.changes.map((c) => [c.attribute, [c.before, c.after]]));
}

/** Plans, applies the plan to the accounts, plans again: the second plan must be empty. */
function expectConverges(persons: readonly Person[], accounts: readonly AdAccount[], asOf: string, extra: Partial<PlanAdInput> = {}): readonly AdAccount[] {
  const first = plan(persons, accounts, asOf, extra);
  const after = simulateApply(accounts, first);
  const second = plan(persons, after, asOf, extra);
  expect(second.actions.map((a) => `${a.id}: ${a.reasons.join(' / ')}`)).toEqual([]);
  return after;
}

/** An account as the engine would have made it for the default test person. */
function jansenAccount(overrides: Partial<AdAccount> = {}): AdAccount {
  return account({
    dn: `CN=Jan Jansen,${ICT_OU}`,
    sAMAccountName: 'j.jansen',
    userPrincipalName: 'j.jansen@zorg.local',
    mail: 'j.jansen@zorg.nl',
    givenName: 'Jan',
    sn: 'Jansen',
    displayName: 'Jan Jansen',
    initials: 'J',
    employeeID: '100234',
    department: 'ICT',
    title: 'Engineer',
    company: 'Zorggroep',
    userAccountControl: 512,
    memberOf: [GROUPS.ict, GROUPS.all],
    ...overrides,
  });
}

describe('planAd: joiners', () => {
  const joiner = person({ contracts: [contract({ startDate: '2026-12-01' })] });

  it('creates a future joiner disabled, with groups, 7 days before the start', () => {
    expect(plan([joiner], [], '2026-11-23').actions).toEqual([]);
    const p = plan([joiner], [], '2026-11-24');
    expect(ids(p)).toEqual(['0001-create-100234', '0002-grant-100234', '0003-grant-100234']);
    const create = action(p, '0001-create-100234');
    expect(create.account).toEqual({ dn: `CN=Jan Jansen,${ICT_OU}`, sAMAccountName: 'j.jansen', objectGuid: null });
    expect(changes(create)).toEqual({
      cn: [null, 'Jan Jansen'],
      sAMAccountName: [null, 'j.jansen'],
      userPrincipalName: [null, 'j.jansen@zorg.local'],
      mail: [null, 'j.jansen@zorg.nl'],
      givenName: [null, 'Jan'],
      sn: [null, 'Jansen'],
      displayName: [null, 'Jan Jansen'],
      initials: [null, 'J'],
      employeeID: [null, '100234'],
      department: [null, 'ICT'],
      title: [null, 'Engineer'],
      company: [null, 'Zorggroep'],
    });
    expect(create.reasons).toContain('contract 100234_1_1 starts 2026-12-01; create 7 days before start, enable from 2026-12-01');
    expect(create.reasons).toContain('created disabled');
    // Grants come sorted by group DN, so a plan reads the same every time.
    expect(action(p, '0002-grant-100234')).toMatchObject({ entitlement: GROUPS.all, dependsOn: ['0001-create-100234'] });
    expect(action(p, '0003-grant-100234')).toMatchObject({ entitlement: GROUPS.ict, dependsOn: ['0001-create-100234'] });
    expect(action(p, '0003-grant-100234').reasons).toEqual(['rule "ICT staff" matches contract 100234_1_1']);
    expect(p.summary.ad).toEqual({ create: 1, update: 0, enable: 0, disable: 0, move: 0, delete: 0, grant: 2, revoke: 0 });
    expect(p.summary.total).toBe(3);
    expect(Object.values(p.summary["nedap-ons"]).every((n) => n === 0)).toBe(true);
    expect(p).toMatchObject({ planId: 'plan-1', asOf: '2026-11-24', createdAt: '2026-11-27T06:00:00.000Z' });
  });

  it('enables the prepared account on the start date, and nothing else', () => {
    const after = expectConverges([joiner], [], '2026-11-24');
    const p = plan([joiner], after, '2026-12-01');
    expect(ids(p)).toEqual(['0001-enable-100234']);
    expect(action(p, '0001-enable-100234').reasons).toEqual(['contract 100234_1_1 active since 2026-12-01, no end date']);
    expectConverges([joiner], after, '2026-12-01');
  });

  it('creates and enables an already active joiner in one plan', () => {
    const p = plan([joiner], [], '2026-12-03');
    expect(ids(p)).toEqual(['0001-create-100234', '0002-enable-100234', '0003-grant-100234', '0004-grant-100234']);
    expect(action(p, '0002-enable-100234')).toMatchObject({
      dependsOn: ['0001-create-100234'],
      changes: [{ attribute: 'userAccountControl', before: '514', after: '512' }],
    });
    expect(changes(action(p, '0001-create-100234'))).not.toHaveProperty('userAccountControl');
    expectConverges([joiner], [], '2026-12-03');
  });

  it('keeps an account that was enabled early disabled until the enable date', () => {
    const early = jansenAccount();
    const p = plan([joiner], [early], '2026-11-25');
    expect(ids(p)).toEqual(['0001-disable-100234']);
    expect(changes(action(p, '0001-disable-100234'))).toEqual({ userAccountControl: ['512', '514'] });
    expect(action(p, '0001-disable-100234').reasons).toContain('the account stays disabled until the enable date');
    expectConverges([joiner], [early], '2026-11-25');
  });

  it('gives nothing to a person whose contract ended before an account was made', () => {
    const gone = person({ contracts: [contract({ startDate: '2026-01-01', endDate: '2026-03-01' })] });
    expect(plan([gone], [], '2026-11-27').actions).toEqual([]);
  });
});

describe('planAd: names', () => {
  it('skips candidates held by unmanaged accounts, by sAMAccountName, UPN or mail', () => {
    const admins = 'OU=Admins,DC=zorg,DC=local';
    const unmanaged = [
      account({ dn: `CN=Admin Jansen,${admins}`, sAMAccountName: 'J.Jansen' }),
      account({ dn: `CN=Shared,${admins}`, sAMAccountName: 'shared1', mail: 'jan.jansen@zorg.nl' }),
      account({ dn: `CN=Service,${admins}`, sAMAccountName: 'svc', userPrincipalName: 'j.jansen2@ZORG.local' }),
    ];
    const p = plan([person()], unmanaged, '2026-11-27');
    expect(action(p, '0001-create-100234').account.sAMAccountName).toBe('j.jansen3');
    expect(actionsOf(p.actions, 'ad').every((a) => a.account.objectGuid === null)).toBe(true);
    expect(p.unmanaged.map((u) => [u.sAMAccountName, u.reason])).toEqual([
      ['J.Jansen', 'no employeeID: not an HR account'],
      ['svc', 'no employeeID: not an HR account'],
      ['shared1', 'no employeeID: not an HR account'],
    ]);
  });

  it('never hands one name to two persons of the same plan, and numbers their CNs', () => {
    const a = person({ id: '100301', contracts: [contract({ employeeId: '100301' })] });
    const b = person({ id: '100300', contracts: [contract({ employeeId: '100300' })] });
    const c = person({ id: '100302', contracts: [contract({ employeeId: '100302' })] });
    const p = plan([a, b, c], [account({ dn: `CN=jan jansen,${ICT_OU}`, sAMAccountName: 'x1' })], '2026-11-27');
    const creates = actionsOf(p.actions, 'ad').filter((x) => x.action === 'create');
    expect(creates.map((x) => [x.personId, x.account.sAMAccountName, x.account.dn])).toEqual([
      ['100300', 'j.jansen', `CN=Jan Jansen 2,${ICT_OU}`],
      ['100301', 'jan.jansen', `CN=Jan Jansen 3,${ICT_OU}`],
      ['100302', 'j.jansen2', `CN=Jan Jansen 4,${ICT_OU}`],
    ]);
    expectConverges([a, b, c], [], '2026-11-27');
  });

  it('escapes a templated CN in the DN', () => {
    const p = plan([person()], [], '2026-11-27', { policy: { ...POLICY, templates: { cn: '{sn}, {givenName}' } } });
    expect(action(p, '0001-create-100234').account.dn).toBe(`CN=Jansen\\, Jan,${ICT_OU}`);
    expectConverges([person()], [], '2026-11-27', { policy: { ...POLICY, templates: { cn: '{sn}, {givenName}' } } });
  });

  it('transliterates a name in another script rather than giving up on it', () => {
    const p = plan([person({ name: name({ givenName: '李', nickname: '', familyName: '王' }) })], [], '2026-11-27');
    expect(changes(action(p, '0001-create-100234')).sAMAccountName).toEqual([null, 'l.wang']);
    expect(p.findings).toEqual([]);
  });

  it('says a name has no Latin letters when no logon name can be made of it (not that the names ran out)', () => {
    const nameless = person({ name: name({ givenName: '★', nickname: '', familyName: '✓' }) });
    const p = plan([nameless], [], '2026-11-27');
    expect(p.actions).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(['invalid-attribute']);
    expect(p.findings[0]?.message).toContain('has no Latin letters');
  });

  it('reports a person whose names run out', () => {
    const taken = ['j.jansen', 'jan.jansen', ...Array.from({ length: 1000 }, (_, i) => `j.jansen${i + 2}`)];
    const p = plan([person()], [], '2026-11-27', { otherNames: { sAMAccountNames: taken } });
    expect(p.actions).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(['naming-exhausted']);
    expect(p.findings[0]?.message).toContain('no free sAMAccountName');
  });
});

describe('planAd: movers and renames', () => {
  it('moves a mover to the OU of the new org unit, updates department and swaps rule groups', () => {
    const mover = person({ contracts: [contract({ orgUnit: CARE, function: NURSE })] });
    const p = plan([mover], [jansenAccount()], '2026-11-27');
    expect(ids(p)).toEqual(['0001-move-100234', '0002-update-100234', '0003-grant-100234', '0004-revoke-100234']);
    expect(changes(action(p, '0001-move-100234'))).toEqual({ dn: [`CN=Jan Jansen,${ICT_OU}`, `CN=Jan Jansen,${CARE_OU}`] });
    expect(action(p, '0001-move-100234').reasons).toEqual([`org unit OE20 (Care) of primary contract 100234_1_1 maps to ${CARE_OU}`]);
    expect(changes(action(p, '0002-update-100234'))).toEqual({ department: ['ICT', 'Care'], title: ['Engineer', 'Nurse'] });
    expect(action(p, '0002-update-100234').account).toMatchObject({ dn: `CN=Jan Jansen,${CARE_OU}`, objectGuid: expect.any(String) });
    expect(action(p, '0003-grant-100234').entitlement).toBe(GROUPS.care);
    expect(action(p, '0004-revoke-100234')).toMatchObject({ entitlement: GROUPS.ict, reasons: ['rule "ICT staff" granted it on 2026-01-05; no rule grants it any more'] });
    expectConverges([mover], [jansenAccount()], '2026-11-27');
  });

  it('renames on a name-convention change: CN move in the same OU plus display update, logon names kept', () => {
    const married = person({ name: name({ partnerName: 'Vries', partnerNamePrefix: 'de', convention: 'P' }) });
    const p = plan([married], [jansenAccount()], '2026-11-27');
    expect(ids(p)).toEqual(['0001-move-100234', '0002-update-100234']);
    expect(changes(action(p, '0001-move-100234'))).toEqual({ dn: [`CN=Jan Jansen,${ICT_OU}`, `CN=Jan de Vries,${ICT_OU}`] });
    expect(action(p, '0001-move-100234').reasons).toEqual(['the display name is now "Jan de Vries": the CN follows it']);
    expect(changes(action(p, '0002-update-100234'))).toEqual({ sn: ['Jansen', 'de Vries'], displayName: ['Jan Jansen', 'Jan de Vries'] });
    expect(p.actions.flatMap((a) => a.changes.map((c) => c.attribute))).not.toContain('sAMAccountName');
    expectConverges([married], [jansenAccount()], '2026-11-27');
  });

  it('keeps a numbered CN, and ignores DN spelling and case differences', () => {
    const numbered = jansenAccount({ dn: `cn=Jan Jansen 2,ou=ict,OU=Users,OU=Zorg,DC=zorg,DC=local` });
    const other = account({ dn: `CN=Jan Jansen,${ICT_OU}`, sAMAccountName: 'other' });
    expect(plan([person()], [numbered, other], '2026-11-27').actions).toEqual([]);
  });

  it('treats empty strings as absent and fills an empty UPN and mail', () => {
    const sparse = jansenAccount({ initials: '', userPrincipalName: null, mail: '' });
    const p = plan([person({ name: name({ initials: '' }) })], [sparse], '2026-11-27');
    expect(ids(p)).toEqual(['0001-update-100234']);
    expect(changes(action(p, '0001-update-100234'))).toEqual({
      userPrincipalName: [null, 'j.jansen@zorg.local'],
      mail: ['', 'j.jansen@zorg.nl'],
    });
  });
});

describe('planAd: leavers and deletes', () => {
  const leaver = person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-11-26' })] });

  it('keeps the account enabled on the last day', () => {
    expect(plan([leaver], [jansenAccount()], '2026-11-26').actions).toEqual([]);
  });

  it('disables a leaver the day after the end: stamp, park in the disabled OU, revoke rule groups', () => {
    const manual = 'CN=Manual group,OU=Groups,OU=Zorg,DC=zorg,DC=local';
    const p = plan([leaver], [jansenAccount({ memberOf: [GROUPS.ict, GROUPS.all, manual] })], '2026-11-27');
    expect(ids(p)).toEqual(['0001-move-100234', '0002-revoke-100234', '0003-revoke-100234', '0004-disable-100234']);
    expect(changes(action(p, '0001-move-100234'))).toEqual({ dn: [`CN=Jan Jansen,${ICT_OU}`, `CN=Jan Jansen,${DISABLED_OU}`] });
    expect(actionsOf(p.actions, 'ad').filter((a) => a.action === 'revoke').map((a) => a.entitlement)).toEqual([GROUPS.all, GROUPS.ict]);
    const disable = action(p, '0004-disable-100234');
    expect(changes(disable)).toEqual({
      userAccountControl: ['512', '514'],
      description: [null, 'Disabled by HR Provisioner on 2026-11-27: contract 100234_1_1 ended 2026-11-26'],
    });
    expect(disable.reasons[0]).toBe('contract 100234_1_1 ended 2026-11-26; disable 0 days after end');
    expect(disable.account.dn).toBe(`CN=Jan Jansen,${DISABLED_OU}`);
    const after = expectConverges([leaver], [jansenAccount({ memberOf: [GROUPS.ict, GROUPS.all, manual] })], '2026-11-27');
    expect(after[0]?.memberOf).toEqual([manual]);
  });

  it('numbers the CN when the disabled OU already holds one', () => {
    const parked = account({ dn: `CN=Jan Jansen,${DISABLED_OU}`, sAMAccountName: 'old', userAccountControl: 514 });
    const p = plan([leaver], [jansenAccount(), parked], '2026-11-27');
    expect(changes(action(p, '0001-move-100234')).dn?.[1]).toBe(`CN=Jan Jansen 2,${DISABLED_OU}`);
  });

  it('deletes 30 days after the end, only when disabled and in the disabled OU', () => {
    const retired = jansenAccount({
      dn: `CN=Jan Jansen,${DISABLED_OU}`,
      userAccountControl: 514,
      memberOf: [],
      description: 'Disabled by HR Provisioner on 2026-11-27: contract 100234_1_1 ended 2026-11-26',
    });
    expect(plan([leaver], [retired], '2026-12-26').actions).toEqual([]);
    const p = plan([leaver], [retired], '2026-12-27');
    expect(ids(p)).toEqual(['0001-delete-100234']);
    expect(action(p, '0001-delete-100234').reasons).toEqual([
      'contract 100234_1_1 ended 2026-11-26; delete 30 days after end',
      'disabled on 2026-11-27; deleted no earlier than 7 days after that (from 2026-12-04)',
      'the account is disabled and in the disabled OU',
    ]);
    expect(simulateApply([retired], p)).toEqual([]);
  });

  it('disables and parks first when a delete is due but the account is enabled or elsewhere', () => {
    const enabled = jansenAccount({ memberOf: [] });
    const p = plan([leaver], [enabled], '2027-02-01');
    expect(ids(p)).toEqual(['0001-move-100234', '0002-disable-100234']);
    expect(action(p, '0002-disable-100234').reasons).toContain('it is deleted by a later run, once it is disabled and in the disabled OU');
    const after = simulateApply([enabled], p);
    // Disabled today: deleted no earlier than the grace period (7 days) after the disable, whatever the end date says.
    expect(ids(plan([leaver], after, '2027-02-07'))).toEqual([]);
    expect(ids(plan([leaver], after, '2027-02-08'))).toEqual(['0001-delete-100234']);

    const disabledInPlace = jansenAccount({ memberOf: [], userAccountControl: 514 });
    const q = plan([leaver], [disabledInPlace], '2027-02-01');
    expect(ids(q)).toEqual(['0001-move-100234', '0002-update-100234']);
    expect(changes(action(q, '0002-update-100234')).description?.[1]).toBe(
      'Disabled by HR Provisioner on 2027-02-01: contract 100234_1_1 ended 2026-11-26',
    );
  });

  it('treats a person without contracts as ended long ago', () => {
    const faded = person({ employeeIds: ['100234'], contracts: [], primaryContractId: null });
    const parked = jansenAccount({ dn: `CN=Jan Jansen,${DISABLED_OU}`, userAccountControl: 514, memberOf: [] });
    // No stamp says since when it is disabled: stamped now, deleted after the grace period.
    const stamped = plan([faded], [parked], '2026-11-27');
    expect(ids(stamped)).toEqual(['0001-update-100234']);
    const later = simulateApply([parked], stamped);
    expect(ids(plan([faded], later, '2026-12-03'))).toEqual([]);
    expect(ids(plan([faded], later, '2026-12-04'))).toEqual(['0001-delete-100234']);
    const p = plan([faded], [jansenAccount()], '2026-11-27');
    expect(ids(p)).toEqual(['0001-move-100234', '0002-revoke-100234', '0003-revoke-100234', '0004-disable-100234']);
    expect(changes(action(p, '0004-disable-100234')).description?.[1]).toBe(
      'Disabled by HR Provisioner on 2026-11-27: no contracts left in the export (all ended before the cut-off)',
    );
  });
});

describe('planAd: delete after a grace period from the real disable', () => {
  it('a retroactive end date (recorded on 06-01, ended 04-01) disables now and deletes no earlier than the grace period', () => {
    const late = person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-04-01' })] });
    const working = jansenAccount();
    const disabled = plan([late], [working], '2026-06-01');
    expect(disabled.actions.map((a) => a.action)).toContain('disable');
    const after = simulateApply([working], disabled);
    // end + 30 days passed long ago, but the account was disabled only on 06-01.
    expect(plan([late], after, '2026-06-02').actions).toEqual([]);
    expect(plan([late], after, '2026-06-07').actions).toEqual([]);
    expect(ids(plan([late], after, '2026-06-08'))).toEqual(['0001-delete-100234']);
  });
});

describe('planAd: rehire and several employee records', () => {
  it('finds the old account of a rehire under a new employee id: move back, clear the stamp, enable, grant', () => {
    const rehire = person({
      id: '100234',
      employeeIds: ['100234', '100890'],
      contracts: [
        contract({ id: '100234_1_1', employeeId: '100234', startDate: '2019-01-01', endDate: '2025-06-30' }),
        contract({ id: '100890_1_1', employeeId: '100890', startDate: '2026-12-01', orgUnit: CARE, function: NURSE }),
      ],
      primaryContractId: '100890_1_1',
    });
    const old = jansenAccount({
      dn: `CN=Jan Jansen,${DISABLED_OU}`,
      userAccountControl: 514,
      memberOf: [],
      description: 'Disabled by HR Provisioner on 2025-07-01: contract 100234_1_1 ended 2025-06-30',
    });
    const p = plan([rehire], [old], '2026-12-01');
    expect(ids(p)).toEqual([
      '0001-move-100234',
      '0002-update-100234',
      '0003-enable-100234',
      '0004-grant-100234',
      '0005-grant-100234',
    ]);
    expect(changes(action(p, '0001-move-100234'))).toEqual({ dn: [`CN=Jan Jansen,${DISABLED_OU}`, `CN=Jan Jansen,${CARE_OU}`] });
    expect(action(p, '0001-move-100234').reasons).toContain('the account is in use again: back from the disabled OU');
    expect(changes(action(p, '0002-update-100234'))).toEqual({
      department: ['ICT', 'Care'],
      title: ['Engineer', 'Nurse'],
      description: ['Disabled by HR Provisioner on 2025-07-01: contract 100234_1_1 ended 2025-06-30', null],
    });
    expect(p.actions.filter((a) => a.action === 'create')).toEqual([]);
    expectConverges([rehire], [old], '2026-12-01');
  });

  it('prepares a rehire before the start: back in place, still disabled', () => {
    const rehire = person({
      employeeIds: ['100234', '100890'],
      contracts: [contract({ id: '100890_1_1', employeeId: '100890', startDate: '2026-12-01' })],
      primaryContractId: '100890_1_1',
      id: '100234',
    });
    const old = jansenAccount({ dn: `CN=Jan Jansen,${DISABLED_OU}`, userAccountControl: 514, memberOf: [] });
    expect(ids(plan([rehire], [old], '2026-11-25'))).toEqual(['0001-move-100234', '0002-grant-100234', '0003-grant-100234']);
    expect(plan([rehire], [old], '2026-11-20').actions).toEqual([]);
  });

  it('manages one account for a person with two employee records, with groups from both contracts', () => {
    const twice = person({
      employeeIds: ['100234', '100567'],
      contracts: [
        contract({ id: '100234_1_1', employeeId: '100234' }),
        contract({ id: '100567_1_1', employeeId: '100567', orgUnit: CARE, function: NURSE, hoursPerWeek: 8 }),
      ],
      primaryContractId: '100234_1_1',
    });
    const legacy = jansenAccount({ employeeID: '100567' });
    const p = plan([twice], [legacy], '2026-11-27');
    expect(ids(p)).toEqual(['0001-update-100234', '0002-grant-100234']);
    expect(changes(action(p, '0001-update-100234'))).toEqual({ employeeID: ['100567', '100234'] });
    expect(action(p, '0001-update-100234').reasons).toEqual(['employeeID becomes person id 100234 (the lowest employee id)']);
    expect(action(p, '0002-grant-100234')).toMatchObject({
      entitlement: GROUPS.care,
      reasons: ['rule "Care staff" matches contract 100567_1_1'],
    });
    expectConverges([twice], [legacy], '2026-11-27');
  });
});

describe('planAd: accounts the engine does not own', () => {
  it('disables a managed account whose employee is in no export any more', () => {
    const orphan = account({ dn: `CN=Piet Smit,${SETTINGS.usersOu}`, sAMAccountName: 'p.smit', employeeID: '999999', memberOf: [GROUPS.all] });
    const p = plan([], [orphan], '2026-11-27');
    const g = orphan.objectGuid;
    expect(ids(p)).toEqual([`0001-move-${g}`, `0002-revoke-${g}`, `0003-disable-${g}`]);
    expect(p.actions.every((a) => a.personId === null)).toBe(true);
    expect(changes(action(p, `0003-disable-${g}`)).description?.[1]).toBe(
      'Disabled by HR Provisioner on 2026-11-27: employee 999999 is in no export any more',
    );
    expect(action(p, `0003-disable-${g}`).reasons).toEqual(['employee 999999 is in no export any more']);
    expectConverges([], [orphan], '2026-11-27');
  });

  it('leaves accounts without employeeID or outside the managed OUs alone, and creates no duplicate', () => {
    const admin = account({ dn: 'CN=Jan Jansen (adm),OU=Admins,DC=zorg,DC=local', sAMAccountName: 'adm.jansen', employeeID: '100234' });
    const p = plan([person()], [admin], '2026-11-27');
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([
      {
        target: 'ad',
        dn: admin.dn,
        sAMAccountName: 'adm.jansen',
        employeeID: '100234',
        reason:
          'employeeID matches person 100234, but the account is outside the managed OUs; no account is created or changed for this person',
      },
    ]);
  });

  it('changes neither of two accounts correlating with one person, and reports it', () => {
    const one = jansenAccount({ department: 'Old' });
    const two = jansenAccount({ dn: `CN=Jan Jansen,${CARE_OU}`, sAMAccountName: 'jan.jansen', userAccountControl: 514 });
    const p = plan([person()], [one, two], '2026-11-27');
    expect(p.actions).toEqual([]);
    expect(p.findings).toEqual([
      expect.objectContaining({ code: 'disputed-account', severity: 'error', employeeId: '100234' }),
    ]);
    expect(p.unmanaged.map((u) => u.sAMAccountName).sort()).toEqual(['j.jansen', 'jan.jansen']);
  });

  it('refuses a person id too long for employeeID, and passes input findings through', () => {
    const id = '12345678901234567';
    const input: Finding = { severity: 'warning', code: 'unknown-org-unit', employeeId: null, message: 'org unit OE77 unknown' };
    const p = plan([person({ id, contracts: [contract({ employeeId: id })] })], [], '2026-11-27', { findings: [input] });
    expect(p.actions).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(['unknown-org-unit', 'invalid-attribute']);
  });
});

describe('planAd: managers', () => {
  const boss = person({ id: '100100', name: name({ nickname: 'Bea', familyName: 'Baas' }), contracts: [contract({ employeeId: '100100' })] });
  const worker = person({ contracts: [contract({ managerPersonId: '100100' })] });
  const bossAccount = account({
    dn: `CN=Bea Baas,${ICT_OU}`,
    sAMAccountName: 'b.baas',
    userPrincipalName: 'b.baas@zorg.local',
    mail: 'b.baas@zorg.nl',
    givenName: 'Bea',
    sn: 'Baas',
    displayName: 'Bea Baas',
    initials: 'J',
    employeeID: '100100',
    department: 'ICT',
    title: 'Engineer',
    company: 'Zorggroep',
    memberOf: [GROUPS.ict, GROUPS.all],
  });

  it('sets the manager on create when the manager account exists', () => {
    const p = plan([boss, worker], [bossAccount], '2026-11-27');
    expect(changes(action(p, '0001-create-100234')).manager).toEqual([null, bossAccount.dn]);
    expectConverges([boss, worker], [bossAccount], '2026-11-27');
  });

  it('sets the manager by an update after both creates when the manager is new too', () => {
    const p = plan([boss, worker], [], '2026-11-27');
    expect(ids(p).slice(0, 3)).toEqual(['0001-create-100100', '0002-create-100234', '0003-update-100234']);
    expect(changes(action(p, '0002-create-100234'))).not.toHaveProperty('manager');
    expect(action(p, '0003-update-100234')).toMatchObject({
      changes: [{ attribute: 'manager', before: null, after: `CN=Bea Baas,${ICT_OU}` }],
      dependsOn: ['0002-create-100234', '0001-create-100100'],
    });
    expectConverges([boss, worker], [], '2026-11-27');
  });

  it('corrects a wrong manager, depending on the manager account move', () => {
    const movedBoss = person({ ...boss, contracts: [contract({ employeeId: '100100', orgUnit: CARE, function: NURSE })] });
    const p = plan([movedBoss, worker], [bossAccount, jansenAccount({ manager: 'CN=Someone,OU=Users,DC=zorg,DC=local' })], '2026-11-27');
    const update = p.actions.find((a) => a.action === 'update' && a.personId === '100234');
    expect(update).toMatchObject({
      changes: [{ attribute: 'manager', before: 'CN=Someone,OU=Users,DC=zorg,DC=local', after: `CN=Bea Baas,${CARE_OU}` }],
      dependsOn: ['0001-move-100100'],
    });
    expectConverges([movedBoss, worker], [bossAccount, jansenAccount({ manager: 'CN=Someone,OU=Users,DC=zorg,DC=local' })], '2026-11-27');
  });

  it('leaves a correct manager alone while the manager moves (AD follows the move)', () => {
    const movedBoss = person({ ...boss, contracts: [contract({ employeeId: '100100', orgUnit: CARE, function: NURSE })] });
    const p = plan([movedBoss, worker], [bossAccount, jansenAccount({ manager: bossAccount.dn.toUpperCase() })], '2026-11-27');
    expect(p.actions.filter((a) => a.personId === '100234')).toEqual([]);
  });

  it('reports a manager without account and leaves the attribute alone', () => {
    const p = plan([worker], [jansenAccount({ manager: 'CN=Manual,OU=Users,DC=zorg,DC=local' })], '2026-11-27');
    expect(p.actions).toEqual([]);
    expect(p.findings).toEqual([expect.objectContaining({ code: 'unresolved-manager', employeeId: '100234' })]);
  });
});

describe('planAd: the whole picture', () => {
  const asOf = '2026-11-27';
  const persons: Person[] = [
    // joiner, active
    person({ id: '100500', name: name({ nickname: 'Zoë', familyName: 'Brandsma' }), contracts: [contract({ employeeId: '100500', startDate: '2026-11-01', managerPersonId: '100100' })] }),
    // joiner, future
    person({ id: '100501', name: name({ nickname: 'Piet', familyName: 'Berg', familyNamePrefix: 'van den' }), contracts: [contract({ employeeId: '100501', startDate: '2026-12-01', managerPersonId: '100500' })] }),
    // manager and mover
    person({ id: '100100', name: name({ nickname: 'Bea', familyName: 'Baas' }), contracts: [contract({ employeeId: '100100', orgUnit: CARE, function: NURSE })] }),
    // leaver
    person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-11-26', managerPersonId: '100100' })] }),
  ];
  const accounts: AdAccount[] = [
    account({ dn: `CN=Bea Baas,${ICT_OU}`, sAMAccountName: 'b.baas', employeeID: '100100', memberOf: [GROUPS.ict] }),
    jansenAccount({ manager: `CN=Bea Baas,${ICT_OU}` }),
    account({ dn: `CN=Orphan,${CARE_OU}`, sAMAccountName: 'orphan', employeeID: '424242', memberOf: [GROUPS.care] }),
    account({ dn: 'CN=Administrator,CN=Users,DC=zorg,DC=local', sAMAccountName: 'Administrator' }),
  ];

  it('orders actions by kind: creates, moves, updates, enables, grants, revokes, disables, deletes', () => {
    const p = plan(persons, accounts, asOf);
    const order = ['create', 'move', 'update', 'enable', 'grant', 'revoke', 'disable', 'delete'];
    const kinds = p.actions.map((a) => order.indexOf(a.action));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    expect(p.actions.map((a, i) => a.id.startsWith(String(i + 1).padStart(4, '0')))).not.toContain(false);
    const known = new Set(p.actions.map((a) => a.id));
    for (const a of p.actions) {
      expect(a.reasons.length).toBeGreaterThan(0);
      for (const dep of a.dependsOn) {
        expect(known.has(dep)).toBe(true);
        expect(ids(p).indexOf(dep)).toBeLessThan(ids(p).indexOf(a.id));
      }
    }
    expect(p.summary.total).toBe(p.actions.length);
    expect(action(p, '0001-create-100500').account.sAMAccountName).toBe('z.brandsma');
  });

  it('is deterministic in the input order', () => {
    const a = plan(persons, accounts, asOf);
    const b = plan([...persons].reverse(), [...accounts].reverse(), asOf);
    expect(b.actions).toEqual(a.actions);
  });

  it('gives an empty plan on the state after apply', () => {
    const after = expectConverges(persons, accounts, asOf);
    const zoe = after.find((x) => x.employeeID === '100500');
    const piet = after.find((x) => x.employeeID === '100501');
    expect(zoe?.manager).toBe(`CN=Bea Baas,${CARE_OU}`);
    expect(piet?.manager).toBe(zoe?.dn);
    // And it keeps converging as the days go by.
    let state = after;
    for (const day of ['2026-12-01', '2026-12-27', '2026-12-28']) state = expectConverges(persons, state, day);
    expect(state.map((x) => x.sAMAccountName).sort()).toEqual(['Administrator', 'b.baas', 'orphan', 'p.vandenberg', 'z.brandsma']);
  });
});

describe('planAd: continuity between contracts', () => {
  it('keeps the account enabled and its groups over a weekend gap, and says so', () => {
    const weekend = person({
      contracts: [
        contract({ id: '100234_1_1', startDate: '2020-01-01', endDate: '2026-12-04' }),
        contract({ id: '100234_1_2', startDate: '2026-12-07', endDate: null }),
      ],
    });
    const p = plan([weekend], [jansenAccount()], '2026-12-05');
    expect(ids(p)).toEqual([]);
    expect(p.findings).toContainEqual(expect.objectContaining({
      severity: 'info',
      code: 'contract-gap-bridged',
      message: expect.stringContaining('a gap of 2 days, at most bridgeGapDays (7 days), so the account stays enabled and keeps its entitlements'),
    }));
    // Without bridging the weekend disables it (the next contract already in condition: in place).
    const unbridged = plan([weekend], [jansenAccount()], '2026-12-05', { policy: { ...POLICY, lifecycle: { ...POLICY.lifecycle, bridgeGapDays: 0 } } });
    expect(unbridged.actions.map((a) => a.action)).toContain('disable');
  });
});
