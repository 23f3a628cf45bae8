import { expect } from 'vitest';
import { VismaExportError } from './errors';
import { resolveVismaClientOptions } from './options';
import type { ResolvedVismaClientOptions, VismaClientOptions } from './options';

/** Host of the fake Visma in unit tests: a port nothing listens on, so a request that escapes the fake fails. */
export const TEST_VISMA_BASE = 'http://127.0.0.1:9';

/**
 * Test support: client options against {@link TEST_VISMA_BASE} with millisecond poll and retry delays, so tests
 * of waiting and retrying run fast; `overrides` win.
 */
export function testClientOptions(overrides: Partial<VismaClientOptions> = {}): ResolvedVismaClientOptions {
  return resolveVismaClientOptions({
    tokenUrl: `${TEST_VISMA_BASE}/connect/token`,
    baseUrl: TEST_VISMA_BASE,
    clientId: 'client-1',
    clientSecret: 'secret-1234',
    tenantId: 'tenant-1',
    includePersonalData: false,
    pollInitialDelayMs: 1,
    pollMaxDelayMs: 5,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...overrides,
  });
}

/** Test support: the error a promise rejects with, asserted to be a {@link VismaExportError}. */
export async function rejection(promise: Promise<unknown>): Promise<VismaExportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VismaExportError);
  return error as VismaExportError;
}
