import type { Limit } from '../model/safety';

/**
 * The one reading of a {@link Limit}, shared by the source guard and the action limits: `n` is
 * within the limit when it is at most the count, or at most the percentage of `base`, whichever
 * is larger. At the limit is within it; only more is over.
 */
export function allowedBy(limit: Limit, base: number): number {
  const byPercent = limit.percent === undefined ? -Infinity : (base * limit.percent) / 100;
  const byCount = limit.count ?? -Infinity;
  return Math.max(byPercent, byCount, 0);
}

/** True when `n` is more than the limit allows. */
export function isOverLimit(n: number, base: number, limit: Limit): boolean {
  return n > allowedBy(limit, base);
}

/**
 * The limit in words: "10 %", "25", "5 % or 25, whichever is larger"; with `of`, the percentage
 * names its base: "5 % of 100 managed accounts or 25, whichever is larger".
 */
export function describeLimit(limit: Limit, of?: string): string {
  const parts = [
    ...(limit.percent === undefined ? [] : [`${limit.percent} %${of ? ` of ${of}` : ''}`]),
    ...(limit.count === undefined ? [] : [`${limit.count}`]),
  ];
  return parts.length === 2 ? `${parts.join(' or ')}, whichever is larger` : (parts[0] ?? '0');
}

/** `part` as a whole percentage of `whole` ("35 %"). */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '100 %' : `${Math.round((part / whole) * 100)} %`;
}
