import { describe, expect, it } from 'vitest';
import type { AdPolicy } from '../ad/ad-policy';
import type { AdAccount } from '../model/ad-account';
import type { Person } from '../model/person';
import type { AdAction, Plan } from '../model/plan';
import { DEFAULT_ITERATE, DEFAULT_NAMING, type NamingConvention } from '../policy/naming-convention';
import { account, contract, name, person, POLICY, SETTINGS, simulateApply } from './ad-plan.fixtures';
import { planAd } from './ad-plan';

const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;

function plan(persons: readonly Person[], accounts: readonly AdAccount[], policy: AdPolicy = POLICY): Plan {
  return planAd({ persons, accounts, asOf: '2026-11-27', policy, settings: SETTINGS, now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'plan-1' });
}

function adActions(p: Plan): AdAction[] {
  return p.actions.filter((a): a is AdAction => a.target === 'ad');
}

function creates(p: Plan): AdAction[] {
  return adActions(p).filter((a) => a.action === 'create');
}

function after(a: AdAction | undefined, attribute: string): unknown {
  return a?.changes.find((c) => c.attribute === attribute)?.after;
}

const jan = (id: string): Person => person({ id, contracts: [contract({ id: `${id}_1_1`, employeeId: id })], name: name({ nickname: 'Jan', familyName: 'Jansen' }) });

describe('planAd with a configured naming convention', () => {
  const naming: NamingConvention = {
    ...DEFAULT_NAMING,
    sAMAccountName: { candidates: ['{nickname:1}{familyName}', '{nickname}{familyName}'], iterate: { ...DEFAULT_ITERATE, base: 0 }, spaces: '' },
    mail: { candidates: ['{nickname}.{familyName}', '{nickname:1}.{familyName}'], iterate: { ...DEFAULT_ITERATE, base: 0 }, spaces: '', domain: 'zorg.example.nl' },
    cn: { candidates: ['{displayName}'], iterate: { start: 1, base: null, width: 2, format: ' ({n})' }, spaces: '' },
    displayName: '{familyName}, {nickname}',
  };
  const policy: AdPolicy = { ...POLICY, naming };

  it('gives three joiners with the same name the first, second and iterated names', () => {
    const p = plan([jan('100001'), jan('100002'), jan('100003')], [], policy);
    const made = creates(p).map((a) => [after(a, 'sAMAccountName'), after(a, 'userPrincipalName'), after(a, 'mail'), after(a, 'cn')]);
    expect(made).toEqual([
      ['jjansen', 'jjansen@zorg.local', 'jan.jansen@zorg.example.nl', 'Jansen, Jan'],
      ['janjansen', 'janjansen@zorg.local', 'j.jansen@zorg.example.nl', 'Jansen, Jan (01)'],
      ['jjansen2', 'jjansen2@zorg.local', 'jan.jansen2@zorg.example.nl', 'Jansen, Jan (02)'],
    ]);
    expect(after(creates(p)[1], 'displayName')).toBe('Jansen, Jan');
  });

  it('converges: the next plan on the applied directory has nothing to do', () => {
    const persons = [jan('100001'), jan('100002'), jan('100003')];
    const first = plan(persons, [], policy);
    expect(plan(persons, simulateApply([], first), policy).actions).toEqual([]);
  });

  it('keeps an existing account\'s logon names when the convention changes; the CN follows the display name', () => {
    const existing = account({
      dn: `CN=Jan Jansen,${ICT_OU}`,
      sAMAccountName: 'j.jansen',
      userPrincipalName: 'j.jansen@zorg.local',
      mail: 'j.jansen@zorg.nl',
      employeeID: '100001',
      givenName: 'Jan',
      sn: 'Jansen',
      displayName: 'Jan Jansen',
      initials: 'J',
      department: 'ICT',
      title: 'Engineer',
      company: 'Zorggroep',
    });
    const p = plan([jan('100001')], [existing], policy);
    const move = adActions(p).find((a) => a.action === 'move');
    expect(after(move, 'dn')).toBe(`CN=Jansen\\, Jan,${ICT_OU}`);
    expect(p.actions.flatMap((a) => a.changes.map((c) => c.attribute))).not.toContain('sAMAccountName');
    expect(p.actions.flatMap((a) => a.changes.map((c) => c.attribute))).not.toContain('mail');
  });
});

