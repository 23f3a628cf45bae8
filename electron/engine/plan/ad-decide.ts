import type { AdPolicy, AdTargetSettings } from '../ad/ad-policy';
import { adNameProblems, desiredAccount, stampDate, type DesiredAccount, type DesiredResult } from '../ad/desired';
import { NameRegistry, type OtherNames, cnWithSuffix, MAX_NAME_SUFFIX, namesOfAccount } from '../ad/naming';
import { sameAttributeValue } from '../ad/attribute-value';
import { childDn, childKey, normaliseDn, parentKey } from '../ad/naming-dn';
import { addressFor, isCandidateOf, pickCn, pickLogonNames, type LogonPick } from '../ad/pick-names';
import { attributeCandidates } from '../policy/name-candidates';
import { isEnabled, type AdAccount } from '../model/ad-account';
import { assertNever } from '../model/assert-never';
import type { Finding } from '../model/finding';
import { addDays, type IsoDate } from '../model/iso-date';
import { DEFAULT_DELETE_GRACE_DAYS } from '../model/policy';
import { describeDoubt, type DoubtfulPerson, type Person } from '../model/person';
import type { AttributeChange, HeldPerson, UnmanagedAccount } from '../model/plan';
import type { AccountWork, AddressFill, AdDecisions, LogonRename } from './ad-work';
import { correlate, type Situation, type UnmanagedReason } from './correlate';

/**
 * Phase 1 of planning Active Directory: situations -> desired state. Correlates persons with
 * accounts, evaluates what each person should have, and settles every name (logon names, CNs in
 * their OUs), so that the next phase only compares and writes actions down.
 */

/** What the decide phase reads. */
export interface DecideAdInput {
  readonly persons: readonly Person[];
  /** Every user account read from the directory, managed or not (their names all count). */
  readonly accounts: readonly AdAccount[];
  readonly asOf: IsoDate;
  readonly policy: AdPolicy;
  readonly settings: AdTargetSettings;
  /**
   * The desired account of (some of) `persons`, worked out ahead with the same `asOf`, `policy` and
   * `settings` (`desiredAccounts`); any person not in it is worked out here. Keyed by the person object, so a
   * doubtful person's other reading (another object with the same id) is never taken for it.
   */
  readonly desired?: ReadonlyMap<Person, DesiredResult>;
  /**
   * Names held by groups, computers and contacts: sAMAccountNames share the namespace with users, and
   * addresses must not be handed out twice either.
   */
  readonly otherNames?: OtherNames;
  /**
   * Names of accounts the product deleted within `policy.retiredNameDays` (the retired-names list):
   * taken, so a leaver's logon name or address never goes to the next joiner.
   */
  readonly retiredNames?: OtherNames;
  /** Persons whose HR data is in doubt: their accounts are held (no action), and none is created. */
  readonly doubtful?: readonly DoubtfulPerson[];
  /**
   * Decide only for these person ids (their accounts included), and nothing for the rest: used to
   * plan a doubtful person's other reading against the whole directory's names.
   */
  readonly decideOnly?: ReadonlySet<string>;
  /**
   * False when the export is not known to be complete (a dataset the configuration allows to be
   * empty was empty): an account whose employee is in no export is then not retired, since
   * absence is no evidence.
   */
  readonly sourceComplete?: boolean;
  /**
   * When the app disabled an account, per lower-case objectGUID, from the run history: the delete
   * grace period counts from it when the account's disable stamp is missing.
   */
  readonly disabledOn?: ReadonlyMap<string, IsoDate>;
}

/** The decide phase's working state; local to one {@link decideAd} call. */
interface Decider {
  readonly input: DecideAdInput;
  readonly registry: NameRegistry;
  readonly disabledOu: string;
  readonly works: AccountWork[];
  readonly findings: Finding[];
  readonly unmanaged: UnmanagedAccount[];
}

