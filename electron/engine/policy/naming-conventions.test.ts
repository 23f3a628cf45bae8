import { describe, expect, it } from 'vitest';
import type { NameConvention, PersonName } from '../model/person';
import { attributeCandidates, firstCandidates } from './name-candidates';
import { DEFAULT_ITERATE, DEFAULT_NAMING, nameTokens, type NamingConvention } from './naming-convention';
import { candidateSpec, conventionDisplayName } from './naming-preview';

// Every option of shared/reference/naming-conventions.md, configured, against its table. Sample person:
// nickname Janine, initials J.H.C., birth name van den Boele, partner name de Vries.
function janine(convention: NameConvention = 'B', overrides: Partial<PersonName> = {}): PersonName {
  return {
    initials: 'J.H.C.',
    givenName: 'Janine',
    nickname: 'Janine',
    familyName: 'Boele',
    familyNamePrefix: 'van den',
    partnerName: 'Vries',
    partnerNamePrefix: 'de',
    convention,
    ...overrides,
  };
}

type Attr = 'sAMAccountName' | 'userPrincipalName' | 'mail' | 'cn';

function values(
  attribute: Attr,
  rule: { candidates: string[]; iterate?: Partial<typeof DEFAULT_ITERATE>; spaces?: string },
  person: PersonName = janine(),
  count = 12,
  naming: Partial<NamingConvention> = {},
): string[] {
  const convention: NamingConvention = {
    ...DEFAULT_NAMING,
    ...naming,
    [attribute]: { ...DEFAULT_NAMING[attribute], spaces: '', ...rule, iterate: { ...DEFAULT_ITERATE, ...rule.iterate } },
  };
  const tokens = nameTokens(person, convention.nameSeparator);
  const displayName = conventionDisplayName(convention, person, tokens) ?? `${tokens.values.nickname} ${tokens.values.familyNameFull}`;
  return firstCandidates(attributeCandidates(candidateSpec(convention, attribute, tokens, { displayName })), count);
}

const GROWING = ['jvandenboele', 'javandenboele', 'janvandenboele', 'janivandenboele', 'janinvandenboele', 'janinevandenboele', 'janinevandenboele2'];
const GROWING_P = ['jdevries', 'jadevries', 'jandevries', 'janidevries', 'janindevries', 'janinedevries', 'janinedevries2'];
const dotted = (family: string): string[] =>
  ['j', 'ja', 'jan', 'jani', 'janin', 'janine'].map((n) => `${n}.${family}`).concat(`janine.${family}2`);

describe('sAMAccountName options', () => {
  it('1: growing nickname + birth name, then 2 (birth name for every convention)', () => {
    for (const c of ['B', 'P', 'BP', 'PB'] as const) {
      expect(values('sAMAccountName', { candidates: ['{nickname:1+}{birthName}'] }, janine(c), 7)).toEqual(GROWING);
    }
  });

  it('2: spaces become dots; the number is kept within 20 characters', () => {
    expect(values('sAMAccountName', { candidates: ['{nickname}.{birthName}'], spaces: '.' }, janine(), 3)).toEqual([
      'janine.van.den.boele',
      'janine.van.den.boel2',
      'janine.van.den.boel3',
    ]);
  });

  it('3: full, then initial with a shortened family name, then numbered', () => {
    expect(values('sAMAccountName', { candidates: ['{nickname}.{birthName}', '{nickname:1}.{birthName:12}'], spaces: '.' }, janine(), 3)).toEqual([
      'janine.van.den.boele',
      'j.van.den.boel',
      'j.van.den.boel2',
    ]);
  });

  it('4: dot, underscore, initial, numbered initial', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname}_{birthName}', '{nickname:1}.{birthName}'] };
    expect(values('sAMAccountName', rule, janine(), 4)).toEqual(['janine.vandenboele', 'janine_vandenboele', 'j.vandenboele', 'j.vandenboele2']);
  });

  it('5: by convention: birth name for B and BP, partner name for P and PB', () => {
    const rule = { candidates: ['{nickname:1+}{familyName}'] };
    expect(values('sAMAccountName', rule, janine('B'), 7)).toEqual(GROWING);
    expect(values('sAMAccountName', rule, janine('BP'), 7)).toEqual(GROWING);
    expect(values('sAMAccountName', rule, janine('P'), 7)).toEqual(GROWING_P);
    expect(values('sAMAccountName', rule, janine('PB'), 7)).toEqual(GROWING_P);
  });

  it('6: numbering starts at 1', () => {
    expect(values('sAMAccountName', { candidates: ['{nickname:1}{birthName}'], iterate: { start: 1 } }, janine(), 4)).toEqual([
      'jvandenboele',
      'jvandenboele1',
      'jvandenboele2',
      'jvandenboele3',
    ]);
  });
});

