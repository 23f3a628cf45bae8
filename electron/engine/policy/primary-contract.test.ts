import { describe, expect, it } from 'vitest';
import type { ContractState } from '../model/person';
import { DEFAULT_PRIMARY_CONTRACT_ORDER } from '../model/policy';
import { choosePrimaryContract, type RankedContract } from './primary-contract';

function c(id: string, startDate: string, state: ContractState, inCondition: boolean, hoursPerWeek: number | null): RankedContract {
  return { id, startDate, state, inCondition, hoursPerWeek };
}

describe('choosePrimaryContract', () => {
  it('is null without contracts', () => {
    expect(choosePrimaryContract([], DEFAULT_PRIMARY_CONTRACT_ORDER)).toBeNull();
  });

  it('active-first decides over more hours', () => {
    const contracts = [c('1_1_1', '2020-01-01', 'ended', true, 36), c('2_1_1', '2024-01-01', 'active', true, 8)];
    expect(choosePrimaryContract(contracts, ['active-first', 'most-hours'])).toBe('2_1_1');
    expect(choosePrimaryContract(contracts, ['most-hours', 'active-first'])).toBe('1_1_1');
  });

  it('in-condition-first decides between contracts that are not active', () => {
    const contracts = [c('1_1_1', '2020-01-01', 'ended', false, 36), c('2_1_1', '2026-03-01', 'future', true, 8)];
    expect(choosePrimaryContract(contracts, ['active-first', 'in-condition-first', 'most-hours'])).toBe('2_1_1');
  });

  it('most-hours ranks unknown hours below zero hours', () => {
    const contracts = [c('1_1_1', '2024-01-01', 'active', true, null), c('1_2_1', '2024-01-01', 'active', true, 0),
      c('1_3_1', '2024-01-01', 'active', true, 24.5)];
    expect(choosePrimaryContract(contracts, ['most-hours'])).toBe('1_3_1');
    expect(choosePrimaryContract(contracts.slice(0, 2), ['most-hours'])).toBe('1_2_1');
  });

  it('earliest-start and latest-start decide on the start date', () => {
    const contracts = [c('1_2_1', '2024-01-01', 'active', true, 36), c('1_1_1', '2025-06-01', 'active', true, 36)];
    expect(choosePrimaryContract(contracts, ['earliest-start'])).toBe('1_2_1');
    expect(choosePrimaryContract(contracts, ['latest-start'])).toBe('1_1_1');
  });

  it('lowest-id compares ids numerically by part, and decides last whatever the order', () => {
    const contracts = [c('100_10_1', '2024-01-01', 'active', true, 36), c('100_9_1', '2024-01-01', 'active', true, 36),
      c('99_20_1', '2024-01-01', 'active', true, 36)];
    expect(choosePrimaryContract(contracts, ['lowest-id'])).toBe('99_20_1');
    expect(choosePrimaryContract(contracts.slice(0, 2), [])).toBe('100_9_1');
    expect(choosePrimaryContract([...contracts].reverse(), DEFAULT_PRIMARY_CONTRACT_ORDER)).toBe('99_20_1');
  });
});
