import type { Doubt } from '../model/person';
import type { CsvRow } from './datasets';

/**
 * The doubts of one import, per employee id: cells that cannot be read for sure. Readers add them
 * instead of guessing (an unreadable end date is not "no end date"); evaluation then holds every
 * person with a doubt. Rows are numbered as downloaded, before any de-duplication, so the number
 * an admin is given is the one they find in the export.
 */
export class Doubts {
  private readonly numbers = new Map<CsvRow, number>();
  private readonly byEmployee = new Map<string, Doubt[]>();

  /** Numbers the rows of one dataset 1, 2, 3, … (header not counted). */
  numberRows(rows: readonly CsvRow[]): void {
    rows.forEach((row, index) => this.numbers.set(row, index + 1));
  }

  /** The number of a row given to {@link numberRows}; null for a row it never saw. */
  rowNumber(row: CsvRow): number | null {
    return this.numbers.get(row) ?? null;
  }

  /** Records a doubt about one employee record. */
  add(employeeId: string, doubt: Doubt): void {
    const list = this.byEmployee.get(employeeId);
    if (list) list.push(doubt);
    else this.byEmployee.set(employeeId, [doubt]);
  }

  /** Every doubt about any of `employeeIds`, in the order they were found. */
  of(employeeIds: readonly string[]): Doubt[] {
    return employeeIds.flatMap((id) => this.byEmployee.get(id) ?? []);
  }

  /** True when any doubt is recorded for the employee record. */
  has(employeeId: string): boolean {
    return this.byEmployee.has(employeeId);
  }
}
