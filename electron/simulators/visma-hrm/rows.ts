import type { CsvRow, DatasetName } from '../../engine/visma/datasets';
import { isoDate, isoDateTime } from './dates';
import { CONTRACT_TYPES, PLACES } from './names';
import { unitNameOn, type UnitDefinition } from './org-structure';
import { asciiLocalPart } from './people';
import type { Random } from './prng';
import type { EmployeeRecord, Workforce } from './workforce';

/**
 * Renders a workforce as the rows of the seven exports, with the full column sets of
 * reference/visma-api.md section 3. Rows are written as object literals in column order: with
 * 80 to 90 columns per row, literals keep V8 on fast object shapes, which is what lets 30,000
 * employees render quickly (generate.test.ts checks the keys against columns.ts).
 */

/** Share of employee rows the export repeats exactly (the connector dedupes on employeeid). */
const DUPLICATE_ROW_SHARE = 0.002;
const PRIVATE_MAIL_DOMAINS: readonly string[] = ['thuismail.example', 'privemail.example', 'post.example'];
const SCALES: readonly string[] = ['25', '30', '35', '40', '45', '50', '55', '60'];
/** Small whole numbers as text, made once: the rows repeat them hundreds of thousands of times. */
const NUMBERS: readonly string[] = Array.from({ length: 100 }, (_, value) => String(value));
/**
 * Hourly wages from 15.00 to 39.95 in steps of 0.05, with the derived full-time monthly salary and
 * irregular-hours allowance, formatted once: unique strings per row would only feed the collector.
 */
const WAGES = Array.from({ length: 500 }, (_, step) => {
  const hourly = 15 + step * 0.05;
  return { hourly: hourly.toFixed(2), fullTime: (hourly * 156).toFixed(2), irregular: (hourly * 0.3).toFixed(2) };
});
const partTimeFactors = new Map<string, string>();

/** Renders every dataset. `random` must be the generator the workforce was built with. */
export function renderDatasets(workforce: Workforce, random: Random, asOf: number): Record<DatasetName, CsvRow[]> {
  return {
    employees: employeeRows(workforce, random),
    employeeUdfHistories: employeeUdfRows(workforce, random, asOf),
    contracts: contractRows(workforce, random, asOf),
    contractUdfHistories: contractUdfRows(workforce, random),
    costCenters: costCenterRows(workforce),
    users: userRows(workforce),
    organizationUnits: organisationUnitRows(workforce, random, asOf),
  };
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) text += NUMBERS[random.int(0, 9)] as string;
  return text;
}

function existenceStart(random: Random, day: number): string {
  return isoDateTime(day - random.int(3, 40), random.int(7 * 3600, 17 * 3600));
}

function firstStart(record: EmployeeRecord): number {
  let start = Infinity;
  for (const line of record.lines) start = Math.min(start, line.start);
  return start;
}

/** The last day of the record's employment, or undefined while any line is open-ended. */
function lastDay(record: EmployeeRecord): number | undefined {
  let end = -Infinity;
  for (const line of record.lines) {
    if (line.end === undefined) return undefined;
    end = Math.max(end, line.end);
  }
  return end;
}

function optionalDate(day: number | undefined): string {
  return day === undefined ? '' : isoDate(day);
}

