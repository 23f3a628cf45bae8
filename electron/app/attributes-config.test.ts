import { describe, expect, it } from 'vitest';
import { problemsOf } from './config-test-support';
import { parseConfig } from './config';
import { attributeMappings } from './attributes-config';

const base = {
  visma: {
    tokenUrl: 'https://connect.example.nl/connect/token',
    baseUrl: 'https://api.example.nl',
    clientId: 'client',
    clientSecret: { env: 'HRP_TEST_SECRET' },
    tenantId: 'tenant',
  },
  dataDir: 'data',
};
const ad = {
  url: 'ldaps://dc1.zorg.local',
  bindDn: 'CN=svc,DC=zorg,DC=local',
  bindPassword: { env: 'HRP_TEST_BIND' },
  caFile: 'ca.pem',
  baseDn: 'DC=zorg,DC=local',
  usersOu: 'OU=Users,DC=zorg,DC=local',
  disabledOu: 'OU=Disabled,DC=zorg,DC=local',
  upnSuffix: 'zorg.local',
  mailDomain: 'zorg.nl',
};

function withAttributes(attributes: unknown, policy: unknown = {}): unknown {
  return { ...base, policy, ad: { ...ad, attributes } };
}


describe('ad.attributes', () => {
  it('reads templates and { value, on } mappings in the order written', () => {
    const config = parseConfig(
      withAttributes({
        physicalDeliveryOfficeName: '{custom.Locatie}',
        employeeNumber: '{custom.Pasnummer}',
        division: '{costCenter}',
        description: { value: 'Medewerker {orgUnitName}', on: 'create' },
        extensionAttribute1: '{custom.Locatie.label} ({nickname})',
      }),
      '/',
    );
    expect(attributeMappings(config.ad?.attributes)).toEqual([
      { attribute: 'physicalDeliveryOfficeName', template: '{custom.Locatie}', on: 'always' },
      { attribute: 'employeeNumber', template: '{custom.Pasnummer}', on: 'always' },
      { attribute: 'division', template: '{costCenter}', on: 'always' },
      { attribute: 'description', template: 'Medewerker {orgUnitName}', on: 'create' },
      { attribute: 'extensionAttribute1', template: '{custom.Locatie.label} ({nickname})', on: 'always' },
    ]);
  });

  it.each([
    ['unicodePwd', 'it decides whether and how the account can log on'],
    ['userAccountControl', 'it decides whether and how the account can log on'],
    ['memberOf', 'it decides what the account may access or run'],
    ['servicePrincipalName', 'it decides what the account may access or run'],
    ['altSecurityIdentities', 'it decides what the account may access or run'],
    ['scriptPath', 'it decides what the account may access or run'],
    ['adminCount', 'it decides what the account may access or run'],
    ['objectClass', 'it is the identity of the account'],
    ['sAMAccountName', 'it is the identity of the account'],
    ['EmployeeID', 'it is the identity of the account'],
    ['displayName', 'this product writes it already'],
  ])('refuses %s at load with the reason', (attribute, reason) => {
    const problems = problemsOf(withAttributes({ [attribute]: 'x' }));
    expect(problems.some((p) => p.startsWith(`key "ad.attributes.${attribute}": ${attribute} cannot be mapped: ${reason}`))).toBe(true);
  });

  it('refuses an unknown token and a malformed attribute name', () => {
    expect(problemsOf(withAttributes({ division: '{costcenter}' }))).toContain('key "ad.attributes.division": unknown token {costcenter}');
    expect(problemsOf(withAttributes({ 'bad name': 'x' }))).toContain('key "ad.attributes.bad name": bad name is not an LDAP attribute name');
    expect(problemsOf(withAttributes({ division: { value: '{x}', on: 'sometimes' } }))).toHaveLength(1);
  });

  it('refuses description in both ad.attributes and policy.templates', () => {
    expect(problemsOf(withAttributes({ description: 'Medewerker' }, { templates: { description: 'x' } }))).toContain(
      'key "ad.attributes.description": set either ad.attributes.description or policy.templates.description, not both',
    );
  });
});
