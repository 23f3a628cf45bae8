import { addDays, type IsoDate } from '../model/iso-date';
import type { Contract } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';

/**
 * Where a person's account stands on the evaluation date.
 * - `none`: no account yet (every contract starts after its create window opens); an account that
 *   exists anyway is kept disabled and parked, never deleted (the person is coming).
 * - `prepare`: the account exists but stays disabled (created ahead of the start).
 * - `active`: the account exists and is enabled.
 * - `disabled`: every contract is past its end + disable offset, one is still within end + delete
 *   offset: disabled, parked in the disabled OU.
 * - `delete`: every contract is past its end + delete offset, or the person has no contracts left
 *   (they ended before the cut-off): the disabled account may be deleted.
 */
export type LifecycleStage = 'none' | 'prepare' | 'active' | 'disabled' | 'delete';

/**
 * The windows of one contract, all bounds inclusive, derived from the policy offsets.
 * `null` ends mean open-ended.
 *
 * - in condition: [start - create, end + disable]; the contract entitles its person to an account
 *   and to rule groups (the definition `Contract.inCondition` documents).
 * - enabled: [start - enable, end + disable].
 * - exists: [start - create, end + delete].
 *
 * Offsets are read as `create = max(createDays, enableDays)` and `delete = max(deleteDays,
 * disableDays)`, so an odd policy (enable before create, delete before disable) still gives
 * nested windows: enabled within in-condition within exists.
 */
export interface ContractWindows {
  readonly contractId: string;
  readonly createFrom: IsoDate;
  readonly enableFrom: IsoDate;
  /** Last day the account stays enabled; null for an open-ended contract. */
  readonly enabledUntil: IsoDate | null;
  /** Last day the account may still exist; null for an open-ended contract. */
  readonly existsUntil: IsoDate | null;
}

/** The lifecycle verdict for one person, with reasons an admin can check against HR. */
export interface LifecycleEvaluation {
  readonly stage: LifecycleStage;
  /** E.g. "contract 100234_1_1 ended 2026-11-26; disable 0 days after end". */
  readonly reasons: readonly string[];
  /** Short cause for the description stamp on disable, e.g. "contract 100234_1_1 ended 2026-11-26". */
  readonly cause: string;
  /** Contracts in condition on the evaluation date: the ones rules are matched against. */
  readonly inCondition: readonly Contract[];
}

function createOffset(policy: LifecyclePolicy): number {
  return Math.max(policy.createDaysBeforeStart, policy.enableDaysBeforeStart);
}

function deleteOffset(policy: LifecyclePolicy): number {
  return Math.max(policy.deleteDaysAfterEnd, policy.disableDaysAfterEnd);
}

/** The windows of `contract` under `policy`; see {@link ContractWindows}. */
export function contractWindows(contract: Contract, policy: LifecyclePolicy): ContractWindows {
  return {
    contractId: contract.id,
    createFrom: addDays(contract.startDate, -createOffset(policy)),
    enableFrom: addDays(contract.startDate, -policy.enableDaysBeforeStart),
    enabledUntil: contract.endDate === null ? null : addDays(contract.endDate, policy.disableDaysAfterEnd),
    existsUntil: contract.endDate === null ? null : addDays(contract.endDate, deleteOffset(policy)),
  };
}