function employeeRows(workforce: Workforce, random: Random): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const record of workforce.records) {
    const { human } = record;
    const female = human.gender === 'V';
    const manager = record.isManager;
    const homeEmail = random.chance(0.6)
      ? `${asciiLocalPart(human.nickname)}${asciiLocalPart(human.birthname)}${random.int(1, 99)}@${random.pick(PRIVATE_MAIL_DOMAINS)}`
      : '';
    const officePhone = random.chance(0.4) ? `030-${digits(random, 7)}` : '';
    const officeMobile = random.chance(0.5) ? `06-${digits(random, 8)}` : '';
    const row: CsvRow = {
      salutationid: female ? '2' : '1',
      salutation: female ? 'Mevrouw' : 'De heer',
      initials: human.initials,
      firstname: human.firstname,
      nickname: human.nickname,
      nameusage_en: human.nameUsage.en,
      nameusage: human.nameUsage.nl,
      namecode: human.nameUsage.namecode,
      birthname: human.birthname,
      prefixbirthname: human.prefixbirthname,
      formattedname: human.formattedname,
      dateofbirth: isoDate(human.dateOfBirth),
      gender: human.gender,
      nationality_en: 'Dutch',
      nationality: 'Nederlandse',
      corraddress_en: 'Home address',
      corraddress: 'Woonadres',
      titlebefore_en: '',
      titlebefore: '',
      titleafter_en: '',
      titleafter: '',
      language_en: 'Dutch',
      language: 'Nederlands',
      partnername: human.partnername,
      prefixpartnername: human.prefixpartnername,
      maritalstatusid: human.maritalStatus.id,
      maritalstatus: human.maritalStatus.nl,
      officialdate: '',
      employeegroupid: manager ? '2' : '1',
      employeegroupname_en: manager ? 'Management' : 'Employees',
      employeegroupname: manager ? 'Leidinggevenden' : 'Medewerkers',
      ismanager: manager ? 'true' : 'false',
      companyid: record.company.id,
      companyname: record.company.name,
      boardnumber: '',
      sicknessstreet: '',
      sicknesshousenumber: '',
      sicknesshousenumberext: '',
      sicknesszipcode: '',
      sicknesscity: '',
      sicknesscountry_en: '',
      sicknesscountry: '',
      postalstreet: '',
      postalhousenumber: '',
      postalhousenumberext: '',
      postalzipcode: '',
      postalcity: '',
      postalcountry_en: '',
      postalcountry: '',
      homestreet: human.home.street,
      homehousenumber: human.home.number,
      homehousenumberext: human.home.ext,
      homezipcode: human.home.zip,
      homecity: human.home.place.name,
      homecountry_en: 'Netherlands',
      homecountry: 'Nederland',
      otheraddresses_en: '',
      otheraddresses: '',
      homeemailaddress: homeEmail,
      businessemailaddress: record.email,
      homewebemailaddress: '',
      businesswebemailaddress: '',
      otheremailaddresses_en: '',
      otheremailaddresses: '',
      homephonenumber: '',
      officemobilephonenumber: officeMobile,
      homefaxphonenumber: '',
      privatemobilephonenumber: '',
      officetelphonenumber: officePhone,
      officeextphonenumber: '',
      officefaxphonenumber: '',
      secretaryphonenumber: '',
      sicknessaddressphonenumber: '',
      emergencyphonenumber: '',
      otherphonenumbers_en: '',
      otherphonenumbers: '',
      odporgid: workforce.odporgid,
      employeeid: record.id,
      existencestartutc: existenceStart(random, firstStart(record)),
    };
    rows.push(row);
    // The export sometimes repeats a row exactly; the connector dedupes on employeeid.
    if (random.chance(DUPLICATE_ROW_SHARE)) rows.push(row);
  }
  return rows;
}

function managerFor(workforce: Workforce, record: EmployeeRecord, unit: UnitDefinition): EmployeeRecord | undefined {
  // A manager's own contract reports to the manager of the unit above.
  let current: UnitDefinition | undefined = unit;
  while (current !== undefined) {
    const manager = workforce.managerOf.get(current.id);
    if (manager !== undefined && manager.human !== record.human) return manager;
    current = workforce.unitById.get(current.parentId);
  }
  return undefined;
}

