import { locale } from './i18n';

/** Dates and times in the admin's language (Dutch: 30-11-2026 06:00). */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A calendar date (YYYY-MM-DD) in the admin's language. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** "in 3 days", "2 days ago", "today". */
export function formatRelativeDays(days: number): string {
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(days, 'day');
}

/** A duration such as "1.4 s" or "2 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(locale(), { maximumFractionDigits: 1 })} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A number in the admin's language (35.000 in Dutch). */
export function formatNumber(n: number): string {
  return n.toLocaleString(locale());
}
