import type { AdAccount } from '../model/ad-account';
import { isEnabled } from '../model/ad-account';
import type { AdAction, AttributeChange, LedgerNote } from '../model/plan';
import type { LedgerChange, LedgerPort } from '../model/ledger';
import { adLedgerAccount } from '../state/entitlement-ledger';
import type { ActionOutcome, Outcome } from '../model/run';
import { sameAttributeValue } from '../ad/attribute-value';
import { dnEquals, isWithin, leafValue, parentDn } from '../ad/dn';
import type { AdWritePort, AttributeWrite } from './ad-port';
import { AccountIndex } from './account-index';
import { describeError } from './describe-error';
import { DirectoryConnectionError } from '../ad/directory-errors';
import { adUndoInfo } from './undo-info';
import { readAttribute, recheck, singleValuedKey } from './recheck';

/**
 * Apply the Active Directory actions of a plan. Apply re-reads the directory first and checks each
 * action against what is there now, so it never redoes what is already true: a second apply of
 * the same plan, or an apply after a crash half-way, only writes what is still missing. One
 * failed action never stops the others; actions that depend on a failed one are blocked. Only a
 * lost domain controller does: the actions after it fail unattempted and the target ends with
 * {@link DirectoryLostError}, so the run ends `failed`.
 */

/** The domain controller stopped answering during an apply; the remaining actions were not attempted. */
export class DirectoryLostError extends Error {
  override readonly name = 'DirectoryLostError';
}

/** What apply needs besides the plan. */
export interface ApplyAdOptions {
  readonly port: AdWritePort;
  /** The parking OU: a delete is refused for an account anywhere else. */
  readonly disabledOu: string;
  /**
   * Normalised DNs of the managed OUs (users, org-unit and disabled OUs): an account that is no
   * longer directly in one of them is not written to (`skipped`). Without it, the OU is not re-checked.
   */
  readonly managedOus?: ReadonlySet<string>;
  /** Initial password for a new account; never stored or logged. */
  readonly generatePassword: (subject: { readonly sAMAccountName: string; readonly displayName: string | null }) => string;
  /** Called after every action, before the next starts (the history writes it to disk here). */
  readonly onOutcome: (outcome: ActionOutcome) => Promise<void>;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /**
   * Checked before each action writes, with the account as it is now (undefined for a create or a
   * gone account): a reason refuses the action (`blocked`). Plan validation plugs in here.
   */
  readonly vet?: (action: AdAction, current: AdAccount | undefined) => string | null;
  /**
   * Called with the account as it is just before it is deleted; the delete waits for it. The retired-names
   * list is written here, before the delete rather than after it: a crash in between then leaves a
   * name retired too early (harmless), never a deleted account whose names are free again.
   */
  readonly beforeDelete?: (account: AdAccount) => Promise<void>;
  /**
   * The entitlement ledger: every grant, revoke and delete is recorded as soon as the directory
   * confirms it (a crash in between converges: the next plan adopts a granted membership that a
   * rule grants, and forgets an entry whose membership is gone).
   */
  readonly ledger?: LedgerPort;
  /** The plan's adoptions and stale entries, recorded after the actions if the directory agrees. */
  readonly ledgerNotes?: readonly LedgerNote[];
  /** Whether a group may be adopted now (some rule of the current configuration grants it). */
  readonly mayAdopt?: (group: string) => boolean;
  /** Called with the ledger changes the notes made (the history records them). */
  readonly onLedgerNotes?: (changes: readonly LedgerChange[]) => Promise<void>;
}

/** The result of one action: an outcome and, for failures, the admin-readable reason. */
interface StepResult {
  readonly outcome: Outcome;
  readonly error: string | null;
  readonly ledger?: readonly LedgerChange[];
}

const done = (outcome: Outcome): StepResult => ({ outcome, error: null });
const refused = (outcome: 'failed' | 'skipped' | 'blocked', error: string): StepResult => ({ outcome, error });