describe('userPrincipalName options', () => {
  it('1: full, initial, numbered full (base 0)', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname:1}.{birthName}'], iterate: { base: 0 } };
    expect(values('userPrincipalName', rule, janine(), 3)).toEqual(['janine.vandenboele', 'j.vandenboele', 'janine.vandenboele2']);
  });

  it('2: growing nickname with a dot, by convention', () => {
    const rule = { candidates: ['{nickname:1+}.{familyName}'] };
    expect(values('userPrincipalName', rule, janine('B'), 7)).toEqual(dotted('vandenboele'));
    expect(values('userPrincipalName', rule, janine('BP'), 7)).toEqual(dotted('vandenboele'));
    expect(values('userPrincipalName', rule, janine('P'), 7)).toEqual(dotted('devries'));
    expect(values('userPrincipalName', rule, janine('PB'), 7)).toEqual(dotted('devries'));
  });

  it('3: full, dotted initials (skipped when there is only one), growing nickname, numbered full', () => {
    const rule = { candidates: ['{nickname}.{familyName}', '{initialsDotted}{familyName}', '{nickname:1+}.{familyName}'], iterate: { base: 0 } };
    const expected = (family: string): string[] => [
      `janine.${family}`, `j.h.c.${family}`, `j.${family}`, `ja.${family}`, `jan.${family}`, `jani.${family}`, `janin.${family}`, `janine.${family}2`,
    ];
    expect(values('userPrincipalName', rule, janine('B'), 8)).toEqual(expected('vandenboele'));
    expect(values('userPrincipalName', rule, janine('PB'), 8)).toEqual(expected('devries'));
    // One initial gives the same value as the first letter: it is tried once.
    expect(values('userPrincipalName', rule, janine('B', { initials: 'J.' }), 3)).toEqual(['janine.vandenboele', 'j.vandenboele', 'ja.vandenboele']);
  });

  it('4 and 5: growing nickname without a dot; 5 by convention', () => {
    expect(values('userPrincipalName', { candidates: ['{nickname:1+}{birthName}'] }, janine('P'), 7)).toEqual(GROWING);
    expect(values('userPrincipalName', { candidates: ['{nickname:1+}{familyName}'] }, janine('PB'), 7)).toEqual(GROWING_P);
  });

  it('6: dot, underscore, initial, numbered initial', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname}_{birthName}', '{nickname:1}.{birthName}'] };
    expect(values('userPrincipalName', rule, janine(), 4)).toEqual(['janine.vandenboele', 'janine_vandenboele', 'j.vandenboele', 'j.vandenboele2']);
  });

  it('7: two digits from 02 on the first value', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname}_{birthName}'], iterate: { base: 0, width: 2 } };
    expect(values('userPrincipalName', rule, janine(), 4)).toEqual(['janine.vandenboele', 'janine_vandenboele', 'janine.vandenboele02', 'janine.vandenboele03']);
  });
});

