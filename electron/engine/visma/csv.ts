import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import type { CsvRow, DatasetSpec } from './datasets';
import { decodedChunks } from './csv-decode';
import { VismaExportError } from './errors';
import type { CsvEncoding } from './options';

/** Which file of a multi-file export is being parsed (1-based), for messages. */
export interface CsvFileRef {
  readonly index: number;
  readonly count: number;
}

/**
 * One parsed file, compact: the header's column names and every value row after row in one flat
 * array (`names.length` values a row). This is what a worker thread hands back: a few arrays of
 * strings clone far faster than tens of thousands of objects, and {@link appendRows} turns them into rows.
 */
export interface CompactCsv {
  readonly names: readonly string[];
  readonly values: readonly string[];
}

/**
 * Parse one downloaded CSV file of an export as its bytes arrive (RFC 4180: quoted commas, doubled
 * quotes and line breaks inside quotes, CRLF or LF, optional UTF-8 BOM). Every file carries its own
 * header row, so files of one export may order their columns differently. Headers are trimmed and
 * lower-cased; unknown columns are kept; empty cells are `''`; blank lines are ignored.
 *
 * @throws VismaExportError `missing-column` when a required column of `spec` is absent, `csv` for
 *   bytes that are not UTF-8 (with `encoding` utf-8: the byte offset is named), a row whose value
 *   count differs from the header, broken quoting or a duplicate column. Messages carry the line
 *   number but never cell values (they are personal data).
 */
export async function parseVismaCsvStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  spec: DatasetSpec,
  file?: CsvFileRef,
  encoding: CsvEncoding = 'utf-8',
): Promise<CompactCsv> {
  const where = file === undefined || file.count <= 1 ? '' : ` (file ${file.index} of ${file.count})`;
  let names: string[] | undefined;
  const values: string[] = [];
  // The first record is the header: it is checked and kept apart; every other record is flattened
  // into `values` and dropped (returning null), so no record object outlives its line.
  const onRecord = (record: string[]): null => {
    if (names === undefined) {
      names = record.map((name) => name.trim().toLowerCase());
      checkHeader(names, spec, where);
    } else {
      for (const value of record) values.push(value);
    }
    return null;
  };
  // Without `columns`, csv-parse holds every record to the header's value count.
  const parser = new Parser({ bom: true, skip_empty_lines: true, on_record: onRecord as unknown as () => string[] });
  const drain = new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
  try {
    await pipeline(Readable.from(decodedChunks(source, spec, where, encoding)), parser, drain);
  } catch (error) {
    if (error instanceof VismaExportError) throw error;
    if (error instanceof CsvError) throw csvError(error, spec, where, names?.length ?? 0);
    throw error;
  }
  return { names: names ?? [], values };
}

/** {@link parseVismaCsvStream} of a file already in memory, as rows. */
export async function parseVismaCsv(data: Buffer | string, spec: DatasetSpec, file?: CsvFileRef, encoding: CsvEncoding = 'utf-8'): Promise<CsvRow[]> {
  return rowsOfFiles([await parseVismaCsvStream([data], spec, file, encoding)]);
}

/** Turns the values of the line starting at `at` of a flat value array into a row. */
type RowFactory = (values: readonly string[], at: number) => CsvRow;

/**
 * Compiles a header into one object literal, as d3-dsv does. V8 keeps objects made from a literal
 * in compact "fast" mode, while objects built key by key from data (csv-parse's `columns` option)
 * turn into hash tables after a dozen keys: 35,000 contracts of 88 columns took 260 MB that way
 * against 67 MB now, and were slower to build and to read. Names reach the generated code only
 * through JSON.stringify, so no header can inject code.
 */
function rowFactory(names: readonly string[]): RowFactory {
  const properties = names.flatMap((name, index) =>
    // An unnamed column (a trailing comma on every line) carries nothing; `__proto__` in a
    // literal would set the row's prototype instead of adding a value.
    name === '' || name === '__proto__' ? [] : [`${JSON.stringify(name)}: values[at + ${index}]`],
  );
  return new Function('values', 'at', `return { ${properties.join(', ')} };`) as RowFactory;
}

/**
 * Append the rows of a parsed file to `target` in place (a loop: spreading, `push(...rows)`, would
 * pass every row as a call argument and overflow the stack for exports of tens of thousands of rows).
 */
export function appendRows(target: CsvRow[], csv: CompactCsv): void {
  const width = csv.names.length;
  if (width === 0) return;
  const toRow = rowFactory(csv.names);
  const values = internRepeats(csv.values, width);
  for (let at = 0; at < values.length; at += width) target.push(toRow(values, at));
}

/** Distinct values a column may have and still be interned (codes, dates, org-unit ids; not names or ids). */
const INTERN_LIMIT = 512;

/**
 * `values` with every repeated cell of a column of few distinct values replaced by the first string of that
 * value: the parser makes a new string per cell, and an export repeats its codes and dates tens of thousands
 * of times. A column with more than {@link INTERN_LIMIT} distinct values is left as it is from then on.
 */
function internRepeats(values: readonly string[], width: number): readonly string[] {
  const out = values.slice();
  const tables: (Map<string, string> | null)[] = Array.from({ length: width }, () => new Map<string, string>());
  for (let i = 0; i < out.length; i += 1) {
    const column = i % width;
    const table = tables[column];
    if (table === null || table === undefined) continue;
    const value = out[i] as string;
    const known = table.get(value);
    if (known !== undefined) out[i] = known;
    else if (table.size >= INTERN_LIMIT) tables[column] = null;
    else table.set(value, value);
  }
  return out;
}

/** The rows of every file of one export, in order. */
export function rowsOfFiles(files: readonly CompactCsv[]): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const file of files) appendRows(rows, file);
  return rows;
}

/** How many rows a parsed file holds. */
export function rowCount(csv: CompactCsv): number {
  return csv.names.length === 0 ? 0 : csv.values.length / csv.names.length;
}

function checkHeader(names: readonly string[], spec: DatasetSpec, where: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name)) {
      throw new VismaExportError({
        dataset: spec.name,
        kind: 'csv',
        message: `the ${spec.label} export${where} has the column '${name}' twice in its header`,
      });
    }
    seen.add(name);
  }
  for (const column of spec.requiredColumns) {
    if (!seen.has(column)) {
      throw new VismaExportError({
        dataset: spec.name,
        kind: 'missing-column',
        message:
          `the ${spec.label} export${where} has no column '${column}'; ` +
          'check that the Visma application may read it (a scope or field setting may hide it)',
      });
    }
  }
}

function csvError(error: CsvError, spec: DatasetSpec, where: string, headerLength: number): VismaExportError {
  const line = (error as CsvError & { lines?: number }).lines;
  const at = typeof line === 'number' ? ` at line ${line}` : '';
  // csv-parse copies the offending record into the error: only its length is used, never its values.
  const record = (error as CsvError & { record?: unknown }).record;
  let problem: string;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      problem = Array.isArray(record)
        ? `a row has ${record.length} values where the header has ${headerLength} columns`
        : `a row does not have the ${headerLength} values of the header`;
      break;
    case 'CSV_QUOTE_NOT_CLOSED':
      problem = 'a quoted value is never closed';
      break;
    case 'INVALID_OPENING_QUOTE':
      problem = 'a quote appears inside an unquoted value';
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      problem = 'a closing quote is followed by more text';
      break;
    default:
      problem = `the file is malformed (${error.code})`;
  }
  return new VismaExportError({
    dataset: spec.name,
    kind: 'csv',
    message: `the ${spec.label} export${where} is not valid CSV${at}: ${problem}`,
  });
}
