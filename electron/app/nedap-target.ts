import { readFile } from 'node:fs/promises';
import type { AppConfig, NedapOnsConfig } from './config';
import { ConfigError, resolveSecret } from './config';
import type { IsoDate } from '../engine/model/iso-date';
import type { DoubtfulPerson, Person } from '../engine/model/person';
import type { Finding } from '../engine/model/finding';
import type { HeldPerson, NedapAction } from '../engine/model/plan';
import type { ActionOutcome } from '../engine/model/run';
import { NedapClient } from '../engine/nedap-ons/client';
import { nedapRecordsOf, type NedapRecord, type NedapRecords } from '../engine/nedap-ons/ledger-view';
import type { LedgerPort } from '../engine/model/ledger';
import type { LedgerRead } from '../engine/state/entitlement-ledger';
import { RunStore } from '../engine/history/run-store';
import { wroteTo } from '../engine/history/wrote-to';
import { applyNedapActions } from '../engine/nedap-ons/apply-nedap';
import { MappingCsvError, parseMappingCsv } from '../engine/nedap-ons/mapping-csv';
import type { NedapSettings } from '../engine/nedap-ons/settings';
import type { NedapEmployee, NedapUser } from '../engine/nedap-ons/wire';
import type { NedapRead } from '../engine/plan/nedap-plan';
import { planNedapWithDoubts } from '../engine/plan/nedap-doubt';

/**
 * The Nedap Ons target as the application wires it: config to settings (mapping CSVs read), one
 * mTLS client per run, the bulk read for a preview, and apply through the client, recording what
 * it assigned in the shared entitlement ledger under dataDir.
 */

/** Progress of the Nedap Ons read. */
export interface NedapReadProgress {
  readonly employees: number;
  readonly users: number;
  readonly elapsedMs: number;
}

