import type { DatasetName } from '../../engine/visma/datasets';

/**
 * Column sets of the seven exports, in the order of reference/visma-api.md section 3 (taken from the
 * independent Go client's DTOs, so inferred to match the API's own order). The generator fills every
 * one of them; the server falls back to these lists as the header of an empty export.
 */

/** Employees (reference 3.1, `NLHrmEmployeeCsvDto`). */
export const EMPLOYEE_COLUMNS: readonly string[] = [
  'salutationid', 'salutation', 'initials', 'firstname', 'nickname', 'nameusage_en', 'nameusage', 'namecode',
  'birthname', 'prefixbirthname', 'formattedname', 'dateofbirth', 'gender', 'nationality_en', 'nationality',
  'corraddress_en', 'corraddress', 'titlebefore_en', 'titlebefore', 'titleafter_en', 'titleafter', 'language_en',
  'language', 'partnername', 'prefixpartnername', 'maritalstatusid', 'maritalstatus', 'officialdate',
  'employeegroupid', 'employeegroupname_en', 'employeegroupname', 'ismanager', 'companyid', 'companyname',
  'boardnumber', 'sicknessstreet', 'sicknesshousenumber', 'sicknesshousenumberext', 'sicknesszipcode',
  'sicknesscity', 'sicknesscountry_en', 'sicknesscountry', 'postalstreet', 'postalhousenumber',
  'postalhousenumberext', 'postalzipcode', 'postalcity', 'postalcountry_en', 'postalcountry', 'homestreet',
  'homehousenumber', 'homehousenumberext', 'homezipcode', 'homecity', 'homecountry_en', 'homecountry',
  'otheraddresses_en', 'otheraddresses', 'homeemailaddress', 'businessemailaddress', 'homewebemailaddress',
  'businesswebemailaddress', 'otheremailaddresses_en', 'otheremailaddresses', 'homephonenumber',
  'officemobilephonenumber', 'homefaxphonenumber', 'privatemobilephonenumber', 'officetelphonenumber',
  'officeextphonenumber', 'officefaxphonenumber', 'secretaryphonenumber', 'sicknessaddressphonenumber',
  'emergencyphonenumber', 'otherphonenumbers_en', 'otherphonenumbers', 'odporgid', 'employeeid',
  'existencestartutc',
];

/**
 * Employee columns only exported when the token carries the contact-information scope
 * (reference 3.1: PR #14 of the connector). Note the API's own spelling `officetelphonenumber`.
 */
export const CONTACT_COLUMNS: readonly string[] = [
  'homeemailaddress', 'officetelphonenumber', 'officemobilephonenumber',
];

/** Contracts (reference 3.2), including `salaryfulltime`, which the connector excludes. */
export const CONTRACT_COLUMNS: readonly string[] = [
  'startdate', 'enddate', 'probation', 'contracttypeindication_en', 'contracttypeindication_nl', 'endreason',
  'endreasonname_en', 'endreasonname', 'basesubcontractid', 'cao', 'externalcaocode', 'type_en', 'type',
  'costcenter_en', 'costcenter', 'orgunit', 'orgunitname_en', 'orgunitname', 'extdepartmentid',
  'extdepartmentname_en', 'extdepartmentname', 'emptype', 'emptypename_en', 'emptypename', 'expertiseid',
  'expertisename_en', 'expertisename', 'costunit_en', 'costunit', 'functionid', 'functionname_en', 'functionname',
  'rosterid', 'ptfactor', 'weekhoursfixed', 'weekhoursvar', 'normalhours', 'scaletype_en', 'scaletype', 'scale',
  'step', 'stepname', 'garscaletype_en', 'garscaletype', 'garscale', 'garstep', 'garstepname', 'catsscale',
  'catsscalename', 'catsscaleid', 'catsrspfactor', 'salaryhour', 'garsalaryhour', 'salaryhourort',
  'salaryhourtravel', 'salaryhourextra', 'salarytype', 'salaryfulltime', 'distance', 'maxdistance', 'dayspw',
  'tariffid', 'tariffname_en', 'tariffname', 'publictransportregid', 'publictransportregname_en',
  'publictransportregname', 'publictransportunits', 'ispooler', 'insurancetype', 'insurancetypename_en',
  'insurancetypename', 'financesource', 'financesourcename_en', 'financesourcename', 'odporgid', 'employeeid',
  'contractid', 'subcontractid', 'existencestartutc', 'nickname', 'birthname', 'prefixbirthname', 'formattedname',
  'dateofbirth', 'gender', 'manageruserid', 'managername',
];

/** Organisation units (reference 3.3); the same `orgunitid` may appear on several history rows. */
export const ORGANIZATION_UNIT_COLUMNS: readonly string[] = [
  'odporgid', 'publicid', 'orgunitid', 'orgunitparentid', 'orgunittype', 'orgreporttype', 'manager',
  'manageruserid', 'costcenter', 'costcentername_en', 'costcentername', 'orgdescription_en', 'orgdescription',
  'orgname_en', 'orgname', 'extdepartmentid', 'extdepartmentname_en', 'extdepartmentname', 'existencestartutc',
  'startdate', 'enddate',
];

/** Users (reference 3.4: only the columns the connector reads are known). */
export const USER_COLUMNS: readonly string[] = ['userid', 'emailaddress', 'employeeid'];

/** Cost centres (reference 3.5): `costcenter` is the code, `costcentername` the name contracts carry. */
export const COST_CENTER_COLUMNS: readonly string[] = ['costcenter', 'costcentername'];

/** Employee user-defined-field history rows (reference 3.6). */
export const EMPLOYEE_UDF_COLUMNS: readonly string[] = [
  'employeeid', 'fieldname', 'listname', 'value', 'startdate', 'enddate',
];

/** Contract user-defined-field history rows (reference 3.7). */
export const CONTRACT_UDF_COLUMNS: readonly string[] = [
  'employeeid', 'contractid', 'subcontractid', 'entityname', 'fieldname', 'fieldtypeid', 'listname', 'value',
  'startdate', 'enddate',
];

/** The column list of every dataset. */
export const DATASET_COLUMNS: Readonly<Record<DatasetName, readonly string[]>> = {
  employees: EMPLOYEE_COLUMNS,
  employeeUdfHistories: EMPLOYEE_UDF_COLUMNS,
  contracts: CONTRACT_COLUMNS,
  contractUdfHistories: CONTRACT_UDF_COLUMNS,
  costCenters: COST_CENTER_COLUMNS,
  users: USER_COLUMNS,
  organizationUnits: ORGANIZATION_UNIT_COLUMNS,
};
