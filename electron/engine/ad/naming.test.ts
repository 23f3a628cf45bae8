import { describe, expect, it } from 'vitest';
import { account, name } from '../plan/ad-plan.fixtures';
import {
  NameRegistry,
  cnWithSuffix,
  isCnVariantOf,
  logonPart,
  nameParts,
  samAccountNameCandidates,
  smtpAddresses,
} from './naming';

const DOMAINS = { upnSuffix: 'zorg.local', mailDomain: 'zorg.nl' };

function first<T>(iterable: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length === n) break;
    out.push(item);
  }
  return out;
}

describe('nameParts', () => {
  const berg = { givenName: 'Anna', nickname: '', familyName: 'Berg', familyNamePrefix: 'van den', partnerName: 'Jansen' };

  it.each([
    ['B', 'van den Berg', 'vandenberg'],
    ['P', 'Jansen', 'jansen'],
    ['BP', 'van den Berg - Jansen', 'vandenberg'],
    ['PB', 'Jansen - van den Berg', 'jansen'],
  ] as const)('convention %s gives sn "%s" and logon family name %s', (convention, sn, logon) => {
    const parts = nameParts(name({ ...berg, convention }));
    expect(parts.sn).toBe(sn);
    expect(parts.displayName).toBe(`Anna ${sn}`);
    expect(logonPart(parts.logonFamilyName)).toBe(logon);
  });

  it('follows the HelloID example: Janine van den Boele / de Vries', () => {
    const janine = { givenName: 'Janine', nickname: '', familyName: 'Boele', familyNamePrefix: 'van den', partnerName: 'Vries', partnerNamePrefix: 'de' };
    expect(nameParts(name({ ...janine, convention: 'B' })).displayName).toBe('Janine van den Boele');
    expect(nameParts(name({ ...janine, convention: 'BP' })).displayName).toBe('Janine van den Boele - de Vries');
    expect(nameParts(name({ ...janine, convention: 'P' })).displayName).toBe('Janine de Vries');
    expect(nameParts(name({ ...janine, convention: 'PB' })).displayName).toBe('Janine de Vries - van den Boele');
  });

  it('prefers the nickname and falls back to the first name', () => {
    expect(nameParts(name({ givenName: 'Johannes', nickname: 'Jan' })).givenName).toBe('Jan');
    expect(nameParts(name({ givenName: 'Johannes', nickname: '' })).givenName).toBe('Johannes');
  });

  it('falls back to the birth name when a partner convention has no partner name', () => {
    expect(nameParts(name({ familyName: 'Berg', partnerName: '', convention: 'P' })).sn).toBe('Berg');
    expect(nameParts(name({ familyName: 'Berg', partnerName: '', convention: 'PB' })).sn).toBe('Berg');
  });

  it('writes initials without dots, at most 6', () => {
    expect(nameParts(name({ initials: 'J.H.' })).initials).toBe('JH');
    expect(nameParts(name({ initials: 'A.B.C.D.E.F.G.' })).initials).toBe('ABCDEF');
  });
});

describe('logonPart', () => {
  it('removes diacritics, spaces and other characters', () => {
    expect(logonPart('Zoë')).toBe('zoe');
    expect(logonPart('van den Berg')).toBe('vandenberg');
    expect(logonPart("d'Ancona-Smit")).toBe('dancona-smit');
    expect(logonPart('Øystein Straße')).toBe('oysteinstrasse');
    expect(logonPart('Çelik Şahin')).toBe('celiksahin');
  });
});

