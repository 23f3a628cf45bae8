import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { HistoryWriteError, Provisioner } from './provisioner';
import { employee, openWorld } from './samba-test-world';
import type { World } from './samba-test-world';
import { parseRun } from '../engine/history/run-store';
import { restartSambaDc, stopSambaProcess } from '../simulators/samba-dc';
import { addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';

/**
 * Faults end to end against the real DC: the apply process killed at action boundaries, the DC
 * stopped in the middle of an apply, and a history that cannot be written.
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
  it('an apply SIGKILLed at each of 20 action boundaries of a 100-action plan: each time the run reads interrupted with no lost line, and a second apply converges without a duplicate', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => String(910001 + i));
    world.serve(ids.map((id, i) => employee(id, `Kill${String.fromCharCode(97 + i)}`)));
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    const plan = await provisioner.preview('2026-12-01');
    expect(plan.actions).toHaveLength(100);
    // The plan only creates, enables and grants: after the accounts are removed again it applies as new.
    const planFile = path.join(world.dataDir, 'plans', `${plan.planId}.json`);

    const boundaries = [1, ...Array.from({ length: 19 }, (_, i) => (i + 1) * 5)];
    for (const [round, boundary] of boundaries.entries()) {
      await applyKilledAt(planFile, boundary);
      const files = await runFiles();
      expect(files).toHaveLength(2 * round + 1);
      const { record: killed, problems } = parseRun(await readFile(path.join(world.dataDir, 'history', files.at(-1)!), 'utf8'), files.at(-1));
      expect(problems).toEqual([]);
      // Every outcome reported before the kill is on disk, and the run reads as interrupted.
      expect(killed?.status).toBe('interrupted');
      expect(killed!.outcomes.length).toBeGreaterThanOrEqual(boundary);
      expect(killed!.outcomes.every((o) => o.outcome !== 'failed' && o.outcome !== 'blocked')).toBe(true);

      const second = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
      expect(second.status, `round ${round}, killed at ${boundary}`).toBe('completed');
      expect(second.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
      // Each account was created once, by the killed run or by the second one. Only the create in flight at the
      // kill can have reached the DC without its line: the second apply finds that account and leaves it be.
      const created = killed!.summary.created + second.summary.created;
      expect(created).toBeGreaterThanOrEqual(24);
      expect(created).toBeLessThanOrEqual(25);
      const accounts = await world.accounts();
      expect(accounts.map((a) => a.employeeID).sort()).toEqual(ids);
      expect(accounts.every((a) => a.enabled && a.memberOf.length === 2)).toBe(true);
      expect((await provisioner.preview('2026-12-01')).actions).toEqual([]);
      await withRawClient(world.dc, async (client) => {
        await treeDelete(client, world.ous.ict);
        await addOu(client, world.ous.ict);
      });
    }

    const { runs } = await provisioner.history();
    expect(runs.map((r) => r.status)).toEqual(boundaries.flatMap(() => ['completed', 'interrupted']));
  }, 900_000);

  it('Samba stopped in the middle of an apply: the rest fails with a clear reason, the run ends failed, and once Samba is back the next apply converges', async () => {
    world.serve(Array.from({ length: 10 }, (_, i) => employee(String(915001 + i), `Stop${String.fromCharCode(97 + i)}`)));
    let stopped = false;
    const provisioner = new Provisioner({
      config: world.config,
      env: world.env,
      onProgress: (event) => {
        // Synchronous: the DC is gone before the apply starts its 11th action.
        if (event.kind === 'apply' && event.done === 10 && !stopped) {
          stopSambaProcess(samba.dir);
          stopped = true;
        }
      },
    });
    const plan = await provisioner.preview('2026-12-01');
    expect(plan.actions).toHaveLength(40);
    let run;
    try {
      run = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    } finally {
      // The shared DC comes back with its data whatever happened: the next test files need it.
      if (stopped) await restartSambaDc({ dir: samba.dir, connection: samba });
    }
    expect(stopped).toBe(true);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/Active Directory/);
    expect(run.outcomes).toHaveLength(40);
    expect(run.outcomes.slice(0, 10).map((o) => o.outcome).every((o) => o === 'created' || o === 'updated')).toBe(true);
    const rest = run.outcomes.slice(10);
    expect(rest.map((o) => o.outcome).every((o) => o === 'failed' || o === 'blocked')).toBe(true);
    for (const outcome of rest) expect(outcome.error).toMatch(/domain controller|not done because action/);
    expect(rest.find((o) => o.outcome === 'failed')?.error).toMatch(/domain controller/);

    const next = new Provisioner({ config: world.config, env: world.env });
    const again = await next.apply({ asOf: '2026-12-01', trigger: 'cli' });
    expect(again.status).toBe('completed');
    expect(again.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
    expect((await world.accounts()).map((a) => a.employeeID).sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(915001 + i)));
    expect((await next.preview('2026-12-01')).actions).toEqual([]);
    const { runs } = await next.history();
    expect(runs.map((r) => r.status)).toEqual(['completed', 'failed']);
  });

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
