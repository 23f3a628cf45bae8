import { acquireRunLock, RunInProgressError } from './run-lock';

/**
 * A separate process contending for the apply lock, for the test that starts eight at once:
 * `node --import tsx run-lock-contender.ts DATADIR`. It prints one JSON line (`held` or `refused`
 * with the message); a holder keeps the lock until its stdin closes.
 */
async function main(dataDir: string): Promise<void> {
  try {
    const release = await acquireRunLock(dataDir);
    process.stdout.write(`${JSON.stringify({ result: 'held', pid: process.pid })}\n`);
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.once('end', resolve));
    await release();
  } catch (error) {
    if (!(error instanceof RunInProgressError)) throw error;
    process.stdout.write(`${JSON.stringify({ result: 'refused', pid: process.pid, message: error.message })}\n`);
  }
}

void main(process.argv[2] ?? '');
