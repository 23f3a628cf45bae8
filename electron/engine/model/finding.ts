/**
 * A data problem found while reading or evaluating the source. Findings never stop a run: the
 * record concerned is skipped or repaired as described in `message`, and the admin sees the list.
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Closed set of finding codes, so the UI can group and filter them. */
export type FindingCode =
  | 'missing-name-field'
  | 'invalid-date'
  | 'end-before-start'
  | 'unknown-org-unit'
  | 'manager-not-found'
  | 'manager-loop'
  | 'ambiguous-aggregation'
  | 'duplicate-row'
  | 'unknown-employee'
  | 'unknown-cost-center'
  | 'invalid-number'
  | 'unknown-name-usage'
  | 'naming-exhausted'
  | 'invalid-attribute'
  | 'disputed-account'
  | 'unresolved-manager'
  | 'template-error'
  | 'nedap-employee-missing'
  | 'nedap-unknown-role'
  | 'nedap-unknown-team'
  | 'nedap-unknown-location'
  | 'nedap-record-lost'
  | 'contract-gap-bridged';

/** One finding. `employeeId` is null when it concerns no single employee (an org unit, say). */
export interface Finding {
  readonly severity: FindingSeverity;
  readonly code: FindingCode;
  readonly employeeId: string | null;
  readonly message: string;
}
