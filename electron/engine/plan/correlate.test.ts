import { describe, expect, it } from 'vitest';
import { account, contract, person, SETTINGS } from './ad-plan.fixtures';
import { compareIds } from '../model/compare-ids';
import { correlate, type Situation } from './correlate';

const users = SETTINGS.usersOu;

function summary(situations: readonly Situation[]): string[] {
  return situations.map((s) => {
    switch (s.kind) {
      case 'linked':
      case 'unlinked':
        return `${s.kind} ${s.person.id} ${s.account.sAMAccountName}`;
      case 'unmatched':
        return `unmatched ${s.person.id}`;
      case 'disputed':
        return `disputed ${s.persons.map((p) => p.id).join(',')} ${s.accounts.map((a) => a.sAMAccountName).join(',')}`;
      case 'source-missing':
        return `source-missing ${s.account.sAMAccountName}`;
      case 'unmanaged':
        return `unmanaged ${s.account.sAMAccountName} ${s.reason}`;
    }
  });
}

describe('correlate', () => {
  it('puts every person and account in one situation, persons by ascending id', () => {
    const p9 = person({ id: '9', contracts: [contract({ employeeId: '9' })] });
    const p10 = person({ id: '10', contracts: [contract({ employeeId: '10' }), contract({ id: '11_1_1', employeeId: '11' })] });
    const p12 = person({ id: '12', contracts: [contract({ employeeId: '12' })] });
    const p13 = person({ id: '13', contracts: [contract({ employeeId: '13' })] });
    const accounts = [
      account({ dn: `CN=A,${users}`, sAMAccountName: 'a', employeeID: ' 11 ' }), // second employee record, padded
      account({ dn: `CN=B,${SETTINGS.disabledOu}`, sAMAccountName: 'b', employeeID: '12' }),
      account({ dn: `CN=C,${SETTINGS.ouByOrgUnit.OE20}`, sAMAccountName: 'c', employeeID: '12' }),
      account({ dn: `CN=D,${users}`, sAMAccountName: 'd', employeeID: '77' }),
      account({ dn: 'CN=E,OU=Admins,DC=zorg,DC=local', sAMAccountName: 'e', employeeID: '78' }),
      account({ dn: `CN=F,${users}`, sAMAccountName: 'f', employeeID: null }),
      account({ dn: 'CN=G,OU=Admins,DC=zorg,DC=local', sAMAccountName: 'g', employeeID: '13' }),
      account({ dn: 'CN=H,DC=other,DC=org', sAMAccountName: 'h', employeeID: '9' }),
      account({ dn: `CN=I,OU=Sub,${users}`, sAMAccountName: 'i', employeeID: '79' }),
    ];
    expect(summary(correlate([p13, p12, p10, p9], accounts, SETTINGS))).toEqual([
      'unmatched 9',
      'linked 10 a',
      'disputed 12 b,c',
      'unlinked 13 g',
      'source-missing d',
      'unmanaged e outside-managed-ous',
      'unmanaged f no-employee-id',
      'unmanaged h outside-base-dn',
      'unmanaged i outside-managed-ous',
    ]);
  });

  it('disputes an account whose employeeID belongs to two persons', () => {
    const a = person({ id: '1', employeeIds: ['1', '5'], contracts: [contract({ employeeId: '1' })] });
    const b = person({ id: '2', employeeIds: ['2', '5'], contracts: [contract({ employeeId: '2' })] });
    const shared = account({ dn: `CN=S,${users}`, sAMAccountName: 's', employeeID: '5' });
    expect(summary(correlate([a, b], [shared], SETTINGS))).toEqual(['disputed 1,2 s']);
  });
});

describe('compareIds', () => {
  it('orders numeric ids by value and others as text', () => {
    expect(['10', '9', '009', 'b', 'a', '100'].sort(compareIds)).toEqual(['009', '9', '10', '100', 'a', 'b']);
  });
});
