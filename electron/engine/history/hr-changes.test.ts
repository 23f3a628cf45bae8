import { describe, expect, it } from 'vitest';
import { contract, name, person } from '../plan/ad-plan.fixtures';
import { hrChanges } from './hr-changes';

describe('why-links from HR changes', () => {
  it('names a mover\'s org unit change on the contract, with the date it took effect', () => {
    const before = person({ id: '1008', contracts: [contract({ id: '1008_1_1', employeeId: '1008', orgUnit: { id: 'OE20', name: 'Care' } })] });
    const after = person({ id: '1008', contracts: [contract({ id: '1008_1_1', employeeId: '1008', orgUnit: { id: 'OE10', name: 'ICT' } })] });
    expect(hrChanges(before, after, '2026-11-01')).toEqual(['org unit OE20 → OE10 on contract 1008_1_1, effective 2026-11-01']);
  });

  it('names a leaver\'s end date, as ended once it passed and as coming before', () => {
    const open = person({ id: '1006', contracts: [contract({ id: '1006_1_1', employeeId: '1006' })] });
    const ending = person({ id: '1006', contracts: [contract({ id: '1006_1_1', employeeId: '1006', endDate: '2026-11-30' })] });
    expect(hrChanges(open, ending, '2026-12-01')).toEqual(['contract 1006_1_1 ended 2026-11-30']);
    expect(hrChanges(open, ending, '2026-11-20')).toEqual(['contract 1006_1_1 ends 2026-11-30']);
  });

  it('names new contracts, contracts gone, name changes and persons gone', () => {
    const before = person({ id: '1', contracts: [contract({ id: '1_1_1', employeeId: '1' })] });
    const after = { ...person({ id: '1', contracts: [contract({ id: '1_2_1', employeeId: '1', startDate: '2026-12-01' })] }), name: name({ familyName: 'Vries', familyNamePrefix: 'de' }) };
    expect(hrChanges(before, after, '2026-11-01')).toEqual([
      'contract 1_2_1 starts 2026-12-01 in org unit OE10',
      'contract 1_1_1 is no longer in the export',
      'name Jan Jansen → Jan de Vries',
    ]);
    expect(hrChanges(before, undefined, '2026-11-01')).toEqual(['no longer in the HR export']);
    expect(hrChanges(undefined, undefined, '2026-11-01')).toEqual([]);
  });
});
