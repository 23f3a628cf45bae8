/**
 * Calendar arithmetic on whole days (UTC), which is all the HR data needs: dates are exported as
 * YYYY-MM-DD without a time zone.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; throws on anything else. */
export function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new Error(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Date.UTC rolls 2026-02-31 over to March; a silently shifted date would hide a caller's typo.
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`Not a calendar date: "${isoDate}"`);
  return ms / MS_PER_DAY;
}

// Memoised in an array indexed by day: the generator formats a few hundred thousand dates drawn
// from a few thousand days, and integer-indexed arrays are far cheaper than a Map of doubles.
const CACHE_FIRST_DAY = -40_000; // 1860
const CACHE_DAYS = 100_000; // up to 2133
const isoDates: (string | undefined)[] = [];

/** The `YYYY-MM-DD` text of a day number. */
export function isoDate(day: number): string {
  const index = day - CACHE_FIRST_DAY;
  if (!Number.isInteger(index) || index < 0 || index >= CACHE_DAYS) return formatDay(day);
  return (isoDates[index] ??= formatDay(day));
}

function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** An ISO date-time (UTC, whole seconds) for a day number plus seconds into that day. */
export function isoDateTime(day: number, secondOfDay: number): string {
  const second = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  return `${isoDate(day)}T${twoDigits(Math.floor(second / 3600))}:${twoDigits(Math.floor(second / 60) % 60)}:${twoDigits(second % 60)}Z`;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

function twoDigits(value: number): string {
  return TWO_DIGITS[value] as string;
}

/** Today's day number in UTC. */
export function todayDayNumber(now: number = Date.now()): number {
  return Math.floor(now / MS_PER_DAY);
}
