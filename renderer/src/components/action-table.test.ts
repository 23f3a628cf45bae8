import { describe, expect, it } from 'vitest';
import type { ActionDto } from '../../../electron/shared/dto';
import { filterActions, searchText } from './action-table';
import type { ActionFilters } from './action-table';

function action(id: string, over: Partial<ActionDto>): ActionDto {
  return {
    id, target: 'ad', action: 'create', personId: id, personName: `Person ${id}`, orgUnit: 'ICT', account: { name: `p.${id}`, path: '', id: null },
    changes: [], entitlement: null, reasons: [], dependsOn: [], held: false, hrChanges: [], ...over,
  };
}

const plan = [
  action('1', { personName: 'Jan van den Berg', account: { name: 'j.vandenberg', path: '', id: null } }),
  action('2', { action: 'disable', orgUnit: 'Zorg', held: true }),
  action('3', { target: 'nedap-ons', action: 'set-duties', personName: 'Özlem Yılmaz' }),
];
const texts = plan.map(searchText);
const none: ActionFilters = { target: '', action: '', orgUnit: '', status: '', search: '' };
const ids = (filters: Partial<ActionFilters>): string[] => filterActions(plan, texts, { ...none, ...filters }).map((a) => a.id);

describe('filterActions', () => {
  it('filters by target, action, org unit and status, and searches name, account and id, keeping plan order', () => {
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ target: 'nedap-ons' })).toEqual(['3']);
    expect(ids({ action: 'disable' })).toEqual(['2']);
    expect(ids({ orgUnit: 'ICT' })).toEqual(['1', '3']);
    expect(ids({ status: 'held' })).toEqual(['2']);
    expect(ids({ status: 'ready' })).toEqual(['1', '3']);
    expect(ids({ search: '  VANDENBERG ' })).toEqual(['1']);
    expect(ids({ search: 'özlem' })).toEqual(['3']);
    expect(ids({ search: '2', orgUnit: 'ICT' })).toEqual([]);
  });
});
