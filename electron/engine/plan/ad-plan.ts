import { randomUUID } from 'node:crypto';
import type { Finding } from '../model/finding';
import { summarisePlan, type AdAction, type HeldPerson, type LedgerNote, type Plan } from '../model/plan';
import type { AdAccount } from '../model/ad-account';
import { adLedgerAccount, EntitlementLedger } from '../state/entitlement-ledger';
import { draftAdActions } from './ad-actions';
import type { GroupContext } from './ad-groups';
import { accountsOfDoubtful, decideAd, type DecideAdInput } from './ad-decide';
import { holdWhatDoubtCouldChange, isDestructive, partlyHeld, renumber, splitDoubtful, type TwoWayPerson } from './doubt-hold';
import { orderActions } from './plan-order';

export { AD_ACTION_ORDER } from './plan-order';

/** Everything {@link planAd} needs: the read state of both sides and what the organisation wants. */
export interface PlanAdInput extends DecideAdInput {
  /** Findings from reading and evaluating the source; passed through into the plan. */
  readonly findings?: readonly Finding[];
  /**
   * What the app granted, per account: revokes are planned from it. Absent (the first run): every
   * membership a rule grants is adopted, and nothing is revoked.
   */
  readonly ledger?: EntitlementLedger;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/**
 * Plans the Active Directory changes that bring the directory in line with HR on `asOf`, in three
 * phases with explicit inputs and outputs:
 * 1. decide (`ad-decide.ts`): situations -> desired state per account, every name settled;
 * 2. actions (`ad-actions.ts`): desired state against the account as read -> drafted actions;
 * 3. order (`plan-order.ts`): drafts -> numbered actions in apply order, with dependencies.
 *
 * Pure and deterministic: persons are handled in ascending id order, so the same input always
 * gives the same actions, names and ids (only `planId` and `createdAt` vary).
 *
 * The plan is idempotent with respect to what apply writes: planning again on the directory as
 * apply leaves it gives no actions. The one deliberate exception is deletion: an account due for
 * deletion that is still enabled, or outside the disabled OU, is first disabled and parked, and
 * deleted by a later run, so that nothing is ever deleted in the same run it is retired.
 */
export function planAd(input: PlanAdInput): Plan {
  const { asOf, policy, settings } = input;
  const now = input.now ?? (() => new Date());
  const newId = input.newId ?? randomUUID;

  // A person whose only doubt is whether some contracts count is planned without them; what the
  // doubt could change is held below, by comparing with the plan that counts them.
  const { twoWay, whole } = splitDoubtful(input.doubtful ?? []);
  const persons = twoWay.length === 0 ? input.persons : [...input.persons, ...twoWay.map((p) => p.versions.leftOut)];
  const decisions = decideAd({ ...input, persons, doubtful: whole });
  const ledger = input.ledger ?? new EntitlementLedger();
  const notes: LedgerNote[] = goneAccountNotes(ledger, input.accounts);
  const groups = { ledger, ruleNames: new Set(policy.rules.map((r) => r.name)), notes };
  const drafted = draftAdActions(decisions.works, { asOf, settings, groups });
  const planned = orderActions(drafted.drafts);
  const { actions, held } = twoWay.length === 0
    ? { actions: planned, held: decisions.held }
    : holdForDoubt(input, twoWay, planned, groups, decisions.held);

  return {
    planId: newId(),
    asOf,
    createdAt: now().toISOString(),
    summary: summarisePlan(actions),
    actions,
    unmanaged: decisions.unmanaged,
    held,
    findings: [...(input.findings ?? []), ...decisions.findings, ...drafted.findings],
    ...(notes.length > 0 ? { ledgerNotes: notes } : {}),
  };
}

/**
 * Holds what the doubts of two-way persons could change: their actions are planned again with the
 * doubtful contracts counted (for them alone, against every name in the directory), and only the
 * constructive actions planned the same both ways proceed.
 */
function holdForDoubt(
  input: PlanAdInput,
  twoWay: readonly TwoWayPerson[],
  planned: readonly AdAction[],
  groups: GroupContext,
  heldWhole: readonly HeldPerson[],
): { readonly actions: AdAction[]; readonly held: HeldPerson[] } {
  const counted = decideAd({
    ...input,
    persons: twoWay.map((p) => p.versions.counted),
    doubtful: [],
    decideOnly: new Set(twoWay.map((p) => p.personId)),
  });
  // Its ledger notes and findings are those of a reading that may be wrong: dropped.
  const counterpart = orderActions(draftAdActions(counted.works, { asOf: input.asOf, settings: input.settings, groups: { ...groups, notes: [] } }).drafts);
  const resolved = holdWhatDoubtCouldChange(planned, counterpart, twoWay, (a) => isDestructive(a, input.settings.disabledOu));
  const { dns } = accountsOfDoubtful(twoWay, input.accounts);
  const held = twoWay.map((p) => partlyHeld(p, 'ad', dns.get(p.personId) ?? [], resolved.held.get(p.personId) ?? []));
  return { actions: renumber(resolved.actions, 1), held: [...heldWhole, ...held] };
}

/** Ledger entries of accounts the directory no longer has: forgotten, so a logon name that comes back starts clean. */
function goneAccountNotes(ledger: EntitlementLedger, accounts: readonly AdAccount[]): LedgerNote[] {
  const adEntries = ledger.entries.filter((e) => e.target === 'ad');
  // No set of every logon name in the domain when there is nothing to look up in it (a first run, say).
  if (adEntries.length === 0) return [];
  const present = new Set(accounts.map((a) => adLedgerAccount(a.sAMAccountName)));
  return adEntries
    .filter((e) => !present.has(e.account))
    .map((e) => ({
      kind: 'forget',
      target: 'ad',
      account: e.account,
      objectGuid: e.accountId,
      entitlement: e.entitlement,
      rule: e.rule,
      reason: `the account ${e.account} is no longer in the directory: its ledger entry is dropped`,
    }));
}
