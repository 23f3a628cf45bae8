/**
 * Small timing helpers for retries and polling. Kept dependency-free and pure (clock and random
 * source are parameters) so the delays can be unit-tested exactly.
 */

/** Exponential back-off settings. */
export interface BackoffPolicy {
  /** Delay bound of the first retry; the bound doubles with each retry. */
  readonly baseDelayMs: number;
  /** Upper bound of any delay, including one asked for by `Retry-After`. */
  readonly maxDelayMs: number;
}

/**
 * Back-off before retry number `retry` (0 for the first retry): "equal jitter", a random delay
 * between half and all of `min(max, base * 2^retry)`. Half is fixed so retries really do slow
 * down; the random half stops many clients from retrying in lockstep.
 */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  // 2^retry overflows to Infinity for huge retry counts; Math.min then still yields the cap.
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry));
  const half = bound / 2;
  return Math.round(half + random() * half);
}

/**
 * Milliseconds a `Retry-After` header asks for: either delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`), per RFC 9110 section 10.2.3. A date in the past means 0.
 * Returns `undefined` when the header is absent or unreadable, so the caller falls back to back-off.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only accept something that looks like a date: Date.parse would also read "5" or "-1" as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Delay before retry number `retry` after an answer that may carry `Retry-After`: the server's
 * wish when it stated one (capped, so a server cannot park the import for an hour), otherwise
 * exponential back-off.
 */
export function retryDelayMs(
  retry: number,
  retryAfterHeader: string | null | undefined,
  policy: BackoffPolicy,
  nowMs: number,
  random: () => number = Math.random,
): number {
  const asked = parseRetryAfterMs(retryAfterHeader, nowMs);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  return backoffDelayMs(retry, policy, random);
}

/** Poll delay settings (see `pollInitialDelayMs` / `pollMaxDelayMs` in the client options). */
export interface PollPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** Growth factor between polls: quick answers for small exports, few requests for big ones. */
export const POLL_GROWTH = 1.5;

/** Delay before poll number `poll + 1`, where `poll` 0 is the first poll (made right after the POST). */
export function pollDelayMs(poll: number, policy: PollPolicy): number {
  const delay = policy.initialDelayMs * POLL_GROWTH ** Math.max(0, poll);
  return Math.round(Math.min(policy.maxDelayMs, delay));
}

/** HTTP statuses worth retrying: rate limiting and server-side trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Resolve after `ms`, or reject with the signal's reason as soon as it aborts (so a cancelled
 * import does not sit out a 30-second back-off).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
