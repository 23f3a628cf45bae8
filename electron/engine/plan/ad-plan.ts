import { randomUUID } from 'node:crypto';
import type { AdPolicy, AdTargetSettings } from '../ad/ad-policy';
import {
  DESIRED_ATTRIBUTE_NAMES,
  adNameProblems,
  desiredAccount,
  disableStamp,
  isDisableStamp,
  type DesiredAccount,
} from '../ad/desired';
import { NameRegistry, type OtherNames, cnWithSuffix, isCnVariantOf, MAX_NAME_SUFFIX, samAccountNameCandidates } from '../ad/naming';
import { childDn, firstRdnValue, normaliseDn, parentDn, sameDn } from '../ad/naming-dn';
import { isEnabled, UAC_ACCOUNT_DISABLE, type AdAccount } from '../model/ad-account';
import type { Finding } from '../model/finding';
import type { IsoDate } from '../model/iso-date';
import type { Person } from '../model/person';
import type {
  AccountRef,
  AdAction,
  AdActionKind,
  AttributeChange,
  AttributeValue,
  Plan,
  UnmanagedAccount,
} from '../model/plan';
import { ACTION_KINDS, summarisePlan } from '../model/plan';
import { ruleGroups } from '../policy/rules';
import { assertNever } from './assert-never';
import { correlate, sortByDn, type UnmanagedReason } from './correlate';

/** Everything {@link planAd} needs: the read state of both sides and what the organisation wants. */
export interface PlanAdInput {
  readonly persons: readonly Person[];
  /** Every user account read from the directory, managed or not (their names all count). */
  readonly accounts: readonly AdAccount[];
  readonly asOf: IsoDate;
  readonly policy: AdPolicy;
  readonly settings: AdTargetSettings;
  /** Findings from reading and evaluating the source; passed through into the plan. */
  readonly findings?: readonly Finding[];
  /**
   * Names held by groups, computers and contacts: sAMAccountNames share the namespace with users, and
   * addresses must not be handed out twice either.
   */
  readonly otherNames?: OtherNames;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** The order apply executes action kinds in. */
export const AD_ACTION_ORDER: readonly AdActionKind[] = ACTION_KINDS.ad;

/** userAccountControl of a new account: NORMAL_ACCOUNT with ACCOUNTDISABLE. */
const UAC_NEW_ACCOUNT = 0x200 | UAC_ACCOUNT_DISABLE;

/** An action before it has its place (and so its id) in the plan. */
interface Draft {
  readonly action: AdActionKind;
  readonly personId: string | null;
  readonly account: AccountRef;
  readonly changes: AttributeChange[];
  readonly entitlement: string | null;
  readonly reasons: string[];
  readonly dependsOn: Draft[];
  /** Person id, or GUID for an account without person: the readable tail of the action id. */
  readonly subject: string;
}

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

/** Work for one person whose account the plan manages. */
type PersonWork =
  | {
      readonly kind: 'create';
      readonly person: Person;
      readonly desired: DesiredAccount;
      readonly dn: string;
      readonly cn: string;
      readonly sAMAccountName: string;
      readonly userPrincipalName: string;
      readonly mail: string;
    }
  | {
      readonly kind: 'keep';
      readonly person: Person;
      readonly desired: DesiredAccount;
      readonly account: AdAccount;
      readonly finalDn: string;
    }
  | {
      readonly kind: 'retire';
      readonly person: Person | null;
      readonly account: AdAccount;
      readonly finalDn: string;
      readonly cause: string;
      readonly reasons: readonly string[];
    }
  | {
      readonly kind: 'delete';
      readonly person: Person;
      readonly account: AdAccount;
      readonly reasons: readonly string[];
    };

/**
 * Plans the Active Directory changes that bring the directory in line with HR on `asOf`.
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

  const registry = NameRegistry.fromAccounts(input.accounts, input.otherNames);
  const managedGroups = new Set(ruleGroups(policy.rules).map(normaliseDn));
  const disabledOu = normaliseDn(settings.disabledOu);

  const findings: Finding[] = [...(input.findings ?? [])];
  const unmanaged: UnmanagedAccount[] = [];
  const works: PersonWork[] = [];
  const states = new Map<string, AccountState>();

  const listUnmanaged = (account: AdAccount, reason: string): void => {
    unmanaged.push({
      target: 'ad',
      dn: account.dn,
      sAMAccountName: account.sAMAccountName,
      employeeID: account.employeeID,
      reason,
    });
  };

  /**
   * A CN free in `ou` for an account: `preferred` when possible, else `base`, `base 2`, …. The
   * account's own current CN (`own`, when it stays in its OU) counts as free.
   */
  const pickCn = (ou: string, preferred: string | null, base: string, own: string | null): string | null => {
    const isFree = (cn: string): boolean =>
      (own !== null && cn.toLowerCase() === own.toLowerCase()) || !registry.isCnTaken(ou, cn);
    // Lazily: almost every account gets its first candidate, and 30,000 eager lists of 999
    // numbered CNs made this the slowest part of a preview.
    function* candidates(): Generator<string> {
      if (preferred !== null) yield preferred;
      for (let n = 1; n <= MAX_NAME_SUFFIX; n++) yield cnWithSuffix(base, n);
    }
    for (const cn of candidates()) {
      if (cn !== '' && isFree(cn)) {
        registry.reserveCn(ou, cn);
        return cn;
      }
    }
    return null;
  };