function contractRows(workforce: Workforce, random: Random, asOf: number): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const record of workforce.records) {
    const { human } = record;
    for (const line of record.lines) {
      const manager = managerFor(workforce, record, line.unit);
      // The export names the unit as it is called on the export date, also on old contracts.
      const unitName = unitNameOn(line.unit, 0);
      const hours = Number(line.hours);
      const onCall = line.type === CONTRACT_TYPES.onCall;
      const care = line.unit.kind === 'team';
      const step = NUMBERS[random.int(0, 12)] as string;
      const wage = random.pick(WAGES);
      let partTimeFactor = partTimeFactors.get(line.hours);
      if (partTimeFactor === undefined) {
        partTimeFactor = (hours / 36).toFixed(4);
        partTimeFactors.set(line.hours, partTimeFactor);
      }
      rows.push({
        startdate: isoDate(line.start),
        enddate: optionalDate(line.end),
        probation: line.start > asOf - 365 && !onCall ? isoDate(line.start + 59) : '',
        contracttypeindication_en: line.type.indicationEn,
        contracttypeindication_nl: line.type.indicationNl,
        endreason: line.endReason?.code ?? '',
        endreasonname_en: line.endReason?.en ?? '',
        endreasonname: line.endReason?.nl ?? '',
        basesubcontractid: '1',
        cao: 'VVT',
        externalcaocode: '0146',
        type_en: line.type.en,
        type: line.type.type,
        costcenter_en: line.costCenterName,
        costcenter: line.costCenterName,
        orgunit: line.unit.id,
        orgunitname_en: unitName,
        orgunitname: unitName,
        extdepartmentid: '',
        extdepartmentname_en: '',
        extdepartmentname: '',
        emptype: '1',
        emptypename_en: 'Employee',
        emptypename: 'Werknemer',
        expertiseid: '',
        expertisename_en: '',
        expertisename: '',
        costunit_en: care ? 'Care' : 'Overhead',
        costunit: care ? 'Zorg' : 'Overhead',
        functionid: line.jobFunction.id,
        functionname_en: line.jobFunction.en,
        functionname: line.jobFunction.name,
        rosterid: '',
        ptfactor: partTimeFactor,
        weekhoursfixed: line.hours,
        weekhoursvar: onCall ? NUMBERS[random.int(4, 24)] as string : '0',
        normalhours: '36',
        scaletype_en: 'FWG',
        scaletype: 'FWG',
        scale: random.pick(SCALES),
        step,
        stepname: `Trede ${step}`,
        garscaletype_en: '',
        garscaletype: '',
        garscale: '',
        garstep: '',
        garstepname: '',
        catsscale: '',
        catsscalename: '',
        catsscaleid: '',
        catsrspfactor: '',
        salaryhour: wage.hourly,
        garsalaryhour: '',
        salaryhourort: care ? wage.irregular : '',
        salaryhourtravel: '',
        salaryhourextra: '',
        salarytype: 'Maand',
        salaryfulltime: wage.fullTime,
        distance: NUMBERS[random.int(1, 40)] as string,
        maxdistance: '40',
        dayspw: NUMBERS[Math.max(1, Math.min(5, Math.round(hours / 8)))] as string,
        tariffid: '',
        tariffname_en: '',
        tariffname: '',
        publictransportregid: '',
        publictransportregname_en: '',
        publictransportregname: '',
        publictransportunits: '',
        ispooler: onCall ? 'true' : 'false',
        insurancetype: '',
        insurancetypename_en: '',
        insurancetypename: '',
        financesource: '',
        financesourcename_en: '',
        financesourcename: '',
        odporgid: workforce.odporgid,
        employeeid: record.id,
        contractid: line.contractid,
        subcontractid: line.subcontractid,
        existencestartutc: existenceStart(random, line.start),
        nickname: human.nickname,
        birthname: human.birthname,
        prefixbirthname: human.prefixbirthname,
        formattedname: human.formattedname,
        dateofbirth: isoDate(human.dateOfBirth),
        gender: human.gender,
        manageruserid: manager?.userId ?? '',
        managername: manager?.human.formattedname ?? '',
      });
    }
  }
  return rows;
}

function employeeUdfRows(workforce: Workforce, random: Random, asOf: number): CsvRow[] {
  const rows: CsvRow[] = [];
  const add = (employeeid: string, fieldname: string, listname: string, value: string, start: number, end: number | undefined): void => {
    rows.push({ employeeid, fieldname, listname, value, startdate: isoDate(start), enddate: optionalDate(end) });
  };
  for (const record of workforce.records) {
    const start = firstStart(record);
    const end = lastDay(record);
    if (record.status !== 'leaverOld' && record.status !== 'rehireOld' && random.chance(0.6)) {
      add(record.id, 'Pasnummer', '', `P${digits(random, 5)}`, start, end);
    }
    if (random.chance(0.4)) {
      // Location history: one to three consecutive periods, the last one open (or ending with the job).
      const horizon = Math.min(end ?? asOf, asOf);
      const periods = start < horizon - 60 ? random.int(1, 3) : 1;
      let from = start;
      for (let period = 1; period <= periods; period++) {
        const place = random.pick(PLACES);
        const until = period === periods
          ? end
          : from + random.int(10, Math.max(11, Math.floor((horizon - from) / (periods - period + 1))));
        add(record.id, 'Locatie', place.name, place.code, from, until);
        if (until !== undefined) from = until + 1;
      }
    }
  }
  return rows;
}

