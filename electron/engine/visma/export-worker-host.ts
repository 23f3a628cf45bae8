import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompactCsv } from './csv-compact';
import type { DatasetName } from './datasets';
import { VismaExportError } from './errors';
import type { VismaErrorKind } from './errors';
import type { ResolvedVismaClientOptions, VismaProgressEvent } from './options';

/**
 * Runs the Visma read in a worker thread (`visma-worker.ts`): the export jobs, the downloads and the CSV
 * parsing, so that they take the other core while this thread reads the directory and plans. What comes
 * back is compact (per file: column names, each distinct value once, the cells as indexes into them in a
 * transferred typed array); the caller builds the rows.
 */

/** What the worker is started with: the client options without the callbacks, which cannot cross threads. */
export interface ExportWorkerInput {
  readonly options: Omit<ResolvedVismaClientOptions, 'onProgress' | 'signal'>;
}

/** An error as it crosses from the worker: plain data, rebuilt as the same class on this side. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly cause?: WireError;
  readonly visma?: { readonly dataset: DatasetName; readonly kind: VismaErrorKind; readonly status?: number; readonly jobId?: string };
}

/** Messages from the worker, in the order it sends them. */
export type ExportWorkerMessage =
  | { readonly type: 'progress'; readonly event: VismaProgressEvent }
  | { readonly type: 'dataset'; readonly dataset: DatasetName; readonly files: readonly CompactCsv[] }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly error: WireError };

/**
 * The worker could not be started or loaded (it failed before its first message): nothing was read yet, so
 * the caller may read in its own thread instead (a packaged app whose archive a worker cannot load from, say).
 */
export class ExportWorkerStartError extends Error {
  override readonly name = 'ExportWorkerStartError';
}

/** How to start the worker: the compiled script beside the bundle, or the TypeScript source through tsx. */
export type ExportWorkerEntry =
  | { readonly kind: 'compiled'; readonly script: URL }
  | { readonly kind: 'source'; readonly script: URL; readonly tsx: string };

/**
 * Finds the worker script relative to `from` (this module, or the bundle it was bundled into): the bundle
 * has `visma-worker.mjs` beside it (build/build-node.mjs); the sources have `visma-worker.ts` beside this
 * file, which is started through tsx's loader (a devDependency: under vitest, tsx and the bench). Null
 * when neither is there: the caller then reads in its own thread.
 */
export function exportWorkerEntry(from: string = import.meta.url): ExportWorkerEntry | null {
  const compiled = new URL('./visma-worker.mjs', from);
  if (existsSync(fileURLToPath(compiled))) return { kind: 'compiled', script: compiled };
  const source = new URL('./visma-worker.ts', from);
  if (!existsSync(fileURLToPath(source))) return null;
  const tsx = tsxApi(from);
  return tsx === null ? null : { kind: 'source', script: source, tsx };
}

/** URL of tsx's ES module API (its `import` export: require.resolve would give the CommonJS one). */
function tsxApi(from: string): string | null {
  try {
    const manifest = createRequire(from).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
    const file = pkg.exports?.['./esm/api']?.import?.default;
    return file === undefined ? null : new URL(file, pathToFileURL(manifest)).href;
  } catch {
    return null;
  }
}

function startWorker(entry: ExportWorkerEntry, input: ExportWorkerInput): Worker {
  if (entry.kind === 'compiled') return new Worker(entry.script, { workerData: input });
  // A worker does not inherit the parent's loader hooks: the source is loaded through tsx's API.
  const script = JSON.stringify(entry.script.href);
  const code = `import(${JSON.stringify(entry.tsx)}).then((tsx) => tsx.tsImport(${script}, ${script}));`;
  return new Worker(code, { eval: true, workerData: input });
}

/**
 * Reads every export in a worker thread started from `entry`: progress goes to `options.onProgress`,
 * each dataset's parsed files to `onDataset` as they arrive. Settles only after the worker has stopped. Rejects with the worker's error rebuilt
 * as the same class ({@link VismaExportError} with its dataset and kind), or with the signal's reason
 * as soon as `options.signal` aborts (the worker is stopped); with {@link ExportWorkerStartError} when the
 * worker failed before it sent anything.
 */
export function readExportInWorker(
  entry: ExportWorkerEntry,
  options: ResolvedVismaClientOptions,
  onDataset: (dataset: DatasetName, files: readonly CompactCsv[]) => void,
): Promise<void> {
  const { onProgress, signal, ...plain } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, { options: plain });
    let settled = false;
    let heard = false;
    // Settles once the worker has stopped, so that its heap is given back before the caller builds rows.
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate().then(settle, settle);
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      heard = true;
      switch (message.type) {
        case 'progress':
          try {
            onProgress?.(message.event);
          } catch {
            // Progress is advisory, as in the client itself.
          }
          return;
        case 'dataset':
          try {
            onDataset(message.dataset, message.files);
          } catch (error) {
            finish(() => reject(error));
          }
          return;
        case 'done':
          finish(resolve);
          return;
        case 'failed':
          finish(() => reject(fromWireError(message.error)));
          return;
      }
    });
    const failed = (error: Error): void => finish(() => reject(heard ? error : new ExportWorkerStartError(`the Visma export worker did not start: ${error.message}`, { cause: error })));
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`the Visma export worker stopped (exit code ${code}) before the export was read`)));
  });
}

/** An error as plain data for `postMessage` (class, dataset and kind kept; messages are already free of secrets). */
export function toWireError(error: unknown, depth = 0): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack === undefined ? {} : { stack: error.stack }),
    ...(typeof code === 'string' ? { code } : {}),
    ...(cause !== undefined && depth < 4 ? { cause: toWireError(cause, depth + 1) } : {}),
    ...(error instanceof VismaExportError ? {
      visma: {
        dataset: error.dataset, kind: error.kind,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.jobId === undefined ? {} : { jobId: error.jobId }),
      },
    } : {}),
  };
}

/** The error {@link toWireError} describes. */
export function fromWireError(wire: WireError): Error {
  const cause = wire.cause === undefined ? undefined : fromWireError(wire.cause);
  const error = wire.visma === undefined
    ? new Error(wire.message, cause === undefined ? undefined : { cause })
    : new VismaExportError({ ...wire.visma, message: wire.message, ...(cause === undefined ? {} : { cause }) });
  if (wire.visma === undefined) Object.defineProperty(error, 'name', { value: wire.name, configurable: true, writable: true });
  if (wire.code !== undefined) (error as Error & { code?: string }).code = wire.code;
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}
