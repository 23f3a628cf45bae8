import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedAction } from '../model/plan';
import type { ActionOutcome, Outcome, RunRecord, RunStatus, RunSummary, RunTrigger } from '../model/run';
import type { IsoDate } from '../model/iso-date';

/**
 * The sync history: one append-only JSON-lines file per apply run under `<dataDir>/history`.
 * Every event is written and flushed to disk before the next action starts, so a crash loses at
 * most the line being written; a run without its closing line reads back as `interrupted`, with
 * every outcome recorded up to the crash.
 */

/** The lines of a run file, in the order they are written. */
type RunEvent =
  | {
      readonly type: 'started';
      readonly runId: string;
      readonly planId: string;
      readonly asOf: IsoDate;
      readonly trigger: RunTrigger;
      readonly startedAt: string;
      readonly actions: readonly PlannedAction[];
    }
  | ({ readonly type: 'outcome' } & ActionOutcome)
  | {
      readonly type: 'finished';
      readonly finishedAt: string;
      readonly status: Exclude<RunStatus, 'running' | 'interrupted'>;
      readonly error: string | null;
    };

const OUTCOMES: readonly Outcome[] = ['created', 'updated', 'unchanged', 'failed', 'skipped', 'blocked'];

/** Counts per outcome. */
export function summariseOutcomes(outcomes: readonly ActionOutcome[]): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const outcome of outcomes) counts[outcome.outcome] += 1;
  return counts;
}

/** A run being written. Call `record` per action and `finish` once. */
export interface RunWriter {
  readonly runId: string;
  record(outcome: ActionOutcome): Promise<void>;
  finish(status: 'completed' | 'failed', error?: string | null): Promise<RunRecord>;
}

/** Store of apply runs. */
export class RunStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'history');
  }

  /** Start recording a run: the plan's actions are written first, so the record explains itself. */
  async begin(input: {
    readonly runId: string;
    readonly planId: string;
    readonly asOf: IsoDate;
    readonly trigger: RunTrigger;
    readonly actions: readonly PlannedAction[];
    readonly startedAt?: string;
  }): Promise<RunWriter> {
    await mkdir(this.dir, { recursive: true });
    const startedAt = input.startedAt ?? new Date().toISOString();
    // The timestamp prefix makes a directory listing sort by start time.
    const file = path.join(this.dir, `${startedAt.replace(/[:.]/g, '-')}_${input.runId}.jsonl`);
    const handle = await open(file, 'wx');
    const outcomes: ActionOutcome[] = [];
    const started: RunEvent = { type: 'started', ...input, startedAt };
    await appendLine(handle, started);
    let closed = false;
    return {
      runId: input.runId,
      record: async (outcome) => {
        if (closed) throw new Error(`run ${input.runId} is already finished`);
        outcomes.push(outcome);
        await appendLine(handle, { type: 'outcome', ...outcome });
      },
      finish: async (status, error = null) => {
        if (closed) throw new Error(`run ${input.runId} is already finished`);
        closed = true;
        const finishedAt = new Date().toISOString();
        try {
          await appendLine(handle, { type: 'finished', finishedAt, status, error });
        } finally {
          await handle.close();
        }
        return {
          runId: input.runId,
          planId: input.planId,
          asOf: input.asOf,
          trigger: input.trigger,
          startedAt,
          finishedAt,
          status,
          actions: input.actions,
          outcomes,
          summary: summariseOutcomes(outcomes),
          error,
        };
      },
    };
  }

  /** Every recorded run, newest first. Unreadable files are reported, not fatal. */
  async list(): Promise<{ readonly runs: readonly RunRecord[]; readonly problems: readonly string[] }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.jsonl'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], problems: [] };
      throw error;
    }
    const runs: RunRecord[] = [];
    const problems: string[] = [];
    for (const name of names) {
      const record = parseRun(await readFile(path.join(this.dir, name), 'utf8'));
      if (record) runs.push(record);
      else problems.push(`history file ${name} has no readable start line and was left out`);
    }
    runs.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    return { runs, problems };
  }
}

async function appendLine(handle: FileHandle, event: RunEvent): Promise<void> {
  await handle.appendFile(`${JSON.stringify(event)}\n`, 'utf8');
  // Flushed before the next action runs: the record must survive the process dying right after.
  await handle.datasync();
}

/** Rebuild a run from its lines; a torn last line (crash mid-write) is ignored. */
export function parseRun(text: string): RunRecord | null {
  const events: RunEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as RunEvent);
    } catch {
      break;
    }
  }
  const first = events[0];
  if (!first || first.type !== 'started') return null;
  const outcomes: ActionOutcome[] = [];
  let finished: Extract<RunEvent, { type: 'finished' }> | null = null;
  for (const event of events.slice(1)) {
    switch (event.type) {
      case 'outcome': {
        const { type: _type, ...outcome } = event;
        outcomes.push(outcome);
        break;
      }
      case 'finished':
        finished = event;
        break;
      case 'started':
        break;
    }
  }
  return {
    runId: first.runId,
    planId: first.planId,
    asOf: first.asOf,
    trigger: first.trigger,
    startedAt: first.startedAt,
    finishedAt: finished?.finishedAt ?? null,
    status: finished?.status ?? 'interrupted',
    actions: first.actions,
    outcomes,
    summary: summariseOutcomes(outcomes),
    error: finished?.error ?? null,
  };
}
