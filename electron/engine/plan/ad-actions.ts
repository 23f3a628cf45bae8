import type { AdTargetSettings } from '../ad/ad-policy';
import { sameAttributeValue } from '../ad/attribute-value';
import { DESIRED_ATTRIBUTE_NAMES, disableStamp, isDisableStamp, type DesiredAccount } from '../ad/desired';
import { isCandidateOf } from '../ad/pick-names';
import { firstRdnValue, normaliseDn, parentKey, sameDn } from '../ad/naming-dn';
import { isEnabled, mappedValue, UAC_ACCOUNT_DISABLE, type AdAccount } from '../model/ad-account';
import { assertNever } from '../model/assert-never';
import type { Finding } from '../model/finding';
import type { IsoDate } from '../model/iso-date';
import type { AccountRef, AttributeChange } from '../model/plan';
import { Drafts, refOf, type Draft } from './ad-draft';
import { draftGroups, type GroupContext } from './ad-groups';
import type { AccountWork } from './ad-work';
import { sortByDn } from './correlate';

/**
 * Phase 2 of planning Active Directory: desired state -> actions. Compares each account's work
 * with the account as read and writes down the actions (as drafts) with their reasons. Creates
 * and moves come first, so references to them (manager) can depend on them.
 */

/** What the action phase needs besides the work. */
export interface ActionContext {
  readonly asOf: IsoDate;
  readonly settings: AdTargetSettings;
  /** The ledger revokes are planned from, and where adoptions are noted. */
  readonly groups: GroupContext;
}

/** The action phase's result: drafts in writing order, and findings about references. */
export interface DraftedActions {
  readonly drafts: readonly Draft[];
  readonly findings: readonly Finding[];
}

/** userAccountControl of a new account: NORMAL_ACCOUNT with ACCOUNTDISABLE. */
const UAC_NEW_ACCOUNT = 0x200 | UAC_ACCOUNT_DISABLE;

/** Where a person's account is and will be, for references from other accounts (manager). */
interface AccountState {
  /** DN before the plan runs; null for an account this plan creates. */
  readonly currentDn: string | null;
  /** DN once the plan has run. */
  readonly finalDn: string;
  /** The action that makes `finalDn` exist (its create or move), if any. */
  readonly madeBy: Draft | null;
  /** The account is deleted by this plan: nothing may refer to it. */
  readonly deleted: boolean;
}

/** The action phase's working state; local to one {@link draftAdActions} call. */
interface Drafter {
  readonly ctx: ActionContext;
  readonly drafts: Drafts;
  readonly findings: Finding[];
  /** Per person id. */
  readonly states: Map<string, AccountState>;
  /** The create or move draft of a work, when it has one. */
  readonly placed: Map<AccountWork, Draft>;
}

/** Writes down the actions for every account's work. */
export function draftAdActions(works: readonly AccountWork[], ctx: ActionContext): DraftedActions {
  const d: Drafter = { ctx, drafts: new Drafts(), findings: [], states: new Map(), placed: new Map() };
  for (const work of works) place(d, work);
  for (const work of works) draftWork(d, work);
  return { drafts: d.drafts.all, findings: d.findings };
}

/** Pass 1: creates and moves, and where every account ends up. */
function place(d: Drafter, work: AccountWork): void {
  switch (work.kind) {
    case 'create': {
      const created = d.drafts.add({
        action: 'create',
        personId: work.person.id,
        subject: work.person.id,
        account: { dn: work.dn, sAMAccountName: work.sAMAccountName, objectGuid: null },
        changes: createChanges(work),
        reasons: [
          ...work.desired.lifecycle.reasons,
          `no account carries employeeID ${work.person.employeeIds.join(' or ')}`,
          work.desired.ouReason,
          'created disabled',
          ...mappedReasons(work.desired),
        ],
      });
      d.placed.set(work, created);
      d.states.set(work.person.id, { currentDn: null, finalDn: work.dn, madeBy: created, deleted: false });
      break;
    }
    case 'keep':
    case 'retire': {
      const personId = work.person?.id ?? null;
      const moved = sameDn(work.finalDn, work.account.dn)
        ? null
        : d.drafts.add({
            action: 'move',
            personId,
            subject: personId ?? work.account.objectGuid,
            account: refOf(work.account),
            changes: [{ attribute: 'dn', before: work.account.dn, after: work.finalDn }],
            reasons: work.kind === 'keep' ? moveReasons(d, work) : [...work.reasons, 'disabled accounts are parked in the disabled OU'],
          });
      if (personId !== null) d.states.set(personId, { currentDn: work.account.dn, finalDn: work.finalDn, madeBy: moved, deleted: false });
      break;
    }
    case 'delete':
      d.states.set(work.person.id, { currentDn: work.account.dn, finalDn: work.account.dn, madeBy: null, deleted: true });
      break;
    case 'reference':
      d.states.set(work.person.id, { currentDn: work.account.dn, finalDn: work.account.dn, madeBy: null, deleted: false });
      break;
    default:
      assertNever(work, 'work');
  }
}

