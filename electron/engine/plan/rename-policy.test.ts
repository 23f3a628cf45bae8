import { describe, expect, it } from 'vitest';
import type { AdPolicy } from '../ad/ad-policy';
import { adUndoInfo } from '../apply/undo-info';
import type { AdAccount } from '../model/ad-account';
import type { Person } from '../model/person';
import type { AdAction, Plan } from '../model/plan';
import type { RunRecord } from '../model/run';
import { runNotices } from '../notices/run-notices';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import { DEFAULT_ITERATE, DEFAULT_NAMING, type NamingConvention } from '../policy/naming-convention';
import { account, contract, name, person, POLICY, SETTINGS, simulateApply } from './ad-plan.fixtures';
import { renamedProxyAddresses } from './ad-decide';
import { planAd } from './ad-plan';
import { planUndo } from './undo-plan';
import { validatePlan, type PlanScope } from './validate-plan';

const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;
const RENAME: AdPolicy = { ...POLICY, renameLogonNames: true };
const SCOPE: PlanScope = { ad: { ...SETTINGS, ruleGroups: POLICY.rules.flatMap((r) => r.grant.adGroups ?? []), attributes: { rename: true } }, 'nedap-ons': null };

function plan(persons: readonly Person[], accounts: readonly AdAccount[], policy: AdPolicy = RENAME): Plan {
  return planAd({ persons, accounts, asOf: '2026-11-27', policy, settings: SETTINGS, now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'plan-1' });
}
const adActions = (p: Plan): AdAction[] => p.actions.filter((a): a is AdAction => a.target === 'ad');
const renameOf = (p: Plan): AdAction | undefined => adActions(p).find((a) => a.action === 'rename');
const after = (a: AdAction | undefined, attribute: string): unknown => a?.changes.find((c) => c.attribute === attribute)?.after;

const jan = (familyName: string): Person =>
  person({ id: '100001', contracts: [contract({ id: '100001_1_1', employeeId: '100001', managerPersonId: '100009' })], name: name({ nickname: 'Jan', familyName }) });
/** Jan's account as the product made it while he was called Jansen. */
const jansenAccount = (over: Partial<AdAccount> = {}): AdAccount =>
  account({
    dn: `CN=Jan Jansen,${ICT_OU}`, objectGuid: 'g-jan', sAMAccountName: 'j.jansen', userPrincipalName: 'j.jansen@zorg.local', mail: 'j.jansen@zorg.nl',
    proxyAddresses: ['SMTP:j.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'], employeeID: '100001', givenName: 'Jan', sn: 'Jansen', displayName: 'Jan Jansen',
    initials: 'J', department: 'ICT', title: 'Engineer', company: 'Zorggroep', ...over,
  });

