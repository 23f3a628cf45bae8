import type { Contract } from '../model/person';
import type { PrimaryContractCriterion } from '../model/policy';
import { compareContractIds } from '../visma/rows';

/** The contract fields the primary-contract criteria look at. */
export type RankedContract = Pick<Contract, 'id' | 'startDate' | 'state' | 'inCondition' | 'hoursPerWeek'>;

/** Negative when `a` should be preferred over `b` by this one criterion, 0 when it cannot tell. */
export function compareByCriterion(criterion: PrimaryContractCriterion, a: RankedContract, b: RankedContract): number {
  switch (criterion) {
    case 'active-first':
      return Number(b.state === 'active') - Number(a.state === 'active');
    case 'in-condition-first':
      return Number(b.inCondition) - Number(a.inCondition);
    case 'most-hours':
      // Unknown hours rank below any known number, zero included.
      return (b.hoursPerWeek ?? -1) - (a.hoursPerWeek ?? -1);
    case 'earliest-start':
      return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0;
    case 'latest-start':
      return a.startDate > b.startDate ? -1 : a.startDate < b.startDate ? 1 : 0;
    case 'lowest-id':
      return compareContractIds(a.id, b.id);
    default: {
      // Settings are validated where they are loaded; should an unknown criterion slip through, it
      // simply cannot tell contracts apart rather than stopping the run.
      const _unknown: never = criterion;
      return 0;
    }
  }
}

/**
 * Compares two contracts by the configured criteria in order; the first that tells them apart
 * decides. The lowest id decides last in any case, so the choice never depends on input order.
 */
export function comparePrimary(
  order: readonly PrimaryContractCriterion[],
  a: RankedContract,
  b: RankedContract,
): number {
  for (const criterion of order) {
    const c = compareByCriterion(criterion, a, b);
    if (c !== 0) return c;
  }
  return compareContractIds(a.id, b.id);
}

/** The id of the primary contract by the configured order; null when there are no contracts. */
export function choosePrimaryContract(
  contracts: readonly RankedContract[],
  order: readonly PrimaryContractCriterion[],
): string | null {
  let best: RankedContract | null = null;
  for (const contract of contracts) {
    if (best === null || comparePrimary(order, contract, best) < 0) best = contract;
  }
  return best === null ? null : best.id;
}
