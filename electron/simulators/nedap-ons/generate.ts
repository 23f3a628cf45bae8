import type { CsvRow } from '../../engine/visma/datasets';
import type { NedapRole, NedapUnit } from '../../engine/nedap-ons/wire';
import type { NedapSeed } from './state';

/**
 * Nedap Ons data that matches what the Visma.net simulator serves: one employee per employment
 * (Visma employee id + contract id, the default identificationNo `{employeeId}-{contractId}`), as
 * an HR-to-Nedap sync would have made them. Every `missingEvery`-th employment is deliberately left
 * out, so a preview shows the "no Nedap employee" finding.
 */

/** The roles the demo organisation whitelisted for integrations. */
export const DEMO_ROLES: readonly NedapRole[] = [
  { uuid: 'ea9e0f20-2232-4087-9a43-8f894e79b6f0', name: 'Wijkverpleging' },
  { uuid: '6f1d2c4e-1b7a-4a55-9a0e-2f4c1d9b8e11', name: 'Medewerker' },
  { uuid: '0c8f5a3b-7d2e-4e19-8b6a-5a1e9c3d7f22', name: 'Planner' },
  { uuid: '9b2e7c1d-4f3a-4d88-a6b5-3e9f1c2d8a33', name: 'Teamleider' },
];

/** Teams and locations with small object ids, as a mapping CSV would name them. */
export const DEMO_TEAMS: readonly NedapUnit[] = [1, 2, 3, 4, 5].map((id) => ({ id, name: `Team ${id}`, identificationNo: `T${id}` }));
export const DEMO_LOCATIONS: readonly NedapUnit[] = [11, 12, 13].map((id) => ({ id, name: `Locatie ${id}`, identificationNo: `L${id}` }));

/** Build the seed from the Visma contracts rows. */
export function nedapSeedFromVisma(contracts: readonly CsvRow[], missingEvery = 25): NedapSeed {
  const employments = [...new Set(contracts.map((row) => `${row.employeeid ?? ''}-${row.contractid ?? ''}`))]
    .filter((key) => !key.startsWith('-') && !key.endsWith('-'))
    .sort();
  const employees = employments
    .filter((_key, i) => missingEvery <= 0 || (i + 1) % missingEvery !== 0)
    .map((identificationNo) => ({ identificationNo, firstName: 'Medewerker', lastName: identificationNo }));
  return { employees, roles: DEMO_ROLES, teams: DEMO_TEAMS, locations: DEMO_LOCATIONS };
}
