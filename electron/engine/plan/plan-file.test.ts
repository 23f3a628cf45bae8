import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../model/plan';
import { loadPlan, PlanFileError, savePlan } from './plan-file';
import { loadPlanKey, PLAN_KEY_FILE, PlanKeyError } from './plan-seal';
import { mixedPlan } from './plan-fixtures-mixed';

const plan: Plan = {
  planId: 'plan-1',
  asOf: '2026-11-27',
  createdAt: '2026-11-27T06:00:00.000Z',
  summary: {
    total: 1,
    ad: { create: 1, update: 0, rename: 0, enable: 0, disable: 0, move: 0, delete: 0, grant: 0, revoke: 0 },
    'nedap-ons': { 'create-user': 0, 'set-duties': 0, 'set-teams': 0, 'set-locations': 0, 'delete-user': 0 },
  },
  actions: [
    {
      id: '0001-create-100234',
      target: 'ad',
      action: 'create',
      personId: '100234',
      account: { dn: 'CN=Jan Jansen,OU=Users,DC=zorg,DC=local', sAMAccountName: 'j.jansen', objectGuid: null },
      changes: [{ attribute: 'employeeID', before: null, after: '100234' }],
      entitlement: null,
      reasons: ['contract starts 2026-12-01'],
      dependsOn: [],
    },
  ],
  unmanaged: [],
  held: [],
  findings: [],
};

describe('saved plans', () => {
  let dir: string;
  let file: string;
  let key: Buffer;
  const now = new Date('2026-11-27T12:00:00.000Z');
  const accept = () => ({ key, configFingerprint: 'sha256:config-a', maxAgeHours: 24, now });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-plan-'));
    file = path.join(dir, 'plans', 'plan-1.json');
    key = await loadPlanKey(dir);
    await savePlan(file, plan, { key, configFingerprint: 'sha256:config-a' });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back a plan with AD and Nedap Ons actions, counted per target and kind', async () => {
    const mixed = { ...mixedPlan(), createdAt: plan.createdAt };
    await savePlan(file, mixed, { key, configFingerprint: 'sha256:config-a' });
    const loaded = await loadPlan(file, accept());
    expect(loaded).toEqual(mixed);
    expect(loaded.actions.map((a) => `${a.target}:${a.action}`)).toEqual(['ad:create', 'nedap-ons:create-user', 'nedap-ons:set-duties']);
    expect(loaded.summary['nedap-ons']).toMatchObject({ 'create-user': 1, 'set-duties': 1, 'delete-user': 0 });
  });

  it('reads back an unchanged plan, saved owner-only, with the key owner-only beside the data', async () => {
    expect(await loadPlan(file, accept())).toEqual(plan);
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(dir, PLAN_KEY_FILE))).mode & 0o777).toBe(0o600);
    }
    expect(await loadPlanKey(dir)).toEqual(key);
    expect(await readFile(file, 'utf8')).not.toContain(key.toString('hex'));
  });

  it('refuses an edited plan, even one whose seal was left as it was', async () => {
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { actions: { account: { dn: string } }[] };
    json.actions[0]!.account.dn = 'CN=Eve,CN=Users,DC=zorg,DC=local';
    await writeFile(file, JSON.stringify(json));
    await expect(loadPlan(file, accept())).rejects.toThrow(/was changed after preview saved it.*preview again/);
  });

  it('refuses a plan without a seal, and one sealed by another installation', async () => {
    await writeFile(path.join(dir, 'bare.json'), JSON.stringify(plan));
    await expect(loadPlan(path.join(dir, 'bare.json'), accept())).rejects.toThrow(/carries no integrity seal/);
    const other = await mkdtemp(path.join(os.tmpdir(), 'hrp-plan-other-'));
    try {
      await savePlan(path.join(other, 'p.json'), plan, { key: await loadPlanKey(other), configFingerprint: 'sha256:config-a' });
      await expect(loadPlan(path.join(other, 'p.json'), accept())).rejects.toThrow(PlanFileError);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a plan made under another configuration or older than maxPlanAgeHours', async () => {
    await expect(loadPlan(file, { ...accept(), configFingerprint: 'sha256:config-b' })).rejects.toThrow(/another configuration.*preview again/);
    await expect(loadPlan(file, { ...accept(), now: new Date('2026-11-28T06:00:01.000Z') })).rejects.toThrow(/more than 24 hours ago \(maxPlanAgeHours\).*preview again/);
    expect(await loadPlan(file, { ...accept(), maxAgeHours: 48, now: new Date('2026-11-28T06:00:01.000Z') })).toEqual(plan);
  });

  it.runIf(process.platform !== 'win32')('refuses a key that others can read', async () => {
    await chmod(path.join(dir, PLAN_KEY_FILE), 0o644);
    await expect(loadPlanKey(dir)).rejects.toThrow(PlanKeyError);
  });
});