function contractUdfRows(workforce: Workforce, random: Random): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const record of workforce.records) {
    record.lines.forEach((line, index) => {
      const startdate = isoDate(line.start);
      const enddate = optionalDate(line.end);
      const row = (fieldname: string, fieldtypeid: string, listname: string, value: string): CsvRow => ({
        employeeid: record.id,
        contractid: line.contractid,
        subcontractid: line.subcontractid,
        entityname: 'SubContractDepartment',
        fieldname,
        fieldtypeid,
        listname,
        value,
        startdate,
        enddate,
      });
      // Care staff work in Nedap Ons: one identification number per employment line.
      if (line.unit.kind === 'team' || line.unit.kind === 'region') {
        rows.push(row('NedapOnsIdentificationNo', '0', '', `${record.id}-${index + 1}`));
      }
      if (random.chance(0.5)) {
        const place = random.pick(PLACES);
        rows.push(row('Locatie', '1', place.name, place.code));
      }
    });
  }
  return rows;
}

function costCenterRows(workforce: Workforce): CsvRow[] {
  return [...workforce.costCenters]
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((costCenter) => ({ costcenter: costCenter.code, costcentername: costCenter.name }));
}

function userRows(workforce: Workforce): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const record of workforce.records) {
    if (record.userId !== '') rows.push({ userid: record.userId, emailaddress: record.email, employeeid: record.id });
  }
  for (const user of workforce.systemUsers) rows.push({ userid: user.userid, emailaddress: user.emailaddress, employeeid: '' });
  return rows;
}

const UNIT_TYPES: Readonly<Record<UnitDefinition['kind'], string>> = {
  root: 'Organisatie', division: 'Divisie', staff: 'Afdeling', region: 'Regio', team: 'Team',
};

function hex(random: Random, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += random.int(0, 15).toString(16);
  return text;
}

function organisationUnitRows(workforce: Workforce, random: Random, asOf: number): CsvRow[] {
  const founded = asOf - 365 * 12;
  const rows: CsvRow[] = [];
  for (const unit of workforce.units) {
    const manager = workforce.managerOf.get(unit.id);
    const costCenter = workforce.costCenterOfUnit.get(unit.id);
    const publicid = [8, 4, 4, 4, 12].map((length) => hex(random, length)).join('-');
    const row = (orgname: string, start: number | undefined, end: number | undefined): CsvRow => ({
      odporgid: workforce.odporgid,
      publicid,
      orgunitid: unit.id,
      orgunitparentid: unit.parentId,
      orgunittype: UNIT_TYPES[unit.kind],
      orgreporttype: '',
      manager: manager?.human.formattedname ?? '',
      manageruserid: manager?.userId ?? '',
      costcenter: costCenter?.code ?? '',
      costcentername_en: costCenter?.name ?? '',
      costcentername: costCenter?.name ?? '',
      orgdescription_en: orgname,
      orgdescription: orgname,
      orgname_en: orgname,
      orgname,
      extdepartmentid: '',
      extdepartmentname_en: '',
      extdepartmentname: '',
      existencestartutc: isoDateTime(start ?? founded, 9 * 3600),
      // The root has no start date: the connector reads an empty start as 1900-01-01.
      startdate: optionalDate(start),
      enddate: optionalDate(end),
    });
    const start = unit.kind === 'root' ? undefined : founded;
    if (unit.rename !== undefined) {
      const change = asOf + unit.rename.changeOffset;
      rows.push(row(unit.rename.before, start, change - 1), row(unit.name, change, undefined));
    } else {
      rows.push(row(unit.name, start, unit.closedOffset === undefined ? undefined : asOf + unit.closedOffset));
    }
  }
  return rows;
}
