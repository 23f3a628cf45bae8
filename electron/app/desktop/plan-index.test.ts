import { describe, expect, it } from 'vitest';
import type { ActionDto, ActionFiltersDto } from '../../shared/dto';
import { PlanIndex } from './plan-index';

function action(id: string, over: Partial<ActionDto>): ActionDto {
  return {
    id, target: 'ad', action: 'create', personId: id, personName: `Person ${id}`, orgUnit: 'ICT', account: { name: `p.${id}`, path: '', id: null },
    changes: [], entitlement: null, reasons: [], dependsOn: [], held: false, hrChanges: [], ...over,
  };
}

const actions = [
  action('1', { personName: 'Jan van den Berg', account: { name: 'j.vandenberg', path: '', id: null } }),
  action('2', { action: 'disable', orgUnit: 'Zorg', held: true }),
  action('3', { target: 'nedap-ons', action: 'set-duties', personName: 'Özlem Yılmaz', orgUnit: '' }),
];
const none: ActionFiltersDto = { target: '', action: '', orgUnit: '', status: '', search: '' };

describe('PlanIndex', () => {
  const index = new PlanIndex('p1', actions);
  const ids = (filters: Partial<ActionFiltersDto>): readonly string[] => index.ids({ ...none, ...filters });

  it('filters by target, action, org unit and status, and searches name, account and id, keeping plan order', () => {
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ target: 'nedap-ons' })).toEqual(['3']);
    expect(ids({ action: 'disable' })).toEqual(['2']);
    expect(ids({ orgUnit: 'ICT' })).toEqual(['1']);
    expect(ids({ status: 'held' })).toEqual(['2']);
    expect(ids({ status: 'ready' })).toEqual(['1', '3']);
    expect(ids({ search: '  VANDENBERG ' })).toEqual(['1']);
    expect(ids({ search: 'özlem' })).toEqual(['3']);
    expect(ids({ search: '2', orgUnit: 'ICT' })).toEqual([]);
  });

  it('combines filters, starting from any of them, and answers the same after other filters pushed it out of the kept answers', () => {
    const mixed = new PlanIndex('mixed', Array.from({ length: 60 }, (_, i) => action(String(i), {
      action: i % 3 === 0 ? 'disable' : 'update', orgUnit: i % 2 === 0 ? 'ICT' : 'Zorg', held: i % 5 === 0, personName: `Medewerker ${i}`,
    })));
    const wanted = { ...none, action: 'disable', orgUnit: 'ICT', status: 'held' as const };
    const expected = ['0', '30'];
    expect(mixed.ids(wanted)).toEqual(expected);
    for (let i = 0; i < 20; i += 1) mixed.ids({ ...none, search: String(i) });
    expect(mixed.ids(wanted)).toEqual(expected);
    expect(mixed.ids({ ...wanted, search: 'medewerker 3' })).toEqual(['30']);
    expect(mixed.ids({ ...wanted, orgUnit: 'Nowhere' })).toEqual([]);
    expect(mixed.page({ ...none, status: 'ready', orgUnit: 'Zorg' }, 0, 3).rows.map((a) => a.id)).toEqual(['1', '3', '7']);
  });

  it('answers a page of the matching actions with how many match in all', () => {
    expect(index.page(none, 1, 1)).toEqual({ planId: 'p1', offset: 1, matching: 3, rows: [actions[1]] });
    expect(index.page({ ...none, status: 'ready' }, 0, 10).rows.map((a) => a.id)).toEqual(['1', '3']);
    expect(index.page(none, 5, 10)).toMatchObject({ matching: 3, rows: [] });
  });

  it('offers the values of the filters, without blanks', () => {
    expect(index.options()).toEqual({ targets: ['ad', 'nedap-ons'], actions: ['create', 'disable', 'set-duties'], orgUnits: ['ICT', 'Zorg'] });
  });

  it('filters a plan of 35,000 actions by search, by action and by both', () => {
    // How fast is the bench's question (npm run bench:ui, in Chromium), not a test's: a timed test fails on a busy machine.
    const big = new PlanIndex('big', Array.from({ length: 35_000 }, (_, i) => action(String(i), { action: i % 7 === 0 ? 'disable' : 'update', personName: `Medewerker ${i}` })));
    expect(big.page({ ...none, search: 'medewerker 1234' }, 0, 100).matching).toBe(11);
    expect(big.page({ ...none, action: 'disable' }, 0, 100).matching).toBe(5000);
    const both = big.page({ ...none, action: 'disable', search: 'medewerker 12' }, 0, 100);
    expect(both.matching).toBe(158);
    expect(both.rows.every((a) => a.action === 'disable' && a.personName.toLowerCase().includes('medewerker 12'))).toBe(true);
  });
});