describe('mail options', () => {
  it('1: full, growing nickname, numbered full', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname:1+}.{birthName}'], iterate: { base: 0 } };
    expect(values('mail', rule, janine(), 7)).toEqual([
      'janine.vandenboele', 'j.vandenboele', 'ja.vandenboele', 'jan.vandenboele', 'jani.vandenboele', 'janin.vandenboele', 'janine.vandenboele2',
    ]);
  });

  it('2: full, initial, numbered full', () => {
    const rule = { candidates: ['{nickname}.{birthName}', '{nickname:1}.{birthName}'], iterate: { base: 0 } };
    expect(values('mail', rule, janine(), 3)).toEqual(['janine.vandenboele', 'j.vandenboele', 'janine.vandenboele2']);
  });

  it('3: growing nickname with a dot, by convention', () => {
    expect(values('mail', { candidates: ['{nickname:1+}.{familyName}'] }, janine('BP'), 7)).toEqual(dotted('vandenboele'));
    expect(values('mail', { candidates: ['{nickname:1+}.{familyName}'] }, janine('P'), 7)).toEqual(dotted('devries'));
  });

  it('4: full, dotted initials, growing nickname, by convention', () => {
    const rule = { candidates: ['{nickname}.{familyName}', '{initialsDotted}{familyName}', '{nickname:1+}.{familyName}'], iterate: { base: 0 } };
    expect(values('mail', rule, janine('P'), 4)).toEqual(['janine.devries', 'j.h.c.devries', 'j.devries', 'ja.devries']);
  });

  it('5 and 6: growing nickname without a dot', () => {
    expect(values('mail', { candidates: ['{nickname:1+}{birthName}'] }, janine('PB'), 7)).toEqual(GROWING);
    expect(values('mail', { candidates: ['{nickname:1+}{familyName}'] }, janine('P'), 7)).toEqual(GROWING_P);
  });

  it('7 and 8: underscore variants, numbered initial or two-digit full', () => {
    const seven = { candidates: ['{nickname}.{birthName}', '{nickname}_{birthName}', '{nickname:1}.{birthName}'] };
    expect(values('mail', seven, janine(), 4)).toEqual(['janine.vandenboele', 'janine_vandenboele', 'j.vandenboele', 'j.vandenboele2']);
    const eight = { candidates: ['{nickname}.{birthName}', '{nickname}_{birthName}'], iterate: { base: 0, width: 2 } };
    expect(values('mail', eight, janine(), 4)).toEqual(['janine.vandenboele', 'janine_vandenboele', 'janine.vandenboele02', 'janine.vandenboele03']);
  });

  it('9: initial + family name by convention, numbered from 1', () => {
    const rule = { candidates: ['{nickname:1}{familyName}'], iterate: { start: 1 } };
    expect(values('mail', rule, janine('B'), 3)).toEqual(['jvandenboele', 'jvandenboele1', 'jvandenboele2']);
    expect(values('mail', rule, janine('PB'), 3)).toEqual(['jdevries', 'jdevries1', 'jdevries2']);
  });
});

describe('displayName options', () => {
  const display = (rule: NamingConvention['displayName'], c: NameConvention, overrides: Partial<PersonName> = {}, nameSeparator = ' - '): string | null => {
    const person = janine(c, overrides);
    return conventionDisplayName({ ...DEFAULT_NAMING, displayName: rule, nameSeparator }, person, nameTokens(person, nameSeparator));
  };

  it('1: nickname and family names, one template for all conventions', () => {
    const rule = '{nickname} {familyNameFull}';
    expect(display(rule, 'B')).toBe('Janine van den Boele');
    expect(display(rule, 'BP', {}, ' – ')).toBe('Janine van den Boele – de Vries');
    expect(display(rule, 'P')).toBe('Janine de Vries');
    expect(display(rule, 'PB', {}, ' – ')).toBe('Janine de Vries – van den Boele');
  });

  it('2: family name first, one template per convention', () => {
    const rule = {
      B: '{birthNameOnly}, {nickname} {birthPrefix}',
      BP: '{birthNameOnly} - {partnerName}, {nickname} {birthPrefix}',
      P: '{partnerNameOnly}, {nickname} {partnerPrefix}',
      PB: '{partnerNameOnly} - {birthName}, {nickname} {partnerPrefix}',
    };
    expect(display(rule, 'B')).toBe('Boele, Janine van den');
    expect(display(rule, 'BP')).toBe('Boele - de Vries, Janine van den');
    expect(display(rule, 'P')).toBe('Vries, Janine de');
    expect(display(rule, 'PB')).toBe('Vries - van den Boele, Janine de');
  });

  it('3: family name, the initials after the first, prefix and nickname', () => {
    const rule = {
      B: '{birthNameOnly} {initialsRestDotted} {birthPrefix} ({nickname})',
      BP: '{birthNameOnly}–{partnerName} {initialsRestDotted} {birthPrefix} ({nickname})',
      P: '{partnerNameOnly} {initialsRestDotted} {partnerPrefix} ({nickname})',
      PB: '{partnerNameOnly}–{birthName}, {initialsRestDotted} {partnerPrefix} ({nickname})',
    };
    // The sample person as the table has her: initials J.H.C.
    expect(display(rule, 'B')).toBe('Boele H.C. van den (Janine)');
    expect(display(rule, 'BP')).toBe('Boele–de Vries H.C. van den (Janine)');
    expect(display(rule, 'P')).toBe('Vries H.C. de (Janine)');
    expect(display(rule, 'PB')).toBe('Vries–van den Boele, H.C. de (Janine)');
    // One initial only: nothing after it, and no gap.
    expect(display(rule, 'B', { initials: 'J.' })).toBe('Boele van den (Janine)');
    expect(display('{initialsRest}', 'B')).toBe('HC');
  });

  it('an empty prefix leaves no gap', () => {
    const rule = { B: '{birthNameOnly}, {nickname} {birthPrefix}', BP: '', P: '', PB: '' };
    expect(display(rule, 'B', { familyName: 'Smit', familyNamePrefix: '', nickname: 'Anna' })).toBe('Smit, Anna');
  });
});

