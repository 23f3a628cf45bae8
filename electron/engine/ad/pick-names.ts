import { attributeCandidates, baseCandidate, cutWithSuffix, expandedCandidates, iterationSuffix, type CandidateSpec } from '../policy/name-candidates';
import type { AddressNames, DesiredNames } from './desired';
import type { LogonNames, NameRegistry, OtherNames } from './naming';

/**
 * Picking a person's unique names by the naming convention: the first candidates that the
 * directory (and this plan so far) leaves free.
 */

/** The logon names picked, or why there are none. */
export type LogonPick =
  | { readonly kind: 'picked'; readonly names: LogonNames }
  /** Not one candidate could be made: the name has no letters that make a logon name. */
  | { readonly kind: 'no-letters' }
  | { readonly kind: 'exhausted'; readonly attribute: keyof LogonNames };

type AddressAttribute = 'userPrincipalName' | 'mail';

/**
 * The first free sAMAccountName whose following addresses (UPN or mail that are the sAMAccountName at
 * a domain) are free too; then UPN and mail with candidates of their own, each the first free one
 * (the person's own UPN may be its mail as well). Names in `own` (those an account being renamed holds
 * itself) count as free. Reserves what it picks.
 */
export function pickLogonNames(registry: NameRegistry, names: DesiredNames, own: OtherNames = {}): LogonPick {
  const ownSams = new Set((own.sAMAccountNames ?? []).map((n) => n.toLowerCase()));
  const ownAddresses = (own.addresses ?? []).map((a) => a.toLowerCase());
  const addressTaken = (address: string): boolean => registry.isAddressTaken(address) && !ownAddresses.includes(address.toLowerCase());
  let any = false;
  for (const sam of attributeCandidates(names.sAMAccountName)) {
    any = true;
    if (registry.isSamTaken(sam) && !ownSams.has(sam.toLowerCase())) continue;
    const followers = (['userPrincipalName', 'mail'] as const).filter((a) => names[a].followsSam);
    if (followers.some((a) => addressTaken(`${sam}@${names[a].domain}`))) continue;
    const picked: Partial<Record<AddressAttribute, string>> = {};
    for (const attribute of followers) picked[attribute] = `${sam}@${names[attribute].domain}`;
    for (const attribute of ['userPrincipalName', 'mail'] as const) {
      if (picked[attribute] !== undefined) continue;
      const address = firstFreeAddress(registry, names[attribute], sam, [...Object.values(picked), ...ownAddresses]);
      if (address === null) return { kind: 'exhausted', attribute };
      picked[attribute] = address;
    }
    const result: LogonNames = { sAMAccountName: sam, userPrincipalName: picked.userPrincipalName ?? '', mail: picked.mail ?? '' };
    registry.reserveLogon(result);
    return { kind: 'picked', names: result };
  }
  return any ? { kind: 'exhausted', attribute: 'sAMAccountName' } : { kind: 'no-letters' };
}

function firstFreeAddress(registry: NameRegistry, names: AddressNames, sam: string, own: readonly string[]): string | null {
  for (const local of attributeCandidates(names.spec(sam))) {
    const address = `${local}@${names.domain}`;
    const mine = own.some((a) => a.toLowerCase() === address.toLowerCase());
    if (mine || !registry.isAddressTaken(address)) return address;
  }
  return null;
}

/** The UPN or mail for an existing account whose value is empty: by the convention, with its current sAMAccountName. */
export function addressFor(registry: NameRegistry, names: AddressNames, sam: string, own: readonly string[]): string | null {
  if (names.followsSam) {
    const address = `${sam}@${names.domain}`;
    const mine = own.some((a) => a.toLowerCase() === address.toLowerCase());
    return mine || !registry.isAddressTaken(address) ? address : null;
  }
  return firstFreeAddress(registry, names, sam, own);
}

/**
 * A CN free in `ou`: the first of `candidates` not taken there. The account's own current CN (`own`,
 * when it stays in its OU) counts as free. Reserves what it picks; null when the candidates run out.
 */
export function pickCn(registry: NameRegistry, ou: string, candidates: Iterable<string>, own: string | null): string | null {
  for (const cn of candidates) {
    const mine = own !== null && cn.toLowerCase() === own.toLowerCase();
    if (cn !== '' && (mine || !registry.isCnTaken(ou, cn))) {
      registry.reserveCn(ou, cn);
      return cn;
    }
  }
  return null;
}

/**
 * True when `value` is one of the candidates of `spec` or a numbered variant of its base candidate,
 * so a CN the convention gave stays as it is (names never churn).
 */
export function isCandidateOf(value: string, spec: CandidateSpec): boolean {
  const expanded = expandedCandidates(spec);
  if (expanded.some((v) => cutWithSuffix(spec.kind, v, '', spec.maxLength) === value)) return true;
  const { format, start } = spec.rule.iterate;
  const [before = '', after = ''] = format.split('{n}');
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escape(before)}(\\d+)${escape(after)}$`).exec(value);
  if (!m) return false;
  const n = Number(m[1]);
  const baseValue = baseCandidate(expanded, spec.rule);
  return n >= start && baseValue !== undefined && cutWithSuffix(spec.kind, baseValue, iterationSuffix(spec, n), spec.maxLength) === value;
}
