/**
 * The worker thread of `fetchVismaExport` (started by export-worker-host.ts; bundled on its own as
 * electron/dist/visma-worker.mjs): reads every export as the client does in-thread and posts each dataset's
 * parsed files back as soon as they are in (their cell arrays transferred, not copied), then `done`, or the
 * first failure as a {@link WireError}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readExportFiles } from './client';
import { transferables } from './csv-compact';
import { toWireError } from './export-worker-host';
import type { ExportWorkerInput, ExportWorkerMessage, WireError } from './export-worker-host';
import { createHttpContext } from './http';

const port = parentPort;
if (port === null) throw new Error('visma-worker runs as the worker thread of fetchVismaExport, not on its own');
const post = (message: ExportWorkerMessage, transfer: readonly ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const { options } = workerData as ExportWorkerInput;

try {
  const ctx = createHttpContext({ ...options, onProgress: (event) => post({ type: 'progress', event }) });
  // The cell arrays move to the other thread instead of being copied; this thread is done with them.
  await readExportFiles(ctx, (dataset, files) => post({ type: 'dataset', dataset, files }, transferables(files)));
  post({ type: 'done' });
} catch (error) {
  const wire: WireError = toWireError(error);
  post({ type: 'failed', error: wire });
}