describe('the rename policy', () => {
  it('renames sAMAccountName, UPN and mail after an HR name change, keeping the old address as an alias, with the reason', () => {
    const p = plan([jan('de Vries')], [jansenAccount()]);
    const rename = renameOf(p);
    expect(rename?.changes).toEqual([
      { attribute: 'sAMAccountName', before: 'j.jansen', after: 'j.devries' },
      { attribute: 'userPrincipalName', before: 'j.jansen@zorg.local', after: 'j.devries@zorg.local' },
      { attribute: 'mail', before: 'j.jansen@zorg.nl', after: 'j.devries@zorg.nl' },
      { attribute: 'proxyAddresses', before: ['SMTP:j.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'], after: ['SMTP:j.devries@zorg.nl', 'smtp:j.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'] },
    ]);
    expect(rename?.reasons[0]).toBe('HR changed the name (sn "Jansen" → "de Vries"); the rename policy (policy.renameLogonNames) renames the logon names by the naming convention');
    expect(rename?.reasons).toContain('the old address j.jansen@zorg.nl stays as an alias (smtp:) in proxyAddresses; j.devries@zorg.nl becomes the primary (SMTP:)');
    // The new sn waits for the rename, so a failed rename is tried again by the next run.
    const update = adActions(p).find((a) => a.action === 'update');
    expect(update?.dependsOn).toContain(rename?.id);
    expect(validatePlan(p, SCOPE)).toEqual(new Map());
    expect(plan([jan('de Vries')], simulateApply([jansenAccount()], p)).actions).toEqual([]);
  });

  it('is off by default: the logon names stay, as they always did', () => {
    const p = plan([jan('de Vries')], [jansenAccount()], POLICY);
    expect(renameOf(p)).toBeUndefined();
    expect(p.actions.flatMap((a) => a.changes.map((c) => c.attribute))).not.toContain('sAMAccountName');
  });

  it('never renames on a convention change alone (the name in HR is what the account carries)', () => {
    const naming: NamingConvention = { ...DEFAULT_NAMING, sAMAccountName: { candidates: ['{nickname}{familyName}'], iterate: DEFAULT_ITERATE, spaces: '' } };
    const p = plan([jan('Jansen')], [jansenAccount()], { ...RENAME, naming });
    expect(renameOf(p)).toBeUndefined();
  });

  it('picks unique names as for a joiner, the account\'s own names counting as free', () => {
    const taken = account({ dn: `CN=Other,${ICT_OU}`, sAMAccountName: 'j.devries', mail: 'j.devries@zorg.nl' });
    expect(after(renameOf(plan([jan('de Vries')], [jansenAccount(), taken])), 'sAMAccountName')).toBe('jan.devries');
    // Back to the old name: its own alias j.jansen@zorg.nl is free for it, and becomes the primary again.
    const married = jansenAccount({ sAMAccountName: 'j.devries', userPrincipalName: 'j.devries@zorg.local', mail: 'j.devries@zorg.nl', sn: 'de Vries', proxyAddresses: ['SMTP:j.devries@zorg.nl', 'smtp:j.jansen@zorg.nl'] });
    const back = renameOf(plan([jan('Jansen')], [married]));
    expect(after(back, 'mail')).toBe('j.jansen@zorg.nl');
    expect(after(back, 'proxyAddresses')).toEqual(['SMTP:j.jansen@zorg.nl', 'smtp:j.devries@zorg.nl']);
  });

  it('is refused by plan validation while the policy is off, and an update may not change a logon name at all', () => {
    const p = plan([jan('de Vries')], [jansenAccount()]);
    const off: PlanScope = { ...SCOPE, ad: { ...SCOPE.ad!, attributes: {} } };
    expect([...validatePlan(p, off).values()]).toEqual([
      'refused by plan validation: a rename may not write sAMAccountName, userPrincipalName, mail, proxyAddresses: the rename policy (policy.renameLogonNames) is off',
    ]);
    const sneaky: AdAction = { ...renameOf(p)!, action: 'update', id: 'x-update' };
    expect(validatePlan({ actions: [sneaky] }, SCOPE).get('x-update')).toMatch(/may not write sAMAccountName, proxyAddresses/);
    const mailOnly: AdAction = { ...sneaky, changes: sneaky.changes.filter((c) => c.attribute === 'mail') };
    expect(validatePlan({ actions: [mailOnly] }, SCOPE).get('x-update')).toMatch(/only fills in an empty mail; changing a logon name is a rename/);
    const fill: AdAction = { ...mailOnly, changes: [{ attribute: 'mail', before: null, after: 'j.jansen@zorg.nl' }] };
    expect(validatePlan({ actions: [fill] }, SCOPE)).toEqual(new Map());
  });

  it('is undone by restoring the old names, and tells the manager once', () => {
    const before = jansenAccount();
    const rename = renameOf(plan([jan('de Vries')], [before]))!;
    const now = simulateApply([before], { ...plan([jan('de Vries')], [before]), actions: [rename] })[0]!;
    const run: RunRecord = {
      runId: 'run-1', planId: 'plan-1', asOf: '2026-11-27', trigger: 'cli', startedAt: 't', finishedAt: 't', status: 'completed', actions: [rename],
      outcomes: [{ actionId: rename.id, outcome: 'updated', error: null, at: 't', undo: adUndoInfo(rename, before) }],
      summary: { created: 0, updated: 1, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null,
    };
    const undo = adActions(planUndo({ run, accounts: [now], lastLogon: () => null, disabledOu: SETTINGS.disabledOu, asOf: '2026-11-28' }));
    expect(undo.map((a) => a.action)).toEqual(['rename']);
    expect(undo[0]?.changes).toEqual([
      { attribute: 'sAMAccountName', before: 'j.devries', after: 'j.jansen' },
      { attribute: 'userPrincipalName', before: 'j.devries@zorg.local', after: 'j.jansen@zorg.local' },
      { attribute: 'mail', before: 'j.devries@zorg.nl', after: 'j.jansen@zorg.nl' },
      { attribute: 'proxyAddresses', before: ['SMTP:j.devries@zorg.nl', 'smtp:j.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'], after: ['SMTP:j.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'] },
    ]);

    const manager = person({ id: '100009', contracts: [contract({ id: '100009_1_1', employeeId: '100009' })], businessEmail: 'boss@zorg.nl' });
    const notices = runNotices({
      run, persons: [jan('de Vries'), manager], accounts: new Map(), lifecycle: DEFAULT_LIFECYCLE, leaverNoticeDays: 7, itAddress: null,
      languages: { managers: 'en', it: 'en' },
    });
    expect(notices).toEqual([{
      key: 'renamed:100001:j.devries:j.devries@zorg.nl', to: 'boss@zorg.nl', language: 'en',
      content: { kind: 'renamed', personName: 'Jan de Vries', oldAccount: 'j.jansen', account: 'j.devries', oldMail: 'j.jansen@zorg.nl', mail: 'j.devries@zorg.nl' },
    }]);
  });

  it('demotes other primaries and never lists the new address twice', () => {
    expect(renamedProxyAddresses(['SMTP:a@x.nl', 'smtp:b@x.nl', 'sip:a@x.nl'], 'a@x.nl', 'b@x.nl')).toEqual(['SMTP:b@x.nl', 'smtp:a@x.nl', 'sip:a@x.nl']);
    expect(renamedProxyAddresses([], 'a@x.nl', 'b@x.nl')).toEqual(['SMTP:b@x.nl', 'smtp:a@x.nl']);
  });
});