  const namingExhausted = (personId: string, message: string): void => {
    findings.push({ severity: 'error', code: 'naming-exhausted', employeeId: personId, message });
  };

  /** Decides where a retiring account goes, reserving its CN in the disabled OU. */
  const retire = (person: Person | null, account: AdAccount, cause: string, reasons: readonly string[]): void => {
    let finalDn = account.dn;
    if (parentDn(account.dn) !== disabledOu) {
      // Keep the CN if the disabled OU has room for it; else number it from its unnumbered form.
      const base = account.cn.replace(/ \d+$/, '');
      const cn = pickCn(settings.disabledOu, account.cn, base, null);
      if (cn === null) {
        namingExhausted(person?.id ?? account.employeeID ?? account.objectGuid, `no free CN for "${account.cn}" in ${settings.disabledOu}; the account is disabled where it is`);
      } else {
        finalDn = childDn(cn, settings.disabledOu);
      }
    }
    works.push({ kind: 'retire', person, account, finalDn, cause, reasons });
    if (person) states.set(person.id, { currentDn: account.dn, finalDn, madeBy: null, deleted: false });
  };

  // ---- Phase 1: situations -> per-person work, with every name settled (ascending person id).
  for (const situation of correlate(input.persons, input.accounts, settings)) {
    switch (situation.kind) {
      case 'unmatched':
      case 'linked': {
        const { person } = situation;
        const account = situation.kind === 'linked' ? situation.account : null;
        const result = desiredAccount(person, asOf, policy, settings);
        findings.push(...result.findings);
        const desired = result.desired;
        if (desired === null) {
          if (account) listUnmanaged(account, `person ${person.id} cannot be provisioned (see findings)`);
          break;
        }
        if (account === null) {
          if (desired.exists) planCreate(person, desired);
        } else if (desired.exists) {
          planKeep(person, desired, account);
        } else if (
          desired.lifecycle.stage === 'delete' &&
          !isEnabled(account) &&
          parentDn(account.dn) === disabledOu
        ) {
          works.push({
            kind: 'delete',
            person,
            account,
            reasons: [...desired.lifecycle.reasons, 'the account is disabled and in the disabled OU'],
          });
          states.set(person.id, { currentDn: account.dn, finalDn: account.dn, madeBy: null, deleted: true });
        } else {
          const later =
            desired.lifecycle.stage === 'delete'
              ? ['it is deleted by a later run, once it is disabled and in the disabled OU']
              : [];
          retire(person, account, desired.lifecycle.cause, [...desired.lifecycle.reasons, ...later]);
        }
        break;
      }
      case 'unlinked':
        listUnmanaged(
          situation.account,
          `employeeID matches person ${situation.person.id}, but the account is outside the managed OUs; no account is created or changed for this person`,
        );
        states.set(situation.person.id, {
          currentDn: situation.account.dn,
          finalDn: situation.account.dn,
          madeBy: null,
          deleted: false,
        });
        break;
      case 'disputed': {
        const ids = situation.persons.map((p) => p.id).join(', ');
        const dns = situation.accounts.map((a) => a.dn).join('; ');
        findings.push({
          severity: 'error',
          code: 'disputed-account',
          employeeId: situation.persons[0]?.id ?? null,
          message:
            `person${situation.persons.length > 1 ? 's' : ''} ${ids} correlate${situation.persons.length > 1 ? '' : 's'} with ` +
            `${situation.accounts.length} accounts (${dns}); none of them is changed until only one carries the employeeID`,
        });
        for (const account of situation.accounts) listUnmanaged(account, `disputed: correlates with person(s) ${ids} together with other accounts`);
        break;
      }
      case 'source-missing': {
        const { account } = situation;
        const alreadyRetired = !isEnabled(account) && parentDn(account.dn) === disabledOu;
        if (!alreadyRetired) {
          const cause = `employee ${account.employeeID?.trim() ?? ''} is in no export any more`;
          retire(null, account, cause, [cause]);
        }
        break;
      }
      case 'unmanaged':
        listUnmanaged(situation.account, unmanagedReason(situation.reason));
        break;
      default:
        assertNever(situation, 'situation');
    }
  }