/** Apply every action in plan order; resolves to their outcomes (also passed to `onOutcome`). */
export async function applyAdActions(actions: readonly AdAction[], options: ApplyAdOptions): Promise<readonly ActionOutcome[]> {
  const now = options.now ?? (() => new Date());
  const index = new AccountIndex(await options.port.readAccounts());
  const succeeded = new Set<string>();
  const outcomes: ActionOutcome[] = [];
  // Once the DC cannot be reached, trying each remaining action again only repeats the same error.
  let lost: string | null = null;
  for (const action of actions) {
    let result: StepResult;
    // The account as it is just before the write: what an undo of this action restores.
    const undo = adUndoInfo(action, action.action === 'create' ? undefined : index.locate(action));
    const failedDependency = action.dependsOn.find((id) => !succeeded.has(id));
    if (options.signal?.aborted) {
      result = refused('skipped', 'the run was cancelled before this action');
    } else if (failedDependency !== undefined) {
      result = refused('blocked', `not done because action ${failedDependency} did not succeed`);
    } else if (lost !== null) {
      result = refused('failed', `not attempted: the domain controller stopped answering during this run (${lost})`);
    } else {
      try {
        result = await applyOne(action, index, options);
      } catch (error) {
        result = refused('failed', describeError(error));
        if (error instanceof DirectoryConnectionError) lost = describeError(error);
      }
    }
    if (result.outcome !== 'failed' && result.outcome !== 'blocked' && result.outcome !== 'skipped') succeeded.add(action.id);
    const wrote = result.outcome === 'created' || result.outcome === 'updated';
    const ledger = result.ledger && result.ledger.length > 0 ? { ledger: result.ledger } : {};
    const outcome: ActionOutcome = { actionId: action.id, outcome: result.outcome, error: result.error, at: now().toISOString(), ...(wrote ? { undo } : {}), ...ledger };
    outcomes.push(outcome);
    await options.onOutcome(outcome);
  }
  if (lost !== null) {
    // The notes are checked against the directory as the run left it, which is not known now: next run.
    const notDone = outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked').length;
    throw new DirectoryLostError(
      `Active Directory stopped answering during the run (${lost}); ${notDone} of ${actions.length} actions were not done. Preview and apply again once the domain controller is back`,
    );
  }
  await recordNotes(index, options, now);
  return outcomes;
}

/**
 * The plan's ledger notes, checked against the directory as it is after the actions: a membership
 * is adopted only while it is there and a rule grants the group; an entry is forgotten only while
 * its membership (or account) is gone.
 */
async function recordNotes(index: AccountIndex, options: ApplyAdOptions, now: () => Date): Promise<void> {
  const { ledger, ledgerNotes } = options;
  if (!ledger || !ledgerNotes || ledgerNotes.length === 0 || options.signal?.aborted) return;
  const changes: LedgerChange[] = [];
  for (const note of ledgerNotes) {
    const account = index.bySamAccountName(note.account);
    const same = account !== undefined && (note.objectGuid === null || !account.objectGuid || account.objectGuid.toLowerCase() === note.objectGuid.toLowerCase());
    const member = same && account.memberOf.some((g) => dnEquals(g, note.entitlement));
    if (note.kind === 'adopt' && member && (options.mayAdopt?.(note.entitlement) ?? false)) {
      const entry = { target: 'ad' as const, account: note.account, accountId: account.objectGuid || null, entitlement: note.entitlement, rule: note.rule, how: 'adopted' as const, at: now().toISOString() };
      changes.push({ kind: 'record', entry });
    } else if (note.kind === 'forget' && !member) {
      changes.push({ kind: 'forget', target: 'ad', account: note.account, entitlement: note.entitlement });
    }
  }
  if (changes.length === 0) return;
  await ledger.change(changes);
  await options.onLedgerNotes?.(changes);
}

/** Record `changes` in the ledger (when there is one) and hand them on with the step's result. */
async function withLedger(options: ApplyAdOptions, result: StepResult, changes: readonly LedgerChange[]): Promise<StepResult> {
  if (!options.ledger) return result;
  await options.ledger.change(changes);
  return { ...result, ledger: changes };
}

