import { describe, expect, it } from 'vitest';
import { dateInZone, isTimeZone, todayIn } from './time-zone';

describe('time zone', () => {
  it('takes "today" in the organisation\'s zone, not the machine\'s', () => {
    // 23:30 UTC on 31 March is 1 April in Amsterdam (CEST, +2) and still 31 March in UTC.
    const lateEvening = new Date('2026-03-31T23:30:00Z');
    expect(todayIn('Europe/Amsterdam', lateEvening)).toBe('2026-04-01');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-31');
    // Winter time (+1): 23:30 UTC is 00:30 the next day.
    expect(dateInZone(new Date('2026-01-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-02-01');
    expect(dateInZone(new Date('2026-01-31T22:59:59Z'), 'Europe/Amsterdam')).toBe('2026-01-31');
  });

  it('knows IANA zone names and refuses others', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});
