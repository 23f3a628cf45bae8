import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs, pollDelayMs, retryDelayMs, sleep } from './retry';

const policy = { baseDelayMs: 1_000, maxDelayMs: 30_000 };
const now = Date.parse('2026-03-02T10:00:00Z');

describe('backoffDelayMs', () => {
  it('doubles its bound per retry and keeps at least half of it', () => {
    expect([0, 1, 2, 3].map((retry) => backoffDelayMs(retry, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([0, 1, 2, 3].map((retry) => backoffDelayMs(retry, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never exceeds the cap, even for absurd retry counts', () => {
    expect(backoffDelayMs(10, policy, () => 1)).toBe(30_000);
    expect(backoffDelayMs(5_000, policy, () => 1)).toBe(30_000);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfterMs('Mon, 02 Mar 2026 10:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfterMs('Mon, 02 Mar 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('follows Retry-After when given, capped by the policy', () => {
    expect(retryDelayMs(3, '2', policy, now, () => 0)).toBe(2_000);
    expect(retryDelayMs(0, '3600', policy, now, () => 0)).toBe(30_000);
    expect(retryDelayMs(0, 'Mon, 02 Mar 2026 10:00:05 GMT', policy, now, () => 0)).toBe(5_000);
  });

  it('falls back to back-off without Retry-After', () => {
    expect(retryDelayMs(2, null, policy, now, () => 0)).toBe(2_000);
    expect(retryDelayMs(2, 'garbage', policy, now, () => 0)).toBe(2_000);
  });
});

describe('pollDelayMs', () => {
  it('grows by 1.5 from the initial delay up to the maximum', () => {
    const poll = { initialDelayMs: 500, maxDelayMs: 10_000 };
    expect([0, 1, 2, 3, 4].map((n) => pollDelayMs(n, poll))).toEqual([500, 750, 1_125, 1_688, 2_531]);
    expect(pollDelayMs(20, poll)).toBe(10_000);
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 600].some(isRetryableStatus)).toBe(false);
  });
});

describe('sleep', () => {
  it('rejects at once with the reason when the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the admin');
    const pending = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(sleep(10, controller.signal)).rejects.toBe(reason);
  });

  it('resolves after the delay', async () => {
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });
});