async function applyOne(action: AdAction, index: AccountIndex, options: ApplyAdOptions): Promise<StepResult> {
  const { port } = options;
  const current = action.action === 'create' ? undefined : index.locate(action);
  const refusal = options.vet?.(action, current) ?? null;
  if (refusal !== null) return refused('blocked', refusal);
  if (action.action === 'create') return create(action, index, options);
  if (!current) {
    return action.action === 'delete'
      ? withLedger(options, done('unchanged'), [forgetAccount(action.account.sAMAccountName)])
      : refused('failed', `the account ${action.account.sAMAccountName} (${action.account.dn}) no longer exists in the directory`);
  }
  // Re-read, not re-planned: what changed since the preview is never overwritten unseen.
  const drift = options.managedOus ? recheck(action, current, options.managedOus) : null;
  if (drift !== null) return refused('skipped', drift);
  switch (action.action) {
    case 'rename': {
      const sam = afterText(action.changes, 'sAMAccountName');
      const clash = sam === null ? undefined : index.bySamAccountName(sam);
      if (clash && clash !== current) return refused('failed', `the logon name ${sam ?? ''} was taken by ${clash.dn} after the plan was made; preview again`);
      const writes = pendingWrites(current, action.changes);
      if (writes.length === 0) return done('unchanged');
      await port.modifyAttributes(current.dn, writes);
      index.replace(current, withWrites(current, writes));
      return done('updated');
    }
    case 'update': {
      const writes = pendingWrites(current, action.changes);
      if (writes.length === 0) return done('unchanged');
      await port.modifyAttributes(current.dn, writes);
      index.replace(current, withWrites(current, writes));
      return done('updated');
    }
    case 'enable':
    case 'disable': {
      const wanted = action.action === 'enable';
      const writes = pendingWrites(current, action.changes.filter((c) => c.attribute !== 'userAccountControl'));
      const toggle = isEnabled(current) !== wanted;
      if (writes.length === 0 && !toggle) return done('unchanged');
      // Attributes first (the disable stamp): a crash in between leaves an enabled account with a
      // note, which the next apply still disables, rather than a silent disabled one.
      if (writes.length > 0) await port.modifyAttributes(current.dn, writes);
      if (toggle) await port.setEnabled(current.dn, wanted);
      const uac = wanted ? current.userAccountControl & ~2 : current.userAccountControl | 2;
      index.replace(current, { ...withWrites(current, writes), userAccountControl: uac });
      return done('updated');
    }
    case 'move': {
      const target = afterText(action.changes, 'dn');
      if (target === null) return refused('failed', 'the plan gives no new location for this move');
      if (dnEquals(current.dn, target)) return done('unchanged');
      await port.move(current.dn, target);
      index.replace(current, { ...current, dn: target, cn: leafValue(target) });
      return done('updated');
    }
    case 'delete': {
      // Re-check ownership on the live entry: a plan may be hours old.
      if (isEnabled(current)) return refused('blocked', 'the account is enabled again; it is only deleted while disabled');
      if (!dnEquals(parentDn(current.dn), options.disabledOu) && !isWithin(current.dn, options.disabledOu)) {
        return refused('blocked', `the account is no longer in the disabled OU ${options.disabledOu}`);
      }
      if (!current.employeeID) return refused('blocked', 'the account has no employeeID any more, so it is not ours to delete');
      await options.beforeDelete?.(current);
      await port.deleteEntry(current.dn);
      index.remove(current);
      return withLedger(options, done('updated'), [forgetAccount(current.sAMAccountName)]);
    }
    case 'grant':
    case 'revoke': {
      const group = action.entitlement;
      if (group === null) return refused('failed', 'the plan names no group');
      const member = current.memberOf.some((g) => dnEquals(g, group));
      const account = adLedgerAccount(current.sAMAccountName);
      if (action.action === 'grant') {
        if (!member) {
          await port.addGroupMember(group, current.dn);
          index.replace(current, { ...current, memberOf: [...current.memberOf, group] });
        }
        // Also when it was already there: this plan's rule grants it (an earlier apply may have died before recording it).
        const entry = { target: 'ad' as const, account, accountId: current.objectGuid || null, entitlement: group, rule: action.rule ?? null, how: 'granted' as const, at: (options.now ?? (() => new Date()))().toISOString() };
        return withLedger(options, done(member ? 'unchanged' : 'updated'), [{ kind: 'record', entry }]);
      }
      if (member) {
        await port.removeGroupMember(group, current.dn);
        index.replace(current, { ...current, memberOf: current.memberOf.filter((g) => !dnEquals(g, group)) });
      }
      return withLedger(options, done(member ? 'updated' : 'unchanged'), [{ kind: 'forget', target: 'ad', account, entitlement: group }]);
    }
  }
}

