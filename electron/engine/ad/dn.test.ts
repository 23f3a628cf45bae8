import { describe, expect, it } from 'vitest';
import {
  childDn, childKey, cnRdn, dnEquals, DnSyntaxError, escapeDnValue, formatDn, isUnder, isWithin, leafValue, normaliseDn,
  parentDn, parseDn, rdn,
} from './dn';

describe('escapeDnValue / cnRdn', () => {
  it.each([
    ['Doe, John', 'CN=Doe\\, John'],
    ['A+B', 'CN=A\\+B'],
    ['#lead', 'CN=\\#lead'],
    ['mid#hash', 'CN=mid#hash'],
    ['Q"uote', 'CN=Q\\"uote'],
    ['Back\\slash', 'CN=Back\\\\slash'],
    ['Semi;colon', 'CN=Semi\\;colon'],
    ['<angle>', 'CN=\\<angle\\>'],
    ['E=q', 'CN=E\\=q'],
    ['Trail ', 'CN=Trail\\ '],
    [' Lead', 'CN=\\ Lead'],
    ['Zoë Ünïcødé', 'CN=Zoë Ünïcødé'],
    ['Sl/ash', 'CN=Sl/ash'],
    ['line\nfeed', 'CN=line\\0Afeed'],
  ])('%j -> %s', (value, expected) => {
    expect(cnRdn(value)).toBe(expected);
  });

  it('round-trips every nasty value through parseDn', () => {
    for (const v of ['Doe, John', 'A+B', '#lead', 'Q"uote', 'Back\\slash', 'Semi;colon', 'Zoë Ünïcødé', 'Trail ', ' Lead', 'x\\', '  ']) {
      const dn = childDn(v, 'OU=Users,DC=test,DC=local');
      expect(leafValue(dn)).toBe(v);
      expect(parentDn(dn)).toBe('OU=Users,DC=test,DC=local');
    }
  });

  it('rejects empty values and bad types', () => {
    expect(() => cnRdn('')).toThrow(DnSyntaxError);
    expect(() => rdn('C N', 'x')).toThrow(DnSyntaxError);
  });

  it('escapes a single space as leading', () => {
    expect(escapeDnValue(' ')).toBe('\\ ');
  });
});

describe('parseDn', () => {
  it('parses types, values and multi-valued RDNs', () => {
    expect(parseDn('CN=Doe\\, John+employeeID=1,OU=Users , DC=test;DC=local')).toEqual([
      [{ type: 'CN', value: 'Doe, John' }, { type: 'employeeID', value: '1' }],
      [{ type: 'OU', value: 'Users' }],
      [{ type: 'DC', value: 'test' }],
      [{ type: 'DC', value: 'local' }],
    ]);
  });

  it('decodes hex escapes, including multi-byte UTF-8', () => {
    expect(leafValue('CN=Semi\\3Bcolon,DC=x')).toBe('Semi;colon');
    expect(leafValue('CN=E\\3Dq,DC=x')).toBe('E=q');
    expect(leafValue('CN=Zo\\C3\\AB,DC=x')).toBe('Zoë');
    expect(leafValue('CN=Hex\\2Cesc,DC=x')).toBe('Hex,esc');
  });

  it('keeps escaped trailing spaces and drops unescaped ones', () => {
    expect(leafValue('CN=Trail\\ ,DC=x')).toBe('Trail ');
    expect(leafValue('CN=Trail\\20,DC=x')).toBe('Trail ');
    expect(leafValue('CN=Trail  ,DC=x')).toBe('Trail');
  });

  it('accepts an unescaped = inside a value (RFC 4514)', () => {
    expect(leafValue('CN=a=b,DC=x')).toBe('a=b');
  });

  it('keeps #hex values literally', () => {
    expect(leafValue('CN=#04024869,DC=x')).toBe('#04024869');
  });

  it('returns [] for the empty DN', () => {
    expect(parseDn('')).toEqual([]);
  });

  it.each(['CN', 'CN=', '=x', 'CN=a,', 'CN=a\\', 'CN=a"b', 'CN=a<b', ',DC=x'])('rejects %j', (bad) => {
    expect(() => parseDn(bad)).toThrow(DnSyntaxError);
  });
});

