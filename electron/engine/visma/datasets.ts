/**
 * The seven Visma.net HRM export datasets (reference/visma-api.md, section 2.1): where each job is
 * started and polled, which field of the poll answer carries its file links, and the columns the
 * normalisation cannot do without. This table is shared by the client, the simulator and the
 * normalisation, so the three cannot drift apart.
 */
export type DatasetName =
  | 'employees'
  | 'employeeUdfHistories'
  | 'contracts'
  | 'contractUdfHistories'
  | 'costCenters'
  | 'users'
  | 'organizationUnits';

/** One CSV row: lower-case column name to raw text ('' for an empty cell). */
export type CsvRow = Readonly<Record<string, string>>;

/** Static description of one export dataset. */
export interface DatasetSpec {
  readonly name: DatasetName;
  /** Human label used in progress lines and error messages ("contract UDF histories"). */
  readonly label: string;
  /** Path after the base URL, without /v1/command or /v1/query, e.g. `nl/hrm/employees`. */
  readonly path: string;
  /** Field in the poll answer that holds the array of pre-signed file links. */
  readonly fileUrisField: string;
  /** Scope the token must carry for this export. */
  readonly scope: string;
  /** Columns whose absence makes the export unusable (a clear error names the dataset and column). */
  readonly requiredColumns: readonly string[];
}

/**
 * Columns the contracts command excludes with `fields=!…` (reference/visma-api.md 2.5): salary
 * details the provisioning never needs, which keeps the download small.
 */
export const CONTRACT_EXCLUDED_FIELDS: readonly string[] = [
  'catsrspfactor', 'catsscale', 'catsscaleid', 'catsscalename', 'dayspw', 'distance', 'garsalaryhour',
  'garscaletype', 'garstep', 'garstepname', 'maxdistance', 'ptfactor', 'rosterid', 'salaryfulltime',
  'salaryhour', 'salaryhourextra', 'salaryhourort', 'salaryhourtravel', 'salarytype', 'scale', 'scaletype',
  'scaletype_en', 'step', 'stepname',
];

/** Scope only requested when the configuration asks for personal contact data. */
export const CONTACT_INFORMATION_SCOPE = 'hrmanalytics:nlhrm:exportcontactinformation';

/** All datasets in the order they are exported. */
export const DATASETS: readonly DatasetSpec[] = [
  {
    name: 'employees',
    label: 'employees',
    path: 'nl/hrm/employees',
    fileUrisField: 'employeeFileUris',
    scope: 'hrmanalytics:nlhrm:exportemployees',
    requiredColumns: [
      'employeeid', 'initials', 'firstname', 'nickname', 'birthname', 'prefixbirthname', 'partnername',
      'prefixpartnername', 'nameusage', 'dateofbirth', 'gender', 'companyid', 'companyname',
    ],
  },
  {
    name: 'employeeUdfHistories',
    label: 'employee UDF histories',
    path: 'nl/hrm/employees/user-defined-field-histories',
    fileUrisField: 'employeeUdfHistoryFileUris',
    scope: 'hrmanalytics:nlhrm:exportemployees',
    requiredColumns: ['employeeid', 'fieldname', 'value', 'startdate', 'enddate'],
  },
  {
    name: 'contracts',
    label: 'contracts',
    path: 'nl/hrm/contracts',
    fileUrisField: 'contractFileUris',
    scope: 'hrmanalytics:nlhrm:exportcontracts',
    requiredColumns: [
      'employeeid', 'contractid', 'subcontractid', 'startdate', 'enddate', 'orgunit', 'functionid',
      'functionname', 'costcenter', 'type', 'weekhoursfixed', 'manageruserid',
    ],
  },
  {
    name: 'contractUdfHistories',
    label: 'contract UDF histories',
    path: 'nl/hrm/contracts/user-defined-field-histories',
    fileUrisField: 'contractUdfHistoryFileUris',
    scope: 'hrmanalytics:nlhrm:exportcontracts',
    requiredColumns: ['employeeid', 'contractid', 'subcontractid', 'fieldname', 'value', 'startdate', 'enddate'],
  },
  {
    name: 'costCenters',
    label: 'cost centres',
    path: 'nl/hrm/metadata/cost-centers',
    fileUrisField: 'costCentersFileUris',
    scope: 'hrmanalytics:nlhrm:exportmetadata',
    requiredColumns: ['costcenter', 'costcentername'],
  },
  {
    name: 'users',
    label: 'users',
    path: 'nl/hrm/users',
    fileUrisField: 'usersFileUris',
    scope: 'hrmanalytics:nlhrm:exportusers',
    requiredColumns: ['userid', 'employeeid'],
  },
  {
    name: 'organizationUnits',
    label: 'organisation units',
    path: 'nl/hrm/metadata/organization-units',
    fileUrisField: 'organizationUnitsFileUris',
    scope: 'hrmanalytics:nlhrm:exportorganizationunits',
    requiredColumns: ['orgunitid', 'orgname', 'orgunitparentid', 'manageruserid', 'startdate', 'enddate'],
  },
];

/**
 * Every column the evaluation reads from any dataset (visma/rows.ts, visma/rows-dedupe.ts and the source
 * guard in plan/guard.ts). An import builds its rows with only these columns, a quarter of the 80-odd of
 * the employees and contracts exports; of the rest each row keeps a digest, for the dedupe's comparison of two
 * versions of one record (`restDigest`). A test reads a whole export through the evaluation and fails on any
 * column read that this list lacks.
 */
export const EVALUATED_COLUMNS: ReadonlySet<string> = new Set([
  'birthname', 'businessemailaddress', 'companyid', 'companyname', 'contractid', 'costcenter', 'costcentername',
  'dateofbirth', 'emailaddress', 'employeeid', 'enddate', 'existencestartutc', 'fieldname', 'firstname',
  'formattedname', 'functionid', 'functionname', 'gender', 'initials', 'listname', 'manageruserid', 'nameusage',
  'nameusage_en', 'nickname', 'orgname', 'orgunit', 'orgunitid', 'orgunitname', 'orgunitparentid', 'partnername',
  'prefixbirthname', 'prefixpartnername', 'startdate', 'subcontractid', 'type', 'userid', 'value', 'weekhoursfixed',
]);

/** All rows of every dataset, as downloaded (every file link of a job concatenated). */
export type VismaExport = Readonly<Record<DatasetName, readonly CsvRow[]>>;
