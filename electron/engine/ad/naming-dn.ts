import * as dn from './dn';

/**
 * DN helpers for naming and planning, over `ad/dn`. The planner compares DNs from three sources:
 * the directory, the admin's settings and the rules. A malformed DN in settings must not crash a
 * preview, so these never throw: an unparsable DN compares as its trimmed, lower-cased text (and
 * so matches nothing real), and the caller's findings or the apply step report it.
 */

/** The comparison key of a DN (see `dn.normaliseDn`); lower-cased text when it does not parse. */
export function normaliseDn(value: string): string {
  try {
    return dn.normaliseDn(value);
  } catch {
    return value.trim().toLowerCase();
  }
}

/** True when `a` and `b` name the same entry; two nulls are the same, null and a DN are not. */
export function sameDn(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  // The same text is the same entry: the usual case (an account that stays where it is) needs no lookup.
  return a === b || normaliseDn(a) === normaliseDn(b);
}

/** The comparison key (not a DN: see `dn.parentDn` for that) of the entry's parent; '' for a top-level or unparsable DN. */
export function parentKey(value: string): string {
  try {
    return dn.parentNormalisedDn(value);
  } catch {
    return '';
  }
}

/** The unescaped value of the first RDN (the CN of a user DN); null when the DN does not parse. */
export function firstRdnValue(value: string): string | null {
  try {
    return dn.leafValue(value);
  } catch {
    return null;
  }
}

/** True when `value` is `base` or lies below it; false when either does not parse. */
export function isWithin(value: string, base: string): boolean {
  try {
    return dn.isWithin(value, base);
  } catch {
    return false;
  }
}

/** `normaliseDn(childDn(cn, parent))`, without building and parsing the child's DN when the parent parses. */
export function childKey(cn: string, parent: string): string {
  try {
    return dn.childKey(cn, parent);
  } catch {
    return normaliseDn(childDn(cn, parent));
  }
}

/** `CN=<escaped cn>,parent`. The CN must not be empty (the planner never hands out an empty one). */
export function childDn(cn: string, parent: string): string {
  return dn.childDn(cn, parent);
}
