import { CONTRACT_EXCLUDED_FIELDS } from './datasets';
import type { DatasetSpec } from './datasets';
import { parseVismaCsvStream } from './csv';
import { rowCount } from './csv-compact';
import type { CompactCsv } from './csv-compact';
import { VismaExportError } from './errors';
import { describeUrl, excerpt, formatSeconds, jsonField, parseJsonBody, sendRequest, sendRequestReading } from './http';
import type { BearerSource, VismaHttpContext, VismaRequest } from './http';
import type { VismaProgressPhase } from './options';
import { pollDelayMs, sleep } from './retry';

/** Details a job reports with a progress phase; the caller adds dataset and elapsed time. */
export interface JobProgress {
  readonly rows?: number;
  readonly files?: number;
  readonly jobId?: string;
}

/** Receives the progress of one job. */
export type JobProgressSink = (phase: VismaProgressPhase, details: JobProgress) => void;

/** Every file of one dataset's export, parsed. */
export interface ExportJobResult {
  /** One per file, in the order Visma listed them. */
  readonly files: readonly CompactCsv[];
  readonly jobId: string;
}

/** URL that starts an export job. Contracts leave out salary columns the app never reads. */
export function commandUrl(baseUrl: string, spec: DatasetSpec): string {
  // `!` and `,` go out literally, as the connector sends them (reference/visma-api.md 2.5).
  const query = spec.name === 'contracts' ? `?fields=!${CONTRACT_EXCLUDED_FIELDS.join(',')}` : '';
  return `${trimSlash(baseUrl)}/v1/command/${spec.path}${query}`;
}

/** URL that reports the status of an export job. */
export function queryUrl(baseUrl: string, spec: DatasetSpec, jobId: string): string {
  return `${trimSlash(baseUrl)}/v1/query/${spec.path}/${encodeURIComponent(jobId)}`;
}

/** How a job ended when it did not time out. */
type JobOutcome =
  | { readonly kind: 'completed'; readonly fileUris: readonly string[] }
  | { readonly kind: 'failed'; readonly status: string };

/**
 * Export one dataset: start a job, poll it with growing delays until it completes, then download
 * every file it produced, parsing each while it arrives. A job that Visma reports as failed (or in a
 * state we do not know) is started anew, up to `maxRetries` times; a job still running after
 * `jobTimeoutMs` ends the export, since restarting it would only queue more work at a busy Visma.
 */
export async function runExportJob(
  ctx: VismaHttpContext,
  tokens: BearerSource,
  spec: DatasetSpec,
  progress: JobProgressSink,
): Promise<ExportJobResult> {
  const { maxRetries } = ctx.options;
  let lastJobId = '';
  let lastStatus = '';
  for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
    const jobId = await startJob(ctx, tokens, spec);
    const outcome = await waitForJob(ctx, tokens, spec, jobId, progress, ctx.now() + ctx.options.jobTimeoutMs);
    if (outcome.kind === 'completed') {
      // The downloads get the job's time limit too: a stalled file ends the export within it, not
      // after every retry has waited out its own request timeout.
      const files = await downloadFiles(ctx, spec, jobId, outcome.fileUris, progress, ctx.now() + ctx.options.jobTimeoutMs);
      return { files, jobId };
    }
    lastJobId = jobId;
    lastStatus = outcome.status;
  }
  throw new VismaExportError({
    dataset: spec.name,
    kind: 'job-failed',
    jobId: lastJobId,
    message:
      `the Visma.net export of ${spec.label} failed ${maxRetries + 1} times (last job ${lastJobId} ` +
      `reported status '${lastStatus}'); try again later, and if it keeps failing ask Visma support about that job`,
  });
}

