import { expect } from 'vitest';
import { VismaExportError } from './errors';

/** Test support: the error a promise rejects with, asserted to be a {@link VismaExportError}. */
export async function rejection(promise: Promise<unknown>): Promise<VismaExportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VismaExportError);
  return error as VismaExportError;
}
