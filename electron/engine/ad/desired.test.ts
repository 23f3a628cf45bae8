import { describe, expect, it } from 'vitest';
import { contract, GROUPS, name, person, POLICY, SETTINGS } from '../plan/ad-plan.fixtures';
import { adNameProblems, desiredAccount, disableStamp, isDisableStamp } from './desired';

describe('desiredAccount', () => {
  const asOf = '2026-06-01';

  it('computes the default attributes from the name and the primary contract', () => {
    const p = person({ name: name({ initials: 'J.H.', nickname: 'Jan', familyName: 'Berg', familyNamePrefix: 'van den' }) });
    const { desired, findings } = desiredAccount(p, asOf, POLICY, SETTINGS);
    expect(findings).toEqual([]);
    expect(desired?.attributes).toEqual({
      givenName: 'Jan',
      sn: 'van den Berg',
      displayName: 'Jan van den Berg',
      initials: 'JH',
      employeeID: '100234',
      department: 'ICT',
      title: 'Engineer',
      company: 'Zorggroep',
    });
    expect(desired?.cnBase).toBe('Jan van den Berg');
    expect(desired?.ou).toBe(SETTINGS.ouByOrgUnit.OE10);
    expect(desired?.exists).toBe(true);
    expect(desired?.enabled).toBe(true);
    expect(desired?.description).toEqual({ managed: false });
    expect(desired?.groups.map((g) => g.dn)).toEqual([GROUPS.ict, GROUPS.all]);
  });

  it('falls back to the users OU for an org unit without an OU of its own', () => {
    const p = person({ contracts: [contract({ orgUnit: { id: 'OE99', name: 'Finance' } })] });
    expect(desiredAccount(p, asOf, POLICY, SETTINGS).desired?.ou).toBe(SETTINGS.usersOu);
  });

  it('applies templates over computed values and fields, in dependency order', () => {
    const policy = {
      ...POLICY,
      templates: {
        displayName: '{givenName} {sn} ({employeeID})',
        description: '{functionName} bij {orgUnitName}',
        cn: '{sn}, {givenName}',
      },
    };
    const { desired, findings } = desiredAccount(person(), asOf, policy, SETTINGS);
    expect(findings).toEqual([]);
    expect(desired?.attributes.displayName).toBe('Jan Jansen (100234)');
    expect(desired?.description).toEqual({ managed: true, value: 'Engineer bij ICT' });
    expect(desired?.cnBase).toBe('Jansen, Jan');
  });

  it('reports a broken template and keeps the default', () => {
    const { desired, findings } = desiredAccount(person(), asOf, { ...POLICY, templates: { displayName: '{nope}' } }, SETTINGS);
    expect(desired?.attributes.displayName).toBe('Jan Jansen');
    expect(findings.map((f) => f.code)).toEqual(['template-error']);
  });

  it('refuses a person id longer than 16 characters', () => {
    const id = '12345678901234567';
    const { desired, findings } = desiredAccount(person({ id, contracts: [contract({ employeeId: id })] }), asOf, POLICY, SETTINGS);
    expect(desired).toBeNull();
    expect(findings[0]).toMatchObject({ code: 'invalid-attribute', severity: 'error', employeeId: id });
  });

  it('cuts values longer than Windows AD allows, with a warning', () => {
    const p = person({ contracts: [contract({ orgUnit: { id: 'OE10', name: 'D'.repeat(80) } })] });
    const { desired, findings } = desiredAccount(p, asOf, POLICY, SETTINGS);
    expect(desired?.attributes.department).toHaveLength(64);
    expect(findings.map((f) => f.code)).toEqual(['invalid-attribute']);
  });

  it('grants no groups outside the in-condition window', () => {
    const ended = person({ contracts: [contract({ startDate: '2020-01-01', endDate: '2026-05-20' })] });
    const { desired } = desiredAccount(ended, asOf, POLICY, SETTINGS);
    expect(desired?.lifecycle.stage).toBe('disabled');
    expect(desired?.groups).toEqual([]);
    expect(desired?.exists).toBe(false);
  });
});

describe('adNameProblems', () => {
  it('checks what Windows AD enforces and Samba does not', () => {
    expect(adNameProblems({ sAMAccountName: 'a.vandenberg', cn: 'Anna', employeeID: '100234', userPrincipalName: 'a@x' })).toEqual([]);
    expect(adNameProblems({ sAMAccountName: 'abcdefghijklmnopqrstu' })).toEqual(['sAMAccountName "abcdefghijklmnopqrstu" is longer than 20 characters']);
    expect(adNameProblems({ sAMAccountName: 'a/b[c]@d' })).toEqual(['sAMAccountName "a/b[c]@d" contains / [ ] @']);
    expect(adNameProblems({ cn: 'x'.repeat(65) })[0]).toMatch(/longer than 64/);
    expect(adNameProblems({ employeeID: '1'.repeat(17) })[0]).toMatch(/longer than 16/);
    expect(adNameProblems({ userPrincipalName: `${'u'.repeat(65)}@zorg.local` })[0]).toMatch(/prefix .* longer than 64/);
  });
});

describe('disable stamp', () => {
  it('says who disabled the account, when and why', () => {
    const stamp = disableStamp('2026-11-27', 'contract 100234_1_1 ended 2026-11-26');
    expect(stamp).toBe('Disabled by HR Provisioner on 2026-11-27: contract 100234_1_1 ended 2026-11-26');
    expect(isDisableStamp(stamp)).toBe(true);
    expect(isDisableStamp('Laptop 42')).toBe(false);
  });
});
