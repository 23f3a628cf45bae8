import { describe, expect, it } from 'vitest';
import { contract, person } from '../plan/ad-plan.fixtures';
import { managerLoopFindings } from './manager-loops';

const managed = (id: string, manager: string | null) => person({ id, contracts: [contract({ employeeId: id, managerPersonId: manager })] });

describe('managerLoopFindings', () => {
  it('names each ring of managers once, in chain order', () => {
    const findings = managerLoopFindings([
      managed('1', '2'), managed('2', '1'),
      managed('3', '4'), managed('4', '5'), managed('5', '3'),
      managed('6', '1'),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.employeeId])).toEqual([['manager-loop', 'warning', '1'], ['manager-loop', 'warning', '3']]);
    expect(findings[0]?.message).toMatch(/^the managers of persons 1, 2 form a loop \(1 → 2 → 1\); Active Directory accepts it/);
    expect(findings[1]?.message).toMatch(/persons 3, 4, 5 form a loop \(3 → 4 → 5 → 3\)/);
  });

  it('says nothing of chains that end, of a manager outside the export, or of a self-manager (dropped earlier)', () => {
    expect(managerLoopFindings([managed('1', '2'), managed('2', '3'), managed('3', null), managed('4', '99'), managed('5', '5')])).toEqual([]);
  });
});