/** Decides the work per account, in ascending person id order (see `correlate`). */
export function decideAd(input: DecideAdInput): AdDecisions {
  const decider: Decider = {
    input,
    registry: NameRegistry.fromAccounts(input.accounts, input.otherNames ?? {}, input.retiredNames ?? {}),
    disabledOu: normaliseDn(input.settings.disabledOu),
    works: [],
    findings: [],
    unmanaged: [],
  };
  const { held, accounts } = holdDoubtful(input.doubtful ?? [], input.accounts);
  for (const situation of correlate(input.persons, accounts, input.settings)) {
    if (input.decideOnly === undefined || concerns(situation, input.decideOnly)) decide(decider, situation);
  }
  // Creates have had their pick of addresses; empty addresses of existing accounts get what is left.
  const works = decider.works.map((work) => {
    if (work.kind !== 'keep' || work.rename !== null) return work;
    const fills = fillAddresses(decider, work.account, work.desired);
    // Almost every account has both addresses: its work stays as it is (fills already empty), not copied.
    return fills.length === 0 ? work : { ...work, fills };
  });
  return { works, findings: decider.findings, unmanaged: decider.unmanaged, held };
}

/**
 * Takes the accounts of doubtful persons out of correlation, so nothing is planned for them: not
 * retired as "in no export", not updated from data that may be wrong. Their names still count as
 * taken (the registry holds every account read).
 */
function holdDoubtful(
  doubtful: readonly DoubtfulPerson[],
  accounts: readonly AdAccount[],
): { readonly held: HeldPerson[]; readonly accounts: readonly AdAccount[] } {
  if (doubtful.length === 0) return { held: [], accounts };
  const { dns, rest } = accountsOfDoubtful(doubtful, accounts);
  const held = doubtful.map((person) => ({
    target: 'ad' as const,
    personId: person.personId,
    employeeIds: person.employeeIds,
    accounts: dns.get(person.personId) ?? [],
    reason: heldReason(person),
  }));
  return { held, accounts: rest };
}

/** The DNs of each doubtful person's accounts (by employeeID), and the accounts of nobody doubtful. */
export function accountsOfDoubtful(
  doubtful: readonly DoubtfulPerson[],
  accounts: readonly AdAccount[],
): { readonly dns: ReadonlyMap<string, readonly string[]>; readonly rest: readonly AdAccount[] } {
  const personOf = new Map<string, string>();
  for (const person of doubtful) for (const id of person.employeeIds) personOf.set(id, person.personId);
  const dns = new Map<string, string[]>(doubtful.map((p) => [p.personId, []]));
  const rest: AdAccount[] = [];
  for (const account of accounts) {
    const personId = account.employeeID === null ? undefined : personOf.get(account.employeeID.trim());
    if (personId === undefined) rest.push(account);
    else dns.get(personId)?.push(account.dn);
  }
  return { dns, rest };
}

/** True when a situation is about one of `personIds` (an account alone is about nobody). */
function concerns(situation: Situation, personIds: ReadonlySet<string>): boolean {
  switch (situation.kind) {
    case 'linked':
    case 'unlinked':
    case 'unmatched':
      return personIds.has(situation.person.id);
    case 'disputed':
      return situation.persons.some((p) => personIds.has(p.id));
    default:
      return false;
  }
}

/** "HR data for employee 100234 is unreadable (contracts row 1234: enddate '31-02-2027' is no date)" */
export function heldReason(person: DoubtfulPerson): string {
  return `HR data for employee ${person.personId} is unreadable (${person.doubts.map(describeDoubt).join('; ')}); nothing is changed for this person until HR corrects it`;
}

function decide(d: Decider, situation: Situation): void {
  switch (situation.kind) {
    case 'unmatched':
      decidePerson(d, situation.person, null);
      break;
    case 'linked':
      decidePerson(d, situation.person, situation.account);
      break;
    case 'unlinked':
      listUnmanaged(
        d,
        situation.account,
        `employeeID matches person ${situation.person.id}, but the account is outside the managed OUs; no account is created or changed for this person`,
      );
      d.works.push({ kind: 'reference', person: situation.person, account: situation.account });
      break;
    case 'disputed':
      decideDisputed(d, situation.persons, situation.accounts);
      break;
    case 'source-missing': {
      const { account } = situation;
      if (d.input.sourceComplete === false) {
        listUnmanaged(d, account, `employee ${account.employeeID?.trim() ?? ''} is in no export, but the export is not known to be complete (an empty dataset was allowed); the account is left as it is`);
      } else if (!isRetired(d, account)) {
        const cause = `employee ${account.employeeID?.trim() ?? ''} is in no export any more`;
        retire(d, null, account, cause, [cause]);
      }
      break;
    }
    case 'unmanaged':
      listUnmanaged(d, situation.account, unmanagedReason(situation.reason));
      break;
    default:
      assertNever(situation, 'situation');
  }
}

