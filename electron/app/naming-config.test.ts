import { describe, expect, it } from 'vitest';
import { problemsOf } from './config-test-support';
import { DEFAULT_NAMING } from '../engine/policy/naming-convention';
import { parseConfig } from './config';
import { namingConvention } from './naming-config';

const minimal = {
  visma: {
    tokenUrl: 'https://connect.example.nl/connect/token',
    baseUrl: 'https://api.example.nl',
    clientId: 'client',
    clientSecret: { env: 'HRP_TEST_SECRET' },
    tenantId: 'tenant',
  },
  dataDir: 'data',
};

function withPolicy(policy: unknown): unknown {
  return { ...minimal, policy };
}


describe('policy.naming', () => {
  it('defaults to the convention this product always used', () => {
    expect(namingConvention(parseConfig(minimal, '/').policy.naming)).toEqual(DEFAULT_NAMING);
  });

  it('reads a full convention', () => {
    const naming = {
      sAMAccountName: { candidates: ['{nickname:1}.{familyName}', '{nickname}.{familyName}'], iterate: { start: 2, base: 0 } },
      userPrincipalName: { candidates: ['{nickname}.{familyName}'], domain: 'zorg.nl' },
      mail: { candidates: ['{nickname}.{familyName}', '{nickname:1}.{familyName}'], domain: 'zorg.nl' },
      cn: { candidates: ['{displayName}'], iterate: { start: 1, width: 2, format: ' ({n})' } },
      displayName: { B: '{birthNameOnly}, {nickname} {birthPrefix}', P: '{partnerNameOnly}, {nickname}', BP: '{nickname} {familyNameFull}', PB: '{nickname} {familyNameFull}' },
      nameSeparator: ' – ',
    };
    const convention = namingConvention(parseConfig(withPolicy({ naming }), '/').policy.naming);
    expect(convention.sAMAccountName.iterate).toEqual({ start: 2, base: 0, width: 1, format: '{n}' });
    expect(convention.userPrincipalName).toMatchObject({ domain: 'zorg.nl', iterate: { start: 2, base: null } });
    expect(convention.cn.iterate).toEqual({ start: 1, base: null, width: 2, format: ' ({n})' });
    expect(convention.mail.candidates).toHaveLength(2);
    expect(convention.nameSeparator).toBe(' – ');
  });

  it.each([
    [{ sAMAccountName: { candidates: ['{nickname}.{famlyName}'] } }, 'key "policy.naming.sAMAccountName.candidates.0": unknown token {famlyName}'],
    [{ sAMAccountName: { candidates: ['{nickname:0}'] } }, 'key "policy.naming.sAMAccountName.candidates.0": {nickname:0}: the length must be at least 1'],
    [{ mail: { candidates: ['{nickname}', ' - '] } }, 'key "policy.naming.mail.candidates.1": the template can only give an empty value'],
    [{ sAMAccountName: { candidates: ['{nickname}'], iterate: { base: 1 } } }, 'key "policy.naming.sAMAccountName.iterate.base": must be a position in the candidate list (0 to 0)'],
    [{ cn: { candidates: ['{displayName}'], iterate: { format: ' (n)' } } }, 'key "policy.naming.cn.iterate.format": must contain {n} exactly once'],
    [{ sAMAccountName: { candidates: [] } }, 'key "policy.naming.sAMAccountName.candidates": must list at least one candidate'],
    [{ sAMAccountName: { candidates: ['{displayName}'] } }, 'key "policy.naming.sAMAccountName.candidates.0": unknown token {displayName}'],
    [{ displayName: { B: '{nickname}', P: '{nickname} {sn}', BP: '{nickname}', PB: '{nickname}' } }, 'key "policy.naming.displayName.P": unknown token {sn}'],
    [{ userPrincipalName: { candidates: ['{nickname}'], domain: 'not a domain' } }, 'key "policy.naming.userPrincipalName.domain": must be a domain name such as example.nl'],
    [{ sAMAccountName: { candidates: ['{nickname:1+}{familyName:1+}'] } }, 'key "policy.naming.sAMAccountName.candidates.0": at most one token may grow ({token:N+})'],
  ])('refuses %j at load with the key path', (naming, problem) => {
    expect(problemsOf(withPolicy({ naming }))).toContain(problem);
  });

  it('refuses a display name in both the old and the new place', () => {
    expect(problemsOf(withPolicy({ naming: { displayName: '{nickname}' }, templates: { displayName: '{givenName}' } }))).toContain(
      'key "policy.naming.displayName": set either policy.naming.displayName or policy.templates.displayName, not both',
    );
  });

  it('lets UPN and mail use the chosen sAMAccountName and the CN the display name', () => {
    expect(() =>
      parseConfig(withPolicy({ naming: { mail: { candidates: ['{sAMAccountName}'] }, cn: { candidates: ['{displayName} ({initials})'] } } }), '/'),
    ).not.toThrow();
  });
});
