import type { DesiredAccount } from '../ad/desired';
import { normaliseDn } from '../ad/naming-dn';
import type { AdAccount } from '../model/ad-account';
import type { LedgerEntry } from '../model/ledger';
import type { AccountRef, LedgerNote } from '../model/plan';
import { adLedgerAccount, type EntitlementLedger } from '../state/entitlement-ledger';
import type { Drafts } from './ad-draft';
import { sortByDn } from './correlate';

/** One account's group memberships to plan: what it should have, and why it should have nothing. */
export interface GroupWork {
  readonly personId: string | null;
  readonly ref: AccountRef;
  readonly account: AdAccount;
  readonly wanted: DesiredAccount['groups'];
  /** Non-empty when the account is retired: every group the app granted goes, for these reasons. */
  readonly retireReasons: readonly string[];
}

/** What group planning reads besides the work: the ledger and the rules configured now. */
export interface GroupContext {
  readonly ledger: EntitlementLedger;
  /** Names of the rules configured now (a ledger entry of another rule: that rule was removed). */
  readonly ruleNames: ReadonlySet<string>;
  /** Adoptions and stale entries found while planning, for apply to record. */
  readonly notes: LedgerNote[];
}

/**
 * Grants of the groups the rules give the account, and revokes planned from the entitlement
 * ledger: only a membership the app granted (or adopted) is ever revoked, whatever today's rules
 * say, so removing a rule revokes what it granted and a member added by hand is left alone. A
 * wanted membership that is already there is adopted (recorded as the app's).
 */
export function draftGroups(drafts: Drafts, ctx: GroupContext, work: GroupWork): void {
  const { personId, ref, account, wanted } = work;
  const subject = personId ?? account.objectGuid;
  const key = adLedgerAccount(account.sAMAccountName);
  // Most accounts are in no group and get none: no sets for them (planning drafts every account).
  const members = account.memberOf.length === 0 ? NO_KEYS : new Set(account.memberOf.map(normaliseDn));
  const wantedKeys = wanted.length === 0 ? NO_KEYS : new Set(wanted.map((g) => normaliseDn(g.dn)));
  const note = (kind: LedgerNote['kind'], entitlement: string, rule: string | null, reason: string): void => {
    ctx.notes.push({ kind, target: 'ad', account: key, objectGuid: account.objectGuid || null, entitlement, rule, reason });
  };
  for (const group of wanted.length <= 1 ? wanted : sortByDn(wanted)) {
    const rule = group.rules[0];
    if (members.has(normaliseDn(group.dn))) {
      if (ctx.ledger.entryOf('ad', key, group.dn) === undefined) {
        note('adopt', group.dn, rule ?? null, `rule "${rule ?? ''}" grants it and the account is already a member: recorded as granted by the app`);
      }
      continue;
    }
    drafts.add({
      action: 'grant',
      personId,
      subject,
      account: ref,
      changes: [{ attribute: 'memberOf', before: null, after: group.dn }],
      entitlement: group.dn,
      ...(rule === undefined ? {} : { rule }),
      reasons: [...group.reasons],
    });
  }
  const owned = [...ctx.ledger.entriesOf('ad', key, account.objectGuid || null)].sort((a, b) => cmp(normaliseDn(a.entitlement), normaliseDn(b.entitlement)));
  for (const entry of owned) {
    const group = normaliseDn(entry.entitlement);
    if (wantedKeys.has(group)) continue;
    if (!members.has(group)) {
      note('forget', entry.entitlement, entry.rule, 'the account is no longer a member (removed outside the app): the ledger entry is dropped');
      continue;
    }
    drafts.add({
      action: 'revoke',
      personId,
      subject,
      account: ref,
      changes: [{ attribute: 'memberOf', before: entry.entitlement, after: null }],
      entitlement: entry.entitlement,
      reasons:
        work.retireReasons.length > 0
          ? [...work.retireReasons, `${origin(entry)}; groups the app granted are revoked when the account is retired`]
          : [revokeReason(entry, ctx.ruleNames)],
    });
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** "rule "ICT staff" granted it on 2026-01-05" / "adopted on …" */
function origin(entry: LedgerEntry): string {
  const by = entry.rule === null ? 'the app' : `rule "${entry.rule}"`;
  return entry.how === 'adopted' ? `the app adopted it on ${entry.at.slice(0, 10)} (${by} granted it)` : `${by} granted it on ${entry.at.slice(0, 10)}`;
}

function revokeReason(entry: LedgerEntry, ruleNames: ReadonlySet<string>): string {
  if (entry.rule !== null && !ruleNames.has(entry.rule)) return `${origin(entry)}; that rule is no longer configured`;
  return `${origin(entry)}; no rule grants it any more`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
