import type { CsvRow } from './datasets';

/**
 * One parsed file, compact: the header's column names, every distinct cell value once, and every cell as
 * an index into those values, row after row (`names.length` cells a row). This is what the worker thread
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
}

/** Collects the cells of one file as {@link CompactCsv} while it is parsed. */
export class CompactCsvBuilder {
  private readonly codes = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private cells = new Uint32Array(4096);
  private length = 0;

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

  /** The file, with the header's column names (its cells trimmed to size: the slack is not sent). */
  finish(names: readonly string[]): CompactCsv {
    return { names, dictionary: this.dictionary, cells: this.cells.slice(0, this.length) };
  }
}

/** How many rows a parsed file holds. */
export function rowCount(csv: CompactCsv): number {
  return csv.names.length === 0 ? 0 : csv.cells.length / csv.names.length;
}

/** The memory a worker may hand over without copying: the cell arrays of `files`. */
export function transferables(files: readonly CompactCsv[]): ArrayBuffer[] {
  return files.map((file) => file.cells.buffer as ArrayBuffer);
}

/** Turns the line starting at cell `at` of a file into a row. */
type RowFactory = (dictionary: readonly string[], cells: Uint32Array, at: number) => CsvRow;

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
    name === '' || name === '__proto__' ? [] : [`${JSON.stringify(name)}: dictionary[cells[at + ${index}]]`],
  );
  return new Function('dictionary', 'cells', 'at', `return { ${properties.join(', ')} };`) as RowFactory;
}

/**
 * Append the rows of a parsed file to `target` in place (a loop: spreading, `push(...rows)`, would
 * pass every row as a call argument and overflow the stack for exports of tens of thousands of rows).
 */
export function appendRows(target: CsvRow[], csv: CompactCsv): void {
  const width = csv.names.length;
  if (width === 0) return;
  const toRow = rowFactory(csv.names);
  const { dictionary, cells } = csv;
  for (let at = 0; at < cells.length; at += width) target.push(toRow(dictionary, cells, at));
}

/** The rows of every file of one export, in order. */
export function rowsOfFiles(files: readonly CompactCsv[]): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const file of files) appendRows(rows, file);
  return rows;
}