/** Pass 2: everything else, per account. */
function draftWork(d: Drafter, work: AccountWork): void {
  switch (work.kind) {
    case 'create':
      draftCreated(d, work, d.placed.get(work) as Draft);
      break;
    case 'keep':
      draftKeep(d, work);
      break;
    case 'retire':
      draftRetire(d, work);
      break;
    case 'delete':
      d.drafts.add({ action: 'delete', personId: work.person.id, subject: work.person.id, account: refOf(work.account), reasons: [...work.reasons] });
      break;
    case 'reference':
      break;
    default:
      assertNever(work, 'work');
  }
}

function createChanges(work: Extract<AccountWork, { kind: 'create' }>): AttributeChange[] {
  const { desired } = work;
  const changes: AttributeChange[] = [
    { attribute: 'cn', before: null, after: work.cn },
    { attribute: 'sAMAccountName', before: null, after: work.sAMAccountName },
    { attribute: 'userPrincipalName', before: null, after: work.userPrincipalName },
    { attribute: 'mail', before: null, after: work.mail },
  ];
  for (const attribute of DESIRED_ATTRIBUTE_NAMES) {
    const value = desired.attributes[attribute];
    if (value !== null) changes.push({ attribute, before: null, after: value });
  }
  if (desired.description.managed && desired.description.value !== null) {
    changes.push({ attribute: 'description', before: null, after: desired.description.value });
  }
  for (const mapped of desired.mapped) {
    if (mapped.value !== null) changes.push({ attribute: mapped.attribute, before: null, after: mapped.value });
  }
  return changes;
}

/** Why each mapped attribute of a new account has its value: "physicalDeliveryOfficeName: custom field Locatie of contract 1001_1 is UTR". */
function mappedReasons(desired: DesiredAccount): string[] {
  return desired.mapped.filter((m) => m.value !== null).map((m) => `${m.attribute}: ${m.reasons.join('; ')}`);
}

function moveReasons(d: Drafter, work: Extract<AccountWork, { kind: 'keep' }>): string[] {
  const { account, desired } = work;
  const reasons: string[] = [];
  const fromOu = parentKey(account.dn);
  if (fromOu !== normaliseDn(desired.ou)) {
    if (fromOu === normaliseDn(d.ctx.settings.disabledOu)) {
      reasons.push(...desired.lifecycle.reasons, 'the account is in use again: back from the disabled OU');
    }
    reasons.push(desired.ouReason);
  }
  const newCn = firstRdnValue(work.finalDn) ?? '';
  if (newCn.toLowerCase() !== account.cn.toLowerCase()) {
    reasons.push(
      isCandidateOf(account.cn, desired.names.cn)
        ? `"${account.cn}" is taken in ${desired.ou}: the CN becomes "${newCn}"`
        : `the display name is now "${desired.attributes.displayName ?? desired.cnBase}": the CN follows it`,
    );
  }
  return reasons;
}