/** A person with or without an account: create, keep, retire or delete. */
function decidePerson(d: Decider, person: Person, account: AdAccount | null): void {
  const { asOf, policy, settings } = d.input;
  const result = d.input.desired?.get(person) ?? desiredAccount(person, asOf, policy, settings);
  d.findings.push(...result.findings);
  const desired = result.desired;
  if (desired === null) {
    if (account) listUnmanaged(d, account, `person ${person.id} cannot be provisioned (see findings)`);
    return;
  }
  if (account === null) {
    if (desired.exists) decideCreate(d, person, desired);
  } else if (desired.exists) {
    decideKeep(d, person, desired, account);
  } else if (desired.lifecycle.stage === 'delete' && isRetired(d, account)) {
    decideDelete(d, person, desired, account);
  } else {
    const later =
      desired.lifecycle.stage === 'delete' ? ['it is deleted by a later run, once it is disabled and in the disabled OU'] : [];
    retire(d, person, account, desired.lifecycle.cause, [...desired.lifecycle.reasons, ...later]);
  }
}

/**
 * A retired account whose contracts say "delete": deleted only once the grace period since it was
 * really disabled (its stamp, else the run history) has passed too, so a contract end HR records
 * late never deletes an account the day after it was disabled. With neither there is no evidence
 * of when: the account is stamped now and the grace period starts today.
 */
function decideDelete(d: Decider, person: Person, desired: DesiredAccount, account: AdAccount): void {
  const stamped = stampDate(account.description);
  // The stamp first; without it, the run that disabled it (from history); else nothing is known.
  const disabledOn = stamped ?? d.input.disabledOn?.get(account.objectGuid.toLowerCase()) ?? null;
  if (disabledOn === null) {
    retire(d, person, account, desired.lifecycle.cause, [
      ...desired.lifecycle.reasons,
      'no disable stamp says when the account was disabled: it is stamped now, and deleted once the grace period has passed',
    ], true);
    return;
  }
  const graceDays = d.input.policy.lifecycle.deleteGraceDays ?? DEFAULT_DELETE_GRACE_DAYS;
  const deleteFrom = addDays(disabledOn, graceDays);
  if (d.input.asOf < deleteFrom) return;
  d.works.push({
    kind: 'delete',
    person,
    account,
    reasons: [
      ...desired.lifecycle.reasons,
      `disabled on ${disabledOn}${stamped === null ? ' (from the run history: the disable stamp is missing)' : ''}; deleted no earlier than ${graceDays} days after that (from ${deleteFrom})`,
      'the account is disabled and in the disabled OU',
    ],
  });
}

function decideDisputed(d: Decider, persons: readonly Person[], accounts: readonly AdAccount[]): void {
  const ids = persons.map((p) => p.id).join(', ');
  const dns = accounts.map((a) => a.dn).join('; ');
  d.findings.push({
    severity: 'error',
    code: 'disputed-account',
    employeeId: persons[0]?.id ?? null,
    message:
      `person${persons.length > 1 ? 's' : ''} ${ids} correlate${persons.length > 1 ? '' : 's'} with ` +
      `${accounts.length} accounts (${dns}); none of them is changed until only one carries the employeeID`,
  });
  for (const account of accounts) listUnmanaged(d, account, `disputed: correlates with person(s) ${ids} together with other accounts`);
}

function decideCreate(d: Decider, person: Person, desired: DesiredAccount): void {
  const pick = pickLogonNames(d.registry, desired.names);
  if (pick.kind !== 'picked') {
    d.findings.push(logonProblem(person, desired, pick));
    return;
  }
  const names = pick.names;
  const cn = pickCn(d.registry, desired.ou, attributeCandidates(desired.names.cn), null);
  if (cn === null) {
    namingExhausted(d, person.id, `person ${person.id}: no free CN for "${desired.cnBase}" in ${desired.ou}; no account is created`);
    return;
  }
  const problems = adNameProblems({ ...names, cn });
  if (problems.length > 0) {
    d.findings.push({ severity: 'error', code: 'invalid-attribute', employeeId: person.id, message: `person ${person.id}: ${problems.join('; ')}; no account is created` });
    return;
  }
  d.works.push({ kind: 'create', person, desired, dn: childDn(cn, desired.ou), cn, ...names });
}

