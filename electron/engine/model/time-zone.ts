import type { IsoDate } from './iso-date';

/**
 * The organisation's calendar. HR dates are days in the organisation's time zone, not in the
 * machine's (a scheduled run on a server set to UTC must not evaluate "yesterday" after 23:00 CET),
 * so every instant is turned into a date through the configured zone.
 */

/** The zone of the Dutch organisations this product is for. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

// One formatter per zone: constructing Intl formatters is slow, and an import converts many values.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let made = formatters.get(timeZone);
  if (made === undefined) {
    // en-CA formats as YYYY-MM-DD.
    made = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, made);
  }
  return made;
}

/** The calendar date of `instant` in `timeZone` (an IANA name such as Europe/Amsterdam). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return formatter(timeZone).format(instant);
}

/** Today in `timeZone`: the evaluation date of a run started at `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return dateInZone(now, timeZone);
}

/** True when `name` is a time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}
