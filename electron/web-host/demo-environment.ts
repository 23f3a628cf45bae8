import { randomBytes } from 'node:crypto';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { addGroup, addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import type { DirectoryConnectionConfig } from '../engine/ad/directory';
import type { DemoPort } from '../app/desktop/application';
import type { IsoDate } from '../engine/model/iso-date';
import { startDemoNedap, type DemoNedap } from './demo-nedap';
import type { CsvRow, DatasetName } from '../engine/visma/datasets';

/**
 * The demo data behind the first-run button: a Visma.net simulator with a generated care
 * organisation on 127.0.0.1, and a managed OU tree with two groups in a (throwaway) Samba domain.
 * Used by `npm run demo` and the browser tests; the tray app offers no demo (it has no DC to give).
 */

/** A DC reachable over LDAPS with a verified certificate. */
export type DemoDirectory = DirectoryConnectionConfig & { readonly caFile: string; readonly tlsServerName: string };

/** A running demo environment. */
export interface DemoEnvironment {
  readonly port: DemoPort;
  readonly baseDn: string;
  close(): Promise<void>;
}

/** What to build the demo from. */
export interface DemoEnvironmentOptions {
  readonly directory: DemoDirectory;
  /** The domain (DC=test,DC=local); the managed tree is made below it. */
  readonly domainDn: string;
  /** Name of the managed OU: tests give one of their own so they never meet another test's accounts. */
  readonly baseOu: string;
  readonly employees: number;
  readonly asOf: IsoDate;
  readonly seed?: number;
  /** The configuration's `safety` section (limits, review mode); the engine's defaults when absent. */
  readonly safety?: Readonly<Record<string, unknown>>;
  /** Contracts whose end date HR mistyped ("31-02-2027"): their persons are held, as real exports sometimes make them. */
  readonly mistypedEndDates?: number;
  /** Also start the Nedap Ons simulator and configure it as a second target. */
  readonly nedap?: boolean;
}

/** The `ad` (without its password) and `policy` sections of the demo configuration. */
export interface DemoTree {
  readonly ad: Readonly<Record<string, unknown>>;
  readonly policy: Readonly<Record<string, unknown>>;
}

/**
 * Make the demo's managed tree under `base` (users, ICT, disabled and group OUs, two groups whose
 * sAMAccountNames end in `groupSuffix`) and return the configuration sections that use it.
 */
export async function createDemoTree(directory: DemoDirectory, base: string, groupSuffix: string): Promise<DemoTree> {
  const ictGroup = `CN=ICT medewerkers,OU=Groepen,${base}`;
  const allGroup = `CN=Alle medewerkers,OU=Groepen,${base}`;
  await withRawClient(directory, async (client) => {
    for (const ou of [base, `OU=Medewerkers,${base}`, `OU=ICT,OU=Medewerkers,${base}`, `OU=Uit dienst,${base}`, `OU=Groepen,${base}`]) await addOu(client, ou);
    await addGroup(client, ictGroup, `ict-${groupSuffix}`);
    await addGroup(client, allGroup, `alle-${groupSuffix}`);
  });
  return {
    ad: {
      url: directory.url,
      bindDn: directory.bindDn,
      caFile: directory.caFile,
      tlsServerName: directory.tlsServerName,
      baseDn: base,
      usersOu: `OU=Medewerkers,${base}`,
      disabledOu: `OU=Uit dienst,${base}`,
      ouByOrgUnit: { OE0004: `OU=ICT,OU=Medewerkers,${base}` },
      upnSuffix: 'test.local',
      mailDomain: 'zorggroep.example.nl',
    },
    policy: {
      rules: [
        { name: 'ICT', when: { orgUnitName: ['ICT'] }, grant: { adGroups: [ictGroup] } },
        { name: 'Iedereen', when: {}, grant: { adGroups: [allGroup] } },
      ],
    },
  };
}

/** The data with the end date of the first `count` open-ended contracts mistyped as "31-02-2027". */
export function withMistypedEndDates(data: Record<DatasetName, CsvRow[]>, count: number): Record<DatasetName, CsvRow[]> {
  let left = count;
  const contracts = data.contracts.map((row) => {
    if (left === 0 || row.enddate !== '') return row;
    left -= 1;
    return { ...row, enddate: '31-02-2027' };
  });
  return { ...data, contracts };
}

/** Start the simulator and make the OU tree; `close` stops the one and removes the other. */
export async function startDemoEnvironment(options: DemoEnvironmentOptions): Promise<DemoEnvironment> {
  const secret = randomBytes(12).toString('hex');
  const data = withMistypedEndDates(generateVismaData({ seed: options.seed ?? 7, employees: options.employees, asOf: options.asOf }), options.mistypedEndDates ?? 0);
  const simulator = await startVismaSimulator({ clientId: 'demo-client', clientSecret: secret, tenantId: 'demo-tenant', data });
  const base = `OU=${options.baseOu},${options.domainDn}`;
  let tree: DemoTree;
  let nedap: DemoNedap | null = null;
  try {
    tree = await createDemoTree(options.directory, base, randomBytes(3).toString('hex'));
    if (options.nedap) nedap = await startDemoNedap(data.contracts);
  } catch (error) {
    await simulator.close();
    throw error;
  }
  const { directory } = options;
  const port: DemoPort = {
    settings: async () => ({
      config: {
        visma: { tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: 'demo-client', tenantId: 'demo-tenant' },
        ad: tree.ad,
        ...(nedap ? { nedapOns: nedap.section } : {}),
        policy: { rules: [...(tree.policy.rules as unknown[]), ...(nedap?.rules ?? [])] },
        ...(options.safety ? { safety: options.safety } : {}),
      },
      secrets: { vismaClientSecret: secret, adBindPassword: directory.bindPassword, ...(nedap ? { nedapPfxPassword: nedap.pfxPassword } : {}) },
    }),
  };
  return {
    port,
    baseDn: base,
    close: async () => {
      await simulator.close();
      await nedap?.close();
      await withRawClient(directory, (client) => treeDelete(client, base)).catch(() => undefined);
    },
  };
}
