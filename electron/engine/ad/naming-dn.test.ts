import { describe, expect, it } from 'vitest';
import { childDn, firstRdnValue, isWithin, normaliseDn, parentKey, sameDn } from './naming-dn';

describe('naming-dn', () => {
  it('treats different escapes, case and spacing of one DN as equal', () => {
    expect(sameDn('CN=Berg\\, Jan,OU=Users, DC=zorg,DC=local', 'cn=berg\\2c jan,ou=USERS,dc=zorg,dc=local')).toBe(true);
    expect(sameDn('CN=A,OU=B', 'CN=A,OU=C')).toBe(false);
    expect(sameDn(null, '')).toBe(false);
    expect(sameDn(null, undefined)).toBe(true);
  });

  it('builds, splits and contains', () => {
    expect(childDn('Berg, Jan', 'OU=Users,DC=x')).toBe('CN=Berg\\, Jan,OU=Users,DC=x');
    expect(parentKey('CN=Berg\\, Jan,OU=Users,DC=x')).toBe(normaliseDn('ou=users,dc=x'));
    expect(parentKey('DC=x')).toBe('');
    expect(firstRdnValue('CN=Zo\\C3\\AB\\2C Jan,OU=A')).toBe('Zoë, Jan');
    expect(isWithin('CN=a,OU=Users,DC=x', 'dc=X')).toBe(true);
    expect(isWithin('CN=a\\,OU=Users,DC=x', 'OU=Users,DC=x')).toBe(false);
  });

  it('never throws on a DN that does not parse', () => {
    expect(normaliseDn(' Not A DN ')).toBe('not a dn');
    expect(parentKey('garbage')).toBe('');
    expect(firstRdnValue('garbage')).toBeNull();
    expect(isWithin('garbage', 'DC=x')).toBe(false);
  });
});
