import { describe, expect, it } from 'vitest';
import { generateVismaData } from '../visma-hrm/generate';
import { nedapSeedFromVisma } from './generate';

describe('nedapSeedFromVisma', () => {
  it('makes one employee per Visma employment, leaving every 25th out', () => {
    const visma = generateVismaData({ seed: 7, employees: 150, asOf: '2026-11-30' });
    const employments = new Set(visma.contracts.map((r) => `${r.employeeid}-${r.contractid}`));
    const seed = nedapSeedFromVisma(visma.contracts);
    const ids = seed.employees.map((e) => e.identificationNo);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id !== undefined && employments.has(id))).toBe(true);
    expect(employments.size - ids.length).toBe(Math.floor(employments.size / 25));
  });
});
