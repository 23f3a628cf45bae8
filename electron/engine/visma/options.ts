import type { DatasetName } from './datasets';

/** Stage of one dataset's export, in the order they occur. */
export type VismaProgressPhase = 'started' | 'waiting' | 'downloading' | 'done';

/** Progress of the export of one dataset, for the UI and the run log. */
export interface VismaProgressEvent {
  readonly dataset: DatasetName;
  readonly phase: VismaProgressPhase;
  /** Rows read so far (on `done`: all rows of the dataset). */
  readonly rows?: number;
  /** Number of files the finished job produced (`downloading` and `done`). */
  readonly files?: number;
  /** Milliseconds since this dataset's export started. */
  readonly elapsedMs: number;
  /** Id of the export job, once Visma has given one. */
  readonly jobId?: string;
}

/**
 * How to reach Visma.net HRM and how patient to be. Secrets are plain strings here: the
 * configuration layer resolves them before calling the client.
 */
export interface VismaClientOptions {
  /** Visma Connect token endpoint, e.g. `https://connect.visma.com/connect/token`. */
  readonly tokenUrl: string;
  /** Export API base URL, e.g. `https://api.analytics1.hrm.visma.net`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** Also request the contact-information scope (private addresses, phone numbers). */
  readonly includePersonalData: boolean;
  /** Longest wait for one export job to complete (default 10 minutes). */
  readonly jobTimeoutMs?: number;
  /** Wait before the second poll of a job; later waits grow by 1.5x (default 500 ms). */
  readonly pollInitialDelayMs?: number;
  /** Longest wait between two polls (default 10 s). */
  readonly pollMaxDelayMs?: number;
  /** Retries of one request on 429/5xx/network errors, and restarts of a failed job (default 4). */
  readonly maxRetries?: number;
  /** Time limit for one HTTP request including its body (default 60 s). */
  readonly requestTimeoutMs?: number;
  /** First back-off delay before retrying a request; it doubles per retry, with jitter (default 1 s). */
  readonly retryBaseDelayMs?: number;
  /** Longest back-off delay, and the cap on a server's `Retry-After` (default 30 s). */
  readonly retryMaxDelayMs?: number;
  /** Export jobs running at the same time, 1 to 7 (default 7: all datasets at once; 1: one after another). */
  readonly parallelJobs?: number;
  /**
   * Character encoding of the CSV files (default `utf-8`). With UTF-8 a file that is not valid UTF-8
   * is an error naming the dataset and byte offset, never silently garbled names.
   */
  readonly encoding?: CsvEncoding;
  /**
   * The columns rows are built with (the evaluation's, `EVALUATED_COLUMNS`); the other columns of a row are
   * kept as one digest per row, for the dedupe (`restDigest`). `'all'` (the default) builds rows with every column.
   */
  readonly rowColumns?: readonly string[] | 'all';
  /** Called as each dataset moves through its phases. Exceptions thrown by it are ignored. */
  readonly onProgress?: (event: VismaProgressEvent) => void;
  /** Cancels the whole export; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Encodings a Visma CSV file may be read in. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** {@link VismaClientOptions} with every default filled in. */
export type ResolvedVismaClientOptions = Required<Omit<VismaClientOptions, 'onProgress' | 'signal'>> &
  Pick<VismaClientOptions, 'onProgress' | 'signal'>;

/** Defaults for the optional timing fields of {@link VismaClientOptions}. */
export const VISMA_CLIENT_DEFAULTS = {
  jobTimeoutMs: 10 * 60_000,
  pollInitialDelayMs: 500,
  pollMaxDelayMs: 10_000,
  maxRetries: 4,
  requestTimeoutMs: 60_000,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
  parallelJobs: 7,
  encoding: 'utf-8',
  rowColumns: 'all',
} as const;

/**
 * Fill in defaults and reject values that would make the client hang or spin (negative or
 * non-finite numbers, empty URLs). The messages name the setting but never echo a secret.
 */
export function resolveVismaClientOptions(options: VismaClientOptions): ResolvedVismaClientOptions {
  const resolved: ResolvedVismaClientOptions = {
    ...options,
    jobTimeoutMs: options.jobTimeoutMs ?? VISMA_CLIENT_DEFAULTS.jobTimeoutMs,
    pollInitialDelayMs: options.pollInitialDelayMs ?? VISMA_CLIENT_DEFAULTS.pollInitialDelayMs,
    pollMaxDelayMs: options.pollMaxDelayMs ?? VISMA_CLIENT_DEFAULTS.pollMaxDelayMs,
    maxRetries: options.maxRetries ?? VISMA_CLIENT_DEFAULTS.maxRetries,
    requestTimeoutMs: options.requestTimeoutMs ?? VISMA_CLIENT_DEFAULTS.requestTimeoutMs,
    retryBaseDelayMs: options.retryBaseDelayMs ?? VISMA_CLIENT_DEFAULTS.retryBaseDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs ?? VISMA_CLIENT_DEFAULTS.retryMaxDelayMs,
    parallelJobs: options.parallelJobs ?? VISMA_CLIENT_DEFAULTS.parallelJobs,
    encoding: options.encoding ?? VISMA_CLIENT_DEFAULTS.encoding,
    rowColumns: options.rowColumns ?? VISMA_CLIENT_DEFAULTS.rowColumns,
  };
  const numbers = [
    'jobTimeoutMs', 'pollInitialDelayMs', 'pollMaxDelayMs', 'maxRetries', 'requestTimeoutMs',
    'retryBaseDelayMs', 'retryMaxDelayMs',
  ] as const;
  for (const key of numbers) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Visma client option ${key} must be a number of 0 or more, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(resolved.parallelJobs) || resolved.parallelJobs < 1) {
    throw new RangeError(`Visma client option parallelJobs must be a whole number of 1 or more, got ${String(resolved.parallelJobs)}`);
  }
  if (!Number.isInteger(resolved.maxRetries)) {
    throw new RangeError(`Visma client option maxRetries must be a whole number, got ${resolved.maxRetries}`);
  }
  for (const key of ['tokenUrl', 'baseUrl'] as const) {
    if (!URL.canParse(resolved[key])) {
      throw new RangeError(`Visma client option ${key} is not a valid URL: '${resolved[key]}'`);
    }
  }
  return resolved;
}
