import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NedapClient, type NedapClientOptions } from '../../engine/nedap-ons/client';
import { startNedapSimulator, type NedapFaults, type RunningNedapSimulator } from './server';
import type { NedapSeed } from './state';
import { makeTestPki, type TestPki } from './test-pki';
import { DEMO_LOCATIONS, DEMO_ROLES, DEMO_TEAMS } from './generate';

/** A running simulator with its PKI, for tests; `stop()` closes it and removes the PKI. */
export interface NedapFixture {
  readonly simulator: RunningNedapSimulator;
  readonly pki: TestPki;
  /** A client with the good certificate (or `pfx`), closed by `stop()`. */
  client(overrides?: Partial<NedapClientOptions> & { readonly pfxFile?: string }): Promise<NedapClient>;
  stop(): Promise<void>;
}

/** Employees for `identificationNos`, with the demo roles, teams and locations. */
export function seedOf(identificationNos: readonly string[]): NedapSeed {
  return {
    employees: identificationNos.map((identificationNo) => ({ identificationNo, firstName: 'Test', lastName: identificationNo })),
    roles: DEMO_ROLES,
    teams: DEMO_TEAMS,
    locations: DEMO_LOCATIONS,
  };
}

/** Make a PKI and start the simulator on it. */
export async function startNedapFixture(seed: NedapSeed, faults: NedapFaults = {}): Promise<NedapFixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-nedap-pki-'));
  const pki = await makeTestPki(dir);
  const simulator = await startNedapSimulator({
    seed,
    faults,
    environment: pki.environment,
    tls: { keyPem: pki.serverKeyPem, certPem: pki.serverCertPem, caPem: pki.caPem },
  });
  const clients: NedapClient[] = [];
  return {
    simulator,
    pki,
    client: async (overrides = {}) => {
      const client = new NedapClient({
        baseUrl: simulator.baseUrl,
        pfx: await readFile(overrides.pfxFile ?? pki.clientPfx),
        pfxPassword: pki.pfxPassword,
        ca: pki.caPem,
        maxInFlight: 4,
        timeoutMs: 5_000,
        backoff: { baseDelayMs: 5, maxDelayMs: 20 },
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.close();
      await simulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
