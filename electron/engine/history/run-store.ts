import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../state/private-file';
import type { HeldPerson, PlannedAction } from '../model/plan';
import type { ActionOutcome, Outcome, RunRecord, RunSafety, RunStatus, RunSummary, RunTrigger } from '../model/run';
import type { IsoDate } from '../model/iso-date';
import type { LedgerChange } from '../model/ledger';

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
      /** Absent in runs recorded before the safety checks existed. */
      readonly safety?: RunSafety;
      /** Persons held for doubtful HR data; absent when none were. */
      readonly held?: readonly HeldPerson[];
    }
  | ({ readonly type: 'outcome' } & ActionOutcome)
  /** Ledger changes that belong to no action (adoptions, stale entries dropped). */
  | { readonly type: 'ledger'; readonly at: string; readonly changes: readonly LedgerChange[] }
  | {
      readonly type: 'finished';
      readonly finishedAt: string;
      readonly status: FinalStatus;
      readonly error: string | null;
    };

const OUTCOMES: readonly Outcome[] = ['created', 'updated', 'unchanged', 'failed', 'skipped', 'blocked'];

/** Counts per outcome. */
export function summariseOutcomes(outcomes: readonly ActionOutcome[]): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const outcome of outcomes) counts[outcome.outcome] += 1;
  return counts;
}

/** How a run that was started can end. */
export type FinalStatus = Exclude<RunStatus, 'running' | 'interrupted'>;

/** An open run file: each line is on disk when `append` resolves. */
export interface RunFile {
  append(line: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * How run files are created: exclusively (never over an existing run), owner-only. Replaceable so a
 * test can make a write fail the way a full disk does.
 */
export type OpenRunFile = (file: string) => Promise<RunFile>;

/** The default {@link OpenRunFile}: append, then fdatasync before the next action runs. */
export const openRunFile: OpenRunFile = async (file) => {
  const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
  return {
    append: async (line) => {
      await handle.appendFile(line, 'utf8');
      // Flushed before the next action runs: the record must survive the process dying right after.
      await handle.datasync();
    },
    close: () => handle.close(),
  };
};

/** A run being written. Call `record` per action and then `finish` (or `abandon`) once. */
export interface RunWriter {
  readonly runId: string;
  record(outcome: ActionOutcome): Promise<void>;
  /** Record ledger changes that belong to no action. */
  recordLedger(changes: readonly LedgerChange[]): Promise<void>;
  finish(status: FinalStatus, error?: string | null): Promise<RunRecord>;
  /**
   * Closes the file without a closing line, as a crash leaves it: the run then reads as
   * `interrupted`. For a run that can never finish (and for tests that simulate a crash), so the
   * file handle is not left for the garbage collector.
   */
  abandon(): Promise<void>;
}

/** Store of apply runs. */
export class RunStore {
  private readonly dir: string;

  private readonly openFile: OpenRunFile;

  constructor(dataDir: string, options: { readonly openFile?: OpenRunFile } = {}) {
    this.dir = path.join(dataDir, 'history');
    this.openFile = options.openFile ?? openRunFile;
  }

  /** The directory holding one file per run. */
  get directory(): string {
    return this.dir;
  }

  /** Start recording a run: the plan's actions are written first, so the record explains itself. */
  async begin(input: {
    readonly runId: string;
    readonly planId: string;
    readonly asOf: IsoDate;
    readonly trigger: RunTrigger;
    readonly actions: readonly PlannedAction[];
    readonly safety?: RunSafety;
    readonly held?: readonly HeldPerson[];
    readonly startedAt?: string;
  }): Promise<RunWriter> {
    await ensurePrivateDir(this.dir);
    const startedAt = input.startedAt ?? new Date().toISOString();
    // The timestamp prefix makes a directory listing sort by start time.
    const file = path.join(this.dir, `${startedAt.replace(/[:.]/g, '-')}_${input.runId}.jsonl`);
    const handle = await this.openFile(file);
    const outcomes: ActionOutcome[] = [];
    const ledger: LedgerChange[] = [];
    const { held, ...rest } = input;
    const started: RunEvent = { type: 'started', ...rest, ...(held && held.length > 0 ? { held } : {}), startedAt };
    await appendLine(handle, started);
    let closed = false;
    return {
      runId: input.runId,
      record: async (outcome) => {
        if (closed) throw new Error(`run ${input.runId} is already finished`);
        outcomes.push(outcome);
        await appendLine(handle, { type: 'outcome', ...outcome });
      },
      recordLedger: async (changes) => {
        if (closed) throw new Error(`run ${input.runId} is already finished`);
        ledger.push(...changes);
        await appendLine(handle, { type: 'ledger', at: new Date().toISOString(), changes });
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
          safety: input.safety ?? null,
          ...(ledger.length > 0 ? { ledger } : {}),
          ...(held && held.length > 0 ? { held } : {}),
        };
      },
      abandon: async () => {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  }

  /**
   * Every recorded run, newest first. An unreadable file or a line that is not a valid event is
   * reported with its file and line; the rest of that run and every other run still read.
   */
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
      let text: string;
      try {
        text = await readFile(path.join(this.dir, name), 'utf8');
      } catch (error) {
        problems.push(`history file ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}) and was left out`);
        continue;
      }
      const parsed = parseRun(text, name);
      problems.push(...parsed.problems);
      if (parsed.record) runs.push(parsed.record);
    }
    runs.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    return { runs, problems };
  }
}

async function appendLine(file: RunFile, event: RunEvent): Promise<void> {
  await file.append(`${JSON.stringify(event)}\n`);
}

// What a line must look like to count as an event. Actions are checked for the fields the history
// shows; they were validated when the plan was applied.
const outcomeSchema = z.object({
  actionId: z.string(),
  outcome: z.enum(OUTCOMES as [Outcome, ...Outcome[]]),
  error: z.string().nullable(),
  at: z.string(),
  // What reverses the action (issue 10): read back as written, checked when an undo is planned.
  undo: z.object({ target: z.string() }).loose().optional(),
  ledger: z.array(z.object({ kind: z.string() }).loose()).optional(),
});
const heldPersonSchema = z.object({
  target: z.enum(['ad', 'nedap-ons']),
  personId: z.string(),
  employeeIds: z.array(z.string()),
  accounts: z.array(z.string()),
  reason: z.string(),
});
const eventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    runId: z.string(),
    planId: z.string(),
    asOf: z.string(),
    trigger: z.enum(['cli', 'manual', 'schedule']),
    startedAt: z.string(),
    actions: z.array(z.object({ id: z.string(), action: z.string() }).loose()),
    safety: z.object({ heldForReview: z.array(z.unknown()), approvals: z.array(z.unknown()) }).loose().optional(),
    held: z.array(heldPersonSchema).optional(),
  }),
  outcomeSchema.extend({ type: z.literal('outcome') }),
  z.object({ type: z.literal('ledger'), at: z.string(), changes: z.array(z.object({ kind: z.string() }).loose()) }),
  z.object({
    type: z.literal('finished'),
    finishedAt: z.string(),
    status: z.enum(['completed', 'failed', 'stopped-by-guard', 'held-for-review']),
    error: z.string().nullable(),
  }),
]);

