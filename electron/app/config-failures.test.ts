import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import { runCli } from '../cli/main';
import { parseConfig } from './config';
import { Provisioner } from './provisioner';
import type { ProgressEvent } from './provisioner';

// Configuration that cannot be used ends with exit code 2 and a sentence, and a preview whose
// directory read fails stops its Visma read too. Against the Visma simulator over real HTTP; the
// directory is a closed port on this machine.

const SECRET = 'config-failure-secret-0042';
let simulator: RunningVismaSimulator;
let dir: string;
let caFile: string;

beforeAll(async () => {
  // Every export job stays in progress for a long time: an import would take minutes.
  simulator = await startVismaSimulator({ clientId: 'cf', clientSecret: SECRET, tenantId: 't', faults: { inProgressPolls: 1000 }, data: scenarioData({ employees: [], orgUnits: [] }) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-config-failures-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
});

afterAll(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

function raw(over: { visma?: Record<string, unknown>; ad?: Record<string, unknown>; dataDir?: string } = {}): Record<string, unknown> {
  return {
    visma: { tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: 'cf', clientSecret: { env: 'CF_SECRET' }, tenantId: 't', ...over.visma },
    ad: {
      url: 'ldaps://127.0.0.1:1', bindDn: 'CN=svc,DC=test,DC=local', bindPassword: 'Bind-passw0rd!', caFile,
      baseDn: 'DC=test,DC=local', usersOu: 'OU=Users,DC=test,DC=local', disabledOu: 'OU=Disabled,DC=test,DC=local',
      upnSuffix: 'test.local', mailDomain: 'zorg.example.nl', ...over.ad,
    },
    dataDir: over.dataDir ?? path.join(dir, 'data'),
  };
}

async function cli(name: string, content: string, command = 'preview'): Promise<{ code: number; out: string; err: string }> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  let out = '';
  let err = '';
  const code = await runCli([command, '--config', file, '--as-of', '2026-12-01'], { out: (t) => void (out += t), err: (t) => void (err += t), env: { CF_SECRET: SECRET } });
  return { code, out, err };
}

describe('configuration that cannot be used: exit 2 and a sentence', () => {
  it('a URL with credentials, without echoing them', async () => {
    const result = await cli('creds.json', JSON.stringify(raw({ visma: { tokenUrl: simulator.tokenUrl.replace('http://', 'http://user:hunter22@') } })));
    expect(result.code).toBe(2);
    expect(result.err).toContain('key "visma.tokenUrl": must not contain a user name or password');
    expect(result.err).not.toContain('hunter22');
  });

  it('a JSON syntax error, by line and column', async () => {
    const result = await cli('syntax.json', '{\n  "visma": { "clientSecret": "hunter22" ]\n}\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/is not valid JSON: \w+ at line 2, column \d+/);
    expect(result.err).not.toContain('hunter22');
  });

  it('a missing CA file', async () => {
    const result = await cli('ca.json', JSON.stringify(raw({ ad: { caFile: path.join(dir, 'missing-ca.pem') } })));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/CA certificate file .*missing-ca\.pem cannot be read \(ENOENT\)/);
  });

  it('a data directory that cannot be written', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, 'a file in the way');
    const result = await cli('datadir.json', JSON.stringify(raw({ dataDir: path.join(blocker, 'data') })), 'history');
    const apply = await runCli(['apply', '--config', path.join(dir, 'datadir.json'), '--yes'], { out: () => {}, err: (t) => void (result.err += t), env: { CF_SECRET: SECRET } });
    expect(apply).toBe(2);
    expect(result.err).toMatch(/the data directory .*not-a-dir\/data \(dataDir\) cannot be used: part of the path is a file, not a directory\. Choose a dataDir/);
    expect(result.err).not.toMatch(/ENOTDIR|apply\.lock/);
  });
});

describe('preview', () => {
  it('cancels the Visma read when the directory read fails: it ends at once, and no progress comes after the error', async () => {
    const events: ProgressEvent[] = [];
    const config = parseConfig(raw(), dir);
    const provisioner = new Provisioner({ config, env: { CF_SECRET: SECRET }, onProgress: (event) => events.push(event) });
    const started = Date.now();
    await expect(provisioner.preview('2026-12-01')).rejects.toThrow(/127\.0\.0\.1:1|certificate|connect/i);
    // With 1000 polls per job the import alone would take minutes; the preview settled both reads.
    expect(Date.now() - started).toBeLessThan(15_000);
    const seen = events.length;
    const requests = simulator.requests.length;
    // Both reads have settled: whatever the simulator is asked next is not from this preview.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.length).toBe(seen);
    expect(simulator.requests.length).toBe(requests);
  });
});