/** The manager of a new account, its enable and its groups. */
function draftCreated(d: Drafter, work: Extract<AccountWork, { kind: 'create' }>, created: Draft): void {
  const { person, desired } = work;
  const ref: AccountRef = created.account;
  const manager = managerTarget(d, person.id, desired);
  if (manager !== null) {
    if (manager.currentDn !== null) {
      // Creates run before moves: the manager's DN as it is now; AD follows the later move.
      created.changes.push({ attribute: 'manager', before: null, after: manager.currentDn });
    } else {
      d.drafts.add({
        action: 'update',
        personId: person.id,
        subject: person.id,
        account: ref,
        changes: [{ attribute: 'manager', before: null, after: manager.finalDn }],
        reasons: [`manager is person ${desired.managerPersonId ?? ''}, whose account is created in this plan`],
        dependsOn: [created, ...(manager.madeBy ? [manager.madeBy] : [])],
      });
    }
  }
  if (desired.enabled) {
    d.drafts.add({
      action: 'enable',
      personId: person.id,
      subject: person.id,
      account: ref,
      changes: [{ attribute: 'userAccountControl', before: String(UAC_NEW_ACCOUNT), after: String(UAC_NEW_ACCOUNT & ~UAC_ACCOUNT_DISABLE) }],
      reasons: [...desired.lifecycle.reasons],
      dependsOn: [created],
    });
  }
  for (const group of sortByDn(desired.groups)) {
    const rule = group.rules[0];
    d.drafts.add({
      action: 'grant',
      personId: person.id,
      subject: person.id,
      account: ref,
      changes: [{ attribute: 'memberOf', before: null, after: group.dn }],
      entitlement: group.dn,
      ...(rule === undefined ? {} : { rule }),
      reasons: [...group.reasons],
      dependsOn: [created],
    });
  }
}

/** An account that stays: update, enable, groups, disable (before the enable date). */
function draftKeep(d: Drafter, work: Extract<AccountWork, { kind: 'keep' }>): void {
  const { person, desired, account } = work;
  const ref = refOf(account, work.finalDn);
  const update = keepUpdate(d, work);
  // The name attributes wait for the rename: were they written without it, the next run would see no
  // name change left and never rename.
  const renamed = work.rename === null
    ? null
    : d.drafts.add({ action: 'rename', personId: person.id, subject: person.id, account: ref, changes: [...work.rename.changes], reasons: [...work.rename.reasons] });
  if (update.changes.length > 0) {
    d.drafts.add({ action: 'update', personId: person.id, subject: person.id, account: ref, ...update, dependsOn: [...update.dependsOn, ...(renamed ? [renamed] : [])] });
  }
  const enabled = isEnabled(account);
  if (desired.enabled && !enabled) {
    d.drafts.add({ action: 'enable', personId: person.id, subject: person.id, account: ref, changes: [uacChange(account, false)], reasons: [...desired.lifecycle.reasons] });
  }
  draftGroups(d.drafts, d.ctx.groups, { personId: person.id, ref, account, wanted: desired.groups, retireReasons: [] });
  if (!desired.enabled && enabled) {
    d.drafts.add({
      action: 'disable',
      personId: person.id,
      subject: person.id,
      account: ref,
      changes: [uacChange(account, true)],
      reasons: [...desired.lifecycle.reasons, 'the account stays disabled until the enable date'],
    });
  }
}

/** The attribute changes of an account that stays, with their reasons. */
function keepUpdate(
  d: Drafter,
  work: Extract<AccountWork, { kind: 'keep' }>,
): { readonly changes: AttributeChange[]; readonly reasons: string[]; readonly dependsOn: Draft[] } {
  const { person, desired, account } = work;
  const changes: AttributeChange[] = [];
  const reasons: string[] = [];
  const dependsOn: Draft[] = [];
  const changed: string[] = [];
  for (const attribute of DESIRED_ATTRIBUTE_NAMES) {
    const before = account[attribute];
    const after = desired.attributes[attribute];
    if (!sameAttributeValue(attribute, before, after)) {
      changes.push({ attribute, before, after });
      changed.push(attribute);
    }
  }
  if (changed.length > 0) reasons.push(...changeReasons(person.id, desired, changed));
  if (desired.description.managed) {
    if (!sameAttributeValue('description', account.description, desired.description.value)) {
      changes.push({ attribute: 'description', before: account.description, after: desired.description.value });
      reasons.push('description follows its template');
    }
  } else if (isDisableStamp(account.description)) {
    changes.push({ attribute: 'description', before: account.description, after: null });
    reasons.push('the account is in use again: the disable stamp is cleared');
  }
  for (const mapped of desired.mapped) {
    // A create-only mapping is the admin's to change afterwards.
    if (mapped.on === 'create') continue;
    const before = mappedValue(account, mapped.attribute);
    if (sameAttributeValue(mapped.attribute, before, mapped.value)) continue;
    changes.push({ attribute: mapped.attribute, before, after: mapped.value });
    reasons.push(`${mapped.attribute} follows its mapping: ${mapped.reasons.join('; ')}`);
  }
  for (const fill of work.fills) {
    changes.push({ attribute: fill.attribute, before: account[fill.attribute], after: fill.value });
    reasons.push(`${fill.attribute} was empty: set from the sAMAccountName`);
  }
  const manager = managerTarget(d, person.id, desired);
  if (manager !== null) {
    const current = account.manager;
    const right = (manager.currentDn !== null && sameDn(current, manager.currentDn)) || sameDn(current, manager.finalDn);
    if (!right) {
      changes.push({ attribute: 'manager', before: current, after: manager.finalDn });
      reasons.push(`manager is person ${desired.managerPersonId ?? ''}`);
      if (manager.madeBy) dependsOn.push(manager.madeBy);
    }
  }
  return { changes, reasons, dependsOn };
}