/** Read the events of a run file; bad lines become problems that name the file and line. */
function readEvents(text: string, name: string): { readonly events: readonly RunEvent[]; readonly problems: readonly string[] } {
  const events: RunEvent[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    // The last line without its newline is one the process was writing when it died: not a problem.
    const torn = index === lines.length - 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (!torn) problems.push(`history file ${name} line ${index + 1} is not valid JSON and was skipped`);
      return;
    }
    const result = eventSchema.safeParse(json);
    if (result.success) events.push(result.data as RunEvent);
    else problems.push(`history file ${name} line ${index + 1} is not a valid event (${result.error.issues[0]?.path.join('.') || 'top level'}: ${result.error.issues[0]?.message ?? 'invalid'}) and was skipped`);
  });
  return { events, problems };
}

/**
 * Rebuild a run from its lines. A torn last line (crash mid-write) is ignored; any other bad line
 * is reported and skipped, and the lines after it still count.
 */
export function parseRun(text: string, name = 'run'): { readonly record: RunRecord | null; readonly problems: readonly string[] } {
  const { events, problems } = readEvents(text, name);
  const first = events[0];
  if (!first || first.type !== 'started') {
    return { record: null, problems: [...problems, `history file ${name} has no readable start line and was left out`] };
  }
  const outcomes: ActionOutcome[] = [];
  const ledger: LedgerChange[] = [];
  let finished: Extract<RunEvent, { type: 'finished' }> | null = null;
  for (const event of events.slice(1)) {
    switch (event.type) {
      case 'outcome': {
        const { type: _type, ...outcome } = event;
        outcomes.push(outcome);
        break;
      }
      case 'ledger':
        ledger.push(...event.changes);
        break;
      case 'finished':
        finished = event;
        break;
      case 'started':
        break;
    }
  }
  const record: RunRecord = {
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
    safety: first.safety ?? null,
    ...(ledger.length > 0 ? { ledger } : {}),
    ...(first.held ? { held: first.held } : {}),
  };
  return { record, problems };
}
