import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { problemsOf } from './config-test-support';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, resolveSecret } from './config';

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


describe('parseConfig', () => {
  it('fills the documented defaults and resolves paths against the config directory', () => {
    const config = parseConfig(minimal, '/etc/hrp');
    expect(config.dataDir).toBe('/etc/hrp/data');
    expect(config.policy).toMatchObject({ createDaysBeforeStart: 7, enableDaysBeforeStart: 0, disableDaysAfterEnd: 0, deleteDaysAfterEnd: 30, rules: [] });
    expect(config.policy.primaryContractOrder).toEqual(['active-first', 'most-hours', 'earliest-start', 'lowest-id']);
    expect(config.visma).toMatchObject({ includePersonalData: false, cutOffDays: 90, allowEmptyDatasets: [] });
    expect(config.policy).toMatchObject({ deleteGraceDays: 7 });
    expect(config.timeZone).toBe('Europe/Amsterdam');
    expect(config.links).toEqual({ same: [], separate: [] });
  });

  it('checks the fail-safe settings: a real time zone, known datasets, links of at least two ids', () => {
    expect(problemsOf({ ...minimal, timeZone: 'Mars/Olympus' })[0]).toContain('key "timeZone"');
    expect(problemsOf({ ...minimal, visma: { ...minimal.visma, allowEmptyDatasets: ['employes'] } })[0]).toContain('visma.allowEmptyDatasets.0');
    expect(problemsOf({ ...minimal, links: { same: [['100234']] } })[0]).toContain('links.same.0');
  });

  it('reads a nedapOns section: defaults, paths against the config directory, secrets by env, a CSV mapping', () => {
    const config = parseConfig(
      {
        ...minimal,
        nedapOns: {
          baseUrl: 'https://api-staging.ons.io',
          pfxFile: 'nedap.pfx',
          pfxPassword: { env: 'NEDAP_PFX_PASSWORD' },
          caFile: 'chain.pem',
          locationsByOrgUnit: { csvFile: 'Mapping-Locations.csv' },
        },
        policy: { rules: [{ name: 'Zorg', when: {}, grant: { nedapRoles: ['Wijkverpleging'], nedapTeams: [4], nedapLocations: [1] } }] },
      },
      '/etc/hrp',
    );
    expect(config.nedapOns).toMatchObject({
      pfxFile: '/etc/hrp/nedap.pfx',
      caFile: '/etc/hrp/chain.pem',
      source: 'HR Provisioner',
      identificationNo: '{employeeId}-{contractId}',
      deleteUsers: false,
      maxInFlight: 4,
      teamsByOrgUnit: {},
      locationsByOrgUnit: { csvFile: '/etc/hrp/Mapping-Locations.csv' },
    });
  });

  it('refuses a Nedap Ons section over plain http, more than 4 in flight, and team ids that are not numbers', () => {
    const nedapOns = { baseUrl: 'http://127.0.0.1:1', pfxFile: 'a.pfx', pfxPassword: 'x', caFile: 'c.pem', maxInFlight: 5, teamsByOrgUnit: { OE1: ['T1'] } };
    const problems = problemsOf({ ...minimal, nedapOns }).join('\n');
    expect(problems).toMatch(/nedapOns\.baseUrl.*https/);
    expect(problems).toMatch(/nedapOns\.maxInFlight/);
    expect(problems).toMatch(/nedapOns\.teamsByOrgUnit/);
  });

  it('refuses unknown keys, naming them with their path', () => {
    expect(problemsOf({ ...minimal, extra: 1, visma: { ...minimal.visma, clientSecrt: 'x' } })).toEqual(
      expect.arrayContaining(['unknown key "extra"', 'unknown key "visma.clientSecrt"']),
    );
  });

  it('refuses wrong types and missing keys, naming the key', () => {
    const problems = problemsOf({ visma: { ...minimal.visma, cutOffDays: '90', includePersonalData: 'yes' } });
    expect(problems).toEqual(expect.arrayContaining([
      'key "visma.cutOffDays": expected number, received string',
      'key "visma.includePersonalData": expected boolean, received string',
      'missing key "dataDir"',
    ]));
  });

  it('refuses plain http except towards this machine, and non-LDAPS directory URLs', () => {
    expect(problemsOf({ ...minimal, visma: { ...minimal.visma, baseUrl: 'http://hrm.example.nl' } })[0]).toContain('visma.baseUrl');
    expect(() => parseConfig({ ...minimal, visma: { ...minimal.visma, baseUrl: 'http://127.0.0.1:4010' } }, '/')).not.toThrow();
    const ad = { url: 'http://dc1', bindDn: 'x', bindPassword: 'y', caFile: 'ca.pem', baseDn: 'DC=x', usersOu: 'OU=a,DC=x', disabledOu: 'OU=b,DC=x', upnSuffix: 'x.nl', mailDomain: 'x.nl' };
    expect(problemsOf({ ...minimal, ad })[0]).toContain('key "ad.url"');
    expect(parseConfig({ ...minimal, ad: { ...ad, url: 'ldaps://dc1.x.nl:636' } }, '/etc/hrp').ad?.caFile).toBe('/etc/hrp/ca.pem');
    expect(parseConfig({ ...minimal, ad: { ...ad, url: 'ldaps://dc1.x.nl' } }, '/').ad).toMatchObject({ pageSize: 1000, readConnections: 2, timeoutSeconds: 30 });
    expect(problemsOf({ ...minimal, ad: { ...ad, url: 'ldaps://dc1.x.nl', readConnections: 9 } })[0]).toContain('key "ad.readConnections"');
  });

  it('refuses rules with unknown condition keys and inconsistent lifecycle timing', () => {
    const rule = { name: 'r', when: { department: ['x'] }, grant: { adGroups: ['CN=g'] } };
    expect(problemsOf({ ...minimal, policy: { rules: [rule] } })[0]).toContain('policy.rules.0.when');
    expect(problemsOf({ ...minimal, policy: { deleteDaysAfterEnd: 120 } })[0]).toContain('visma.cutOffDays');
    expect(problemsOf({ ...minimal, policy: { enableDaysBeforeStart: 10 } })[0]).toContain('policy.enableDaysBeforeStart');
    expect(() => parseConfig({ ...minimal, policy: { rules: [{ ...rule, when: { 'custom.Locatie': ['UTR'], orgUnitId: ['OE1'] } }] } }, '/')).not.toThrow();
  });
});

