import { randomUUID } from 'node:crypto';
import type { DatasetSpec } from '../../engine/visma/datasets';
import type { ExportShape } from './export-files';
import type { JobFate } from './faults';

/** Status values of a poll answer (reference 2.3; "Failed" is the simulator's choice, section 7). */
export type JobStatus = 'InProgress' | 'Completed' | 'Failed';

/** One export job, started by a command and polled by queries. */
export interface ExportJob {
  readonly id: string;
  readonly spec: DatasetSpec;
  /** Rows, columns and file count, fixed when the job starts. */
  readonly shape: ExportShape;
  readonly fate: JobFate;
  /** Polls that answer InProgress before the job finishes. */
  readonly inProgressPolls: number;
  /** When the job started (ms since the epoch): the snapshot's changeTimestampBefore. */
  readonly startedAt: number;
  /** Polls received so far. */
  polls: number;
}

/** The jobs of one simulator. Nothing cleans jobs up, as on the real API (reference 6). */
export class JobStore {
  readonly #jobs = new Map<string, ExportJob>();

  /** Starts a job and returns it. */
  start(spec: DatasetSpec, shape: ExportShape, fate: JobFate, inProgressPolls: number, now: number): ExportJob {
    const job: ExportJob = { id: randomUUID(), spec, shape, fate, inProgressPolls, startedAt: now, polls: 0 };
    this.#jobs.set(job.id, job);
    return job;
  }

  /** The job with this id, if any. */
  get(id: string): ExportJob | undefined {
    return this.#jobs.get(id);
  }
}

/** Counts one poll of `job` and says what it answers. */
export function pollJob(job: ExportJob): JobStatus {
  job.polls++;
  if (job.fate === 'stuck' || job.polls <= job.inProgressPolls) return 'InProgress';
  return job.fate === 'fails' ? 'Failed' : 'Completed';
}
