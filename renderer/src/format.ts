import { locale } from './i18n';

// Building an Intl formatter costs far more than using one (the first one of a locale loads its data):
// one of each per language, kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(kind: string, make: (language: string) => T): T {
  const key = `${locale()}|${kind}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(locale());
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Builds the formatters ahead of use (called when the window is idle), so no screen waits for them. */
export function warmFormatters(): void {
  formatDateTime(new Date().toISOString());
  formatDate('2026-01-01');
  formatNumber(1000);
}

/** Dates and times in the admin's language (Dutch: 30-11-2026 06:00). */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : cached('dateTime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'short', timeStyle: 'short' })).format(date);
}

/** A calendar date (YYYY-MM-DD) in the admin's language. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(new Date(y, m - 1, d));
}

/** "in 3 days", "2 days ago", "today". */
export function formatRelativeDays(days: number): string {
  return cached('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(days, 'day');
}

/** A duration such as "1.4 s" or "2 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(locale(), { maximumFractionDigits: 1 })} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A number in the admin's language (35.000 in Dutch). */
export function formatNumber(n: number): string {
  return cached('number', (l) => new Intl.NumberFormat(l)).format(n);
}
