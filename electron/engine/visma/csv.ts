import { CsvError, parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import type { CsvRow, DatasetSpec } from './datasets';
import { VismaExportError } from './errors';
import type { CsvEncoding } from './options';

/** Which file of a multi-file export is being parsed (1-based), for messages. */
export interface CsvFileRef {
  readonly index: number;
  readonly count: number;
}

/**
 * Parse one downloaded CSV file of an export (RFC 4180: quoted commas, doubled quotes and line
 * breaks inside quotes, CRLF or LF, optional UTF-8 BOM). Every file carries its own header row,
 * so files of one export may order their columns differently. Headers are trimmed and lower-cased;
 * unknown columns are kept; empty cells are `''`; blank lines are ignored.
 *
 * @throws VismaExportError `missing-column` when a required column of `spec` is absent, `csv` for
 *   a row whose value count differs from the header, broken quoting or a duplicate column.
 *   Messages carry the line number but never cell values (they are personal data).
 */
export function parseVismaCsv(data: Buffer | string, spec: DatasetSpec, file?: CsvFileRef, encoding: CsvEncoding = 'utf-8'): CsvRow[] {
  const where = file === undefined || file.count <= 1 ? '' : ` (file ${file.index} of ${file.count})`;
  const text = typeof data === 'string' ? data : decodeCsv(data, spec, where, encoding);
  let headerLength = 0;
  let toRow: RowFactory | undefined;
  // The first record is the header: it is checked and turned into a row factory, then dropped.
  const onRecord = (values: string[]): CsvRow | null => {
    if (toRow !== undefined) return toRow(values);
    headerLength = values.length;
    const names = values.map((name) => name.trim().toLowerCase());
    checkHeader(names, spec, where);
    toRow = rowFactory(names);
    return null;
  };
  try {
    // Without `columns`, csv-parse holds every record to the header's value count.
    const options: Options<CsvRow, string[]> = { bom: true, skip_empty_lines: true, on_record: onRecord };
    // The sync overloads type `on_record` as returning string[]; csv-parse passes on any value.
    return parse(text, options as unknown as Options) as unknown as CsvRow[];
  } catch (error) {
    if (error instanceof VismaExportError) throw error;
    if (error instanceof CsvError) throw csvError(error, spec, where, headerLength);
    throw error;
  }
}

/**
 * Decode a downloaded file. UTF-8 is checked, not repaired: a byte sequence that is not UTF-8 would
 * turn `Zoë Ünal-Çelik` into replacement characters and rename her account to garbage, so it is an
 * error that names the dataset and the byte offset (set `visma.encoding` for a file in another code page).
 */
function decodeCsv(data: Buffer, spec: DatasetSpec, where: string, encoding: CsvEncoding): string {
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(data);
  const text = data.toString('utf8');
  const offset = firstInvalidUtf8Offset(data, text);
  if (offset === null) return text;
  throw new VismaExportError({
    dataset: spec.name,
    kind: 'csv',
    message: `the ${spec.label} export${where} is not valid UTF-8 at byte offset ${offset}; if Visma sends this file in another encoding, set visma.encoding (for example "windows-1252")`,
  });
}

/**
 * Where the first byte sequence that is not UTF-8 starts, or null. Node's decoder marks each with
 * U+FFFD; a U+FFFD that was really in the file (bytes EF BF BD) is told apart by its bytes.
 */
function firstInvalidUtf8Offset(data: Buffer, decoded: string): number | null {
  let from = 0;
  for (;;) {
    const index = decoded.indexOf('\uFFFD', from);
    if (index < 0) return null;
    // Everything before it decoded cleanly, so its UTF-8 length is its byte length in the file.
    const offset = Buffer.byteLength(decoded.slice(0, index), 'utf8');
    if (!(data[offset] === 0xef && data[offset + 1] === 0xbf && data[offset + 2] === 0xbd)) return offset;
    from = index + 1;
  }
}

/** Turns the values of one CSV line into a row. */
type RowFactory = (values: readonly string[]) => CsvRow;

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
    name === '' || name === '__proto__' ? [] : [`${JSON.stringify(name)}: values[${index}]`],
  );
  return new Function('values', `return { ${properties.join(', ')} };`) as RowFactory;
}

/**
 * Append `rows` to `target` in place. Spreading (`push(...rows)`) would pass every row as a call
 * argument and overflow the stack for exports of tens of thousands of rows.
 */
export function appendRows(target: CsvRow[], rows: readonly CsvRow[]): void {
  for (const row of rows) target.push(row);
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
