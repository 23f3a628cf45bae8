import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/main';
import { dnEquals, parentDn } from '../engine/ad/dn';
import type { CsvRow, DatasetName } from '../engine/visma/datasets';
import type { VismaFaults } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { employee, openWorld } from './samba-test-world';
import type { World } from './samba-test-world';

/**
 * A corpus of bad input, each fed to a real `apply` (CLI, Visma simulator, Samba) over a directory
 * that already holds an enabled, managed account. Every case must end with a clear finding or error
 * and its documented exit code, and no case may disable, move, revoke or delete anything.
 */

const samba = inject('samba');
let world: World;

type Data = Record<DatasetName, Record<string, string>[]>;
const ANCHOR: ScenarioEmployee = { ...employee('930001', 'Anker'), userId: 'U930001' };
const OTHER: ScenarioEmployee = { ...employee('930002', 'Ander'), userId: 'U930002' };
const base = (): Data => scenarioData({ employees: [ANCHOR, OTHER], orgUnits: [{ id: 'OE10', name: 'ICT' }] });

interface BadCase {
  readonly name: string;
  readonly data?: (data: Data) => void;
  readonly faults?: VismaFaults;
  /** Documented exit code: 0 ok (problems as findings), 1 the run failed. */
  readonly exit: 0 | 1;
  /** What the admin is told: a finding's or the error's text (null: the input is harmless, nothing to say). */
  readonly says: RegExp | null;
}

const header = (rows: readonly CsvRow[]): string => Object.keys(rows[0] ?? {}).join(',');

const CASES: readonly BadCase[] = [
  { name: 'a required column is missing', faults: { dropColumns: { contracts: ['startdate'] } }, exit: 1, says: /has no column 'startdate'/ },
  {
    name: 'unbalanced quotes',
    faults: { rawFiles: { contracts: 'employeeid,contractid,subcontractid,startdate,enddate,type,costcenter,orgunit,orgunitname,functionid,functionname,weekhoursfixed,manageruserid\n930001,1,1,2026-01-01,,"open,x,OE10,ICT,F1,T,36,\n' } },
    exit: 1,
    says: /contracts export is not valid CSV at line \d+: a quoted value is never closed/,
  },
  {
    name: 'bytes that are not UTF-8',
    faults: { rawFiles: { costCenters: Buffer.concat([Buffer.from('costcenter,costcentername\nCC1,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]) } },
    exit: 1,
    says: /cost centres export is not valid UTF-8 at byte offset 32/,
  },
  {
    name: 'NUL bytes in a file',
    faults: { rawFiles: { costCenters: 'costcenter,costcentername\nCC1,Zo\u0000rg\n\u0000\u0000\n' } },
    exit: 1,
    says: /cost centres export is not valid CSV at line \d+: a row has 1 values where the header has 2 columns/,
  },
  { name: 'a 1 MB field', data: (d) => void (d.contracts[1]!.functionname = 'x'.repeat(1024 * 1024)), exit: 0, says: /title .* is longer than 128 characters; it is cut/ },
  {
    // Two people each other's manager: AD allows it and nothing is destroyed; the managers are set as Visma says.
    name: 'a manager loop',
    data: (d) => {
      d.contracts[0]!.manageruserid = 'U930002';
      d.contracts[1]!.manageruserid = 'U930001';
    },
    exit: 0,
    says: /the managers of persons 930001, 930002 form a loop \(930001 → 930002 → 930001\)/,
  },
  { name: 'a self-manager', data: (d) => void (d.contracts[0]!.manageruserid = 'U930001'), exit: 0, says: /who is the employee themself .* never their own manager/ },
  { name: 'an end date that is no calendar date (2026-02-30)', data: (d) => void (d.contracts[0]!.enddate = '2026-02-30'), exit: 0, says: /930001 is unreadable .*enddate '2026-02-30'/ },
  { name: 'a birth date in year 0000', data: (d) => void (d.employees[0]!.dateofbirth = '0000-01-01'), exit: 0, says: /930001.*dateofbirth '0000-01-01'/ },
  { name: 'a start date in year 0000', data: (d) => void (d.contracts[0]!.startdate = '0000-01-01'), exit: 0, says: /930001.*startdate '0000-01-01'/ },
  { name: 'an end date before the start', data: (d) => void (d.contracts[0]!.enddate = '2025-12-31'), exit: 0, says: /930001_1_1 ends 2025-12-31, before it starts 2026-01-01/ },
  { name: 'hours of 1e23', data: (d) => void (d.contracts[0]!.weekhoursfixed = '1e23'), exit: 0, says: /unreadable weekly hours '1e23'/ },
  { name: 'a header only', faults: { rawFiles: { costCenters: `${header([{ costcenter: '', costcentername: '' }])}\n` } }, exit: 0, says: null },
  // Last: its extra row raises the row count that the source guard compares the next import with.
  {
    name: 'duplicate employee ids with conflicting data',
    data: (d) => void d.employees.push({ ...d.employees[1]!, birthname: 'Anders', dateofbirth: '1991-02-03' }),
    exit: 0,
    says: /930002/,
  },
];

beforeAll(async () => {
  world = await openWorld(samba);
  world.simulator.setData(base());
  const io = { out: () => {}, err: () => {}, env: world.env };
  expect(await runCli(['apply', '--config', world.configFile, '--as-of', '2026-12-01', '--yes'], io)).toBe(0);
});
afterAll(async () => {
  await world.close();
});

describe('bad input corpus against Samba', () => {
  it.each(CASES)('$name: a clear finding or error, exit $exit, nothing destroyed', async (bad) => {
    const data = base();
    bad.data?.(data);
    world.simulator.setData(data);
    world.simulator.setFaults({ inProgressPolls: 0, ...bad.faults });
    const before = await world.accounts();
    let out = '';
    let err = '';
    const code = await runCli(['apply', '--config', world.configFile, '--as-of', '2026-12-01', '--yes', '--json'], {
      out: (t) => void (out += t), err: (t) => void (err += t), env: world.env,
    });
    expect({ code, err }).toMatchObject({ code: bad.exit });
    if (bad.exit === 0) {
      const history = await runCli(['history', '--config', world.configFile, '--json'], { out: () => {}, err: () => {}, env: world.env });
      expect(history).toBe(0);
      const previewOut: string[] = [];
      await runCli(['preview', '--config', world.configFile, '--as-of', '2026-12-01', '--json'], { out: (t) => void previewOut.push(t), err: () => {}, env: world.env });
      const plan = JSON.parse(previewOut.join('')) as { findings: { message: string }[]; held: { reason: string }[]; actions: { action: string }[] };
      // What the admin reads: the findings, and why a person is held.
      if (bad.says) expect([...plan.findings.map((f) => f.message), ...plan.held.map((h) => h.reason)].join('\n')).toMatch(bad.says);
      expect(plan.actions.filter((a) => ['disable', 'delete', 'revoke', 'move'].includes(a.action))).toEqual([]);
    } else {
      expect(err).toMatch(bad.says ?? /./);
      expect(out).toBe('');
    }
    const after = await world.accounts();
    for (const account of before) {
      const now = after.find((a) => a.objectGuid === account.objectGuid);
      expect(now, `${account.sAMAccountName} still exists`).toBeDefined();
      expect(now?.enabled).toBe(account.enabled);
      expect(dnEquals(parentDn(now!.dn), parentDn(account.dn))).toBe(true);
      expect(now!.memberOf.length).toBeGreaterThanOrEqual(account.memberOf.length);
    }
  });
});
