import { describe, expect, it } from 'vitest';
import type { AdAccount } from '../model/ad-account';
import type { AdAction } from '../model/plan';
import { normaliseDn } from '../ad/naming-dn';
import { recheck } from './recheck';

const USERS = 'OU=Users,DC=x';
const MANAGED = new Set([USERS, 'OU=Disabled,DC=x'].map(normaliseDn));

function account(over: Partial<AdAccount> = {}): AdAccount {
  return {
    dn: `CN=Jan,${USERS}`, objectGuid: 'g-1', sAMAccountName: 'jan', userPrincipalName: null, mail: null, cn: 'Jan',
    givenName: 'Jan', sn: null, displayName: null, initials: null, employeeID: '1', department: 'ICT', title: null,
    company: null, manager: null, description: null, userAccountControl: 512, memberOf: [], whenChanged: null, proxyAddresses: [], ...over,
  };
}

function action(over: Partial<AdAction> & Pick<AdAction, 'action' | 'changes'>): AdAction {
  return { id: 'a', target: 'ad', personId: '1', account: { dn: `CN=Jan,${USERS}`, sAMAccountName: 'jan', objectGuid: 'g-1' }, entitlement: null, reasons: [], dependsOn: [], ...over };
}

describe('recheck before a write', () => {
  const update = action({ action: 'update', changes: [{ attribute: 'department', before: 'ICT', after: 'Care' }, { attribute: 'employeeID', before: '1', after: '1' }] });

  it('passes when the account and its attributes are as the plan saw them, or already as it wants them', () => {
    expect(recheck(update, account(), MANAGED)).toBeNull();
    expect(recheck(update, account({ department: 'Care' }), MANAGED)).toBeNull();
  });

  it('skips an attribute someone changed after the preview, saying what it became', () => {
    expect(recheck(update, account({ department: 'Finance' }), MANAGED)).toBe(
      'department was changed to "Finance" after the preview (the plan saw "ICT"); it is not overwritten: preview again',
    );
    expect(recheck(update, account({ department: null }), MANAGED)).toMatch(/^department was cleared after the preview/);
  });

  it('overwrites what the app owns outright: employeeID, the enabled bit, and the disable stamp', () => {
    expect(recheck(update, account({ employeeID: '2' }), MANAGED)).toBeNull();
    const disable = action({ action: 'disable', changes: [{ attribute: 'userAccountControl', before: '512', after: '514' }, { attribute: 'description', before: null, after: 'Disabled by HR Provisioner on 2026-11-27: left' }] });
    expect(recheck(disable, account({ userAccountControl: 66048, description: 'a note' }), MANAGED)).toBeNull();
    // The same description in an update (a template) is the admin's too.
    expect(recheck(action({ action: 'update', changes: [{ attribute: 'description', before: null, after: 'x' }] }), account({ description: 'a note' }), MANAGED)).not.toBeNull();
  });

  it('skips every write to an account moved out of the managed OUs, and a move of an account moved elsewhere', () => {
    const disable = action({ action: 'disable', changes: [{ attribute: 'userAccountControl', before: '512', after: '514' }] });
    expect(recheck(disable, account({ dn: 'CN=Jan,OU=Service,DC=x' }), MANAGED)).toBe(
      'the account jan was moved to OU=Service,DC=x after the preview, outside the managed OUs: it is not changed',
    );
    const move = action({ action: 'move', changes: [{ attribute: 'dn', before: `CN=Jan,${USERS}`, after: 'CN=Jan,OU=Disabled,DC=x' }] });
    expect(recheck(move, account(), MANAGED)).toBeNull();
    expect(recheck(move, account({ dn: 'CN=Jan 2,OU=Users,DC=x' }), MANAGED)).toMatch(/^the account was moved to CN=Jan 2/);
  });
});
