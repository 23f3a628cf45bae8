/**
 * Nedap Ons apply bench, section 5 of `npm run bench` (issue 9): apply of `users` new users with their
 * duties against the Nedap Ons simulator answering after 20 ms, beside its floor: the same number of
 * requests through the same mTLS client with 4 in flight and nothing else. Goal: apply reaches >= 85 %
 * of the floor's rate. On its own:
 *
 *   npx tsx electron/bench/nedap-apply-bench.ts [--users 1000] [--latency-ms 20]
 *
 * Needs only openssl (no Samba): the PKI, the simulator and the data directory live under the OS temp
 * dir and are removed afterwards.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../app/entry-point';
import type { NedapAction } from '../engine/model/plan';
import { NedapClient } from '../engine/nedap-ons/client';
import { applyNedapActions } from '../engine/nedap-ons/apply-nedap';
import { LedgerFile } from '../engine/state/entitlement-ledger';
import { startNedapSimulator } from '../simulators/nedap-ons/server';
import { makeTestPki } from '../simulators/nedap-ons/test-pki';
import { DEMO_ROLES } from '../simulators/nedap-ons/generate';
import { seedOf } from '../simulators/nedap-ons/test-support';
import { seconds, verdict } from './stats';

/** Requests apply makes per new user: employee, user lookup, POST, PUT duties. */
const REQUESTS_PER_USER = 4;

function actionsFor(ids: readonly string[], employeeIds: ReadonlyMap<string, number>): NedapAction[] {
  const role = DEMO_ROLES[0]?.uuid ?? '';
  return ids.flatMap((identificationNo, i) => {
    const account = { identificationNo, employeeObjectId: employeeIds.get(identificationNo) ?? null, userUuid: null, userName: identificationNo };
    const create: NedapAction = { id: `c${i}`, target: 'nedap-ons', action: 'create-user', personId: null, account, changes: [], set: null, reasons: ['bench'], dependsOn: [] };
    return [create, { ...create, id: `d${i}`, action: 'set-duties', set: [role], dependsOn: [create.id] }];
  });
}

/** What the section reports. */
export interface NedapApplyFigures {
  readonly users: number;
  readonly latencyMs: number;
  readonly applyMs: number;
  readonly notDone: number;
  readonly floorRequests: number;
  readonly floorMs: number;
  /** floor time / apply time: the share of the floor's rate apply reaches. */
  readonly ratio: number;
  readonly maxInFlightSeen: number;
}

/** Apply `users` new users with duties against the simulator at `latencyMs` per request, and its floor. */
export async function runNedapApplySection(options: { readonly users: number; readonly latencyMs: number }): Promise<NedapApplyFigures> {
  const { users, latencyMs } = options;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-nedap-bench-'));
  const pki = await makeTestPki(path.join(dir, 'pki'));
  const ids = Array.from({ length: users }, (_, i) => `${100000 + i}-1`);
  const simulator = await startNedapSimulator({
    seed: seedOf(ids),
    environment: pki.environment,
    tls: { keyPem: pki.serverKeyPem, certPem: pki.serverCertPem, caPem: pki.caPem },
    faults: { latencyMs },
  });
  const client = new NedapClient({ baseUrl: simulator.baseUrl, pfx: await readFile(pki.clientPfx), pfxPassword: pki.pfxPassword, ca: pki.caPem, maxInFlight: 4, timeoutMs: 30_000 });
  try {
    const employeeIds = new Map([...simulator.state.employees.values()].map((e) => [e.identificationNo ?? '', e.id]));
    const floorRequests = users * REQUESTS_PER_USER;
    let next = 0;
    const floorStarted = performance.now();
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < floorRequests) {
        next += 1;
        await client.roles();
      }
    }));
    const floorMs = performance.now() - floorStarted;
    const applyStarted = performance.now();
    const outcomes = await applyNedapActions(actionsFor(ids, employeeIds), {
      port: client,
      records: new Map(),
      ledger: new LedgerFile(path.join(dir, 'data')),
      source: 'bench',
      deleteUsers: false,
      parallelUsers: 4,
      onOutcome: async () => {},
    });
    const applyMs = performance.now() - applyStarted;
    const notDone = outcomes.filter((o) => o.outcome !== 'created' && o.outcome !== 'updated').length;
    return { users, latencyMs, applyMs, notDone, floorRequests, floorMs, ratio: floorMs / applyMs, maxInFlightSeen: simulator.maxInFlightSeen };
  } finally {
    client.close();
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report lines of the section. */
export function nedapApplyReport(f: NedapApplyFigures): string[] {
  return [
    `5. Nedap Ons apply of ${f.users} new users with their duties, simulator answering after ${f.latencyMs} ms`,
    `   apply ${seconds(f.applyMs)} (${f.notDone} not done); floor: ${f.floorRequests} requests at 4 in flight in ${seconds(f.floorMs)}; max in flight seen ${f.maxInFlightSeen}`,
    `   apply reaches ${(f.ratio * 100).toFixed(1)} % of the floor (goal >= 85 %: ${verdict(f.ratio >= 0.85)})`,
  ];
}

// isEntryPoint, not import.meta.url: inside the bench's bundle every module has the bundle's URL, so that test
// started a second Nedap apply of 1,000 users beside section 1 (and refused the bench's own options).
if (isEntryPoint('electron/bench/nedap-apply-bench.ts', 'bench-nedap-apply')) {
  const { values } = parseArgs({ options: { users: { type: 'string', default: '1000' }, 'latency-ms': { type: 'string', default: '20' } }, strict: true });
  runNedapApplySection({ users: Number(values.users), latencyMs: Number(values['latency-ms']) }).then(
    (figures) => process.stdout.write(`${nedapApplyReport(figures).join('\n')}\n`),
    (error: unknown) => {
      process.stderr.write(`nedap bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
