import type { CsvRow } from '../../engine/visma/datasets';

/** Byte-order mark the simulator puts at the start of every file (Windows tools expect it for UTF-8). */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * Quotes one field as RFC 4180 requires: fields holding a comma, a double quote, CR or LF are
 * enclosed in double quotes, with inner double quotes doubled. Everything else is written as is.
 */
export function quoteCsvField(value: string): string {
  if (value === '' || !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(QUOTE, '""')}"`;
}

/**
 * The columns of an export: every key of every row, in first-seen order, or `fallback` when there
 * are no rows (an empty export still has a header).
 */
export function columnsOf(rows: readonly CsvRow[], fallback: readonly string[]): readonly string[] {
  if (rows.length === 0) return fallback;
  const seen = new Set<string>();
  const columns: string[] = [];
  for (const row of rows) {
    for (const key in row) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return columns;
}

/**
 * Writes rows as RFC 4180 CSV files: UTF-8 BOM, lower-case header row, CRLF line ends. The rows
 * are split evenly over `fileCount` files and every file repeats the header.
 *
 * @returns the text of each file, in order.
 */
export function writeCsvFiles(rows: readonly CsvRow[], columns: readonly string[], fileCount: number): string[] {
  const count = Math.max(1, Math.floor(fileCount));
  const header = columns.map((column) => quoteCsvField(column.toLowerCase())).join(',');
  // One reusable cell array joined per line: much faster than growing a string cell by cell.
  const cells = new Array<string>(columns.length);
  const files: string[] = [];
  for (let file = 0; file < count; file++) {
    const from = Math.floor((file * rows.length) / count);
    const to = Math.floor(((file + 1) * rows.length) / count);
    const lines: string[] = [UTF8_BOM + header];
    for (let index = from; index < to; index++) {
      const row = rows[index] as CsvRow;
      for (let column = 0; column < columns.length; column++) {
        cells[column] = quoteCsvField(row[columns[column] as string] ?? '');
      }
      lines.push(cells.join(','));
    }
    files.push(lines.join('\r\n') + '\r\n');
  }
  return files;
}
