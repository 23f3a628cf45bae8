import { hash } from 'node:crypto';
import type { CsvRow } from './datasets';

/**
 * One parsed file, compact: the names of the header's columns that rows carry (all of them, or those asked
 * for, see {@link csvLayout}), every distinct cell value once, and every cell as an index into those values,
 * row after row (`names.length` cells a row). This is what the worker thread
 * hands back. An export repeats its codes, dates and ids over and over: each distinct value then exists
 * once instead of once per cell, in the worker while it parses, in the message and in the rows built from
 * it; and the cell indexes are one typed array, which the worker transfers instead of copying.
 */
export interface CompactCsv {
  readonly names: readonly string[];
  /** Every distinct value of the file, in the order first met. */
  readonly dictionary: readonly string[];
  /** The cells, row after row, each an index into {@link CompactCsv.dictionary}. */
  readonly cells: Uint32Array;
  /**
   * The columns left out of {@link CompactCsv.names} (see {@link csvLayout}), when there are any: their names, and
   * per row a digest of their values (see {@link restDigest}), {@link DIGEST_BYTES} bytes a row, for the comparison
   * of two versions of one record. A typed array: it moves to the other thread without a copy.
   */
  readonly rest?: { readonly names: readonly string[]; readonly digests: Uint8Array };
}

/**
 * Which columns of a file go into its rows: `kept` (header positions) become {@link CompactCsv.names}, each of
 * their values stored once; of the `rest` (in order of name, so that files with their columns in another order
 * agree) each row keeps only a digest. Unnamed and `__proto__` columns are in neither: no row ever carries them.
 */
export interface CsvLayout {
  readonly kept: readonly number[];
  readonly keptNames: readonly string[];
  readonly rest: readonly number[];
  readonly restNames: readonly string[];
  /** The rest's names as one text, the start of every row's digest. */
  readonly restKey: string;
}

/**
 * The layout of a file with header `names` whose rows need only `columns` (`'all'`: every column). Rows
 * of the employees and contracts exports then carry some 20 of their 80-odd columns: less to store while
 * parsing, to hand over, and to build and collect on the thread that plans.
 */
export function csvLayout(names: readonly string[], columns: ReadonlySet<string> | 'all'): CsvLayout {
  const kept: number[] = [];
  const rest: number[] = [];
  names.forEach((name, index) => {
    if (columns === 'all' || columns.has(name)) kept.push(index);
    else if (name !== '' && name !== '__proto__') rest.push(index);
  });
  rest.sort((x, y) => ((names[x] ?? '') < (names[y] ?? '') ? -1 : 1));
  const restNames = rest.map((i) => names[i] ?? '');
  return { kept, keptNames: kept.map((i) => names[i] ?? ''), rest, restNames, restKey: JSON.stringify(restNames) };
}

/** Bytes of the digest of a row's left-out columns: 128 bits of SHA-256, enough that two different versions never agree. */
export const DIGEST_BYTES = 16;

/** Collects the cells of one file as {@link CompactCsv} while it is parsed. */
export class CompactCsvBuilder {
  private readonly codes = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private cells = new Uint32Array(4096);
  private length = 0;
  private digests = new Uint8Array(1024 * DIGEST_BYTES);
  private rows = 0;

  /**
   * Adds the next record (all of its values, in header order) as `layout` says: the kept values cell by cell, of
   * the rest a digest of every name and trimmed value (as the dedupe compares them), names first so that files
   * with other left-out columns never agree.
   */
  addRecord(record: readonly string[], layout: CsvLayout): void {
    for (const index of layout.kept) this.add(record[index] ?? '');
    if (layout.rest.length === 0) return;
    const values = new Array<string>(layout.rest.length);
    for (let i = 0; i < values.length; i += 1) values[i] = (record[layout.rest[i] ?? 0] ?? '').trim();
    const digest = hash('sha256', `${layout.restKey}\u0000${JSON.stringify(values)}`, 'buffer');
    if ((this.rows + 1) * DIGEST_BYTES > this.digests.length) {
      const grown = new Uint8Array(this.digests.length * 2);
      grown.set(this.digests);
      this.digests = grown;
    }
    this.digests.set(digest.subarray(0, DIGEST_BYTES), this.rows * DIGEST_BYTES);
    this.rows += 1;
  }

  /** Adds the next cell (rows one after the other, as parsed). */
  add(value: string): void {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(value);
      this.codes.set(value, code);
    }
    if (this.length === this.cells.length) {
      const grown = new Uint32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    this.cells[this.length] = code;
    this.length += 1;
  }