async function create(action: AdAction, index: AccountIndex, options: ApplyAdOptions): Promise<StepResult> {
  const employeeId = afterText(action.changes, 'employeeID') ?? action.personId;
  const existing = employeeId ? index.byEmployeeId(employeeId) : undefined;
  // Created by an earlier, interrupted apply of this or another plan: nothing left to do.
  if (existing) return done('unchanged');
  const attributes: Record<string, string> = {};
  for (const change of action.changes) {
    if (change.attribute === 'cn' || change.attribute === 'dn') continue;
    const value = typeof change.after === 'string' ? change.after : null;
    if (value !== null && value !== '') attributes[change.attribute] = value;
  }
  const sam = attributes.sAMAccountName ?? action.account.sAMAccountName;
  const clash = index.bySamAccountName(sam);
  if (clash) return refused('failed', `the logon name ${sam} was taken by ${clash.dn} after the plan was made; preview again`);
  const password = options.generatePassword({ sAMAccountName: sam, displayName: attributes.displayName ?? null });
  await options.port.addUser(action.account.dn, attributes, password);
  index.add(createdAccount(action.account.dn, attributes));
  return done('created');
}

/** The attribute writes still needed to reach each change's `after` value. */
function pendingWrites(account: AdAccount, changes: readonly AttributeChange[]): readonly AttributeWrite[] {
  const writes: AttributeWrite[] = [];
  for (const change of changes) {
    if (change.attribute === 'dn' || change.attribute === 'memberOf' || change.attribute === 'userAccountControl') continue;
    if (sameAttributeValue(change.attribute, readAttribute(account, change.attribute), change.after)) continue;
    const after = change.after;
    writes.push({
      attribute: change.attribute,
      values: after === null || after === '' ? null : typeof after === 'string' ? [after] : [...after],
    });
  }
  return writes;
}

function withWrites(account: AdAccount, writes: readonly AttributeWrite[]): AdAccount {
  const next: Record<string, unknown> = { ...account };
  for (const write of writes) {
    const key = singleValuedKey(write.attribute);
    if (write.attribute.toLowerCase() === 'proxyaddresses') next.proxyAddresses = write.values ?? [];
    else if (key) next[key] = write.values?.[0] ?? null;
    else if (account.mapped) next.mapped = { ...(next.mapped as AdAccount['mapped']), [write.attribute.toLowerCase()]: write.values?.[0] ?? null };
  }
  return next as unknown as AdAccount;
}

function forgetAccount(sAMAccountName: string): LedgerChange {
  return { kind: 'forget-account', target: 'ad', account: adLedgerAccount(sAMAccountName) };
}

function afterText(changes: readonly AttributeChange[], attribute: string): string | null {
  const after = changes.find((c) => c.attribute === attribute)?.after;
  return typeof after === 'string' ? after : null;
}

function createdAccount(dn: string, attributes: Readonly<Record<string, string>>): AdAccount {
  const get = (name: string): string | null => attributes[name] ?? null;
  return {
    dn,
    objectGuid: '',
    sAMAccountName: get('sAMAccountName') ?? '',
    userPrincipalName: get('userPrincipalName'),
    mail: get('mail'),
    cn: leafValue(dn),
    givenName: get('givenName'),
    sn: get('sn'),
    displayName: get('displayName'),
    initials: get('initials'),
    employeeID: get('employeeID'),
    department: get('department'),
    title: get('title'),
    company: get('company'),
    manager: get('manager'),
    description: get('description'),
    userAccountControl: 514,
    memberOf: [],
    whenChanged: null,
    proxyAddresses: [],
  };
}
