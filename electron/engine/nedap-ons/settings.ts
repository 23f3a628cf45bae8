/**
 * What the organisation wants from Nedap Ons, besides the shared lifecycle and rules: the duties
 * source, the employment key template, whether leavers' users are deleted, and the mapping tables
 * from org unit (optionally with function) to team and location ids.
 */
export interface NedapSettings {
  /** `source` of PUT …/duties: the connector name whose duties this app owns. */
  readonly source: string;
  /** Template of the employee's identificationNo; placeholders `{employeeId}`, `{contractId}`. */
  readonly identificationNo: string;
  /** Delete a leaver's user `deleteDaysAfterEnd` after the end; otherwise it is left, revoked. */
  readonly deleteUsers: boolean;
  /** Key `orgUnitId` or `orgUnitId/functionId` to team ids; the two kinds add up. */
  readonly teamsByOrgUnit: Readonly<Record<string, readonly number[]>>;
  /** Key `orgUnitId` or `orgUnitId/functionId` to location ids; the two kinds add up. */
  readonly locationsByOrgUnit: Readonly<Record<string, readonly number[]>>;
}

/** The default employment key: Visma employee id and contract id, e.g. `1003-1`. */
export const DEFAULT_IDENTIFICATION_NO = '{employeeId}-{contractId}';

/** Default duties source, as Nedap shows it under the user's roles. */
export const DEFAULT_SOURCE = 'HR Provisioner';