  function planCreate(person: Person, desired: DesiredAccount): void {
    const names = registry.pickLogon(samAccountNameCandidates(desired.logonGivenName, desired.logonFamilyName), settings);
    if (names === null) {
      namingExhausted(person.id, `person ${person.id}: no free sAMAccountName / UPN / mail for "${desired.logonGivenName} ${desired.logonFamilyName}"; no account is created`);
      return;
    }
    const cn = pickCn(desired.ou, null, desired.cnBase, null);
    if (cn === null) {
      namingExhausted(person.id, `person ${person.id}: no free CN for "${desired.cnBase}" in ${desired.ou}; no account is created`);
      return;
    }
    const problems = adNameProblems({ ...names, cn });
    if (problems.length > 0) {
      findings.push({ severity: 'error', code: 'invalid-attribute', employeeId: person.id, message: `person ${person.id}: ${problems.join('; ')}; no account is created` });
      return;
    }
    const dn = childDn(cn, desired.ou);
    works.push({ kind: 'create', person, desired, dn, cn, ...names });
  }

  function planKeep(person: Person, desired: DesiredAccount, account: AdAccount): void {
    const sameOu = parentDn(account.dn) === normaliseDn(desired.ou);
    // A CN that is the display name or a numbered variant of it stays, so names never churn.
    const keep = sameOu && isCnVariantOf(account.cn, desired.cnBase);
    const cn = keep ? account.cn : pickCn(desired.ou, null, desired.cnBase, sameOu ? account.cn : null);
    let finalDn = account.dn;
    if (cn === null) {
      namingExhausted(person.id, `person ${person.id}: no free CN for "${desired.cnBase}" in ${desired.ou}; the account is not moved or renamed`);
    } else {
      const target = childDn(cn, desired.ou);
      if (!sameDn(target, account.dn)) finalDn = target;
    }
    works.push({ kind: 'keep', person, desired, account, finalDn });
  }

  // ---- Phase 2: drafts. Creates and moves first, so references to them (manager) can depend on them.
  const drafts: Draft[] = [];
  type Optional = 'changes' | 'reasons' | 'dependsOn' | 'entitlement';
  const draft = (d: Omit<Draft, Optional> & Partial<Pick<Draft, Optional>>): Draft => {
    const made: Draft = { changes: [], reasons: [], dependsOn: [], entitlement: null, ...d };
    drafts.push(made);
    return made;
  };
  const refOf = (account: AdAccount, dn: string = account.dn): AccountRef => ({
    dn,
    sAMAccountName: account.sAMAccountName,
    objectGuid: account.objectGuid,
  });

