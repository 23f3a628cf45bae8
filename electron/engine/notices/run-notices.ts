import { addDays, type IsoDate } from '../model/iso-date';
import type { Person } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import type { AttributeValue } from '../model/plan';
import type { RunRecord } from '../model/run';
import type { ItRunStatus, Notice, NoticeLanguage } from './notice';

/**
 * Which notices a run gives: pure, over the run, the persons of its import and the addresses read
 * from the directory. A notice whose recipient has no known address is not made (and so not sent).
 */

/** An account's name and address, by employeeID. */
export interface AccountAddress {
  readonly sAMAccountName: string;
  readonly mail: string | null;
}

/** Everything {@link runNotices} needs. */
export interface RunNoticesInput {
  readonly run: RunRecord;
  readonly persons: readonly Person[];
  readonly accounts: ReadonlyMap<string, AccountAddress>;
  readonly lifecycle: LifecyclePolicy;
  /** Tell a leaver's manager this many days before the last working day. */
  readonly leaverNoticeDays: number;
  readonly itAddress: string | null;
  readonly languages: { readonly managers: NoticeLanguage; readonly it: NoticeLanguage };
}

function displayName(person: Person): string {
  const n = person.name;
  return [n.nickname || n.givenName, n.familyNamePrefix, n.familyName].filter(Boolean).join(' ');
}

function accountOf(person: Person, accounts: ReadonlyMap<string, AccountAddress>): AccountAddress | undefined {
  for (const id of person.employeeIds) {
    const account = accounts.get(id);
    if (account) return account;
  }
  return undefined;
}

/** The address of `person`'s manager: the manager's account mail, else their business e-mail from HR. */
function managerAddress(person: Person, byId: ReadonlyMap<string, Person>, accounts: ReadonlyMap<string, AccountAddress>): string | null {
  const primary = person.contracts.find((c) => c.id === person.primaryContractId);
  const managerId = primary?.managerPersonId ?? person.contracts.find((c) => c.managerPersonId !== null)?.managerPersonId ?? null;
  const manager = managerId === null ? undefined : byId.get(managerId);
  if (!manager) return null;
  return accountOf(manager, accounts)?.mail ?? (manager.businessEmail || null);
}

/** The last working day of a person whose every contract has an end date; null while one is open-ended. */
function lastWorkingDay(person: Person): IsoDate | null {
  if (person.contracts.length === 0 || person.contracts.some((c) => c.endDate === null)) return null;
  return person.contracts.reduce<IsoDate>((last, c) => (c.endDate !== null && c.endDate > last ? c.endDate : last), '');
}

function textOf(value: AttributeValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Every notice run `input.run` gives. */
export function runNotices(input: RunNoticesInput): readonly Notice[] {
  const { run, lifecycle, languages } = input;
  const byId = new Map<string, Person>();
  for (const person of input.persons) for (const id of [person.id, ...person.employeeIds]) byId.set(id, person);
  const notices: Notice[] = [];
  const toManager = (person: Person, key: string, content: Notice['content']): void => {
    const to = managerAddress(person, byId, input.accounts);
    if (to) notices.push({ key, to, language: languages.managers, content });
  };

  for (const person of input.persons) {
    const last = lastWorkingDay(person);
    const account = accountOf(person, input.accounts);
    if (last === null || !account || last < run.asOf || last > addDays(run.asOf, input.leaverNoticeDays)) continue;
    toManager(person, `leaver-upcoming:${person.id}:${last}`, {
      kind: 'leaver-upcoming',
      personName: displayName(person),
      account: account.sAMAccountName,
      lastDay: last,
      disableOn: addDays(last, lifecycle.disableDaysAfterEnd + 1),
      deleteOn: addDays(last, Math.max(lifecycle.deleteDaysAfterEnd, lifecycle.disableDaysAfterEnd) + 1),
    });
  }

  const byAction = new Map(run.actions.map((a) => [a.id, a]));
  for (const outcome of run.outcomes) {
    const action = byAction.get(outcome.actionId);
    const person = action?.personId ? byId.get(action.personId) : undefined;
    if (!action || !person) continue;
    if (action.action === 'disable' && outcome.outcome === 'updated') {
      toManager(person, `leaver-done:${person.id}:${run.runId}`, { kind: 'leaver-done', personName: displayName(person), account: action.account.sAMAccountName, doneOn: run.asOf });
    }
    if (action.action === 'rename' && outcome.outcome === 'updated') {
      const after = (attribute: string): string | null => textOf(action.changes.find((c) => c.attribute === attribute)?.after);
      const before = (attribute: string): string | null => textOf(action.changes.find((c) => c.attribute === attribute)?.before);
      const account = after('sAMAccountName') ?? action.account.sAMAccountName;
      toManager(person, `renamed:${person.id}:${account}:${after('mail') ?? ''}`, {
        kind: 'renamed',
        personName: displayName(person),
        oldAccount: before('sAMAccountName') ?? action.account.sAMAccountName,
        account,
        oldMail: after('mail') === null ? null : before('mail'),
        mail: after('mail'),
      });
    }
    if (action.action === 'create' && outcome.outcome === 'created') {
      const start = person.contracts.map((c) => addDays(c.startDate, -lifecycle.enableDaysBeforeStart)).filter((d) => d > run.asOf).sort()[0] ?? null;
      const mail = action.changes.find((c) => c.attribute === 'mail')?.after;
      toManager(person, `joiner-ready:${person.id}:${action.account.sAMAccountName}`, {
        kind: 'joiner-ready',
        personName: displayName(person),
        account: action.account.sAMAccountName,
        mail: typeof mail === 'string' ? mail : null,
        enableOn: start,
      });
    }
  }

  const it = itNotice(run, input.itAddress, languages.it);
  if (it) notices.push(it);
  return notices;
}

/** The IT summary of a run that failed, held actions for review or was stopped by the guard. */
function itNotice(run: RunRecord, to: string | null, language: NoticeLanguage): Notice | null {
  const held = run.safety?.heldForReview.length ?? 0;
  const failed = run.summary.failed;
  if (!to || (run.status === 'completed' && held === 0 && failed === 0)) return null;
  const status: ItRunStatus =
    run.status === 'stopped-by-guard' ? 'stopped-by-guard' : run.status === 'failed' ? 'failed' : held > 0 ? 'held-for-review' : 'actions-failed';
  const lines = [
    ...(run.error ? [run.error] : []),
    ...run.outcomes.filter((o) => o.outcome === 'failed').slice(0, 20).map((o) => `failed: ${o.actionId}: ${o.error ?? ''}`),
    ...(run.safety?.heldForReview ?? []).slice(0, 20).map((h) => `held for review: ${h.actionId}: ${h.reason}`),
    `See: history, and apply --approve ID,ID|all --comment "why" for held actions.`,
  ];
  const count = status === 'held-for-review' ? held : failed;
  return { key: `it-run:${run.runId}`, to, language, content: { kind: 'it-run', runId: run.runId, status, count, lines } };
}
