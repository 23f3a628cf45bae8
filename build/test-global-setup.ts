/**
 * Vitest global setup. Services that integration tests need (the Samba AD DC) are started here
 * and stopped by PID in the teardown. Filled in by the AD work; a no-op until then.
 */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
