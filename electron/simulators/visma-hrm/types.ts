import type { DatasetName, CsvRow } from '../../engine/visma/datasets';

/**
 * Faults the Visma.net HRM simulator can inject. Counts are "how many times", consumed as they fire,
 * so a test can say "the first two polls of contracts answer 429" and then see the client recover.
 * Every fault may be limited to some datasets; without `datasets` it applies to all.
 */
export interface VismaFaults {
  /** Polls that answer InProgress before a job completes (default 1). */
  readonly inProgressPolls?: number;
  /** Jobs that stay InProgress for ever (the client's overall time limit must end it). */
  readonly stuckJobs?: { readonly count: number; readonly datasets?: readonly DatasetName[] };
  /** Jobs whose poll answers status "Failed" (the client restarts the job). */
  readonly failedJobs?: { readonly count: number; readonly datasets?: readonly DatasetName[] };
  /** Split each export over this many CSV files (default 1). */
  readonly filesPerExport?: number;
  /**
   * Answer 429 Too Many Requests (with Retry-After when retryAfterSeconds is set), with an empty body.
   * `on` selects the request kind (without it: any kind); `datasets` limits it to requests about
   * those datasets (token requests concern none, so they never match a `datasets` filter).
   */
  readonly tooManyRequests?: {
    readonly count: number;
    readonly retryAfterSeconds?: number;
    readonly on?: 'command' | 'query' | 'file' | 'token';
    readonly datasets?: readonly DatasetName[];
  };
  /** Answer a 5xx (default 503) with a small JSON body; `on` and `datasets` as for tooManyRequests. */
  readonly serverErrors?: {
    readonly count: number;
    readonly status?: number;
    readonly on?: 'command' | 'query' | 'file' | 'token';
    readonly datasets?: readonly DatasetName[];
  };
  /** Delay every answer by this many milliseconds. */
  readonly latencyMs?: number;
  /** Token lifetime in seconds returned as expires_in (default 3600). */
  readonly tokenTtlSeconds?: number;
  /** Scopes the client is NOT granted: exports needing them answer 401. */
  readonly missingScopes?: readonly string[];
  /**
   * Tokens issued before this many further requests become invalid (401 on use), to test renewal.
   * Counts export-API requests (commands and polls, not token requests or file downloads): with 2,
   * the next two API requests succeed and the third finds its token expired. Fires once.
   */
  readonly expireTokensAfterRequests?: number;
  /** Drop these columns from a dataset's CSV (to test "missing required column"). */
  readonly dropColumns?: Readonly<Partial<Record<DatasetName, readonly string[]>>>;
  /**
   * Serve these exact bytes as every file of a dataset's export instead of the generated CSV (to test
   * broken quoting, NUL bytes, bytes that are not UTF-8).
   */
  readonly rawFiles?: Readonly<Partial<Record<DatasetName, Uint8Array | string>>>;
}

/** Options to start the simulator. */
export interface VismaSimulatorOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  /** Accepted client credentials and tenant. */
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** The data served: either rows per dataset, or a seed + size for the generator. */
  readonly data: Readonly<Record<DatasetName, readonly CsvRow[]>>;
  readonly faults?: VismaFaults;
  /**
   * Clock in milliseconds since the epoch (default `Date.now`), so a test can move time past a
   * token's expiry without waiting. Also dates `changeTimestampBefore`.
   */
  readonly clock?: () => number;
}

/** A running simulator. */
export interface RunningVismaSimulator {
  /** Base URL of the export API, e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** Token endpoint URL, e.g. http://127.0.0.1:41234/connect/token */
  readonly tokenUrl: string;
  /** Replace the faults (counts restart). */
  setFaults(faults: VismaFaults): void;
  /** Replace the served data. */
  setData(data: Readonly<Record<DatasetName, readonly CsvRow[]>>): void;
  /**
   * Every request received, for assertions (method, path without host but with the query string,
   * whether it carried a bearer token, and the body as text).
   */
  readonly requests: ReadonlyArray<{ readonly method: string; readonly path: string; readonly authorized: boolean; readonly body: string }>;
  close(): Promise<void>;
}
