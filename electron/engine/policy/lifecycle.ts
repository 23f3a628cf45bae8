import { addDays, daysBetween, type IsoDate } from '../model/iso-date';
import type { Contract } from '../model/person';
import { DEFAULT_BRIDGE_GAP_DAYS, type LifecyclePolicy } from '../model/policy';

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
  /** Why the account stays enabled through a gap between contracts, when it does (see bridgeGapDays). */
  readonly bridged?: string;
}

function createOffset(policy: LifecyclePolicy): number {
  return Math.max(policy.createDaysBeforeStart, policy.enableDaysBeforeStart);
}

function deleteOffset(policy: LifecyclePolicy): number {
  return Math.max(policy.deleteDaysAfterEnd, policy.disableDaysAfterEnd);
}

/**
 * The windows of `contract` under `policy`; see {@link ContractWindows}. A bridged contract (see
 * {@link contractBridges}) counts as lasting until the day before the next one starts.
 */
export function contractWindows(contract: Contract, policy: LifecyclePolicy, bridge?: Bridge): ContractWindows {
  const end = bridge ? bridge.until : contract.endDate;
  return {
    contractId: contract.id,
    createFrom: addDays(contract.startDate, -createOffset(policy)),
    enableFrom: addDays(contract.startDate, -policy.enableDaysBeforeStart),
    enabledUntil: end === null ? null : addDays(end, policy.disableDaysAfterEnd),
    existsUntil: end === null ? null : addDays(end, deleteOffset(policy)),
  };
}

const NO_BRIDGES: ReadonlyMap<Contract, Bridge> = new Map();

/** A short gap between a contract's end and the next contract's start, bridged by `bridgeGapDays`. */
export interface Bridge {
  readonly next: Contract;
  /** Days between the end and the next start, both excluded (Friday to Monday: 2). */
  readonly gapDays: number;
  /** The day before the next contract starts: the bridged contract counts as lasting until then. */
  readonly until: IsoDate;
}

/**
 * The contracts whose end is followed, within `bridgeGapDays` days, by the start of another
 * contract of the same person: the account stays enabled (and keeps what the contract's rules
 * grant) through the gap. Per contract, the nearest next start counts.
 */
export function contractBridges(contracts: readonly Contract[], policy: LifecyclePolicy): ReadonlyMap<Contract, Bridge> {
  const maxGap = policy.bridgeGapDays ?? DEFAULT_BRIDGE_GAP_DAYS;
  // A single contract has no next one: most persons, and planning asks for every person.
  if (maxGap <= 0 || contracts.length < 2) return NO_BRIDGES;
  const bridges = new Map<Contract, Bridge>();
  for (const contract of contracts) {
    const end = contract.endDate;
    if (end === null) continue;
    // A contract that already runs on the day after the end leaves no gap to bridge.
    if (contracts.some((c) => c !== contract && c.startDate <= end && (c.endDate === null || c.endDate > end))) continue;
    const next = contracts
      .filter((c) => c.startDate > end)
      .reduce<Contract | null>((best, c) => (best === null || c.startDate < best.startDate ? c : best), null);
    if (next === null) continue;
    const gapDays = daysBetween(end, next.startDate) - 1;
    if (gapDays >= 1 && gapDays <= maxGap) bridges.set(contract, { next, gapDays, until: addDays(next.startDate, -1) });
  }
  return bridges;
}

/** `reasons.join('; ')`, without a copy of the one reason almost every person has. */
function joinReasons(reasons: readonly string[]): string {
  return reasons.length === 1 ? (reasons[0] as string) : reasons.join('; ');
}

function within(asOf: IsoDate, from: IsoDate, until: IsoDate | null): boolean {
  return from <= asOf && (until === null || asOf <= until);
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function activeReason(c: Contract, asOf: IsoDate, policy: LifecyclePolicy, bridge?: Bridge): string {
  if (bridge && c.endDate !== null && asOf > c.endDate) {
    const gap = days(bridge.gapDays);
    return (
      `contract ${c.id} ended ${c.endDate} and contract ${bridge.next.id} starts ${bridge.next.startDate}: a gap of ${gap}, ` +
      `at most bridgeGapDays (${days(policy.bridgeGapDays ?? DEFAULT_BRIDGE_GAP_DAYS)}), so the account stays enabled and keeps its entitlements`
    );
  }
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
  const bridges = contractBridges(contracts, policy);
  const windows = contracts.map((c) => contractWindows(c, policy, bridges.get(c)));
  // One pass for the two lists every person needs (planning evaluates every person).
  const inCondition: Contract[] = [];
  const enabled: Contract[] = [];
  contracts.forEach((c, i) => {
    const w = windows[i] as ContractWindows;
    if (within(asOf, w.createFrom, w.enabledUntil)) inCondition.push(c);
    if (within(asOf, w.enableFrom, w.enabledUntil)) enabled.push(c);
  });
  if (enabled.length > 0) {
    const gap = enabled.find((c) => c.endDate !== null && asOf > c.endDate && bridges.has(c));
    const reasons = enabled.map((c) => activeReason(c, asOf, policy, bridges.get(c)));
    const evaluation: LifecycleEvaluation = { stage: 'active', reasons, cause: joinReasons(reasons), inCondition };
    return gap && enabled.length === 1 ? { bridged: activeReason(gap, asOf, policy, bridges.get(gap)), ...evaluation } : evaluation;
  }

  if (inCondition.length > 0) {
    const reasons = inCondition.map(
      (c) =>
        `contract ${c.id} starts ${c.startDate}; create ${days(createOffset(policy))} before start,` +
        ` enable from ${addDays(c.startDate, -policy.enableDaysBeforeStart)}`,
    );
    return { stage: 'prepare', reasons, cause: joinReasons(reasons), inCondition };
  }

  const existing = contracts.filter((_, i) => { const w = windows[i] as ContractWindows; return within(asOf, w.createFrom, w.existsUntil); });
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

  const upcoming = contracts.flatMap((c, i) => { const w = windows[i] as ContractWindows; return asOf < w.createFrom ? [{ c, w }] : []; });
  if (upcoming.length > 0) {
    const reasons = upcoming.map(
      ({ c, w }) =>
        `contract ${c.id} starts ${c.startDate}; create ${days(createOffset(policy))} before start (from ${w.createFrom})`,
    );
    const last = lastEnded(contracts);
    const cause = last ? `contract ${last.id} ended ${last.endDate}` : joinReasons(reasons);
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