/** Why no logon names could be picked, in words. */
function logonProblem(person: Person, desired: DesiredAccount, pick: Exclude<LogonPick, { kind: 'picked' }>): Finding {
  const name = `"${desired.logonGivenName} ${desired.logonFamilyName}"`.replace(/ "$/, '"');
  if (pick.kind === 'no-letters') {
    return {
      severity: 'error',
      code: 'invalid-attribute',
      employeeId: person.id,
      message: `person ${person.id}: the name ${name} has no Latin letters (nor letters that transliterate to them), so no logon name can be made; no account is created`,
    };
  }
  return {
    severity: 'error',
    code: 'naming-exhausted',
    employeeId: person.id,
    message: `person ${person.id}: no free ${pick.attribute} for ${name} (every candidate of the naming convention is taken); no account is created`,
  };
}

function decideKeep(d: Decider, person: Person, desired: DesiredAccount, account: AdAccount): void {
  const sameOu = parentKey(account.dn) === normaliseDn(desired.ou);
  // A CN the convention gives (a candidate or a numbered one) stays, so names never churn.
  const keep = sameOu && isCandidateOf(account.cn, desired.names.cn);
  const cn = keep ? account.cn : pickCn(d.registry, desired.ou, attributeCandidates(desired.names.cn), sameOu ? account.cn : null);
  let finalDn = account.dn;
  if (cn === null) {
    namingExhausted(d, person.id, `person ${person.id}: no free CN for "${desired.cnBase}" in ${desired.ou}; the account is not moved or renamed`);
  } else if (!isAt(account.dn, cn, desired.ou)) {
    finalDn = childDn(cn, desired.ou);
  }
  d.works.push({ kind: 'keep', person, desired, account, finalDn, fills: [], rename: decideRename(d, person, desired, account) });
}

/**
 * True when `dn` names the entry `cn` in `ou`: the very text `childDn` gives (almost every account a
 * preview keeps, and then its key needs no building), else the same key.
 */
function isAt(dn: string, cn: string, ou: string): boolean {
  return dn === childDn(cn, ou) || childKey(cn, ou) === normaliseDn(dn);
}

/**
 * Under the rename policy: new logon names when HR changed the person's name (the given name or family
 * name the account carries differs from HR's) and the convention no longer gives the account's
 * sAMAccountName. Picked as for a joiner, the account's own current names counting as free; the old
 * mail address stays an alias. A convention change alone (same names) never renames.
 */
function decideRename(d: Decider, person: Person, desired: DesiredAccount, account: AdAccount): LogonRename | null {
  if (d.input.policy.renameLogonNames !== true) return null;
  const changed = (['givenName', 'sn'] as const).filter((a) => !sameAttributeValue(a, account[a], desired.attributes[a]));
  if (changed.length === 0 || isCandidateOf(account.sAMAccountName, desired.names.sAMAccountName)) return null;
  const pick = pickLogonNames(d.registry, desired.names, namesOfAccount(account));
  if (pick.kind !== 'picked') {
    const problem = logonProblem(person, desired, pick);
    d.findings.push({ ...problem, severity: 'warning', message: problem.message.replace(/; no account is created$/, '; the account keeps its logon names') });
    return null;
  }
  const { names } = pick;
  const changes: AttributeChange[] = (['sAMAccountName', 'userPrincipalName', 'mail'] as const)
    .filter((a) => (account[a] ?? '').toLowerCase() !== names[a].toLowerCase())
    .map((a) => ({ attribute: a, before: account[a], after: names[a] }));
  const hr = changed.map((a) => `${a} "${account[a] ?? ''}" → "${desired.attributes[a] ?? ''}"`).join(', ');
  const reasons = [
    `HR changed the name (${hr}); the rename policy (policy.renameLogonNames) renames the logon names by the naming convention`,
    ...changes.map((c) => `${c.attribute} ${c.before ?? '(empty)'} → ${c.after}`),
  ];
  const oldMail = account.mail;
  if (oldMail && oldMail.toLowerCase() !== names.mail.toLowerCase()) {
    changes.push({ attribute: 'proxyAddresses', before: account.proxyAddresses, after: renamedProxyAddresses(account.proxyAddresses, oldMail, names.mail) });
    reasons.push(`the old address ${oldMail} stays as an alias (smtp:) in proxyAddresses; ${names.mail} becomes the primary (SMTP:)`);
  }
  return changes.length === 0 ? null : { changes, reasons };
}

/**
 * proxyAddresses after a rename: `SMTP:new` first (the primary), every other primary demoted to an
 * `smtp:` alias, the old mail kept as an alias, other kinds (`X500:`, `SIP:`) as they were.
 */
export function renamedProxyAddresses(current: readonly string[], oldMail: string, newMail: string): string[] {
  const isSmtp = (v: string): boolean => v.slice(0, 5).toLowerCase() === 'smtp:';
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const rest = current.filter((v) => !(isSmtp(v) && same(v.slice(5), newMail))).map((v) => (isSmtp(v) ? `smtp:${v.slice(5)}` : v));
  if (!rest.some((v) => isSmtp(v) && same(v.slice(5), oldMail))) rest.push(`smtp:${oldMail}`);
  return [`SMTP:${newMail}`, ...rest];
}

/** Decides where a retiring account goes, reserving its CN in the disabled OU. */
function retire(d: Decider, person: Person | null, account: AdAccount, cause: string, reasons: readonly string[], restamp = false): void {
  const { disabledOu } = d.input.settings;
  let finalDn = account.dn;
  if (parentKey(account.dn) !== d.disabledOu) {
    // Keep the CN if the disabled OU has room for it; else number it from its unnumbered form.
    const base = account.cn.replace(/ \d+$/, '');
    const cn = pickCn(d.registry, disabledOu, disabledCandidates(account.cn, base), null);
    if (cn === null) {
      namingExhausted(d, person?.id ?? account.employeeID ?? account.objectGuid, `no free CN for "${account.cn}" in ${disabledOu}; the account is disabled where it is`);
    } else {
      finalDn = childDn(cn, disabledOu);
    }
  }
  d.works.push({ kind: 'retire', person, account, finalDn, cause, reasons, ...(restamp ? { restamp } : {}) });
}

/** Logon names never change once set; an empty UPN or mail is filled in by the convention, if still free. */
function fillAddresses(d: Decider, account: AdAccount, desired: DesiredAccount): AddressFill[] {
  const fills: AddressFill[] = [];
  for (const attribute of ['userPrincipalName', 'mail'] as const) {
    if (account[attribute] !== null && account[attribute] !== '') continue;
    const own = [account.userPrincipalName, account.mail].flatMap((a) => (a ? [a] : []));
    const value = addressFor(d.registry, desired.names[attribute], account.sAMAccountName, own);
    if (value !== null) {
      d.registry.reserveAddress(value);
      fills.push({ attribute, value });
    }
  }
  return fills;
}

/**
 * The CNs tried for an account parked in the disabled OU: its own, else its unnumbered form with
 * " 2", " 3", …. Lazily: almost every account gets its first candidate.
 */
function* disabledCandidates(own: string, base: string): Generator<string> {
  yield own;
  for (let n = 1; n <= MAX_NAME_SUFFIX; n++) yield cnWithSuffix(base, n);
}

/** Disabled and parked: nothing more to retire. */
function isRetired(d: Decider, account: AdAccount): boolean {
  return !isEnabled(account) && parentKey(account.dn) === d.disabledOu;
}

function namingExhausted(d: Decider, personId: string, message: string): void {
  d.findings.push({ severity: 'error', code: 'naming-exhausted', employeeId: personId, message });
}

function listUnmanaged(d: Decider, account: AdAccount, reason: string): void {
  d.unmanaged.push({ target: 'ad', dn: account.dn, sAMAccountName: account.sAMAccountName, employeeID: account.employeeID, reason });
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
