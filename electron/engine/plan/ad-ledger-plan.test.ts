import { describe, expect, it } from 'vitest';
import type { AdAccount } from '../model/ad-account';
import type { AdPolicy } from '../ad/ad-policy';
import type { Person } from '../model/person';
import type { AdAction, Plan } from '../model/plan';
import { EntitlementLedger } from '../state/entitlement-ledger';
import { account, contract, GROUPS, grantedLedger, person, POLICY, SETTINGS } from './ad-plan.fixtures';
import { planAd } from './ad-plan';

// Revokes come from the entitlement ledger, not from today's rules.

const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;
const jan = (memberOf: readonly string[]): AdAccount =>
  account({
    dn: `CN=Jan Jansen,${ICT_OU}`, sAMAccountName: 'j.jansen', userPrincipalName: 'j.jansen@zorg.local', mail: 'j.jansen@zorg.nl',
    givenName: 'Jan', sn: 'Jansen', displayName: 'Jan Jansen', initials: 'J', employeeID: '100234', department: 'ICT', title: 'Engineer',
    company: 'Zorg BV', userAccountControl: 512, memberOf,
  });

function plan(persons: readonly Person[], accounts: readonly AdAccount[], ledger: EntitlementLedger | undefined, policy: AdPolicy = POLICY, asOf = '2026-11-27'): Plan {
  return planAd({ persons, accounts, asOf, policy, settings: SETTINGS, ...(ledger ? { ledger } : {}), now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'p' });
}

const groupActions = (p: Plan): string[] =>
  p.actions.filter((a): a is AdAction => a.target === 'ad' && (a.action === 'grant' || a.action === 'revoke')).map((a) => `${a.action} ${a.entitlement ?? ''}`);

describe('planAd with the entitlement ledger', () => {
  it('a removed rule revokes only what it granted, saying which rule', () => {
    const account = jan([GROUPS.ict, GROUPS.all]);
    const withoutIct: AdPolicy = { ...POLICY, rules: POLICY.rules.filter((r) => r.name !== 'ICT staff') };
    const p = plan([person()], [account], grantedLedger([account]), withoutIct);
    expect(groupActions(p)).toEqual([`revoke ${GROUPS.ict}`]);
    expect(p.actions.find((a) => a.action === 'revoke')?.reasons).toEqual(['rule "ICT staff" granted it on 2026-01-05; that rule is no longer configured']);
  });

  it('keeps a member added by hand to a group some rule grants (the ledger never recorded it)', () => {
    // Care staff is a rule group, but no rule gives it to Jan, and the app never granted it.
    const account = jan([GROUPS.ict, GROUPS.all, GROUPS.care]);
    const ledger = grantedLedger([{ ...account, memberOf: [GROUPS.ict, GROUPS.all] }]);
    expect(groupActions(plan([person()], [account], ledger))).toEqual([]);
    // Not even when the account is retired: only what the app granted goes.
    const leaver = person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-11-26' })] });
    expect(groupActions(plan([leaver], [account], ledger))).toEqual([`revoke ${GROUPS.all}`, `revoke ${GROUPS.ict}`]);
  });

  it('the first run (no ledger) adopts what the rules grant and revokes nothing', () => {
    const account = jan([GROUPS.ict, GROUPS.all, GROUPS.care]);
    const p = plan([person()], [account], undefined);
    expect(groupActions(p)).toEqual([]);
    expect(p.ledgerNotes?.map((n) => `${n.kind} ${n.entitlement} ${n.rule ?? ''}`)).toEqual([`adopt ${GROUPS.all} All staff`, `adopt ${GROUPS.ict} ICT staff`]);
  });

  it('records the rule on a grant, and forgets entries whose membership or account is gone', () => {
    const account = jan([GROUPS.all]);
    const ledger = new EntitlementLedger([
      ...grantedLedger([{ ...account, memberOf: [GROUPS.all, GROUPS.care] }]).entries,
      { target: 'ad', account: 'gone.user', accountId: 'g-9', entitlement: GROUPS.all, rule: 'All staff', how: 'granted', at: '2026-01-01T00:00:00Z' },
    ]);
    const p = plan([person()], [account], ledger);
    expect(p.actions.filter((a) => a.action === 'grant').map((a) => (a.target === 'ad' ? a.rule : null))).toEqual(['ICT staff']);
    expect(p.ledgerNotes?.map((n) => `${n.kind} ${n.account} ${n.entitlement}`)).toEqual([`forget gone.user ${GROUPS.all}`, `forget j.jansen ${GROUPS.care}`]);
  });
});
