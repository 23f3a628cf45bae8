/**
 * Calendar dates as `YYYY-MM-DD` strings. HR dates have no time of day and no zone, so they are kept
 * as text and compared as text (ISO order is calendar order); arithmetic goes through UTC midnight
 * so a daylight-saving change can never shift a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

// Planning asks for the same few thousand contract dates and offsets over and over: one map per offset (a
// small integer), keyed by the date itself, so that a lookup builds no key string.
const addDaysCache = new Map<number, Map<IsoDate, IsoDate>>();
let addDaysCached = 0;

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  let byDate = addDaysCache.get(days);
  const known = byDate?.get(date);
  if (known !== undefined) return known;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const result = d.toISOString().slice(0, 10);
  // Bounded, so a long-running process does not grow without end.
  if (addDaysCached >= 100_000) {
    addDaysCache.clear();
    addDaysCached = 0;
    byDate = undefined;
  }
  if (byDate === undefined) {
    byDate = new Map();
    addDaysCache.set(days, byDate);
  }
  byDate.set(date, result);
  addDaysCached += 1;
  return result;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