  const creates = new Map<PersonWork, Draft>();
  for (const work of works) {
    switch (work.kind) {
      case 'create': {
        const { person, desired } = work;
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
        const created = draft({
          action: 'create',
          personId: person.id,
          subject: person.id,
          account: { dn: work.dn, sAMAccountName: work.sAMAccountName, objectGuid: null },
          changes,
          reasons: [
            ...desired.lifecycle.reasons,
            `no account carries employeeID ${person.employeeIds.join(' or ')}`,
            desired.ouReason,
            'created disabled',
          ],
        });
        creates.set(work, created);
        states.set(person.id, { currentDn: null, finalDn: work.dn, madeBy: created, deleted: false });
        break;
      }
      case 'keep':
      case 'retire': {
        const personId = work.person?.id ?? null;
        if (work.kind === 'keep') {
          states.set(work.person.id, { currentDn: work.account.dn, finalDn: work.finalDn, madeBy: null, deleted: false });
        }
        if (sameDn(work.finalDn, work.account.dn)) break;
        const moved = draft({
          action: 'move',
          personId,
          subject: personId ?? work.account.objectGuid,
          account: refOf(work.account),
          changes: [{ attribute: 'dn', before: work.account.dn, after: work.finalDn }],
          reasons: work.kind === 'keep' ? moveReasons(work) : [...work.reasons, 'disabled accounts are parked in the disabled OU'],
        });
        if (personId !== null) states.set(personId, { currentDn: work.account.dn, finalDn: work.finalDn, madeBy: moved, deleted: false });
        break;
      }
      case 'delete':
        break;
      default:
        assertNever(work, 'work');
    }
  }

  function moveReasons(work: Extract<PersonWork, { kind: 'keep' }>): string[] {
    const { account, desired } = work;
    const reasons: string[] = [];
    const fromOu = parentDn(account.dn);
    if (fromOu !== normaliseDn(desired.ou)) {
      if (fromOu === disabledOu) reasons.push(...desired.lifecycle.reasons, 'the account is in use again: back from the disabled OU');
      reasons.push(desired.ouReason);
    }
    const newCn = firstRdnValue(work.finalDn) ?? '';
    if (newCn.toLowerCase() !== account.cn.toLowerCase()) {
      reasons.push(
        isCnVariantOf(account.cn, desired.cnBase)
          ? `"${account.cn}" is taken in ${desired.ou}: the CN becomes "${newCn}"`
          : `the display name is now "${desired.attributes.displayName ?? desired.cnBase}": the CN follows it`,
      );
    }
    return reasons;
  }

  /** The manager DN to write, or why none can be written. */
  const managerTarget = (
    desired: DesiredAccount,
  ): { readonly kind: 'unknown' } | { readonly kind: 'unresolved' } | { readonly kind: 'ok'; readonly state: AccountState } => {
    if (desired.managerPersonId === null) return { kind: 'unknown' };
    const state = states.get(desired.managerPersonId);
    if (state === undefined || state.deleted) return { kind: 'unresolved' };
    return { kind: 'ok', state };
  };
  const unresolvedManager = (personId: string, managerId: string): void => {
    findings.push({
      severity: 'warning',
      code: 'unresolved-manager',
      employeeId: personId,
      message: `person ${personId}: manager ${managerId} has no (single, managed or unmanaged) AD account; the manager attribute is left as it is`,
    });
  };