/** Why the desired attributes `changed` are written. */
function changeReasons(personId: string, desired: DesiredAccount, changed: readonly string[]): string[] {
  const reasons: string[] = [];
  if (changed.includes('employeeID')) reasons.push(`employeeID becomes person id ${personId} (the lowest employee id)`);
  const hrChanged = changed.filter((a) => a !== 'employeeID');
  if (hrChanged.length > 0) {
    const contract = desired.primaryContract ? ` (primary contract ${desired.primaryContract.id})` : '';
    reasons.push(`HR data changed: ${hrChanged.join(', ')}${contract}`);
  }
  return reasons;
}

/** A retiring account: its rule groups go, it is disabled and stamped once. */
function draftRetire(d: Drafter, work: Extract<AccountWork, { kind: 'retire' }>): void {
  const { person, account } = work;
  const ref = refOf(account, work.finalDn);
  const enabled = isEnabled(account);
  const parked = parentKey(account.dn) === normaliseDn(d.ctx.settings.disabledOu);
  const personId = person?.id ?? null;
  const subject = person?.id ?? account.objectGuid;
  // Stamp once, when the account is retired; after that the description is left alone.
  const stamp: AttributeChange[] =
    enabled || !parked || work.restamp === true ? [{ attribute: 'description', before: account.description, after: disableStamp(d.ctx.asOf, work.cause) }] : [];
  draftGroups(d.drafts, d.ctx.groups, { personId, ref, account, wanted: [], retireReasons: [...work.reasons] });
  if (enabled) {
    d.drafts.add({ action: 'disable', personId, subject, account: ref, changes: [uacChange(account, true), ...stamp], reasons: [...work.reasons] });
  } else if (stamp.length > 0 && !sameAttributeValue('description', account.description, stamp[0]?.after ?? null)) {
    d.drafts.add({ action: 'update', personId, subject, account: ref, changes: stamp, reasons: [...work.reasons, 'the account is retired: description stamped'] });
  }
}

/**
 * Where the person's manager's account is, or null when there is none to write (no manager known,
 * or one without a usable account: that is reported as a finding and the attribute is left alone).
 */
function managerTarget(d: Drafter, personId: string, desired: DesiredAccount): AccountState | null {
  if (desired.managerPersonId === null) return null;
  const state = d.states.get(desired.managerPersonId);
  if (state === undefined || state.deleted) {
    d.findings.push({
      severity: 'warning',
      code: 'unresolved-manager',
      employeeId: personId,
      message: `person ${personId}: manager ${desired.managerPersonId} has no (single, managed or unmanaged) AD account; the manager attribute is left as it is`,
    });
    return null;
  }
  return state;
}

function uacChange(account: AdAccount, disable: boolean): AttributeChange {
  const uac = account.userAccountControl;
  return {
    attribute: 'userAccountControl',
    before: String(uac),
    after: String(disable ? uac | UAC_ACCOUNT_DISABLE : uac & ~UAC_ACCOUNT_DISABLE),
  };
}
