import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import type { CsvRow, DatasetSpec } from './datasets';
import { CompactCsvBuilder, csvLayout, rowsOfFiles } from './csv-compact';
import type { CompactCsv, CsvLayout } from './csv-compact';
import { decodedChunks } from './csv-decode';
import { VismaExportError } from './errors';
import type { CsvEncoding } from './options';

/** Which file of a multi-file export is being parsed (1-based), for messages. */
export interface CsvFileRef {
  readonly index: number;
  readonly count: number;
}

/**
 * Parse one downloaded CSV file of an export as its bytes arrive (RFC 4180: quoted commas, doubled
 * quotes and line breaks inside quotes, CRLF or LF, optional UTF-8 BOM). Every file carries its own
 * header row, so files of one export may order their columns differently. Headers are trimmed and
 * lower-cased; unknown columns are kept; empty cells are `''`; blank lines are ignored. With `rowColumns`,
 * only those columns are stored for rows, of the others a digest per row (see `csvLayout`).
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
  rowColumns: readonly string[] | 'all' = 'all',
): Promise<CompactCsv> {
  const where = file === undefined || file.count <= 1 ? '' : ` (file ${file.index} of ${file.count})`;
  const columns = rowColumns === 'all' ? 'all' : new Set(rowColumns);
  let layout: CsvLayout | undefined;
  let headerLength = 0;
  const cells = new CompactCsvBuilder();
  // Without `columns`, csv-parse holds every record to the header's value count.
  const parser = new Parser({ bom: true, skip_empty_lines: true });
  // The first record is the header: it is checked and kept apart; every other record goes into `cells` as
  // it is parsed and is dropped, so no record outlives its line. A 'data' listener rather than `on_record`,
  // which builds an info object per record (a fifth of the parse).
  parser.on('data', (record: string[]) => {
    try {
      if (layout === undefined) {
        const names = record.map((name) => name.trim().toLowerCase());
        checkHeader(names, spec, where);
        headerLength = names.length;
        layout = csvLayout(names, columns);
      } else {
        cells.addRecord(record, layout);
      }
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  try {
    await pipeline(Readable.from(decodedChunks(source, spec, where, encoding)), parser);
  } catch (error) {
    if (error instanceof VismaExportError) throw error;
    if (error instanceof CsvError) throw csvError(error, spec, where, headerLength);
    throw error;
  }
  return layout === undefined ? cells.finish([]) : cells.finish(layout.keptNames, layout.restNames);
}

/** {@link parseVismaCsvStream} of a file already in memory, as rows. */
export async function parseVismaCsv(data: Buffer | string, spec: DatasetSpec, file?: CsvFileRef, encoding: CsvEncoding = 'utf-8'): Promise<CsvRow[]> {
  return rowsOfFiles([await parseVismaCsvStream([data], spec, file, encoding)]);
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
