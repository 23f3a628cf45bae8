import type { DesiredAccount } from '../ad/desired';
import { normaliseDn } from '../ad/naming-dn';
import type { AdAccount } from '../model/ad-account';
import type { AccountRef } from '../model/plan';
import type { Drafts } from './ad-draft';
import { sortByDn } from './correlate';

/** One account's group memberships to plan: what it should have, and why it should have nothing. */
export interface GroupWork {
  readonly personId: string | null;
  readonly ref: AccountRef;
  readonly account: AdAccount;
  readonly wanted: DesiredAccount['groups'];
  /** Non-empty when the account is retired: every rule group goes, for these reasons. */
  readonly retireReasons: readonly string[];
}

/** Grants and revokes for the rule groups: only groups some rule names are ever touched. */
export function draftGroups(drafts: Drafts, managedGroups: ReadonlySet<string>, work: GroupWork): void {
  const { personId, ref, account, wanted, retireReasons } = work;
  const subject = personId ?? account.objectGuid;
  const current = new Map<string, string>();
  for (const dn of account.memberOf) {
    const key = normaliseDn(dn);
    if (managedGroups.has(key)) current.set(key, dn);
  }
  const wantedKeys = new Set(wanted.map((g) => normaliseDn(g.dn)));
  for (const group of sortByDn(wanted)) {
    if (current.has(normaliseDn(group.dn))) continue;
    drafts.add({
      action: 'grant',
      personId,
      subject,
      account: ref,
      changes: [{ attribute: 'memberOf', before: null, after: group.dn }],
      entitlement: group.dn,
      reasons: [...group.reasons],
    });
  }
  for (const [key, dn] of [...current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (wantedKeys.has(key)) continue;
    drafts.add({
      action: 'revoke',
      personId,
      subject,
      account: ref,
      changes: [{ attribute: 'memberOf', before: dn, after: null }],
      entitlement: dn,
      reasons:
        retireReasons.length > 0
          ? [...retireReasons, 'groups granted by rules are revoked when the account is retired']
          : ['no rule grants this group any more'],
    });
  }
}