async function mappingTable(
  table: NedapOnsConfig['teamsByOrgUnit'],
  column: 'NedapTeamIds' | 'NedapLocationIds',
  key: string,
): Promise<Readonly<Record<string, readonly number[]>>> {
  if (!('csvFile' in table) || typeof table.csvFile !== 'string') return table as Record<string, number[]>;
  let text: string;
  try {
    text = await readFile(table.csvFile, 'utf8');
  } catch (error) {
    throw new ConfigError(`${key}.csvFile ${table.csvFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseMappingCsv(text, column, table.csvFile);
  } catch (error) {
    if (error instanceof MappingCsvError) throw new ConfigError(`${key}: ${error.message}`);
    throw error;
  }
}

/** The settings the planner uses, mapping CSV files read. */
export async function nedapSettings(nedap: NedapOnsConfig): Promise<NedapSettings> {
  return {
    source: nedap.source,
    identificationNo: nedap.identificationNo,
    deleteUsers: nedap.deleteUsers,
    teamsByOrgUnit: await mappingTable(nedap.teamsByOrgUnit, 'NedapTeamIds', 'nedapOns.teamsByOrgUnit'),
    locationsByOrgUnit: await mappingTable(nedap.locationsByOrgUnit, 'NedapLocationIds', 'nedapOns.locationsByOrgUnit'),
  };
}

/** Run `work` with a client whose certificate and CA are loaded once; closed afterwards. */
export async function withNedapClient<T>(nedap: NedapOnsConfig, env: NodeJS.ProcessEnv, work: (client: NedapClient) => Promise<T>): Promise<T> {
  const read = async (file: string, key: string): Promise<Buffer> => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new ConfigError(`${key} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const client = new NedapClient({
    baseUrl: nedap.baseUrl,
    pfx: await read(nedap.pfxFile, 'nedapOns.pfxFile'),
    pfxPassword: resolveSecret(nedap.pfxPassword, 'nedapOns.pfxPassword', env),
    ca: await read(nedap.caFile, 'nedapOns.caFile'),
    maxInFlight: nedap.maxInFlight,
    timeoutMs: nedap.timeoutSeconds * 1000,
  });
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Read what a Nedap plan needs: bulk streams and the reference lists, side by side (4 requests). */
export async function readNedap(client: NedapClient): Promise<NedapRead> {
  const [employees, users, roles, teams, locations] = await Promise.all([
    collect<NedapEmployee>(client.streamEmployees()),
    collect<NedapUser>(client.streamUsers()),
    client.roles(),
    client.teams(),
    client.locations(),
  ]);
  return { employees, users, roles, teams, locations };
}

/** Everything a Nedap plan needs besides the persons, read side by side with Visma and AD. */
export interface NedapPlanState {
  readonly settings: NedapSettings;
  readonly read: NedapRead;
  readonly records: NedapRecords;
}

/** Read Nedap Ons (bulk streams and reference lists); the ledger's records are added by the caller. */
export async function readNedapState(
  nedap: NedapOnsConfig,
  env: NodeJS.ProcessEnv,
  onRead?: (progress: NedapReadProgress) => void,
): Promise<Omit<NedapPlanState, 'records'>> {
  const started = Date.now();
  const settings = await nedapSettings(nedap);
  const read = await withNedapClient(nedap, env, readNedap);
  onRead?.({ employees: read.employees.length, users: read.users.length, elapsedMs: Date.now() - started });
  return { settings, read };
}

/**
 * What the ledger says this app assigned in Nedap Ons, and why that is not (all) known when it is
 * not: the ledger file is damaged (AD runs stop; Nedap writes the desired sets again, which is safe
 * because each write is the complete set this connector owns), the old record could not be moved
 * in, or the ledger holds no Nedap user although the history shows earlier writes to Nedap Ons.
 */
export async function nedapRecordsFor(dataDir: string, ledger: LedgerRead, file: string): Promise<NedapRecords> {
  if (ledger.kind === 'damaged') {
    return {
      records: new Map(),
      problem: `${ledger.problem} (Active Directory runs stop until it is restored from a backup or removed; until then every Nedap Ons run writes the desired sets again)`,
    };
  }
  const records = nedapRecordsOf(ledger.ledger);
  if (ledger.legacyProblem !== null) return { records, problem: ledger.legacyProblem };
  if (records.size === 0 && wroteTo((await new RunStore(dataDir).list()).runs, 'nedap-ons')) {
    return { records, problem: `the entitlement ledger ${file} holds no Nedap Ons user although earlier runs wrote to Nedap Ons (the record was lost or replaced)` };
  }
  return { records, problem: null };
}

/**
 * Where a Nedap apply records its writes: the ledger file, or nowhere but the run history while the
 * file is damaged (it is left as it is for the admin to restore).
 */
export function nedapLedger(ledger: LedgerRead, file: LedgerPort): { readonly records: ReadonlyMap<string, NedapRecord>; readonly port: LedgerPort } {
  if (ledger.kind === 'damaged') return { records: new Map(), port: { change: () => Promise.resolve() } };
  return { records: nedapRecordsOf(ledger.ledger), port: file };
}

/**
 * Plan the Nedap Ons actions for the evaluated persons (numbering continues after `afterActions`), and
 * list the persons held for doubtful HR data with their Nedap users.
 */
export function planNedapTarget(
  config: AppConfig,
  state: NedapPlanState,
  imported: { readonly persons: readonly Person[]; readonly doubtful: readonly DoubtfulPerson[]; readonly complete: boolean },
  asOf: IsoDate,
  afterActions: number,
): { readonly actions: readonly NedapAction[]; readonly findings: readonly Finding[]; readonly held: readonly HeldPerson[] } {
  return planNedapWithDoubts({
    persons: imported.persons,
    sourceComplete: imported.complete,
    asOf,
    lifecycle: config.policy,
    rules: config.policy.rules,
    settings: state.settings,
    read: state.read,
    records: state.records,
    firstNumber: afterActions + 1,
  }, imported.doubtful);
}

/** Apply Nedap Ons actions, re-validated against the current config. */
export async function applyNedap(input: {
  readonly nedap: NedapOnsConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly actions: readonly NedapAction[];
  /** What the ledger records, and where the writes are recorded ({@link nedapLedger}). */
  readonly ledger: { readonly records: ReadonlyMap<string, NedapRecord>; readonly port: LedgerPort };
  /** Why an action may not be applied under the current configuration, or null. */
  readonly vet: (action: NedapAction) => string | null;
  readonly onOutcome: (outcome: ActionOutcome) => Promise<void>;
  readonly signal?: AbortSignal;
}): Promise<readonly ActionOutcome[]> {
  const { nedap } = input;
  return withNedapClient(nedap, input.env, (client) =>
    applyNedapActions(input.actions, {
      port: client,
      records: input.ledger.records,
      ledger: input.ledger.port,
      source: nedap.source,
      deleteUsers: nedap.deleteUsers,
      parallelUsers: nedap.maxInFlight,
      vet: input.vet,
      onOutcome: input.onOutcome,
      ...(input.signal ? { signal: input.signal } : {}),
    }),
  );
}