describe('cn options', () => {
  it('1: the display name, then " 01", " 02"', () => {
    const rule = { candidates: ['{displayName}'], iterate: { start: 1, width: 2, format: ' {n}' } };
    expect(values('cn', rule, janine(), 3)).toEqual(['Janine van den Boele', 'Janine van den Boele 01', 'Janine van den Boele 02']);
  });

  it('2: family name first, then " (01)", " (02)"; the other conventions follow the display name', () => {
    const rule = { candidates: ['{displayName}'], iterate: { start: 1, width: 2, format: ' ({n})' } };
    const displayName = { B: '{birthNameOnly}, {nickname} {birthPrefix}', BP: '', P: '{partnerNameOnly}, {nickname} {partnerPrefix}', PB: '' };
    expect(values('cn', rule, janine('B'), 3, { displayName })).toEqual(['Boele, Janine van den', 'Boele, Janine van den (01)', 'Boele, Janine van den (02)']);
    expect(values('cn', rule, janine('P'), 2, { displayName })).toEqual(['Vries, Janine de', 'Vries, Janine de (01)']);
  });
});

describe('the default convention (no policy.naming) makes the names the product always made', () => {
  const defaults = (attribute: Attr, person: PersonName, count = 4): string[] => values(attribute, { candidates: [...DEFAULT_NAMING[attribute].candidates], iterate: DEFAULT_NAMING[attribute].iterate }, person, count);
  const nameless = (overrides: Partial<PersonName>): PersonName =>
    janine('B', { familyName: '', familyNamePrefix: '', partnerName: '', partnerNamePrefix: '', ...overrides });

  it('f.last, first.last, f.last2, f.last3', () => {
    expect(defaults('sAMAccountName', janine())).toEqual(['j.vandenboele', 'janine.vandenboele', 'j.vandenboele2', 'j.vandenboele3']);
  });

  it('a person without family name: anna, anna2 (as before the naming work), never the bare initial', () => {
    expect(defaults('sAMAccountName', nameless({ nickname: 'Anna', givenName: 'Anna' }))).toEqual(['anna', 'anna2', 'anna3', 'anna4']);
  });

  it('a person without given name: the family name, then numbered', () => {
    expect(defaults('sAMAccountName', janine('B', { nickname: '', givenName: '' }), 3)).toEqual(['vandenboele', 'vandenboele2', 'vandenboele3']);
  });

  it('a cut token next to an empty whole one is not cut in any convention (growing ones neither)', () => {
    expect(values('sAMAccountName', { candidates: ['{nickname:1+}{familyName}'] }, nameless({}), 3)).toEqual(['janine', 'janine2', 'janine3']);
    // With no whole token at all the cut stays: it is what the template asks for.
    expect(values('sAMAccountName', { candidates: ['{nickname:1}{initials:2}'] }, nameless({}), 1)).toEqual(['jjh']);
  });
});

describe('duplicates between candidates', () => {
  it('are tried once; iterate.base counts the list before they are removed', () => {
    // nickname = given name: the second candidate repeats the first. Base 1 is that repeated one (janine…),
    // not j.vandenboele, which would be position 1 once the repeat is removed.
    const rule = { candidates: ['{nickname}.{familyName}', '{givenName}.{familyName}', '{nickname:1}.{familyName}'], iterate: { base: 1 } };
    expect(values('sAMAccountName', rule, janine(), 4)).toEqual(['janine.vandenboele', 'j.vandenboele', 'janine.vandenboele2', 'janine.vandenboele3']);
    // A growing token whose first lengths repeat an earlier candidate.
    expect(values('mail', { candidates: ['{nickname:1}.{familyName}', '{nickname:1+}.{familyName}'] }, janine(), 3)).toEqual(['j.vandenboele', 'ja.vandenboele', 'jan.vandenboele']);
  });
});
