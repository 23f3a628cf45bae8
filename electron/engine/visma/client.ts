import { DATASETS } from './datasets';
import type { CsvRow, DatasetName, DatasetSpec, VismaExport } from './datasets';
import { runExportJob } from './export-job';
import { createHttpContext } from './http';
import type { VismaHttpContext } from './http';
import { resolveVismaClientOptions } from './options';
import type { VismaClientOptions, VismaProgressEvent } from './options';
import { VismaTokenProvider } from './token';

/**
 * Read all seven Visma.net HRM exports (reference/visma-api.md 2.1). The jobs are started together, at most
 * `parallelJobs` at a time (default all seven: an import then waits for the slowest job instead of the sum of
 * them; 1 restores one-at-a-time for a tenant that objects). Each dataset is downloaded as soon as its own job
 * completes. A failed read must stop the sync before any write, so the first dataset that fails cancels the
 * others and rejects the whole call.
 *
 * @returns every row of every dataset, files of one export concatenated.
 * @throws VismaExportError naming the dataset, the kind of failure and what the admin should check.
 *   Rejects with `options.signal.reason` when the signal aborts.
 */
export async function fetchVismaExport(options: VismaClientOptions): Promise<VismaExport> {
  return fetchVismaExportWith(createHttpContext(resolveVismaClientOptions(options)));
}

/** {@link fetchVismaExport} with a prepared context (unit tests replace `fetch` and the clock). */
export async function fetchVismaExportWith(ctx: VismaHttpContext): Promise<VismaExport> {
  const tokens = new VismaTokenProvider(ctx);
  // One controller for the whole export: the caller's signal, or the first dataset that fails, stops the rest.
  const stop = new AbortController();
  const outer = ctx.options.signal;
  const onOuterAbort = (): void => stop.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const shared: VismaHttpContext = { ...ctx, options: { ...ctx.options, signal: stop.signal } };
  const result: Partial<Record<DatasetName, readonly CsvRow[]>> = {};
  const queue = [...DATASETS];
  let failure: { readonly error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    for (let spec = queue.shift(); spec !== undefined && failure === null; spec = queue.shift()) {
      try {
        result[spec.name] = await exportDataset(shared, tokens, spec);
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
  return result as VismaExport;
}

async function exportDataset(ctx: VismaHttpContext, tokens: VismaTokenProvider, spec: DatasetSpec): Promise<readonly CsvRow[]> {
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
  emit({ phase: 'done', rows: job.rows.length, files: job.files, jobId: job.jobId });
  return job.rows;
}