async function startJob(ctx: VismaHttpContext, tokens: BearerSource, spec: DatasetSpec): Promise<string> {
  const request: VismaRequest = {
    dataset: spec,
    step: 'command',
    method: 'POST',
    url: commandUrl(ctx.options.baseUrl, spec),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    // The connector points the callback at the API itself and polls instead; so do we.
    body: JSON.stringify({ callbackAddress: ctx.options.baseUrl }),
    auth: tokens,
  };
  const response = await sendRequest(ctx, request);
  const jobId = jsonField(parseJsonBody(ctx, request, response.body), 'jobId');
  if (typeof jobId !== 'string' || jobId === '') {
    throw new VismaExportError({
      dataset: spec.name,
      kind: 'http',
      message: `Visma.net did not return a job id when starting the ${spec.label} export (${excerpt(ctx, response.body.toString('utf8'))})`,
    });
  }
  return jobId;
}

async function waitForJob(
  ctx: VismaHttpContext,
  tokens: BearerSource,
  spec: DatasetSpec,
  jobId: string,
  progress: JobProgressSink,
  deadline: number,
): Promise<JobOutcome> {
  const { options } = ctx;
  const request: VismaRequest = {
    dataset: spec,
    step: 'query',
    method: 'GET',
    url: queryUrl(options.baseUrl, spec, jobId),
    headers: { accept: 'application/json' },
    auth: tokens,
    jobId,
  };
  const policy = { initialDelayMs: options.pollInitialDelayMs, maxDelayMs: options.pollMaxDelayMs };
  // The first poll goes out at once: small exports are often done by then.
  for (let poll = 0; ; poll += 1) {
    const answer = parseJsonBody(ctx, request, (await sendRequest(ctx, request)).body);
    const status = jsonField(answer, 'status');
    const normalised = typeof status === 'string' ? status.toLowerCase() : '';
    if (normalised === 'completed') {
      const uris = jsonField(answer, spec.fileUrisField);
      if (Array.isArray(uris) && uris.every((uri) => typeof uri === 'string')) {
        return { kind: 'completed', fileUris: uris as string[] };
      }
      // A finished job without links cannot be downloaded; a new job is the only remedy.
      return { kind: 'failed', status: `Completed without ${spec.fileUrisField}` };
    }
    if (normalised !== 'inprogress') {
      return { kind: 'failed', status: excerpt(ctx, typeof status === 'string' ? status : JSON.stringify(status) ?? '') };
    }
    const remaining = deadline - ctx.now();
    if (remaining <= 0) {
      throw new VismaExportError({
        dataset: spec.name,
        kind: 'timeout',
        jobId,
        message:
          `the Visma.net export of ${spec.label} did not finish within ${formatSeconds(options.jobTimeoutMs)} s ` +
          `(job ${jobId}); Visma may be busy, try again later or raise visma.jobTimeoutSeconds`,
      });
    }
    progress('waiting', { jobId });
    // The last wait is cut short so the final poll happens right at the deadline, not after it.
    await sleep(Math.min(pollDelayMs(poll, policy), remaining), options.signal);
  }
}

async function downloadFiles(
  ctx: VismaHttpContext,
  spec: DatasetSpec,
  jobId: string,
  fileUris: readonly string[],
  progress: JobProgressSink,
  deadline: number,
): Promise<CompactCsv[]> {
  const files: CompactCsv[] = [];
  let rows = 0;
  for (const [index, uri] of fileUris.entries()) {
    progress('downloading', { jobId, files: fileUris.length, rows });
    const url = resolveFileUrl(ctx, spec, jobId, uri);
    const file = { index: index + 1, count: fileUris.length };
    // Pre-signed links: no Authorization header, and the token must not leak to the storage host.
    const csv = await sendRequestReading(ctx, { dataset: spec, step: 'file', method: 'GET', url, jobId, deadline }, (response) =>
      parseVismaCsvStream(response.body ?? [], spec, file, ctx.options.encoding, ctx.options.rowColumns));
    files.push(csv);
    rows += rowCount(csv);
  }
  return files;
}

function resolveFileUrl(ctx: VismaHttpContext, spec: DatasetSpec, jobId: string, uri: string): string {
  try {
    return new URL(uri, ctx.options.baseUrl).href;
  } catch {
    throw new VismaExportError({
      dataset: spec.name,
      kind: 'http',
      jobId,
      message: `Visma.net gave an unusable download link for the ${spec.label} export (${describeUrl(uri)})`,
    });
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
