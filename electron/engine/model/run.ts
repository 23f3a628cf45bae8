import type { IsoDate } from './iso-date';
import type { PlannedAction } from './plan';

/** The closed set of per-action outcomes. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped' | 'blocked';

/** What happened to one action of a plan. */
export interface ActionOutcome {
  readonly actionId: string;
  readonly outcome: Outcome;
  /** Admin-readable reason for failed / skipped / blocked; null otherwise. Never holds a secret. */
  readonly error: string | null;
  /** ISO timestamp. */
  readonly at: string;
}

/** How a run ended. `interrupted` is a run whose record has no end: the process died mid-run. */
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/** What started a run. */
export type RunTrigger = 'cli' | 'manual' | 'schedule';

/** Counts per outcome. */
export type RunSummary = Readonly<Record<Outcome, number>>;

/** One apply run as recorded in the history. */
export interface RunRecord {
  readonly runId: string;
  readonly planId: string;
  readonly asOf: IsoDate;
  readonly trigger: RunTrigger;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: RunStatus;
  readonly actions: readonly PlannedAction[];
  readonly outcomes: readonly ActionOutcome[];
  readonly summary: RunSummary;
  /** Why the run failed as a whole (a source that could not be read), if it did. */
  readonly error: string | null;
}
