import { randomUUID } from 'node:crypto';
import { childDn, dnEquals, isWithin, leafValue, parentDn } from '../ad/dn';
import type { AdAccount } from '../model/ad-account';
import { isEnabled } from '../model/ad-account';
import { accountLabel, summarisePlan } from '../model/plan';
import type { AdAction, AdActionKind, AttributeChange, AttributeValue, NedapAction, Plan, PlannedAction } from '../model/plan';
import type { RunRecord } from '../model/run';
import type { Irreversible } from '../model/safety';
import type { AccountBefore, NedapUndoInfo } from '../model/undo';

/**
 * Undo a run: the reverse of every action the run wrote, planned from what apply read from the
 * directory just before each write (recorded in the history), and shown and applied like any plan.
 * Re-enable what it disabled, move back what it moved, restore attributes, memberships and logon
 * names (a rename), and
 * delete an account it created that nobody has used since. What cannot be reversed is listed with
 * the reason. Pure.
 */

/** What {@link planUndo} needs besides the run. */
export interface UndoInput {
  readonly run: RunRecord;
  /** The accounts as they are now (to find where an account is, and whether a new one was used). */
  readonly accounts: readonly AdAccount[];
  /** When the account was last used, if ever (from lastLogonTimestamp / lastLogon); null when never. */
  readonly lastLogon: (account: AdAccount) => string | null;
  readonly disabledOu: string;
  readonly asOf: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

interface Draft {
  readonly action: AdActionKind;
  readonly account: AdAccount | AccountBefore;
  readonly personId: string | null;
  readonly changes: readonly AttributeChange[];
  readonly entitlement: string | null;
  readonly reason: string;
  /** Index (in the drafts) of an earlier draft this one needs. */
  readonly after?: number;
}

/** The undo plan of `run`, and what cannot be undone. */
export function planUndo(input: UndoInput): Plan {
  const { run } = input;
  const byId = new Map(run.actions.map((a) => [a.id, a]));
  const drafts: Draft[] = [];
  const nedap: Omit<NedapAction, 'id'>[] = [];
  const irreversible: Irreversible[] = [];
  // Latest first: a run moves then disables; its undo enables, then moves back.
  for (const outcome of [...run.outcomes].reverse()) {
    const action = byId.get(outcome.actionId);
    if (!action || (outcome.outcome !== 'created' && outcome.outcome !== 'updated')) continue;
    if (action.target === 'nedap-ons') {
      const result = reverseNedap(action, outcome.undo?.target === 'nedap-ons' ? outcome.undo : null, run.runId);
      if ('reason' in result) irreversible.push(result);
      else nedap.push(result);
      continue;
    }
    if (outcome.undo?.target !== 'ad') {
      irreversible.push({ actionId: action.id, what: `${action.action} ${accountLabel(action)}`, reason: 'the run recorded nothing to reverse it with' });
      continue;
    }
    const result = reverse(action, outcome.undo.before, input, drafts.length);
    if (result.kind === 'irreversible') irreversible.push(result.item);
    else drafts.push(...result.drafts);
  }
  const actions = drafts.map((d, i): AdAction => ({
    id: `${String(i + 1).padStart(4, '0')}-${d.action}-undo-${d.personId ?? d.account.sAMAccountName}`,
    target: 'ad',
    action: d.action,
    personId: d.personId,
    account: { dn: d.account.dn, sAMAccountName: d.account.sAMAccountName, objectGuid: d.account.objectGuid || null },
    changes: d.changes,
    entitlement: d.entitlement,
    reasons: [d.reason],
    dependsOn: [],
  }));
  const withDependencies: PlannedAction[] = actions.map((a, i) => {
    const after = drafts[i]?.after;
    return after === undefined ? a : { ...a, dependsOn: [actions[after]?.id ?? ''] };
  });
  for (const a of nedap) {
    withDependencies.push({ ...a, id: `${String(withDependencies.length + 1).padStart(4, '0')}-${a.action}-undo-${a.account.identificationNo}` });
  }
  return {
    planId: (input.newId ?? randomUUID)(),
    asOf: input.asOf,
    createdAt: (input.now ?? (() => new Date()))().toISOString(),
    summary: summarisePlan(withDependencies),
    held: [],
    actions: withDependencies,
    unmanaged: [],
    findings: [],
    safety: { guard: null, managedAccounts: {}, heldForReview: [], reviewMode: 'hold-over-limit', excluded: [], hrChanges: {}, undoOf: run.runId, irreversible },
  };
}

/**
 * The reverse of a Nedap Ons action: a set-* write is undone by writing the set the app had recorded
 * before it (Nedap Ons replaces the whole set); a created or deleted user is not brought back or removed.
 */
function reverseNedap(action: NedapAction, undo: NedapUndoInfo | null, runId: string): Omit<NedapAction, 'id'> | Irreversible {
  const what = `${action.action} ${action.account.identificationNo}`;
  const cannot = (reason: string): Irreversible => ({ actionId: action.id, what, reason });
  switch (action.action) {
    case 'delete-user':
      return cannot('a deleted Nedap Ons user cannot be brought back by the product (its history and settings in Nedap are gone); create it again in Nedap Ons by hand if it must return');
    case 'create-user':
      return cannot('Nedap Ons cannot tell whether the user has been used since, so the product does not delete it; remove it in Nedap Ons by hand if it must go');
    case 'set-duties':
    case 'set-teams':
    case 'set-locations': {
      if (undo === null) return cannot('the run recorded nothing to reverse it with');
      if (undo.before === null) return cannot('the app had no record of this set before the run (Nedap Ons cannot read it back), so there is nothing known to restore');
      // What is written comes from the record read before the write; the words shown, from the plan.
      const changes = action.changes.map((c) => ({ attribute: c.attribute, before: c.after, after: c.before }));
      return {
        target: 'nedap-ons', action: action.action, personId: action.personId, account: { ...action.account, userUuid: undo.userUuid },
        changes, set: undo.before, reasons: [`undo of run ${runId}, action ${action.id} (${what}): the set recorded before it is written back`], dependsOn: [],
      };
    }
  }
}

/** The account as it is now: by GUID, else by the DN it had, else by where the action put it. */
function locate(accounts: readonly AdAccount[], guid: string, ...dns: readonly (string | null)[]): AdAccount | undefined {
  if (guid) {
    const found = accounts.find((a) => a.objectGuid.toLowerCase() === guid.toLowerCase());
    if (found) return found;
  }
  return accounts.find((a) => dns.some((dn) => dn !== null && dnEquals(a.dn, dn)));
}

function afterValue(action: AdAction, attribute: string): AttributeValue {
  return action.changes.find((c) => c.attribute === attribute)?.after ?? null;
}

/** The reverse of one action, or why there is none. */
type Reversal = { readonly kind: 'reverse'; readonly drafts: readonly Draft[] } | { readonly kind: 'irreversible'; readonly item: Irreversible };

const cannot = (action: AdAction, reason: string): Reversal => ({
  kind: 'irreversible',
  item: { actionId: action.id, what: `${action.action} ${action.account.sAMAccountName}`, reason },
});

const reversal = (...drafts: readonly Draft[]): Reversal => ({ kind: 'reverse', drafts });

function reverse(action: AdAction, before: AccountBefore | null, input: UndoInput, index: number): Reversal {
  const why = `undo of run ${input.run.runId}, action ${action.id} (${action.action} ${action.account.sAMAccountName})`;
  if (action.action === 'delete') {
    return cannot(action, 'a deleted account cannot be brought back by the product (its SID, password and memberships are gone); restore it from the AD Recycle Bin');
  }
  if (action.action === 'create' || before === null) return undoCreate(action, input, why, index);
  const current = locate(input.accounts, before.objectGuid, before.dn, afterValue(action, 'dn') as string | null, action.account.dn);
  if (!current) return cannot(action, 'the account no longer exists in the directory');
  const restore = before.attributes.map((a) => ({ attribute: a.attribute, before: afterValue(action, a.attribute), after: a.value }));
  const base = { account: current, personId: action.personId, entitlement: null, reason: why };
  switch (action.action) {
    case 'update':
      return reversal({ ...base, action: 'update', changes: restore });
    case 'rename':
      // The old logon names, UPN, mail and proxy addresses come back as they were read before the write.
      return reversal({ ...base, action: 'rename', changes: restore });
    case 'enable':
    case 'disable':
      return reversal({ ...base, action: before.enabled ? 'enable' : 'disable', changes: restore });
    case 'move':
      return reversal({ ...base, action: 'move', changes: [{ attribute: 'dn', before: current.dn, after: before.dn }] });
    case 'grant':
    case 'revoke': {
      const kind = action.action === 'grant' ? 'revoke' : 'grant';
      return reversal({ ...base, action: kind, changes: [], entitlement: action.entitlement });
    }
  }
}

/** An account the run created goes again, unless someone has used it since. */
function undoCreate(action: AdAction, input: UndoInput, why: string, index: number): Reversal {
  const current = locate(input.accounts, action.account.objectGuid ?? '', action.account.dn);
  if (!current) return cannot(action, 'the account no longer exists in the directory');
  const used = input.lastLogon(current);
  if (used !== null) {
    return cannot(action, `the account has been used since (last logon ${used}); it is not deleted, disable it by hand if it must go`);
  }
  const drafts: Draft[] = [];
  const base = { account: current, personId: action.personId, entitlement: null, reason: `${why}; the account was never used` };
  if (isEnabled(current)) drafts.push({ ...base, action: 'disable', changes: [] });
  const parked = dnEquals(parentDn(current.dn), input.disabledOu) || isWithin(current.dn, input.disabledOu);
  const parkedDn = childDn(leafValue(current.dn), input.disabledOu);
  if (!parked) drafts.push({ ...base, action: 'move', changes: [{ attribute: 'dn', before: current.dn, after: parkedDn }] });
  // The delete names the account where the move before it puts it: deletes happen in the disabled OU only.
  drafts.push({ ...base, account: { ...current, dn: parked ? current.dn : parkedDn }, action: 'delete', changes: [], ...(parked ? {} : { after: index + drafts.length - 1 }) });
  return reversal(...drafts);
}
