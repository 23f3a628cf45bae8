import { addDays, type IsoDate } from '../model/iso-date';
import type { ContractState } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import type { DatedRow } from '../visma/rows';

/**
 * What is valid on a date: history rows (org units, custom fields), contract states and the
 * lifecycle window. Dates are ISO strings, so comparing them as text is comparing them as days.
 */

/** An empty start date means "since always" (the HelloID connector used 1900-01-01). */
export const OPEN_START: IsoDate = '1900-01-01';
/** An empty end date means "until further notice" (the HelloID connector used 2900-01-01). */
export const OPEN_END: IsoDate = '2900-01-01';

/** True when `asOf` lies within the row's start and end dates, both inclusive. */
export function isValidOn(row: DatedRow, asOf: IsoDate): boolean {
  return (row.startDate ?? OPEN_START) <= asOf && asOf <= (row.endDate ?? OPEN_END);
}

/**
 * The row valid on `asOf`; when several overlap, the one with the latest start date (the newest
 * version), and on equal starts the later row in the export.
 */
export function validRowOn<T extends DatedRow>(rows: readonly T[], asOf: IsoDate): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (!isValidOn(row, asOf)) continue;
    if (best === null || (row.startDate ?? OPEN_START) >= (best.startDate ?? OPEN_START)) best = row;
  }
  return best;
}

/** A custom-field history row, as far as choosing its value goes. */
export interface CustomFieldRow extends DatedRow {
  readonly fieldName: string;
  readonly value: string;
  readonly listName: string;
}

/** Per custom field, the latest-starting row valid on `asOf`. */
function customRowsOn(rows: readonly CustomFieldRow[], asOf: IsoDate): ReadonlyMap<string, CustomFieldRow> {
  const chosen = new Map<string, CustomFieldRow>();
  for (const row of rows) {
    if (!isValidOn(row, asOf)) continue;
    const best = chosen.get(row.fieldName);
    if (!best || (row.startDate ?? OPEN_START) >= (best.startDate ?? OPEN_START)) chosen.set(row.fieldName, row);
  }
  return chosen;
}

/**
 * Custom fields valid on `asOf`, field name to value. Per field the latest-starting valid row wins.
 * A list field may carry its text only in `listname`, so that is used when `value` is empty.
 */
export function customFieldsOn(rows: readonly CustomFieldRow[], asOf: IsoDate): Readonly<Record<string, string>> {
  // One row per record is the common case; it needs no bookkeeping.
  if (rows.length <= 1) {
    const only = rows[0];
    return only && isValidOn(only, asOf) ? { [only.fieldName]: only.value !== '' ? only.value : only.listName } : {};
  }
  const out: Record<string, string> = {};
  for (const [name, row] of customRowsOn(rows, asOf)) out[name] = row.value !== '' ? row.value : row.listName;
  return out;
}

/** The labels (`listname`) of list fields valid on `asOf`, field name to label; fields without a label are left out. */
export function customLabelsOn(rows: readonly CustomFieldRow[], asOf: IsoDate): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, row] of customRowsOn(rows, asOf)) if (row.listName !== '') out[name] = row.listName;
  return out;
}

/** Where a contract stands on `asOf`: not yet started, running (end day included), or ended. */
export function contractStateOn(startDate: IsoDate, endDate: IsoDate | null, asOf: IsoDate): ContractState {
  if (startDate > asOf) return 'future';
  if (endDate === null || endDate >= asOf) return 'active';
  return 'ended';
}

/**
 * The lifecycle window of contracts on one evaluation date, precomputed so that checking a contract
 * is two string comparisons: `asOf` is in [start - createDaysBeforeStart, end + disableDaysAfterEnd]
 * exactly when start <= asOf + createDaysBeforeStart and end >= asOf - disableDaysAfterEnd.
 */
export interface ConditionWindow {
  readonly latestStart: IsoDate;
  readonly earliestEnd: IsoDate;
}

/**
 * Precomputes the {@link ConditionWindow} for `asOf` and a lifecycle policy. An account cannot be
 * enabled before it exists, so the create offset is read as at least the enable offset (as the
 * lifecycle stages in `lifecycle.ts` read it): the two never disagree about a contract.
 */
export function conditionWindow(asOf: IsoDate, lifecycle: LifecyclePolicy): ConditionWindow {
  return {
    latestStart: addDays(asOf, Math.max(lifecycle.createDaysBeforeStart, lifecycle.enableDaysBeforeStart)),
    earliestEnd: addDays(asOf, -lifecycle.disableDaysAfterEnd),
  };
}

/** True when the contract entitles its person to an account on the window's date (open end: no upper bound). */
export function isInCondition(startDate: IsoDate, endDate: IsoDate | null, window: ConditionWindow): boolean {
  return startDate <= window.latestStart && (endDate === null || endDate >= window.earliestEnd);
}
