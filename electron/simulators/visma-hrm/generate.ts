import type { CsvRow, DatasetName } from '../../engine/visma/datasets';
import { dayNumber } from './dates';
import { createRandom } from './prng';
import { renderDatasets } from './rows';
import { buildWorkforce } from './workforce';

/** Options of {@link generateVismaData}. */
export interface GenerateVismaDataOptions {
  /** Seed of the pseudo-random generator: the same seed gives the same data. */
  readonly seed: number;
  /** Number of employee records (employee ids); contracts come to about 1.17 per record. */
  readonly employees: number;
  /** The date the data describes (YYYY-MM-DD): hires, leavers and histories are placed around it. */
  readonly asOf: string;
}

/**
 * Generates a realistic, deterministic Visma.net HRM data set for a Dutch care provider: every
 * dataset of the export API as rows with the full column sets of reference/visma-api.md section 3.
 *
 * The data carries the awkward cases an import meets in practice: humans with two employee records
 * (same initials, gender, birth date and birth name; a higher employee id), rehires (old ended
 * contract on the lower id, new contract on a new id), future hires, recent and upcoming leavers,
 * second contract lines, exactly duplicated employee rows, Dutch name prefixes and name usages,
 * diacritics, org units with renamed and closed history rows, managers given as user ids, and
 * user-defined-field histories.
 */
export function generateVismaData(options: GenerateVismaDataOptions): Record<DatasetName, CsvRow[]> {
  const random = createRandom(options.seed);
  const asOf = dayNumber(options.asOf);
  const workforce = buildWorkforce(random, asOf, options.employees);
  return renderDatasets(workforce, random, asOf);
}
