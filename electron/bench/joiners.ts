/**
 * Section 3's HR data: `count` new people, all starting 7 days after `asOf`, so that a preview on `asOf`
 * creates each of them (disabled, the default "create 7 days ahead, enable on day one") and does nothing
 * else. Names are made of syllables, so no two people share a logon name and none clashes with the
 * generated population of section 2.
 */
import { addDays } from '../engine/model/iso-date';
import type { IsoDate } from '../engine/model/iso-date';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import type { CsvRow, DatasetName } from '../engine/visma/datasets';

const HEAD = ['Bak', 'Dek', 'Fol', 'Gro', 'Hui', 'Kem', 'Lin', 'Mol', 'Nor', 'Pel'];
const MIDDLE = ['a', 'e', 'i', 'o', 'u', 'au', 'ei', 'oe', 'ij', 'ou'];
const TAIL = ['ker', 'sma', 'stra', 'ling', 'man', 'hof', 'berg', 'dijk', 'veld', 'huis'];
const GIVEN = ['Anna', 'Bram', 'Cor', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Iris', 'Joost', 'Kim', 'Lars', 'Merel', 'Noor', 'Olaf', 'Pien'];

/** Employee ids of the joiners start here: far from the generator's 100000-range. */
export const JOINER_ID_BASE = 900_000;

/** The org unit every joiner works in. */
const ORG_UNIT = { id: 'OE-BENCH', name: 'Bench afdeling' };

/** One joiner's surname: unique for `n` < 1000. */
function surname(n: number): string {
  return `${HEAD[Math.floor(n / 100) % 10]}${MIDDLE[Math.floor(n / 10) % 10]}${TAIL[n % 10]}`;
}

/** Every export dataset for `count` (at most 1000) joiners starting at `asOf` + 7 days. */
export function joinersData(count: number, asOf: IsoDate): Record<DatasetName, CsvRow[]> {
  if (count > 1000) throw new Error('at most 1000 joiners have distinct generated surnames');
  const start = addDays(asOf, 7);
  const employees: ScenarioEmployee[] = Array.from({ length: count }, (_, n) => {
    const given = GIVEN[n % GIVEN.length] as string;
    return {
      employeeId: String(JOINER_ID_BASE + n),
      initials: `${given.charAt(0)}.`,
      firstName: given,
      birthName: surname(n),
      birthDate: `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`,
      gender: n % 2 === 0 ? 'V' : 'M',
      contracts: [{ start, orgUnit: ORG_UNIT.id, functionName: 'Verzorgende IG', hours: 24 + (n % 13) }],
    };
  });
  return scenarioData({ employees, orgUnits: [ORG_UNIT] });
}
