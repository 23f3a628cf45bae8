import { describe, expect, it } from 'vitest';
import { account, name } from '../plan/ad-plan.fixtures';
import { attributeCandidates } from '../policy/name-candidates';
import { DEFAULT_NAMING, nameTokens } from '../policy/naming-convention';
import { candidateSpec } from '../policy/naming-preview';
import { desiredNames, type DesiredNames } from './desired';
import { NameRegistry, cnWithSuffix, smtpAddresses } from './naming';
import { pickCn, pickLogonNames } from './pick-names';

const DOMAINS = { upnSuffix: 'zorg.local', mailDomain: 'zorg.nl' };

function first<T>(iterable: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length === n) break;
    out.push(item);
  }
  return out;
}

// The default convention reproduces the names this product always made.
function sams(given: string, family: string): Generator<string> {
  const tokens = nameTokens(name({ nickname: given, givenName: given, familyName: family }), ' - ');
  return attributeCandidates(candidateSpec(DEFAULT_NAMING, 'sAMAccountName', tokens));
}

function names(given: string, family: string): DesiredNames {
  const tokens = nameTokens(name({ nickname: given, givenName: given, familyName: family }), ' - ');
  return desiredNames(DEFAULT_NAMING, tokens, `${given} ${family}`, { ...DOMAINS, baseDn: '', usersOu: '', disabledOu: '', ouByOrgUnit: {} });
}

function pickSam(registry: NameRegistry, given: string, family: string): string | null {
  const pick = pickLogonNames(registry, names(given, family));
  return pick.kind === 'picked' ? pick.names.sAMAccountName : null;
}

describe('default sAMAccountName candidates', () => {
  it('gives f.last, first.last, f.last2, f.last3 …', () => {
    expect(first(sams('Anna', 'van den Berg'), 5)).toEqual([
      'a.vandenberg',
      'anna.vandenberg',
      'a.vandenberg2',
      'a.vandenberg3',
      'a.vandenberg4',
    ]);
  });

  it('turns Zoë into zoe', () => {
    expect(first(sams('Zoë', 'Brandsmä'), 2)).toEqual(['z.brandsma', 'zoe.brandsma']);
  });

  it('cuts the name part so the whole is at most 20 characters, suffix included', () => {
    const all = first(sams('Maximiliaan', 'van der Heijden-Koppenberg'), 4);
    expect(all).toEqual(['m.vanderheijden-kopp', 'maximiliaan.vanderhe', 'm.vanderheijden-kop2', 'm.vanderheijden-kop3']);
    for (const sam of first(sams('Maximiliaan', 'van der Heijden-Koppenberg'), 200)) {
      expect(sam.length).toBeLessThanOrEqual(20);
    }
    expect(first(sams('Maximiliaan', 'van der Heijden-Koppenberg'), 200).at(-1)).toBe('m.vanderheijden-k199');
  });

  it('never ends a candidate in a period left by the cut', () => {
    expect(first(sams('Abcdefghijklmnopqrs', 'Z'), 2)).toEqual(['a.z', 'abcdefghijklmnopqrs']);
  });

  it('skips a duplicate when the given name is one letter', () => {
    expect(first(sams('J', 'Doe'), 3)).toEqual(['j.doe', 'j.doe2', 'j.doe3']);
  });

  it('transliterates names in other scripts instead of giving nothing', () => {
    expect(first(sams('李', '王'), 2)).toEqual(['l.wang', 'li.wang']);
    // The A is Cyrillic (U+0410): it must not vanish.
    expect(first(sams('\u0410dmin', 'Berg'), 2)).toEqual(['a.berg', 'admin.berg']);
  });

  it('never gives a doubled or trailing dot', () => {
    expect(first(sams('Jan.', 'Berg'), 2)).toEqual(['j.berg', 'jan.berg']);
  });

  it('is lazy', () => {
    expect(sams('Anna', 'Berg').next().value).toBe('a.berg');
  });
});

describe('CN numbering', () => {
  it('appends " 2", " 3" and cuts the name before the suffix at 64', () => {
    expect(cnWithSuffix('Jan Jansen', 1)).toBe('Jan Jansen');
    expect(cnWithSuffix('Jan Jansen', 2)).toBe('Jan Jansen 2');
    const long = 'A'.repeat(70);
    expect(cnWithSuffix(long, 1)).toBe('A'.repeat(64));
    expect(cnWithSuffix(long, 12)).toBe(`${'A'.repeat(61)} 12`);
  });

  it('cuts by grapheme, never leaving half an emoji', () => {
    // A plain slice(0, 62) keeps the high half of the emoji: AD stores U+FFFD and every preview renames again.
    expect(cnWithSuffix(`${'A'.repeat(61)}😀`, 2)).toBe(`${'A'.repeat(61)} 2`);
    expect(cnWithSuffix(`${'A'.repeat(63)}😀`, 1)).toBe('A'.repeat(63));
  });
});