  /** The file, with the kept columns' names (its cells trimmed to size: the slack is not sent). */
  finish(names: readonly string[], restNames: readonly string[] = []): CompactCsv {
    const cells = this.cells.slice(0, this.length);
    if (restNames.length === 0) return { names, dictionary: this.dictionary, cells };
    return { names, dictionary: this.dictionary, cells, rest: { names: restNames, digests: this.digests.slice(0, this.rows * DIGEST_BYTES) } };
  }
}

/** How many rows a parsed file holds. */
export function rowCount(csv: CompactCsv): number {
  return csv.names.length === 0 ? 0 : csv.cells.length / csv.names.length;
}

/** The memory a worker may hand over without copying: the typed arrays of `files` (cells, digests of the rest). */
export function transferables(files: readonly CompactCsv[]): ArrayBuffer[] {
  return files.flatMap((file) => [file.cells.buffer as ArrayBuffer, ...(file.rest ? [file.rest.digests.buffer as ArrayBuffer] : [])]);
}

/** Turns the line starting at cell `at` of a file into a row. */
type RowFactory = (dictionary: readonly string[], cells: Uint32Array, at: number) => CsvRow;

// A row of a file with left-out columns keeps where it came from under these keys, so that the digest of the
// rest can be found (restDigest). Symbols: for-in, Object.keys, JSON and structured clone all pass them by.
const SOURCE_FILE: unique symbol = Symbol('source file');
const SOURCE_AT: unique symbol = Symbol('source cell');

interface SourcedRow {
  readonly [SOURCE_FILE]?: CompactCsv;
  readonly [SOURCE_AT]?: number;
}

/**
 * Compiles a header into one object literal, as d3-dsv does. V8 keeps objects made from a literal
 * in compact "fast" mode, while objects built key by key from data (csv-parse's `columns` option)
 * turn into hash tables after a dozen keys: 35,000 contracts of 88 columns took 260 MB that way
 * against 67 MB now, and were slower to build and to read. Names reach the generated code only
 * through JSON.stringify, so no header can inject code. A row of a file with left-out columns also
 * carries its file and place, for {@link restDigest}.
 */
function rowFactory(csv: CompactCsv): RowFactory {
  const properties = csv.names.flatMap((name, index) =>
    // An unnamed column (a trailing comma on every line) carries nothing; `__proto__` in a
    // literal would set the row's prototype instead of adding a value.
    name === '' || name === '__proto__' ? [] : [`${JSON.stringify(name)}: dictionary[cells[at + ${index}]]`],
  );
  if (csv.rest === undefined) {
    return new Function('dictionary', 'cells', 'at', `return { ${properties.join(', ')} };`) as RowFactory;
  }
  properties.push('[FILE]: file', '[AT]: at');
  const make = new Function('FILE', 'AT', 'file', `return (dictionary, cells, at) => ({ ${properties.join(', ')} });`) as
    (fileKey: symbol, atKey: symbol, file: CompactCsv) => RowFactory;
  return make(SOURCE_FILE, SOURCE_AT, csv);
}

/**
 * Append the rows of a parsed file to `target` in place (a loop: spreading, `push(...rows)`, would
 * pass every row as a call argument and overflow the stack for exports of tens of thousands of rows).
 */
export function appendRows(target: CsvRow[], csv: CompactCsv): void {
  const width = csv.names.length;
  if (width === 0) return;
  const toRow = rowFactory(csv);
  const { dictionary, cells } = csv;
  for (let at = 0; at < cells.length; at += width) target.push(toRow(dictionary, cells, at));
}

/** The rows of every file of one export, in order. */
export function rowsOfFiles(files: readonly CompactCsv[]): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const file of files) appendRows(rows, file);
  return rows;
}

/**
 * The digest of the columns `row`'s file left out of it (hex), '' when it left none out: two rows with the same
 * visible values are the same record only when this agrees too. For the comparison of two versions of one
 * record, the one reader that needs every column.
 */
export function restDigest(row: CsvRow): string {
  const source = row as SourcedRow;
  const file = source[SOURCE_FILE];
  const at = source[SOURCE_AT];
  if (file?.rest === undefined || at === undefined) return '';
  const index = at / file.names.length;
  return Buffer.from(file.rest.digests.buffer, file.rest.digests.byteOffset + index * DIGEST_BYTES, DIGEST_BYTES).toString('hex');
}
