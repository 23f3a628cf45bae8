/**
 * The worker thread of `fetchVismaExport` (started by export-worker-host.ts; bundled on its own as
 * electron/dist/visma-worker.mjs): reads every export as the client does in-thread and posts each dataset's
 * parsed files back as soon as they are in, then `done`, or the first failure as a {@link WireError}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readExportFiles } from './client';
import { toWireError } from './export-worker-host';
import type { ExportWorkerInput, ExportWorkerMessage, WireError } from './export-worker-host';
import { createHttpContext } from './http';

const port = parentPort;
if (port === null) throw new Error('visma-worker runs as the worker thread of fetchVismaExport, not on its own');
const post = (message: ExportWorkerMessage): void => port.postMessage(message);
const { options } = workerData as ExportWorkerInput;

try {
  const ctx = createHttpContext({ ...options, onProgress: (event) => post({ type: 'progress', event }) });
  await readExportFiles(ctx, (dataset, files) => post({ type: 'dataset', dataset, files }));
  post({ type: 'done' });
} catch (error) {
  const wire: WireError = toWireError(error);
  post({ type: 'failed', error: wire });
}
