/**
 * What every API call answers, over IPC, HTTP or in-process: a value, or an error in words. An error
 * never carries a stack trace or a secret; `problems` lists one line per invalid field (with its path)
 * when a request or a setting was refused.
 */

/** Closed set of error kinds, so the UI can pick its wording and next step. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'invalid-settings'
  | 'not-configured'
  | 'not-found'
  | 'busy'
  | 'connection-failed'
  | 'not-available'
  | 'failed';

/** An error as the UI shows it. */
export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly problems: readonly string[];
}

/** `{ ok, value } | { ok, error }`: the one result shape of every operation. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** A successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail(code: ApiErrorCode, message: string, problems: readonly string[] = []): ApiResult<never> {
  return { ok: false, error: { code, message, problems } };
}
