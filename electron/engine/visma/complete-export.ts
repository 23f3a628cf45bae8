import { DATASETS, type DatasetName, type VismaExport } from './datasets';

/**
 * An export counts as complete only when every dataset has rows. An empty or header-only file is
 * far more often a broken export job, a filter gone wrong or a permission HR took away than an
 * organisation without employees; reading it as "everyone left" would retire every account.
 */

/** The datasets whose rows are the evidence that a person exists. */
const WHO_EXISTS: readonly DatasetName[] = ['employees', 'contracts'];

/** A dataset came back empty: the run stops before anything is written. */
export class IncompleteExportError extends Error {
  override readonly name = 'IncompleteExportError';
  constructor(readonly datasets: readonly DatasetName[]) {
    super(
      `the Visma export is incomplete: ${datasets.map(label).join(', ')} came back empty (no rows below the header); ` +
        'nothing is planned or written. If a dataset may really be empty, list it in visma.allowEmptyDatasets',
    );
  }
}

/** What {@link checkCompleteExport} found. */
export interface ExportCompleteness {
  /**
   * True when the datasets that say who exists (employees, contracts) have rows. False when one of
   * them was empty and allowed to be: the run goes on, but nobody counts as gone (absence from an
   * export with an empty part is no evidence).
   */
  readonly complete: boolean;
  /** The empty datasets that the configuration allows to be empty. */
  readonly allowedEmpty: readonly DatasetName[];
}

/**
 * Checks that no dataset is empty, except those in `allowEmpty`. An empty employees or contracts
 * dataset is not refused here but reported as incomplete: the source guard (`app/safety`) stops
 * preview and apply on it before any write, with its numbers, and records that in the history.
 * @throws IncompleteExportError naming every other empty dataset that is not allowed to be.
 */
export function checkCompleteExport(data: VismaExport, allowEmpty: readonly DatasetName[] = []): ExportCompleteness {
  const empty = DATASETS.map((d) => d.name).filter((name) => data[name].length === 0);
  const refused = empty.filter((name) => !allowEmpty.includes(name) && !WHO_EXISTS.includes(name));
  if (refused.length > 0) throw new IncompleteExportError(refused);
  return { complete: !empty.some((name) => WHO_EXISTS.includes(name)), allowedEmpty: empty };
}

function label(name: DatasetName): string {
  return `'${DATASETS.find((d) => d.name === name)?.label ?? name}'`;
}
