import { parse } from 'csv-parse/sync';
import type { CsvRow, DatasetName, VismaExport } from './datasets';

/**
 * Test support: turns CSV text written in a test into rows exactly as the download parser does
 * (BOM stripped, headers trimmed and lower-cased), so the edge cases in tests stay realistic.
 */
export function csvRows(text: string): CsvRow[] {
  return parse(text, {
    bom: true,
    columns: (header: string[]) => header.map((x) => x.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: false,
  }) as CsvRow[];
}

/** Test support: a complete export from CSV text per dataset; datasets not given are empty. */
export function exportFromCsv(datasets: Partial<Record<DatasetName, string>>): VismaExport {
  const rows = (name: DatasetName): CsvRow[] => {
    const text = datasets[name];
    return text === undefined ? [] : csvRows(text);
  };
  return {
    employees: rows('employees'),
    employeeUdfHistories: rows('employeeUdfHistories'),
    contracts: rows('contracts'),
    contractUdfHistories: rows('contractUdfHistories'),
    costCenters: rows('costCenters'),
    users: rows('users'),
    organizationUnits: rows('organizationUnits'),
  };
}
