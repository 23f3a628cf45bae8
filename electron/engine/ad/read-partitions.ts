/**
 * Splits a read of every user account into disjoint slices by sAMAccountName, so the slices can be read over
 * several connections at once. A domain controller works on one search per connection at a time; with paged
 * results Samba spends about twice the CPU of an unpaged search, so one connection leaves the DC's other cores
 * idle while the read is the slowest part of a preview. Windows AD answers a range filter on the indexed
 * sAMAccountName from its index, Samba by one scan per slice.
 */

/** Most connections a read is split over: more gains nothing on a DC with a few cores and only adds load. */
export const MAX_READ_CONNECTIONS = 4;

/** Default number of connections for a full read. */
export const DEFAULT_READ_CONNECTIONS = 2;

// Upper bounds per slice count, chosen so the slices of a Dutch workforce are about equal: logon names start
// with the first letter of the given name (f.last), and given names are not spread evenly over the alphabet.
// A bound "l" takes every name up to the bare "l", so names starting with a-k. Shares of the generated Dutch
// workforce: a-k 49 %; a-g 33 % and h-m 33 %; a-e 25 %, f-j 22 %, k-n 25 %. Skewed slices stay correct, only slower.
const BOUNDS: Readonly<Record<number, readonly string[]>> = {
  1: [],
  2: ['l'],
  3: ['h', 'n'],
  4: ['f', 'k', 'o'],
};

/**
 * The extra filter of each slice, to be ANDed with the account filter. Together the slices match every entry
 * exactly once: slice i takes names above bound i-1 (by negation, so no name falls between two slices) and up
 * to bound i, and the first slice also takes entries without a sAMAccountName, which every range filter
 * would otherwise leave out (an absent attribute makes both a filter and its negation undefined).
 */
export function readPartitions(connections: number): readonly string[] {
  const bounds = BOUNDS[Math.min(Math.max(Math.trunc(connections), 1), MAX_READ_CONNECTIONS)] ?? [];
  if (bounds.length === 0) return [''];
  const slices: string[] = [];
  for (let i = 0; i <= bounds.length; i += 1) {
    const parts: string[] = [];
    const lower = bounds[i - 1];
    const upper = bounds[i];
    if (lower !== undefined) parts.push(`(!(sAMAccountName<=${lower}))`);
    if (upper !== undefined) parts.push(`(sAMAccountName<=${upper})`);
    const range = parts.length === 1 ? parts[0] ?? '' : `(&${parts.join('')})`;
    slices.push(i === 0 ? `(|${range}(!(sAMAccountName=*)))` : range);
  }
  return slices;
}

/** `filter` restricted to one slice from {@link readPartitions}. */
export function withinPartition(filter: string, slice: string): string {
  return slice === '' ? filter : `(&${filter}${slice})`;
}
