import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';
import { runCli } from './main';

// `naming --person` reads nothing but the configuration, so it runs in-process here. (`--check` reads HR
// and the directory, and runs against Samba in app/naming.samba.test.ts.)

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-naming-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function config(naming: unknown): Promise<string> {
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({
    visma: { tokenUrl: 'https://connect.example.nl/token', baseUrl: 'https://api.example.nl', clientId: 'c', clientSecret: { env: 'X' }, tenantId: 't' },
    dataDir: 'data',
    ad: {
      url: 'ldaps://dc1.zorg.nl', bindDn: 'CN=svc', bindPassword: { env: 'Y' }, caFile: 'ca.pem', baseDn: 'DC=zorg,DC=nl',
      usersOu: 'OU=Users,DC=zorg,DC=nl', disabledOu: 'OU=Disabled,DC=zorg,DC=nl', upnSuffix: 'zorg.local', mailDomain: 'zorg.nl',
    },
    policy: { naming },
  }));
  return file;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, env: {} });
  return { code, out, err };
}

const PIETER = JSON.stringify({ givenName: 'Pieter', nickname: 'Piet', initials: 'P.J.', birthNamePrefix: 'ter', birthName: 'Horst', partnerNamePrefix: 'van', partnerName: 'Dam', convention: 'BP' });

describe('naming', () => {
  it('prints the first candidates of the default convention as JSON', async () => {
    const file = await config(undefined);
    const { code, out } = await run(['naming', '--config', file, '--person', PIETER, '--count', '3', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      sAMAccountName: ['p.terhorst', 'piet.terhorst', 'p.terhorst2'],
      userPrincipalName: ['p.terhorst@zorg.local', 'piet.terhorst@zorg.local', 'p.terhorst2@zorg.local'],
      mail: ['p.terhorst@zorg.nl', 'piet.terhorst@zorg.nl', 'p.terhorst2@zorg.nl'],
      cn: ['Piet ter Horst - van Dam', 'Piet ter Horst - van Dam 2', 'Piet ter Horst - van Dam 3'],
      displayName: 'Piet ter Horst - van Dam',
    });
  });

  it('prints a configured convention readably, with the display name per name usage', async () => {
    const file = await config({
      sAMAccountName: { candidates: ['{nickname:1+}{familyName}'] },
      mail: { candidates: ['{nickname}.{familyName}'], domain: 'zorg.nl' },
      cn: { candidates: ['{displayName}'], iterate: { start: 1, width: 2, format: ' ({n})' } },
      displayName: { B: '{birthNameOnly}, {nickname} {birthPrefix}', BP: '{birthNameOnly} - {partnerName}, {nickname} {birthPrefix}', P: '{partnerNameOnly}, {nickname} {partnerPrefix}', PB: '{partnerNameOnly}, {nickname} {partnerPrefix}' },
    });
    const { code, out } = await run(['naming', '--config', file, '--person', PIETER, '--count', '2']);
    expect(code).toBe(0);
    expect(out).toBe(
      'sAMAccountName     pterhorst, piterhorst\n' +
      'userPrincipalName  pterhorst@zorg.local, piterhorst@zorg.local\n' +
      'mail               piet.terhorst@zorg.nl, piet.terhorst2@zorg.nl\n' +
      'cn                 "Horst - van Dam, Piet ter", "Horst - van Dam, Piet ter (01)"\n' +
      'displayName        "Horst - van Dam, Piet ter"\n',
    );
  });

  it('refuses a bad sample person and a bad configuration with exit code 2', async () => {
    const file = await config(undefined);
    expect((await run(['naming', '--config', file, '--person', '{"nick":"x"}'])).code).toBe(2);
    const bad = await config({ sAMAccountName: { candidates: ['{nickname:0}'] } });
    const result = await run(['naming', '--config', bad, '--person', PIETER]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('key "policy.naming.sAMAccountName.candidates.0": {nickname:0}: the length must be at least 1');
  });
});

describe('naming arguments', () => {
  it('needs either --person or --check, and keeps the naming options to naming', () => {
    expect(() => parseCliArgs(['naming', '--config', 'c.json'])).toThrow(UsageError);
    expect(() => parseCliArgs(['naming', '--config', 'c.json', '--check', '--person', '{}'])).toThrow(UsageError);
    expect(() => parseCliArgs(['naming', '--config', 'c.json', '--person', '{}', '--count', '0'])).toThrow(UsageError);
    expect(() => parseCliArgs(['preview', '--config', 'c.json', '--check'])).toThrow(UsageError);
    expect(parseCliArgs(['naming', '--config', 'c.json', '--check'])).toMatchObject({ command: 'naming', check: true, count: 8, person: null });
  });
});
