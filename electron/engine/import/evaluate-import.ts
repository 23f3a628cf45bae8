/**
 * One import, evaluated: the steps after the download that turn a Visma export into persons, with what the
 * source guard counts of the export.
 */
import type { Finding } from '../model/finding';
import type { DoubtfulPerson, Person } from '../model/person';
import type { SourceCounts } from '../model/safety';
import { sourceCounts } from '../plan/guard';
import { evaluateExport } from '../policy/evaluate';
import type { EvaluateInput } from '../policy/evaluate';
import { checkCompleteExport } from '../visma/complete-export';
import type { DatasetName, VismaExport } from '../visma/datasets';

/** What the evaluation of an import needs besides the export: {@link evaluateExport}'s settings, and the empty datasets allowed. */
export interface ImportSettings extends Omit<EvaluateInput, 'export'> {
  /** Datasets the configuration allows to be empty (`visma.allowEmptyDatasets`). */
  readonly allowEmptyDatasets: readonly DatasetName[];
}

/** An evaluated import: persons as of the date, the doubtful ones, findings, and what the source guard counts. */
export interface EvaluatedImport {
  readonly persons: readonly Person[];
  /** Persons whose HR data is in doubt: held, nothing is planned for them. */
  readonly doubtful: readonly DoubtfulPerson[];
  /** False when a dataset the configuration allows to be empty was empty: nobody then counts as gone. */
  readonly complete: boolean;
  readonly findings: readonly Finding[];
  /** Rows per dataset and the person and employment ids, for the source guard. */
  readonly counts: SourceCounts;
}

/**
 * Checks that the export is complete, then evaluates it as of `settings.asOf`.
 * @throws IncompleteExportError when a dataset that must not be empty is (before anything is evaluated).
 */
export function evaluateImport(vismaExport: VismaExport, settings: ImportSettings): EvaluatedImport {
  // Before anything is evaluated, let alone written: an empty dataset is a broken export.
  const { complete } = checkCompleteExport(vismaExport, settings.allowEmptyDatasets);
  const { allowEmptyDatasets: _allowed, ...evaluate } = settings;
  const { persons, doubtful, findings } = evaluateExport({ ...evaluate, export: vismaExport });
  return { persons, doubtful, complete, findings, counts: sourceCounts(vismaExport) };
}
