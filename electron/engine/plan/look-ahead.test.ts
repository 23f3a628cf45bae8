import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import { contract, person } from './ad-plan.fixtures';
import { lookAhead } from './look-ahead';

describe('look-ahead', () => {
  it('shows a contract start and an end on their days, grouped by day', () => {
    const joiner = person({ id: '200001', contracts: [contract({ id: '200001_1_1', employeeId: '200001', startDate: '2026-12-07', endDate: null })] });
    const leaver = person({ id: '100234', contracts: [contract({ id: '100234_1_1', startDate: '2020-01-01', endDate: '2026-12-03' })] });
    const days = lookAhead([joiner, leaver], '2026-11-27', 14, DEFAULT_LIFECYCLE);
    const flat = days.flatMap((d) => d.events.map((e) => [d.date, e.personId, e.kind]));
    expect(flat).toEqual([
      // Created 7 days before the start, disabled; enabled on the first day.
      ['2026-11-30', '200001', 'create'],
      ['2026-12-03', '100234', 'last-day'],
      ['2026-12-04', '100234', 'disable'],
      ['2026-12-07', '200001', 'enable'],
    ]);
    expect(days.find((d) => d.date === '2026-12-04')?.events[0]?.description).toBe(
      'account disabled and moved to the disabled OU: contract 100234_1_1 ended 2026-12-03',
    );
    expect(days.find((d) => d.date === '2026-12-07')?.events[0]?.description).toContain('contract 200001_1_1');
  });

  it('shows the delete after the delete offset, and nothing for a contract that goes on', () => {
    const leaver = person({ id: '100234', contracts: [contract({ id: '100234_1_1', startDate: '2020-01-01', endDate: '2026-11-20' })] });
    const mover = person({
      id: '100300',
      contracts: [
        contract({ id: '100300_1_1', employeeId: '100300', startDate: '2020-01-01', endDate: '2026-11-30' }),
        contract({ id: '100300_1_2', employeeId: '100300', startDate: '2026-12-01', endDate: null }),
      ],
    });
    const days = lookAhead([leaver, mover], '2026-11-27', 30, DEFAULT_LIFECYCLE);
    expect(days.flatMap((d) => d.events.map((e) => [d.date, e.personId, e.kind]))).toEqual([['2026-12-21', '100234', 'delete']]);
  });

  it('agrees with the plan on a bridged gap: a Friday end and a Monday start is no leave', () => {
    const weekend = person({
      id: '100234',
      contracts: [
        contract({ id: '100234_1_1', startDate: '2020-01-01', endDate: '2026-12-04' }),
        contract({ id: '100234_1_2', startDate: '2026-12-07', endDate: null }),
      ],
    });
    expect(lookAhead([weekend], '2026-11-27', 14, DEFAULT_LIFECYCLE)).toEqual([]);
    // Without bridging it is a leave over the weekend.
    const unbridged = lookAhead([weekend], '2026-11-27', 14, { ...DEFAULT_LIFECYCLE, bridgeGapDays: 0 });
    expect(unbridged.flatMap((d) => d.events.map((e) => [d.date, e.kind]))).toEqual([
      ['2026-12-04', 'last-day'],
      ['2026-12-05', 'disable'],
      ['2026-12-07', 'enable'],
    ]);
  });
});