describe('planAd: logon names that make sense', () => {
  it('never writes a mail local part with doubled dots (nickname "Jan.")', () => {
    const taken = account({ dn: `CN=Other,${ICT_OU}`, sAMAccountName: 'j.berg' });
    const p = plan([person({ name: name({ nickname: 'Jan.', familyName: 'Berg' }) })], [taken]);
    const created = creates(p)[0];
    expect(after(created, 'sAMAccountName')).toBe('jan.berg');
    expect(after(created, 'mail')).toBe('jan.berg@zorg.nl');
  });

  it('transliterates a Cyrillic letter instead of dropping it', () => {
    // "Аdmin" starts with Cyrillic А (U+0410).
    const p = plan([person({ name: name({ nickname: '\u0410dmin', familyName: 'Berg' }) })], []);
    expect(after(creates(p)[0], 'sAMAccountName')).toBe('a.berg');
    const taken = account({ dn: `CN=Other,${ICT_OU}`, sAMAccountName: 'a.berg' });
    expect(after(creates(plan([person({ name: name({ nickname: '\u0410dmin', familyName: 'Berg' }) })], [taken]))[0], 'sAMAccountName')).toBe('admin.berg');
  });
});

describe('planAd with retired names', () => {
  it('never hands a deleted account\'s logon name or address to a joiner: the next candidate is used', () => {
    const p = planAd({
      persons: [jan('100001')], accounts: [], asOf: '2026-11-27', policy: POLICY, settings: SETTINGS,
      retiredNames: { sAMAccountNames: ['j.jansen'], addresses: ['jan.jansen@zorg.nl'] },
    });
    // j.jansen is retired; jan.jansen's mail address is too, so the numbered first candidate follows.
    expect(after(creates(p)[0], 'sAMAccountName')).toBe('j.jansen2');
    expect(after(creates(p)[0], 'mail')).toBe('j.jansen2@zorg.nl');
  });

  it('a retired address alone also counts (UPN and mail share the address namespace)', () => {
    const p = planAd({
      persons: [jan('100001')], accounts: [], asOf: '2026-11-27', policy: POLICY, settings: SETTINGS,
      retiredNames: { addresses: ['J.Jansen@zorg.local'] },
    });
    expect(after(creates(p)[0], 'sAMAccountName')).toBe('jan.jansen');
  });
});

describe('planAd with attribute mappings', () => {
  const mappings: AdPolicy['attributes'] = [
    { attribute: 'physicalDeliveryOfficeName', template: '{custom.Locatie.label}', on: 'always' },
    { attribute: 'employeeNumber', template: '{custom.Pasnummer}', on: 'always' },
    { attribute: 'division', template: '{costCenter}', on: 'always' },
    { attribute: 'description', template: 'Medewerker {orgUnitName}', on: 'create' },
  ];
  const policy: AdPolicy = { ...POLICY, attributes: mappings };
  const withFields = (overrides: Partial<Person> = {}): Person =>
    person({
      contracts: [contract({ costCenter: { id: 'KP100', name: 'ICT' }, custom: { Locatie: 'UTR' }, customLabels: { Locatie: 'Utrecht' } })],
      custom: { Pasnummer: 'A12345' },
      ...overrides,
    });

  it('sets mapped attributes on create, with the reason for each', () => {
    const p = plan([withFields()], [], policy);
    const created = creates(p)[0];
    expect(after(created, 'physicalDeliveryOfficeName')).toBe('Utrecht');
    expect(after(created, 'employeeNumber')).toBe('A12345');
    expect(after(created, 'division')).toBe('KP100');
    expect(after(created, 'description')).toBe('Medewerker ICT');
    expect(created?.reasons).toContain('physicalDeliveryOfficeName: label of custom field Locatie of contract 100234_1_1 is Utrecht');
    expect(created?.reasons).toContain('employeeNumber: custom field Pasnummer of employee 100234 is A12345');
  });

  it('keeps them in step after an HR change, leaves create-only ones alone and clears an emptied one', () => {
    const applied = simulateApply([], plan([withFields()], [], policy));
    const moved = withFields({
      contracts: [contract({ costCenter: { id: 'KP200', name: 'Zorg' }, custom: { Locatie: 'AMF' }, customLabels: { Locatie: 'Amersfoort' }, orgUnit: { id: 'OE10', name: 'ICT beheer' } })],
      custom: {},
    });
    const p = plan([moved], applied, policy);
    const update = adActions(p).find((a) => a.action === 'update');
    const byAttribute = Object.fromEntries((update?.changes ?? []).map((c) => [c.attribute, [c.before, c.after]]));
    expect(byAttribute.physicalDeliveryOfficeName).toEqual(['Utrecht', 'Amersfoort']);
    expect(byAttribute.division).toEqual(['KP100', 'KP200']);
    expect(byAttribute.employeeNumber).toEqual(['A12345', null]);
    expect(byAttribute.description).toBeUndefined();
    expect(update?.reasons).toContain('physicalDeliveryOfficeName follows its mapping: label of custom field Locatie of contract 100234_1_1 is Amersfoort');
    expect(plan([moved], simulateApply(applied, p), policy).actions).toEqual([]);
  });
});
