import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { HistoryWriteError, Provisioner } from './provisioner';
import { employee, openWorld } from './samba-test-world';
import type { World } from './samba-test-world';
import { parseRun } from '../engine/history/run-store';

/**
 * Faults end to end against the real DC: the apply process killed at action boundaries, and a
 * history that cannot be written.
 */

const samba = inject('samba');
const child = fileURLToPath(new URL('./apply-child.ts', import.meta.url));
let world: World;

beforeEach(async () => {
  world = await openWorld(samba);
});
afterEach(async () => {
  await world.close();
});

/** Start an apply of `planFile` in a process of its own and SIGKILL it once `boundary` outcomes are on disk. */
function applyKilledAt(planFile: string, boundary: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, world.configFile, planFile], { env: world.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`done ${boundary}\n`)) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the apply ended by itself (exit ${code}) before boundary ${boundary}:\n${out}\n${err}`));
    });
  });
}

async function runFiles(): Promise<readonly string[]> {
  const dir = path.join(world.dataDir, 'history');
  return (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
}

describe('faults against Samba', () => {
  it('an apply SIGKILLed at 20 action boundaries of a 100-action plan: no duplicate, no lost line, runs read interrupted, the next apply converges', async () => {
    world.serve(Array.from({ length: 25 }, (_, i) => employee(String(910001 + i), `Kill${String.fromCharCode(97 + i)}`)));
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    const plan = await provisioner.preview('2026-12-01');
    expect(plan.actions).toHaveLength(100);
    const planFile = path.join(world.dataDir, 'plans', `${plan.planId}.json`);

    const boundaries = [1, ...Array.from({ length: 19 }, (_, i) => (i + 1) * 5)];
    for (const [index, boundary] of boundaries.entries()) {
      await applyKilledAt(planFile, boundary);
      const files = await runFiles();
      expect(files).toHaveLength(index + 1);
      const { record, problems } = parseRun(await readFile(path.join(world.dataDir, 'history', files.at(-1)!), 'utf8'), files.at(-1));
      expect(problems).toEqual([]);
      // Every outcome reported before the kill is on disk, and the run reads as interrupted.
      expect(record?.status).toBe('interrupted');
      expect(record!.outcomes.length).toBeGreaterThanOrEqual(boundary);
      expect(record!.outcomes.every((o) => o.outcome !== 'failed' && o.outcome !== 'blocked')).toBe(true);
      const ids = (await world.accounts()).map((a) => a.employeeID);
      expect(new Set(ids).size).toBe(ids.length);
    }

    const last = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    expect(last.status).toBe('completed');
    expect(last.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
    expect((await world.accounts()).map((a) => a.employeeID).sort()).toEqual(Array.from({ length: 25 }, (_, i) => String(910001 + i)));
    expect((await provisioner.preview('2026-12-01')).actions).toEqual([]);
    const { runs } = await provisioner.history();
    expect(runs.map((r) => r.status)).toEqual(['completed', ...boundaries.map(() => 'interrupted')]);
  }, 600_000);

  it('a history write that fails (a full disk) stops the run before its next directory write', async () => {
    world.serve([employee('920001', 'Volschijf')]);
    let appends = 0;
    const provisioner = new Provisioner({
      config: world.config,
      env: world.env,
      openRunFile: async () => ({
        append: async () => {
          appends += 1;
          // The start line is written; the first outcome's line is not.
          if (appends > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        close: async () => undefined,
      }),
    });
    const plan = await provisioner.preview('2026-12-01');
    expect(plan.actions.map((a) => a.action)).toEqual(['create', 'enable', 'grant', 'grant']);
    const failure = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HistoryWriteError);
    expect((failure as Error).message).toMatch(/could not be written \(ENOSPC: no space left on device, write\); the run stopped before its next write/);
    // The create reached the directory before its line failed; nothing after it did.
    const [account] = await world.accounts();
    expect(account).toMatchObject({ employeeID: '920001', enabled: false, memberOf: [] });
  });
});
