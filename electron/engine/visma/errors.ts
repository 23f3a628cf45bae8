import { redactSecrets } from '../model/secret-forms';
import type { DatasetName } from './datasets';

/**
 * What went wrong with a Visma.net export, as a closed set so the UI and the run record can react
 * per kind (e.g. "check the credentials" for `auth`, "try again later" for `timeout`).
 *
 * - `auth`: the token endpoint refused the credentials, or the API answered 401/403.
 * - `timeout`: an export job did not finish within `jobTimeoutMs`, or requests kept timing out.
 * - `job-failed`: Visma reported the job as failed (or in an unknown state) on every attempt.
 * - `http`: any other unexpected HTTP answer, including 429/5xx that outlasted the retries.
 * - `network`: Visma.net could not be reached (DNS, refused connection, reset).
 * - `csv`: a downloaded file is not valid CSV (ragged row, broken quoting, duplicate header).
 * - `missing-column`: a file lacks a column the normalisation needs.
 */
export type VismaErrorKind = 'auth' | 'timeout' | 'job-failed' | 'http' | 'network' | 'csv' | 'missing-column';

/** Everything needed to build a {@link VismaExportError}. */
export interface VismaExportErrorInit {
  readonly dataset: DatasetName;
  readonly kind: VismaErrorKind;
  /** Sentence for the admin: what failed, why if known, and what to check. Never a secret. */
  readonly message: string;
  /** HTTP status that caused it, when there was one. */
  readonly status?: number;
  /** Export job id, when the failure belongs to a job. */
  readonly jobId?: string;
  /** Underlying error, already stripped of secrets (see `sanitizeCause`). */
  readonly cause?: unknown;
}

/**
 * A Visma.net export could not be read. The whole import stops at the first one, before anything
 * is written to a target. Messages and causes never contain the client secret or a token.
 */
export class VismaExportError extends Error {
  override readonly name = 'VismaExportError';
  /** The dataset whose export failed. */
  readonly dataset: DatasetName;
  readonly kind: VismaErrorKind;
  readonly status: number | undefined;
  readonly jobId: string | undefined;

  constructor(init: VismaExportErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.dataset = init.dataset;
    this.kind = init.kind;
    this.status = init.status;
    this.jobId = init.jobId;
  }
}

/** Values that must never appear in an error message: the client secret and every token seen. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  constructor(initial: readonly string[] = []) {
    for (const secret of initial) this.add(secret);
  }

  /** Remember a secret; it is looked for in every form a server may echo it (see secret-forms). */
  add(secret: string): void {
    this.secrets.add(secret);
  }

  /** The text with every form of every known secret replaced by `***`. */
  redact(text: string): string {
    // Very short values would turn ordinary words into "***"; real secrets and tokens are long.
    return redactSecrets(text, this.secrets, '***', 4);
  }

  /**
   * A copy of an error chain that is safe to expose as `cause`: plain `Error`s holding only the
   * redacted name, message and code. Library errors may carry request details (headers, bodies)
   * in extra properties, so the originals are never passed on.
   */
  sanitizeCause(error: unknown, depth = 0): Error | undefined {
    if (error === undefined || error === null || depth > 4) return undefined;
    if (!(error instanceof Error)) return new Error(this.redact(String(error)));
    const inner = this.sanitizeCause((error as { cause?: unknown }).cause, depth + 1);
    const copy = new Error(this.redact(error.message), inner === undefined ? undefined : { cause: inner });
    copy.name = error.name;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') (copy as Error & { code?: string }).code = code;
    // The stack of the original could quote secrets only through its message, already redacted above.
    copy.stack = `${copy.name}: ${copy.message}`;
    return copy;
  }
}