describe('normaliseDn / dnEquals', () => {
  it('treats Samba-rewritten escapes and case as equal', () => {
    expect(dnEquals('CN=Semi\\;colon,OU=Users,DC=test,DC=local', 'cn=semi\\3bcolon,ou=users,dc=TEST,dc=local')).toBe(true);
    expect(dnEquals('CN=Hex\\2Cesc,DC=x', 'CN=Hex\\,esc,DC=x')).toBe(true);
    expect(dnEquals('CN=Zoë Ünïcødé,DC=x', 'CN=ZO\\C3\\8B \\C3\\9Cn\\C3\\AFc\\C3\\B8d\\C3\\A9,DC=x')).toBe(true);
    expect(dnEquals('CN=a+OU=b,DC=x', 'OU=b+CN=a,DC=x')).toBe(true);
  });

  it('tells different entries apart', () => {
    expect(dnEquals('CN=Trail\\ ,DC=x', 'CN=Trail,DC=x')).toBe(false);
    expect(dnEquals('CN=a,OU=b,DC=x', 'CN=a,DC=x')).toBe(false);
  });

  it('treats NFC and NFD forms as equal', () => {
    expect(normaliseDn('CN=Zo\u00eb,DC=x')).toBe(normaliseDn('CN=Zoe\u0308,DC=x'));
  });
});

describe('parentDn / isUnder / isWithin', () => {
  it('gives the parent, re-serialised', () => {
    expect(parentDn('CN=Semi\\3Bcolon,OU=Users,DC=test,DC=local')).toBe('OU=Users,DC=test,DC=local');
    expect(parentDn('DC=local')).toBe('');
    expect(() => parentDn('')).toThrow(DnSyntaxError);
  });

  it('compares subtrees case- and escape-insensitively', () => {
    expect(isUnder('CN=a,OU=Zorg,OU=Users,OU=HRP,DC=test,DC=local', 'ou=hrp,dc=TEST,dc=local')).toBe(true);
    expect(isUnder('OU=HRP,DC=test,DC=local', 'OU=HRP,DC=test,DC=local')).toBe(false);
    expect(isWithin('OU=HRP,DC=test,DC=local', 'ou=hrp,DC=test,DC=local')).toBe(true);
    expect(isUnder('CN=a,OU=Other,DC=test,DC=local', 'OU=HRP,DC=test,DC=local')).toBe(false);
    // A sibling whose name merely ends the same way is not below it.
    expect(isUnder('CN=a,OU=XHRP,DC=test,DC=local', 'OU=HRP,DC=test,DC=local')).toBe(false);
    expect(isUnder('CN=x\\,OU=HRP,DC=test,DC=local', 'OU=HRP,DC=test,DC=local')).toBe(false);
  });

  it('formatDn re-escapes canonically', () => {
    expect(formatDn(parseDn('CN=Semi\\3Bcolon,DC=x'))).toBe('CN=Semi\\;colon,DC=x');
  });
});

describe('childKey', () => {
  it('is the key of the DN childDn builds, for plain and awkward names alike', () => {
    const names = ['Jan Jansen', 'Doe, John', ' lead', 'trail ', '#hash', 'a+b=c', 'Zoë Ëlla', 'İlker', 'x\u0001y', 'back\\slash', 'a  ', '"q"<>;'];
    for (const parent of ['OU=Users,DC=Test,DC=local', 'ou=Team\\, A,dc=test,dc=local', '']) {
      for (const name of names) expect(childKey(name, parent)).toBe(normaliseDn(childDn(name, parent)));
    }
  });

  it('refuses an empty name, as childDn does', () => {
    expect(() => childKey('', 'DC=x')).toThrow(DnSyntaxError);
  });
});

describe('escapeDnValue of values with nothing to escape', () => {
  it('returns them unchanged, and still escapes a leading # or space and a trailing space', () => {
    expect(escapeDnValue('Jan Jansen')).toBe('Jan Jansen');
    expect(escapeDnValue('Zoë')).toBe('Zoë');
    expect(escapeDnValue('')).toBe('');
    expect(escapeDnValue('#a')).toBe('\\#a');
    expect(escapeDnValue('a ')).toBe('a\\ ');
    expect(escapeDnValue(' a')).toBe('\\ a');
  });
});
