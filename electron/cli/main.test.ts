import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import { runCli } from './main';

// The import command end to end: the CLI, the application API and the Visma client against the
// simulator over real HTTP. (Preview, apply and history run against Samba in app/*.samba.test.ts.)

const SECRET = 'cli-test-secret-4711';
let simulator: RunningVismaSimulator;
let dir: string;

beforeAll(async () => {
  simulator = await startVismaSimulator({
    clientId: 'cli',
    clientSecret: SECRET,
    tenantId: 't',
    faults: { inProgressPolls: 0 },
    data: scenarioData({
      orgUnits: [{ id: 'OE10', name: 'ICT' }],
      employees: [
        {
          employeeId: '300001', initials: 'A.', firstName: 'Anna', birthName: 'Dijk', birthNamePrefix: 'van', birthDate: '1990-01-01', gender: 'V', userId: 'U1',
          contracts: [{ start: '2020-01-01', end: '2026-10-31', orgUnit: 'OE10', hours: 24 }],
        },
        // The same human under a newer employee id (Visma makes one per contract).
        {
          employeeId: '300050', initials: 'A.', firstName: 'Anna', birthName: 'Dijk', birthNamePrefix: 'van', birthDate: '1990-01-01', gender: 'V',
          contracts: [{ start: '2026-12-01', orgUnit: 'OE10', hours: 32, managerUserId: 'U1' }],
        },
      ],
    }),
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-cli-'));
});

afterAll(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(name: string, visma: Record<string, unknown> = {}): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({
    visma: { tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: 'cli', clientSecret: { env: 'CLI_SECRET' }, tenantId: 't', allowEmptyDatasets: ['employeeUdfHistories', 'contractUdfHistories', 'costCenters'], ...visma },
    dataDir: 'data',
  }));
  return file;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = { CLI_SECRET: SECRET }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env });
  return { code, out, err };
}

describe('cli import', () => {
  it('prints one JSON object with aggregated persons and evaluated contracts', async () => {
    const { code, out } = await cli(['import', '--config', await writeConfig('ok.json'), '--as-of', '2026-11-27', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.asOf).toBe('2026-11-27');
    expect(result.persons).toHaveLength(1);
    const [anna] = result.persons;
    expect(anna).toMatchObject({
      id: '300001',
      employeeIds: ['300001', '300050'],
      name: { initials: 'A.', givenName: 'Anna', nickname: 'Anna', familyName: 'Dijk', familyNamePrefix: 'van', convention: 'B' },
      primaryContractId: '300050_1_1',
    });
    expect(anna.contracts.map((c: { id: string; state: string; inCondition: boolean }) => [c.id, c.state, c.inCondition])).toEqual([
      ['300001_1_1', 'ended', false],
      ['300050_1_1', 'future', true],
    ]);
    expect(anna.contracts[1]).toMatchObject({ orgUnit: { id: 'OE10', name: 'ICT' }, employeeId: '300050', endDate: null });
    // A person is never their own manager: reported, not set.
    expect(anna.contracts[1].managerPersonId).toBeNull();
    expect(result.findings.map((f: { code: string }) => f.code)).toContain('manager-not-found');
  });

  it('prints a readable summary with one progress line per dataset', async () => {
    const { code, out } = await cli(['import', '--config', await writeConfig('ok.json'), '--as-of', '2026-11-27']);
    expect(code).toBe(0);
    expect(out.match(/rows \(/g)).toHaveLength(7);
    expect(out).toContain('persons');
    expect(out).toMatch(/1 with more than one employee record/);
  });

  it('exits 2 naming the key for a bad config, and 1 without the secret for a refused login', async () => {
    const bad = await cli(['import', '--config', await writeConfig('bad.json', { cutOffDays: 'many' })]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('key "visma.cutOffDays": expected number, received string');

    const missingEnv = await cli(['import', '--config', await writeConfig('env.json')], {});
    expect(missingEnv.code).toBe(2);
    expect(missingEnv.err).toContain('visma.clientSecret refers to environment variable CLI_SECRET, which is not set');

    const refused = await cli(['import', '--config', await writeConfig('wrong.json')], { CLI_SECRET: 'wrong-secret-0815' });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/invalid_client/);
    expect(refused.err).not.toContain('wrong-secret-0815');
  });
});