describe('parseConfig: hardening', () => {
  const ad = { url: 'ldaps://dc1.x.nl', bindDn: 'x', bindPassword: 'y', caFile: 'ca.pem', baseDn: 'DC=x', usersOu: 'OU=a,DC=x', disabledOu: 'OU=b,DC=x', upnSuffix: 'x.nl', mailDomain: 'x.nl' };

  it('fills maxPlanAgeHours (24) and retentionDays (400)', () => {
    expect(parseConfig(minimal, '/')).toMatchObject({ maxPlanAgeHours: 24, retentionDays: 400 });
  });

  it('refuses credentials and secret-looking query parameters in any URL, without echoing them', () => {
    const problems = problemsOf({
      ...minimal,
      visma: { ...minimal.visma, tokenUrl: 'https://user:hunter2@connect.example.nl/token', baseUrl: 'https://api.example.nl/?client_secret=hunter2' },
      ad: { ...ad, url: 'ldaps://admin:hunter2@dc1.x.nl' },
    });
    expect(problems).toEqual(expect.arrayContaining([
      'key "visma.tokenUrl": must not contain a user name or password: put credentials in clientId and clientSecret',
      'key "visma.baseUrl": must not carry secret-looking query parameters (secret, password, token, key, signature, ...)',
      'key "ad.url": must not contain a user name or password: use bindDn and bindPassword',
    ]));
    expect(problems.join('\n')).not.toContain('hunter2');
    for (const name of ['access_token', 'apiKey', 'sig', 'password']) {
      expect(problemsOf({ ...minimal, visma: { ...minimal.visma, baseUrl: `https://api.example.nl/?${name}=x` } })[0]).toContain('visma.baseUrl');
    }
    expect(() => parseConfig({ ...minimal, visma: { ...minimal.visma, baseUrl: 'https://api.example.nl/?region=eu' } }, '/')).not.toThrow();
  });

  it('wants upnSuffix and mailDomain to be domain names', () => {
    for (const bad of ['x', '.x.nl', 'x..nl', '-x.nl', 'x-.nl', 'a b.nl']) {
      expect(problemsOf({ ...minimal, ad: { ...ad, upnSuffix: bad, mailDomain: bad } })).toEqual([
        'key "ad.upnSuffix": must be a domain name such as example.nl',
        'key "ad.mailDomain": must be a domain name such as example.nl',
      ]);
    }
    expect(() => parseConfig({ ...minimal, ad: { ...ad, upnSuffix: 'zorg-groep.example.nl' } }, '/')).not.toThrow();
  });
});

describe('loadConfig', () => {
  it('reports a JSON syntax error by line and column, never with the text around it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-config-'));
    try {
      await writeFile(path.join(dir, 'bad.json'), '{\n  "visma": {\n    "clientSecret": "hunter2" x\n  }\n}\n');
      const error = await loadConfig(path.join(dir, 'bad.json')).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/bad\.json is not valid JSON: \w+ at line 3, column 31$/);
      expect((error as Error).message).not.toContain('hunter2');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it is missing or not JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-config-'));
    try {
      await expect(loadConfig(path.join(dir, 'nope.json'))).rejects.toThrow(/does not exist/);
      await writeFile(path.join(dir, 'bad.json'), '{ "visma": ');
      await expect(loadConfig(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveSecret', () => {
  it('reads an environment variable and never echoes a value', () => {
    expect(resolveSecret({ env: 'S' }, 'visma.clientSecret', { S: 'hunter2' })).toBe('hunter2');
    expect(resolveSecret('inline', 'visma.clientSecret', {})).toBe('inline');
    expect(() => resolveSecret({ env: 'MISSING' }, 'visma.clientSecret', {})).toThrow('visma.clientSecret refers to environment variable MISSING, which is not set');
  });
});
