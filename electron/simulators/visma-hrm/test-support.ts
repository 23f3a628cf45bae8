/**
 * Helpers for the simulator's own tests: a minimal HTTP client that speaks the export protocol the
 * way the connector does, and a CSV reader independent of the simulator's writer (csv-parse).
 */
import { parse } from 'csv-parse/sync';
import { CONTACT_INFORMATION_SCOPE, DATASETS, type CsvRow, type DatasetName, type DatasetSpec } from '../../engine/visma/datasets';
import type { RunningVismaSimulator } from './types';

/** Credentials the tests start simulators with. */
export const TEST_CLIENT = { clientId: 'test-client', clientSecret: 'test-s3cret', tenantId: 'af1140c1-52e0-46c7-b684-df894d4b8a5a' } as const;

/** The five scopes the connector always asks for. */
export const STANDARD_SCOPES: readonly string[] = [...new Set(DATASETS.map((spec) => spec.scope))];

/** The dataset table entry for a name. */
export function spec(name: DatasetName): DatasetSpec {
  const found = DATASETS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No dataset ${name}`);
  return found;
}

/** A token request body built as the connector builds it: raw values, the scope list URL-encoded. */
export function tokenRequestBody(fields: Partial<Record<'grant_type' | 'client_id' | 'client_secret' | 'tenant_id' | 'scope', string>>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${name}=${name === 'scope' ? encodeURIComponent(value) : value}`);
  }
  return parts.join('&');
}

/** Posts a token request. */
export function postToken(simulator: RunningVismaSimulator, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(simulator.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-cache', ...headers },
    body,
  });
}

/** Fetches a token with the given scopes (default: the standard five plus contact information). */
export async function fetchToken(
  simulator: RunningVismaSimulator,
  scopes: readonly string[] = [...STANDARD_SCOPES, CONTACT_INFORMATION_SCOPE],
): Promise<string> {
  const response = await postToken(simulator, tokenRequestBody({
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT.clientId,
    client_secret: TEST_CLIENT.clientSecret,
    tenant_id: TEST_CLIENT.tenantId,
    scope: scopes.join(' '),
  }));
  if (response.status !== 200) throw new Error(`token request answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Starts an export job; returns the raw response. */
export function postCommand(
  simulator: RunningVismaSimulator, token: string | undefined, dataset: DatasetName, query = '',
  body: string | undefined = JSON.stringify({ callbackAddress: 'https://api.analytics1.hrm.visma.net' }),
): Promise<Response> {
  return fetch(`${simulator.baseUrl}/v1/command/${spec(dataset).path}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body }),
  });
}

/** Starts an export job and returns its id. */
export async function startJob(simulator: RunningVismaSimulator, token: string, dataset: DatasetName, query = ''): Promise<string> {
  const response = await postCommand(simulator, token, dataset, query);
  if (response.status !== 200) throw new Error(`command answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { jobId: string }).jobId;
}

/** A parsed poll answer. */
export interface PollAnswer {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
  readonly status: unknown;
  readonly fileUris: unknown;
}

/** Polls a job once. */
export async function pollOnce(simulator: RunningVismaSimulator, token: string, dataset: DatasetName, jobId: string): Promise<PollAnswer> {
  const response = await fetch(`${simulator.baseUrl}/v1/query/${spec(dataset).path}/${jobId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  return { httpStatus: response.status, body, status: body['status'], fileUris: body[spec(dataset).fileUrisField] };
}

/** Polls until the job leaves InProgress (at most `maxPolls` polls); returns the final answer. */
export async function pollUntilDone(
  simulator: RunningVismaSimulator, token: string, dataset: DatasetName, jobId: string, maxPolls = 20,
): Promise<PollAnswer> {
  for (let poll = 0; poll < maxPolls; poll++) {
    const answer = await pollOnce(simulator, token, dataset, jobId);
    if (answer.httpStatus !== 200 || answer.status !== 'InProgress') return answer;
  }
  throw new Error(`job ${jobId} still InProgress after ${maxPolls} polls`);
}

/** One downloaded export: the raw files and the rows of all of them. */
export interface DownloadedExport {
  readonly uris: readonly string[];
  readonly files: readonly Buffer[];
  readonly headers: readonly (readonly string[])[];
  readonly rows: readonly CsvRow[];
}

/** Runs a whole export (start, poll, download every file) and parses the CSV independently. */
export async function runExport(
  simulator: RunningVismaSimulator, token: string, dataset: DatasetName, query = '',
): Promise<DownloadedExport> {
  const jobId = await startJob(simulator, token, dataset, query);
  const answer = await pollUntilDone(simulator, token, dataset, jobId);
  if (answer.status !== 'Completed') throw new Error(`job ended ${String(answer.status)}`);
  const uris = answer.fileUris as string[];
  const files: Buffer[] = [];
  for (const uri of uris) {
    const response = await fetch(uri);
    if (response.status !== 200) throw new Error(`download answered ${response.status}`);
    files.push(Buffer.from(await response.arrayBuffer()));
  }
  const headers = files.map((file) => parseCsv(file)[0] ?? []);
  const rows = files.flatMap((file) => {
    const [header = [], ...records] = parseCsv(file);
    return records.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? ''])));
  });
  return { uris, files, headers, rows };
}

/** Parses CSV strictly (RFC 4180, BOM allowed) into records of fields. */
export function parseCsv(file: Buffer | string): string[][] {
  return parse(file, { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
}

/** Keeps only `columns` of a row, so source rows can be compared with downloaded ones. */
export function project(row: CsvRow, columns: readonly string[]): CsvRow {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? '']));
}
