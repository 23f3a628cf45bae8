import { CsvError, parse } from 'csv-parse/sync';

/**
 * The `;`-separated mapping files of the Tools4ever connector (reference/targets.md 2.8):
 * `HelloIDPrimaryLookupKey;HelloIDSecondaryLookupKey;NedapTeamIds;AllEmployees` and
 * `…;NedapLocationIds;AllClients`. The primary key is the org unit id, the secondary the function
 * id; ids are comma-separated. Rows become `orgUnitId` or `orgUnitId/functionId` keys, which add up
 * per employment. The AllEmployees/AllClients column is not used (Nedap moved it onto roles).
 */

/** A mapping file that cannot be used; the message names the file and the line. */
export class MappingCsvError extends Error {
  override readonly name = 'MappingCsvError';
}

/** Parse a mapping file's text; `idsColumn` is `NedapTeamIds` or `NedapLocationIds`. */
export function parseMappingCsv(text: string, idsColumn: 'NedapTeamIds' | 'NedapLocationIds', source: string): Record<string, number[]> {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { delimiter: ';', columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    throw new MappingCsvError(`${source} is not a readable ;-separated file${error instanceof CsvError ? `: ${error.message}` : ''}`);
  }
  const table: Record<string, number[]> = {};
  rows.forEach((row, i) => {
    const line = i + 2;
    const primary = row.HelloIDPrimaryLookupKey ?? '';
    if (!(idsColumn in row) || !('HelloIDPrimaryLookupKey' in row)) {
      throw new MappingCsvError(`${source} must have the columns HelloIDPrimaryLookupKey;HelloIDSecondaryLookupKey;${idsColumn}`);
    }
    if (primary === '') throw new MappingCsvError(`${source} line ${line}: HelloIDPrimaryLookupKey is empty`);
    const secondary = row.HelloIDSecondaryLookupKey ?? '';
    const ids = (row[idsColumn] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    const numbers = ids.map(Number);
    if (numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
      throw new MappingCsvError(`${source} line ${line}: ${idsColumn} "${row[idsColumn] ?? ''}" is not a list of object ids`);
    }
    const key = secondary === '' ? primary : `${primary}/${secondary}`;
    table[key] = [...new Set([...(table[key] ?? []), ...numbers])];
  });
  return table;
}
