import { randomUUID } from 'node:crypto';
import type { Finding } from '../model/finding';
import { summarisePlan, type LedgerNote, type Plan } from '../model/plan';
import type { AdAccount } from '../model/ad-account';
import { adLedgerAccount, EntitlementLedger } from '../state/entitlement-ledger';
import { draftAdActions } from './ad-actions';
import { decideAd, type DecideAdInput } from './ad-decide';
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

  const decisions = decideAd(input);
  const ledger = input.ledger ?? new EntitlementLedger();
  const notes: LedgerNote[] = goneAccountNotes(ledger, input.accounts);
  const groups = { ledger, ruleNames: new Set(policy.rules.map((r) => r.name)), notes };
  const drafted = draftAdActions(decisions.works, { asOf, settings, groups });
  const actions = orderActions(drafted.drafts);

  return {
    planId: newId(),
    asOf,
    createdAt: now().toISOString(),
    summary: summarisePlan(actions),
    actions,
    unmanaged: decisions.unmanaged,
    held: decisions.held,
    findings: [...(input.findings ?? []), ...decisions.findings, ...drafted.findings],
    ...(notes.length > 0 ? { ledgerNotes: notes } : {}),
  };
}

/** Ledger entries of accounts the directory no longer has: forgotten, so a logon name that comes back starts clean. */
function goneAccountNotes(ledger: EntitlementLedger, accounts: readonly AdAccount[]): LedgerNote[] {
  const present = new Set(accounts.map((a) => adLedgerAccount(a.sAMAccountName)));
  return ledger.entries
    .filter((e) => e.target === 'ad' && !present.has(e.account))
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
