import { DATASETS } from './datasets';
import type { CsvRow, DatasetName, DatasetSpec, VismaExport } from './datasets';
import { rowCount, rowsOfFiles } from './csv-compact';
import type { CompactCsv } from './csv-compact';
import { runExportJob } from './export-job';
import { ExportWorkerStartError, exportWorkerEntry, readExportInWorker } from './export-worker-host';
import { createHttpContext } from './http';
import type { VismaHttpContext } from './http';
import { resolveVismaClientOptions } from './options';
import type { VismaClientOptions, VismaProgressEvent } from './options';
import { VismaTokenProvider } from './token';

/**
 * Read all seven Visma.net HRM exports (reference/visma-api.md 2.1). The jobs are started together, at most
 * `parallelJobs` at a time (default all seven: an import then waits for the slowest job instead of the sum of
 * them; 1 restores one-at-a-time for a tenant that objects). Each dataset is downloaded as soon as its own job
 * completes, and parsed while its bytes arrive. A failed read must stop the sync before any write, so the
 * first dataset that fails cancels the others and rejects the whole call.
 *
 * The work runs in a worker thread when its script can be found (beside the bundle, or the TypeScript source
 * under tsx or vitest), so that a preview parses CSV on one core while it reads the directory on the other;
 * only the parsed values cross over, and the rows are built here.
 *
 * @returns every row of every dataset, files of one export concatenated.
 * @throws VismaExportError naming the dataset, the kind of failure and what the admin should check.
 *   Rejects with `options.signal.reason` when the signal aborts.
 */
export async function fetchVismaExport(options: VismaClientOptions): Promise<VismaExport> {
  const resolved = resolveVismaClientOptions(options);
  const entry = exportWorkerEntry();
  if (entry === null) return fetchVismaExportWith(createHttpContext(resolved));
  const result: Partial<Record<DatasetName, readonly CsvRow[]>> = {};
  // Each dataset's rows are built when the next dataset arrives, and the last one's once the worker has
  // stopped: building the last (often the largest) while the worker still held its heap made the peak.
  let held: { readonly dataset: DatasetName; readonly files: readonly CompactCsv[] } | undefined;
  const buildHeld = (): void => {
    if (held !== undefined) result[held.dataset] = rowsOfFiles(held.files);
    held = undefined;
  };
  try {
    await readExportInWorker(entry, resolved, (dataset, files) => {
      buildHeld();
      held = { dataset, files };
    });
  } catch (error) {
    // Nothing was read yet: the same read in this thread is slower on a preview, never different.
    if (error instanceof ExportWorkerStartError) return fetchVismaExportWith(createHttpContext(resolved));
    throw error;
  }
  buildHeld();
  return result as VismaExport;
}

/** {@link fetchVismaExport} in this thread, with a prepared context (unit tests replace `fetch` and the clock). */
export async function fetchVismaExportWith(ctx: VismaHttpContext): Promise<VismaExport> {
  const result: Partial<Record<DatasetName, readonly CsvRow[]>> = {};
  await readExportFiles(ctx, (dataset, files) => { result[dataset] = rowsOfFiles(files); });
  return result as VismaExport;
}

/** Receives the parsed files of one dataset as soon as its last file is in. */
export type DatasetSink = (dataset: DatasetName, files: readonly CompactCsv[]) => void;

/** The exports of {@link fetchVismaExport}, each dataset's parsed files handed to `onDataset`, in this thread. */
export async function readExportFiles(ctx: VismaHttpContext, onDataset: DatasetSink): Promise<void> {
  const tokens = new VismaTokenProvider(ctx);
  // One controller for the whole export: the caller's signal, or the first dataset that fails, stops the rest.
  const stop = new AbortController();
  const outer = ctx.options.signal;
  const onOuterAbort = (): void => stop.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const shared: VismaHttpContext = { ...ctx, options: { ...ctx.options, signal: stop.signal } };
  const queue = [...DATASETS];
  let failure: { readonly error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    for (let spec = queue.shift(); spec !== undefined && failure === null; spec = queue.shift()) {
      try {
        onDataset(spec.name, await exportDataset(shared, tokens, spec));
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(ctx.options.parallelJobs, DATASETS.length) }, worker));
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
  // The caller's own cancellation wins over the errors it caused in the jobs still running.
  outer?.throwIfAborted();
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
}

async function exportDataset(ctx: VismaHttpContext, tokens: VismaTokenProvider, spec: DatasetSpec): Promise<readonly CompactCsv[]> {
  ctx.options.signal?.throwIfAborted();
  const started = ctx.now();
  const emit = (event: Omit<VismaProgressEvent, 'dataset' | 'elapsedMs'>): void => {
    try {
      ctx.options.onProgress?.({ dataset: spec.name, elapsedMs: ctx.now() - started, ...event });
    } catch {
      // Progress is advisory: a faulty listener must not fail an import that is going well.
    }
  };
  emit({ phase: 'started' });
  const job = await runExportJob(ctx, tokens, spec, (phase, details) => emit({ phase, ...details }));
  emit({ phase: 'done', rows: job.files.reduce((n, file) => n + rowCount(file), 0), files: job.files.length, jobId: job.jobId });
  return job.files;
}
