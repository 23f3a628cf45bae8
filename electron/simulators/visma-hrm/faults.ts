import type { DatasetName } from '../../engine/visma/datasets';
import type { VismaFaults } from './types';

/** The kinds of request the simulator answers; faults select them with `on`. */
export type RequestKind = 'token' | 'command' | 'query' | 'file';

/** A fault that replaces the answer to one request. */
export type StatusFault =
  | { readonly kind: 'tooManyRequests'; readonly retryAfterSeconds: number | undefined }
  | { readonly kind: 'serverError'; readonly status: number };

/** How a newly started export job will behave. */
export type JobFate = 'completes' | 'stuck' | 'fails';

interface Counter {
  remaining: number;
}

/**
 * The faults in force, with the counts still to fire. Counted faults are consumed as they fire, so
 * "the first two polls of contracts answer 429" is `{ tooManyRequests: { count: 2, on: 'query',
 * datasets: ['contracts'] } }`. A fault without `on` fires on any kind of request; a fault with
 * `datasets` only fires on requests about one of those datasets (token requests concern none).
 */
export class ActiveFaults {
  readonly #faults: VismaFaults;
  readonly #tooManyRequests: Counter;
  readonly #serverErrors: Counter;
  readonly #stuckJobs: Counter;
  readonly #failedJobs: Counter;
  /** API requests still allowed before every token issued so far stops working; undefined when off or spent. */
  #requestsBeforeTokenExpiry: number | undefined;

  constructor(faults: VismaFaults = {}) {
    this.#faults = faults;
    this.#tooManyRequests = { remaining: faults.tooManyRequests?.count ?? 0 };
    this.#serverErrors = { remaining: faults.serverErrors?.count ?? 0 };
    this.#stuckJobs = { remaining: faults.stuckJobs?.count ?? 0 };
    this.#failedJobs = { remaining: faults.failedJobs?.count ?? 0 };
    this.#requestsBeforeTokenExpiry = faults.expireTokensAfterRequests;
  }

  /** Polls answering InProgress before a job completes. */
  get inProgressPolls(): number {
    return Math.max(0, Math.floor(this.#faults.inProgressPolls ?? 1));
  }

  /** Number of CSV files each export is split over. */
  get filesPerExport(): number {
    return Math.max(1, Math.floor(this.#faults.filesPerExport ?? 1));
  }

  /** Delay before every answer, in milliseconds. */
  get latencyMs(): number {
    return Math.max(0, this.#faults.latencyMs ?? 0);
  }

  /** Lifetime of new tokens in seconds (expires_in). */
  get tokenTtlSeconds(): number {
    return Math.max(0, this.#faults.tokenTtlSeconds ?? 3600);
  }

  /** Scopes the client is not granted. */
  get missingScopes(): ReadonlySet<string> {
    return new Set(this.#faults.missingScopes ?? []);
  }

  /** Bytes to serve instead of a dataset's generated CSV files, if any. */
  rawFile(dataset: DatasetName): Buffer | undefined {
    const raw = this.#faults.rawFiles?.[dataset];
    return raw === undefined ? undefined : Buffer.from(raw);
  }

  /** Columns to leave out of a dataset's CSV. */
  droppedColumns(dataset: DatasetName): readonly string[] {
    return this.#faults.dropColumns?.[dataset] ?? [];
  }

  /**
   * The status fault for this request, if one is due; consumes it. Too Many Requests is checked
   * before server errors when both are due.
   */
  takeStatusFault(kind: RequestKind, dataset: DatasetName | undefined): StatusFault | undefined {
    const tooMany = this.#faults.tooManyRequests;
    if (tooMany !== undefined && take(this.#tooManyRequests, matches(tooMany, kind, dataset))) {
      return { kind: 'tooManyRequests', retryAfterSeconds: tooMany.retryAfterSeconds };
    }
    const serverError = this.#faults.serverErrors;
    if (serverError !== undefined && take(this.#serverErrors, matches(serverError, kind, dataset))) {
      return { kind: 'serverError', status: serverError.status ?? 503 };
    }
    return undefined;
  }

  /** Decides, once per new job, whether it completes, stays InProgress for ever or fails; consumes the fault. */
  takeJobFate(dataset: DatasetName): JobFate {
    const stuck = this.#faults.stuckJobs;
    if (stuck !== undefined && take(this.#stuckJobs, inDatasets(stuck.datasets, dataset))) return 'stuck';
    const failed = this.#faults.failedJobs;
    if (failed !== undefined && take(this.#failedJobs, inDatasets(failed.datasets, dataset))) return 'fails';
    return 'completes';
  }

  /**
   * Counts one export-API request (command or poll). Returns true exactly once: on the first request
   * after `expireTokensAfterRequests` further requests, when every token issued so far must stop working.
   */
  countApiRequest(): boolean {
    if (this.#requestsBeforeTokenExpiry === undefined) return false;
    if (this.#requestsBeforeTokenExpiry > 0) {
      this.#requestsBeforeTokenExpiry--;
      return false;
    }
    this.#requestsBeforeTokenExpiry = undefined;
    return true;
  }
}

function matches(
  fault: { readonly on?: RequestKind; readonly datasets?: readonly DatasetName[] },
  kind: RequestKind,
  dataset: DatasetName | undefined,
): boolean {
  if (fault.on !== undefined && fault.on !== kind) return false;
  if (fault.datasets === undefined) return true;
  return dataset !== undefined && fault.datasets.includes(dataset);
}

function inDatasets(datasets: readonly DatasetName[] | undefined, dataset: DatasetName): boolean {
  return datasets === undefined || datasets.includes(dataset);
}

function take(counter: Counter, applies: boolean): boolean {
  if (!applies || counter.remaining <= 0) return false;
  counter.remaining--;
  return true;
}
