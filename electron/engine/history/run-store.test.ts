import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdAction } from '../model/plan';
import { RunStore, parseRun } from './run-store';

const action: AdAction = {
  id: '0001-create-100234',
  target: 'ad',
  action: 'create',
  personId: '100234',
  account: { dn: 'CN=Jan Berg,OU=Users,DC=test,DC=local', sAMAccountName: 'j.berg', objectGuid: null },
  changes: [{ attribute: 'sAMAccountName', before: null, after: 'j.berg' }],
  entitlement: null,
  reasons: ['contract 100234_1_1 starts 2026-12-01; create 7 days before start'],
  dependsOn: [],
};

describe('RunStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-history-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records a completed run and lists it newest first', async () => {
    const store = new RunStore(dir);
    const first = await store.begin({ runId: 'r1', planId: 'p1', asOf: '2026-11-27', trigger: 'cli', actions: [action], startedAt: '2026-11-27T08:00:00.000Z' });
    await first.record({ actionId: action.id, outcome: 'created', error: null, at: '2026-11-27T08:00:01.000Z' });
    const done = await first.finish('completed');
    expect(done.summary.created).toBe(1);
    const second = await store.begin({ runId: 'r2', planId: 'p2', asOf: '2026-11-28', trigger: 'schedule', actions: [], startedAt: '2026-11-28T08:00:00.000Z' });
    await second.finish('completed');

    const { runs, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(runs.map((r) => r.runId)).toEqual(['r2', 'r1']);
    expect(runs[1]?.status).toBe('completed');
    expect(runs[1]?.outcomes).toEqual([{ actionId: action.id, outcome: 'created', error: null, at: '2026-11-27T08:00:01.000Z' }]);
    expect(runs[1]?.actions[0]?.reasons[0]).toContain('100234_1_1');
  });

  it('reads a run that never finished as interrupted, keeping the outcomes written before the crash', async () => {
    const store = new RunStore(dir);
    const run = await store.begin({ runId: 'r3', planId: 'p3', asOf: '2026-11-27', trigger: 'cli', actions: [action, { ...action, id: '0002-create-100235' }] });
    await run.record({ actionId: action.id, outcome: 'created', error: null, at: new Date().toISOString() });
    // Simulate the process dying while writing the next line: a torn line at the end.
    const [file] = await readdir(path.join(dir, 'history'));
    const full = path.join(dir, 'history', file!);
    await run.abandon();
    await writeFile(full, `${await readFile(full, 'utf8')}{"type":"outcome","actionId":"0002-cr`);

    const { runs } = await store.list();
    expect(runs[0]?.status).toBe('interrupted');
    expect(runs[0]?.finishedAt).toBeNull();
    expect(runs[0]?.outcomes.map((o) => o.actionId)).toEqual([action.id]);
  });

  it('never overwrites an existing run file', async () => {
    const store = new RunStore(dir);
    const startedAt = '2026-11-27T08:00:00.000Z';
    const first = await store.begin({ runId: 'same', planId: 'p', asOf: '2026-11-27', trigger: 'cli', actions: [], startedAt });
    await first.abandon();
    await expect(store.begin({ runId: 'same', planId: 'p', asOf: '2026-11-27', trigger: 'cli', actions: [], startedAt })).rejects.toThrow();
  });

  it('an abandoned run is closed, reads as interrupted, and takes no more outcomes', async () => {
    const store = new RunStore(dir);
    const run = await store.begin({ runId: 'r4', planId: 'p4', asOf: '2026-11-27', trigger: 'cli', actions: [action] });
    await run.abandon();
    await run.abandon();
    await expect(run.record({ actionId: action.id, outcome: 'created', error: null, at: new Date().toISOString() })).rejects.toThrow(/finished/);
    await expect(run.finish('completed')).rejects.toThrow(/finished/);
    expect((await store.list()).runs[0]?.status).toBe('interrupted');
  });

  it('keeps the persons held for doubtful HR data with the run, so they outlive the plan and a restart', async () => {
    const store = new RunStore(dir);
    const held = [{ target: 'ad' as const, personId: '210001', employeeIds: ['210001'], accounts: ['CN=Kees,OU=Zorg,DC=x'], reason: "HR data for employee 210001 is unreadable (contracts row 7: enddate '31-02-2027' is no date)" }];
    const written = await (await store.begin({ runId: 'h1', planId: 'p', asOf: '2026-11-27', trigger: 'schedule', actions: [], held })).finish('completed');
    expect(written.held).toEqual(held);
    await (await store.begin({ runId: 'h2', planId: 'p', asOf: '2026-11-27', trigger: 'schedule', actions: [], held: [], startedAt: '2000-01-01T00:00:00.000Z' })).finish('completed');
    // A new store over the same directory is what the app sees after a restart.
    const { runs, problems } = await new RunStore(dir).list();
    expect(problems).toEqual([]);
    expect(runs.find((r) => r.runId === 'h1')?.held).toEqual(held);
    // None held: the record says nothing of it (as runs recorded before this was kept).
    expect(runs.find((r) => r.runId === 'h2')).not.toHaveProperty('held');
  });

  it('returns no runs for a data directory without history', async () => {
    expect(await new RunStore(path.join(dir, 'none')).list()).toEqual({ runs: [], problems: [] });
  });

  it('reports a file without a start line instead of failing', async () => {
    const store = new RunStore(dir);
    await (await store.begin({ runId: 'ok', planId: 'p', asOf: '2026-11-27', trigger: 'cli', actions: [] })).abandon();
    await writeFile(path.join(dir, 'history', 'broken.jsonl'), 'not json\n');
    const { runs, problems } = await store.list();
    expect(runs).toHaveLength(1);
    expect(problems[0]).toContain('broken.jsonl');
    expect(parseRun('').record).toBeNull();
  });

  it('writes run files owner-only in an owner-only directory', async () => {
    const store = new RunStore(dir);
    await store.begin({ runId: 'private', planId: 'p', asOf: '2026-11-27', trigger: 'cli', actions: [] });
    if (process.platform === 'win32') return;
    const [file] = await readdir(store.directory);
    expect((await stat(store.directory)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(store.directory, file!))).mode & 0o777).toBe(0o600);
  });

  it('reports a bad line with its file and line number and still reads the lines after it and the other runs', async () => {
    const store = new RunStore(dir);
    const run = await store.begin({ runId: 'r4', planId: 'p4', asOf: '2026-11-27', trigger: 'cli', actions: [action, { ...action, id: '0002' }, { ...action, id: '0003' }] });
    await run.record({ actionId: action.id, outcome: 'created', error: null, at: '2026-11-27T08:00:01.000Z' });
    await run.record({ actionId: '0002', outcome: 'created', error: null, at: '2026-11-27T08:00:02.000Z' });
    await run.record({ actionId: '0003', outcome: 'created', error: null, at: '2026-11-27T08:00:03.000Z' });
    await run.finish('completed');
    const [name] = await readdir(store.directory);
    const full = path.join(store.directory, name!);
    const lines = (await readFile(full, 'utf8')).split('\n');
    lines[2] = 'null';
    lines[3] = '{"type":"outcome","actionId":"0003","outcome":"exploded"';
    await writeFile(full, lines.join('\n'));
    await writeFile(path.join(store.directory, 'z-null.jsonl'), 'null\n');

    const { runs, problems } = await store.list();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('completed');
    expect(runs[0]?.outcomes.map((o) => o.actionId)).toEqual([action.id]);
    expect(problems).toEqual([
      `history file ${name} line 3 is not a valid event (top level: Invalid input: expected object, received null) and was skipped`,
      `history file ${name} line 4 is not valid JSON and was skipped`,
      'history file z-null.jsonl line 1 is not a valid event (top level: Invalid input: expected object, received null) and was skipped',
      'history file z-null.jsonl has no readable start line and was left out',
    ]);
  });

  it('stops a run when its history cannot be written (a full disk), naming the cause', async () => {
    let writes = 0;
    const store = new RunStore(dir, {
      openFile: async () => ({
        append: async () => {
          writes += 1;
          if (writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        close: async () => undefined,
      }),
    });
    const run = await store.begin({ runId: 'full', planId: 'p', asOf: '2026-11-27', trigger: 'cli', actions: [action] });
    await expect(run.record({ actionId: action.id, outcome: 'created', error: null, at: '2026-11-27T08:00:01.000Z' })).rejects.toThrow(/ENOSPC/);
  });
});