describe('samAccountNameCandidates', () => {
  it('gives f.last, first.last, f.last2, f.last3 …', () => {
    expect(first(samAccountNameCandidates('Anna', 'van den Berg'), 5)).toEqual([
      'a.vandenberg',
      'anna.vandenberg',
      'a.vandenberg2',
      'a.vandenberg3',
      'a.vandenberg4',
    ]);
  });

  it('turns Zoë into zoe', () => {
    expect(first(samAccountNameCandidates('Zoë', 'Brandsmä'), 2)).toEqual(['z.brandsma', 'zoe.brandsma']);
  });

  it('cuts the name part so the whole is at most 20 characters, suffix included', () => {
    const all = first(samAccountNameCandidates('Maximiliaan', 'van der Heijden-Koppenberg'), 4);
    expect(all).toEqual(['m.vanderheijden-kopp', 'maximiliaan.vanderhe', 'm.vanderheijden-kop2', 'm.vanderheijden-kop3']);
    for (const sam of first(samAccountNameCandidates('Maximiliaan', 'van der Heijden-Koppenberg'), 200)) {
      expect(sam.length).toBeLessThanOrEqual(20);
    }
    expect(first(samAccountNameCandidates('Maximiliaan', 'van der Heijden-Koppenberg'), 200).at(-1)).toBe('m.vanderheijden-k199');
  });

  it('never ends a candidate in a period left by the cut', () => {
    expect(first(samAccountNameCandidates('Abcdefghijklmnopqrs', 'Z'), 2)).toEqual(['a.z', 'abcdefghijklmnopqrs']);
  });

  it('skips a duplicate when the given name is one letter', () => {
    expect(first(samAccountNameCandidates('J', 'Doe'), 3)).toEqual(['j.doe', 'j.doe2', 'j.doe3']);
  });

  it('gives nothing for names without usable characters', () => {
    expect(first(samAccountNameCandidates('李', '王'), 3)).toEqual([]);
  });

  it('is lazy', () => {
    const iterator = samAccountNameCandidates('Anna', 'Berg');
    expect(iterator.next().value).toBe('a.berg');
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

  it('recognises numbered variants', () => {
    expect(isCnVariantOf('Jan Jansen 3', 'Jan Jansen')).toBe(true);
    expect(isCnVariantOf('Jan Jansen', 'Jan Jansen')).toBe(true);
    expect(isCnVariantOf('Jan Jansen 1', 'Jan Jansen')).toBe(false);
    expect(isCnVariantOf('Jan Jansen 03', 'Jan Jansen')).toBe(false);
    expect(isCnVariantOf('Piet Jansen 2', 'Jan Jansen')).toBe(false);
  });
});

describe('NameRegistry', () => {
  const ou = 'OU=Users,DC=zorg,DC=local';

  it('skips candidates whose sAMAccountName is taken, case-insensitively, by any account', () => {
    const registry = NameRegistry.fromAccounts([account({ dn: `CN=X,${ou}`, sAMAccountName: 'A.Berg' })]);
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anna.berg');
  });

  it('skips a candidate whose UPN or mail is in use, even when its sAMAccountName is free', () => {
    const registry = NameRegistry.fromAccounts([
      account({ dn: `CN=X,${ou}`, sAMAccountName: 'other1', userPrincipalName: 'a.berg@zorg.local' }),
      account({ dn: `CN=Y,${ou}`, sAMAccountName: 'other2', mail: 'anna.berg@zorg.nl' }),
      // A mail value that equals a candidate UPN counts too: both are addresses.
      account({ dn: `CN=Z,${ou}`, sAMAccountName: 'other3', mail: 'a.berg2@zorg.local' }),
    ]);
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)).toEqual({
      sAMAccountName: 'a.berg3',
      userPrincipalName: 'a.berg3@zorg.local',
      mail: 'a.berg3@zorg.nl',
    });
  });

  it('reserves what it hands out, so two persons in one plan never share a name', () => {
    const registry = NameRegistry.fromAccounts([]);
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('a.berg');
    expect(registry.pickLogon(samAccountNameCandidates('Anton', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anton.berg');
    expect(registry.pickLogon(samAccountNameCandidates('Aart', 'Berg'), DOMAINS)?.sAMAccountName).toBe('aart.berg');
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anna.berg');
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('a.berg2');
  });

  it('counts sAMAccountNames of groups and computers, and addresses of contacts', () => {
    const registry = NameRegistry.fromAccounts([], { sAMAccountNames: ['A.BERG'] });
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anna.berg');
    const withContact = NameRegistry.fromAccounts([], { addresses: [`A.Berg@${DOMAINS.mailDomain.toUpperCase()}`] });
    expect(withContact.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anna.berg');
  });

  it('counts the SMTP proxy addresses of accounts, primary and alias, and no other kinds', () => {
    expect(smtpAddresses(['SMTP:Anna.Berg@zorg.nl', 'smtp:ab@zorg.nl', 'X500:/o=Zorg/cn=anna', 'SIP:anna@zorg.nl', 'smtp:'])).toEqual(['Anna.Berg@zorg.nl', 'ab@zorg.nl']);
    const registry = NameRegistry.fromAccounts([account({ dn: `CN=X,${ou}`, sAMAccountName: 'x1', proxyAddresses: [`smtp:a.berg@${DOMAINS.mailDomain}`, 'X500:a.berg'] })]);
    expect(registry.pickLogon(samAccountNameCandidates('Anna', 'Berg'), DOMAINS)?.sAMAccountName).toBe('anna.berg');
  });

  it('returns null when the candidates run out', () => {
    const registry = NameRegistry.fromAccounts([], { sAMAccountNames: ['a.berg'] });
    expect(registry.pickLogon(['a.berg'], DOMAINS)).toBeNull();
  });

  it('numbers CNs per OU, case-insensitively, and leaves other OUs alone', () => {
    const registry = NameRegistry.fromAccounts([
      account({ dn: `CN=jan jansen,${ou}` }),
      account({ dn: `CN=Jan Jansen 2,${ou}` }),
      account({ dn: 'CN=Piet Smit,OU=Other,DC=zorg,DC=local' }),
    ]);
    expect(registry.pickCn(ou.toUpperCase(), 'Jan Jansen')).toBe('Jan Jansen 3');
    expect(registry.pickCn(ou, 'Jan Jansen')).toBe('Jan Jansen 4');
    expect(registry.pickCn(ou, 'Piet Smit')).toBe('Piet Smit');
  });
});