function within(asOf: IsoDate, from: IsoDate, until: IsoDate | null): boolean {
  return from <= asOf && (until === null || asOf <= until);
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function activeReason(c: Contract, asOf: IsoDate, policy: LifecyclePolicy): string {
  if (asOf < c.startDate) {
    return `contract ${c.id} starts ${c.startDate}; enable ${days(policy.enableDaysBeforeStart)} before start`;
  }
  if (c.endDate === null) return `contract ${c.id} active since ${c.startDate}, no end date`;
  if (asOf <= c.endDate) return `contract ${c.id} active from ${c.startDate} to ${c.endDate}`;
  return (
    `contract ${c.id} ended ${c.endDate}; disable ${days(policy.disableDaysAfterEnd)} after end` +
    ` (enabled until ${addDays(c.endDate, policy.disableDaysAfterEnd)})`
  );
}

/** The contract with the latest end date (ties: highest id), among contracts that have one. */
function lastEnded(contracts: readonly Contract[]): (Contract & { readonly endDate: IsoDate }) | null {
  let last: (Contract & { readonly endDate: IsoDate }) | null = null;
  for (const c of contracts) {
    if (c.endDate === null) continue;
    if (last === null || c.endDate > last.endDate || (c.endDate === last.endDate && c.id > last.id)) {
      last = { ...c, endDate: c.endDate };
    }
  }
  return last;
}

/**
 * The lifecycle stage of a person on `asOf`, over ALL their contracts (not only the primary one):
 * 1. `active` when any contract is in its enabled window;
 * 2. else `prepare` when any contract is in condition (created ahead of the start, disabled);
 * 3. else `disabled` when any contract is still in its exists window (so past end + disable);
 * 4. else `none` when any contract has yet to open its create window (a future joiner or a
 *    returning employee: nothing is created and nothing is deleted);
 * 5. else `delete`: all contracts ended + delete offset ago, or none are left at all.
 */
export function evaluateLifecycle(
  contracts: readonly Contract[],
  asOf: IsoDate,
  policy: LifecyclePolicy,
): LifecycleEvaluation {
  const windows = contracts.map((c) => ({ c, w: contractWindows(c, policy) }));
  const inCondition = windows.filter(({ w }) => within(asOf, w.createFrom, w.enabledUntil)).map(({ c }) => c);

  const enabled = windows.filter(({ w }) => within(asOf, w.enableFrom, w.enabledUntil)).map(({ c }) => c);
  if (enabled.length > 0) {
    return {
      stage: 'active',
      reasons: enabled.map((c) => activeReason(c, asOf, policy)),
      cause: enabled.map((c) => activeReason(c, asOf, policy)).join('; '),
      inCondition,
    };
  }

  if (inCondition.length > 0) {
    const reasons = inCondition.map(
      (c) =>
        `contract ${c.id} starts ${c.startDate}; create ${days(createOffset(policy))} before start,` +
        ` enable from ${addDays(c.startDate, -policy.enableDaysBeforeStart)}`,
    );
    return { stage: 'prepare', reasons, cause: reasons.join('; '), inCondition };
  }

  const existing = windows.filter(({ w }) => within(asOf, w.createFrom, w.existsUntil)).map(({ c }) => c);
  if (existing.length > 0) {
    const last = lastEnded(existing);
    // Every contract in its exists window but out of condition has ended, so `last` is set.
    const cause = last ? `contract ${last.id} ended ${last.endDate}` : 'no contract in condition';
    const reasons = [
      `${cause}; disable ${days(policy.disableDaysAfterEnd)} after end`,
      ...(last
        ? [`delete ${days(deleteOffset(policy))} after end (from ${addDays(last.endDate, deleteOffset(policy) + 1)})`]
        : []),
    ];
    return { stage: 'disabled', reasons, cause, inCondition };
  }

  const upcoming = windows.filter(({ w }) => asOf < w.createFrom);
  if (upcoming.length > 0) {
    const reasons = upcoming.map(
      ({ c, w }) =>
        `contract ${c.id} starts ${c.startDate}; create ${days(createOffset(policy))} before start (from ${w.createFrom})`,
    );
    const last = lastEnded(contracts);
    const cause = last ? `contract ${last.id} ended ${last.endDate}` : reasons.join('; ');
    return { stage: 'none', reasons, cause, inCondition };
  }

  const last = lastEnded(contracts);
  if (last === null) {
    const cause = 'no contracts left in the export (all ended before the cut-off)';
    return { stage: 'delete', reasons: [cause], cause, inCondition };
  }
  const cause = `contract ${last.id} ended ${last.endDate}`;
  return {
    stage: 'delete',
    reasons: [`${cause}; delete ${days(deleteOffset(policy))} after end`],
    cause,
    inCondition,
  };
}
