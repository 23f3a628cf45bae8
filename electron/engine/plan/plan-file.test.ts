import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlan, PlanFileError, savePlan } from './plan-file';
import { mixedPlan } from './plan-fixtures-mixed';

describe('plan files with both targets', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-planfile-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back a plan with AD and Nedap Ons actions, counted per target and kind', async () => {
    const file = path.join(dir, 'plan.json');
    await savePlan(file, mixedPlan());
    const plan = await loadPlan(file);
    expect(plan.actions.map((a) => `${a.target}:${a.action}`)).toEqual(['ad:create', 'nedap-ons:create-user', 'nedap-ons:set-duties']);
    expect(plan.summary.total).toBe(3);
    expect(plan.summary.ad.create).toBe(1);
    expect(plan.summary['nedap-ons']).toMatchObject({ 'create-user': 1, 'set-duties': 1, 'delete-user': 0 });
  });

  it('refuses a Nedap action kind outside the closed set', async () => {
    const file = path.join(dir, 'plan.json');
    await savePlan(file, mixedPlan());
    const text = (await readFile(file, 'utf8')).replace('"action": "set-duties"', '"action": "disable-user"');
    await writeFile(file, text);
    await expect(loadPlan(file)).rejects.toThrow(PlanFileError);
  });

  it('refuses an AD account reference on a Nedap action', async () => {
    const file = path.join(dir, 'plan.json');
    const plan = mixedPlan();
    const [ad, nedap] = plan.actions;
    await writeFile(file, JSON.stringify({ ...plan, actions: [{ ...nedap, account: ad?.account }] }));
    await expect(loadPlan(file)).rejects.toThrow(/actions\.0\.account/);
  });
});