describe('NameRegistry', () => {
  const ou = 'OU=Users,DC=zorg,DC=local';

  it('skips candidates whose sAMAccountName is taken, case-insensitively, by any account', () => {
    const registry = NameRegistry.fromAccounts([account({ dn: `CN=X,${ou}`, sAMAccountName: 'A.Berg' })]);
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('anna.berg');
  });

  it('skips a candidate whose UPN or mail is in use, even when its sAMAccountName is free', () => {
    const registry = NameRegistry.fromAccounts([
      account({ dn: `CN=X,${ou}`, sAMAccountName: 'other1', userPrincipalName: 'a.berg@zorg.local' }),
      account({ dn: `CN=Y,${ou}`, sAMAccountName: 'other2', mail: 'anna.berg@zorg.nl' }),
      // A mail value that equals a candidate UPN counts too: both are addresses.
      account({ dn: `CN=Z,${ou}`, sAMAccountName: 'other3', mail: 'a.berg2@zorg.local' }),
    ]);
    expect(pickLogonNames(registry, names('Anna', 'Berg'))).toEqual({ kind: 'picked', names: {
      sAMAccountName: 'a.berg3',
      userPrincipalName: 'a.berg3@zorg.local',
      mail: 'a.berg3@zorg.nl',
    } });
  });

  it('reserves what it hands out, so two persons in one plan never share a name', () => {
    const registry = NameRegistry.fromAccounts([]);
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('a.berg');
    expect(pickSam(registry, 'Anton', 'Berg')).toBe('anton.berg');
    expect(pickSam(registry, 'Aart', 'Berg')).toBe('aart.berg');
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('anna.berg');
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('a.berg2');
  });

  it('counts sAMAccountNames of groups and computers, and addresses of contacts', () => {
    const registry = NameRegistry.fromAccounts([], { sAMAccountNames: ['A.BERG'] });
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('anna.berg');
    const withContact = NameRegistry.fromAccounts([], { addresses: [`A.Berg@${DOMAINS.mailDomain.toUpperCase()}`] });
    expect(pickSam(withContact, 'Anna', 'Berg')).toBe('anna.berg');
  });

  it('counts the SMTP proxy addresses of accounts, primary and alias, and no other kinds', () => {
    expect(smtpAddresses(['SMTP:Anna.Berg@zorg.nl', 'smtp:ab@zorg.nl', 'X500:/o=Zorg/cn=anna', 'SIP:anna@zorg.nl', 'smtp:'])).toEqual(['Anna.Berg@zorg.nl', 'ab@zorg.nl']);
    const registry = NameRegistry.fromAccounts([account({ dn: `CN=X,${ou}`, sAMAccountName: 'x1', proxyAddresses: [`smtp:a.berg@${DOMAINS.mailDomain}`, 'X500:a.berg'] })]);
    expect(pickSam(registry, 'Anna', 'Berg')).toBe('anna.berg');
  });

  it('says which attribute ran out when every candidate is taken', () => {
    const taken = ['a.berg', ...Array.from({ length: 1000 }, (_, i) => `a.berg${i + 2}`)];
    const registry = NameRegistry.fromAccounts([], { sAMAccountNames: taken });
    expect(pickLogonNames(registry, names('A', 'Berg'))).toEqual({ kind: 'exhausted', attribute: 'sAMAccountName' });
  });

  it('numbers CNs per OU, case-insensitively, and leaves other OUs alone', () => {
    const registry = NameRegistry.fromAccounts([
      account({ dn: `CN=jan jansen,${ou}` }),
      account({ dn: `CN=Jan Jansen 2,${ou}` }),
      account({ dn: 'CN=Piet Smit,OU=Other,DC=zorg,DC=local' }),
    ]);
    const cns = (displayName: string): Iterable<string> =>
      attributeCandidates(candidateSpec(DEFAULT_NAMING, 'cn', nameTokens(name(), ' - '), { displayName }));
    expect(pickCn(registry, ou.toUpperCase(), cns('Jan Jansen'), null)).toBe('Jan Jansen 3');
    expect(pickCn(registry, ou, cns('Jan Jansen'), null)).toBe('Jan Jansen 4');
    expect(pickCn(registry, ou, cns('Piet Smit'), null)).toBe('Piet Smit');
  });
});