  for (const work of works) {
    switch (work.kind) {
      case 'create': {
        const created = creates.get(work) as Draft;
        const { person, desired } = work;
        const ref: AccountRef = created.account;
        const manager = managerTarget(desired);
        if (manager.kind === 'unresolved') unresolvedManager(person.id, desired.managerPersonId ?? '');
        if (manager.kind === 'ok') {
          if (manager.state.currentDn !== null) {
            // Creates run before moves: the manager's DN as it is now; AD follows the later move.
            created.changes.push({ attribute: 'manager', before: null, after: manager.state.currentDn });
          } else {
            draft({
              action: 'update',
              personId: person.id,
              subject: person.id,
              account: ref,
              changes: [{ attribute: 'manager', before: null, after: manager.state.finalDn }],
              reasons: [`manager is person ${desired.managerPersonId ?? ''}, whose account is created in this plan`],
              dependsOn: [created, ...(manager.state.madeBy ? [manager.state.madeBy] : [])],
            });
          }
        }
        if (desired.enabled) {
          draft({
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
          draft({
            action: 'grant',
            personId: person.id,
            subject: person.id,
            account: ref,
            changes: [{ attribute: 'memberOf', before: null, after: group.dn }],
            entitlement: group.dn,
            reasons: [...group.reasons],
            dependsOn: [created],
          });
        }
        break;
      }
      case 'keep': {
        const { person, desired, account } = work;
        const ref = refOf(account, work.finalDn);
        const changes: AttributeChange[] = [];
        const reasons: string[] = [];
        const dependsOn: Draft[] = [];
        const changed: string[] = [];
        for (const attribute of DESIRED_ATTRIBUTE_NAMES) {
          const before = account[attribute];
          const after = desired.attributes[attribute];
          if (!sameValue(before, after)) {
            changes.push({ attribute, before, after });
            changed.push(attribute);
          }
        }
        if (changed.includes('employeeID')) reasons.push(`employeeID becomes person id ${person.id} (the lowest employee id)`);
        const hrChanged = changed.filter((a) => a !== 'employeeID');
        if (hrChanged.length > 0) {
          const contract = desired.primaryContract ? ` (primary contract ${desired.primaryContract.id})` : '';
          reasons.push(`HR data changed: ${hrChanged.join(', ')}${contract}`);
        }
        if (desired.description.managed) {
          if (!sameValue(account.description, desired.description.value)) {
            changes.push({ attribute: 'description', before: account.description, after: desired.description.value });
            reasons.push('description follows its template');
          }
        } else if (isDisableStamp(account.description)) {
          changes.push({ attribute: 'description', before: account.description, after: null });
          reasons.push('the account is in use again: the disable stamp is cleared');
        }
        // Logon names never change once set; an empty UPN or mail is filled in, if still free.
        for (const [attribute, value] of [
          ['userPrincipalName', `${account.sAMAccountName}@${settings.upnSuffix}`],
          ['mail', `${account.sAMAccountName}@${settings.mailDomain}`],
        ] as const) {
          if (account[attribute] !== null && account[attribute] !== '') continue;
          const own = [account.userPrincipalName, account.mail].some((a) => a?.toLowerCase() === value.toLowerCase());
          if (own || !registry.isAddressTaken(value)) {
            registry.reserveAddress(value);
            changes.push({ attribute, before: account[attribute], after: value });
            reasons.push(`${attribute} was empty: set from the sAMAccountName`);
          }
        }
        const manager = managerTarget(desired);
        if (manager.kind === 'unresolved') unresolvedManager(person.id, desired.managerPersonId ?? '');
        if (manager.kind === 'ok') {
          const { state } = manager;
          const current = account.manager;
          const right = (state.currentDn !== null && sameDn(current, state.currentDn)) || sameDn(current, state.finalDn);
          if (!right) {
            changes.push({ attribute: 'manager', before: current, after: state.finalDn });
            reasons.push(`manager is person ${desired.managerPersonId ?? ''}`);
            if (state.madeBy) dependsOn.push(state.madeBy);
          }
        }
        if (changes.length > 0) {
          draft({ action: 'update', personId: person.id, subject: person.id, account: ref, changes, reasons, dependsOn });
        }
        const enabled = isEnabled(account);
        if (desired.enabled && !enabled) {
          draft({
            action: 'enable',
            personId: person.id,
            subject: person.id,
            account: ref,
            changes: [uacChange(account, false)],
            reasons: [...desired.lifecycle.reasons],
          });
        }
        planGroups(person.id, ref, account, desired.groups, []);
        if (!desired.enabled && enabled) {
          draft({
            action: 'disable',
            personId: person.id,
            subject: person.id,
            account: ref,
            changes: [uacChange(account, true)],
            reasons: [...desired.lifecycle.reasons, 'the account stays disabled until the enable date'],
          });
        }
        break;
      }
      case 'retire': {
        const { person, account } = work;
        const ref = refOf(account, work.finalDn);
        const enabled = isEnabled(account);
        const parked = parentDn(account.dn) === disabledOu;
        const personId = person?.id ?? null;
        const subject = person?.id ?? account.objectGuid;
        // Stamp once, when the account is retired; after that the description is left alone.
        const stamp: AttributeChange[] =
          enabled || !parked ? [{ attribute: 'description', before: account.description, after: disableStamp(asOf, work.cause) }] : [];
        planGroups(personId, ref, account, [], [...work.reasons]);
        if (enabled) {
          draft({
            action: 'disable',
            personId,
            subject,
            account: ref,
            changes: [uacChange(account, true), ...stamp],
            reasons: [...work.reasons],
          });
        } else if (stamp.length > 0 && !sameValue(account.description, stamp[0]?.after ?? null)) {
          draft({ action: 'update', personId, subject, account: ref, changes: stamp, reasons: [...work.reasons, 'the account is retired: description stamped'] });
        }
        break;
      }
      case 'delete':
        draft({
          action: 'delete',
          personId: work.person.id,
          subject: work.person.id,
          account: refOf(work.account),
          reasons: [...work.reasons],
        });
        break;
      default:
        assertNever(work, 'work');
    }
  }

  /** Grants and revokes for the rule groups: only groups some rule names are ever touched. */
  function planGroups(
    personId: string | null,
    ref: AccountRef,
    account: AdAccount,
    wanted: DesiredAccount['groups'],
    retireReasons: readonly string[],
  ): void {
    const current = new Map<string, string>();
    for (const dn of account.memberOf) {
      const key = normaliseDn(dn);
      if (managedGroups.has(key)) current.set(key, dn);
    }
    const wantedKeys = new Set(wanted.map((g) => normaliseDn(g.dn)));
    for (const group of sortByDn(wanted)) {
      if (current.has(normaliseDn(group.dn))) continue;
      draft({
        action: 'grant',
        personId,
        subject: personId ?? account.objectGuid,
        account: ref,
        changes: [{ attribute: 'memberOf', before: null, after: group.dn }],
        entitlement: group.dn,
        reasons: [...group.reasons],
      });
    }
    for (const [key, dn] of [...current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (wantedKeys.has(key)) continue;
      draft({
        action: 'revoke',
        personId,
        subject: personId ?? account.objectGuid,
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

  // ---- Phase 3: order by kind (stable within a kind), number, resolve dependencies.
  const ordered = AD_ACTION_ORDER.flatMap((kind) => drafts.filter((d) => d.action === kind));
  const ids = new Map<Draft, string>();
  ordered.forEach((d, i) => ids.set(d, `${String(i + 1).padStart(4, '0')}-${d.action}-${d.subject}`));
  const actions: AdAction[] = ordered.map((d) => ({
    id: ids.get(d) as string,
    target: 'ad',
    action: d.action,
    personId: d.personId,
    account: d.account,
    changes: d.changes,
    entitlement: d.entitlement,
    reasons: d.reasons,
    dependsOn: [...new Set(d.dependsOn.map((dep) => ids.get(dep) as string))],
  }));

  return {
    planId: newId(),
    asOf,
    createdAt: now().toISOString(),
    summary: summarisePlan(actions),
    actions,
    unmanaged,
    findings,
  };
}

function unmanagedReason(reason: UnmanagedReason): string {
  switch (reason) {
    case 'no-employee-id':
      return 'no employeeID: not an HR account';
    case 'outside-base-dn':
      return 'outside the base DN';
    case 'outside-managed-ous':
      return 'employeeID matches no person, and the account is outside the managed OUs';
    default:
      return assertNever(reason, 'reason');
  }
}

/** Equal for the directory: null and '' are the same (AD stores no empty strings). */
function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  const norm = (v: AttributeValue): string => (v === null ? '' : typeof v === 'string' ? v : [...v].join('\n'));
  return norm(a) === norm(b);
}

function uacChange(account: AdAccount, disable: boolean): AttributeChange {
  const uac = account.userAccountControl;
  return {
    attribute: 'userAccountControl',
    before: String(uac),
    after: String(disable ? uac | UAC_ACCOUNT_DISABLE : uac & ~UAC_ACCOUNT_DISABLE),
  };
}
