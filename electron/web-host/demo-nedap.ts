import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CsvRow } from '../engine/visma/datasets';
import { nedapSeedFromVisma } from '../simulators/nedap-ons/generate';
import { startNedapSimulator } from '../simulators/nedap-ons/server';
import { makeTestPki } from '../simulators/nedap-ons/test-pki';

/**
 * The Nedap Ons part of the demo: the simulator on 127.0.0.1 over mutual TLS, seeded with one Nedap
 * employee per employment the Visma simulator serves (a few deliberately missing), with a throwaway
 * PKI made by openssl (as the tests make theirs). Used by `npm run demo` (screens and `--cli`).
 */

/** A running demo Nedap Ons. */
export interface DemoNedap {
  /** The `nedapOns` configuration section, its `pfxPassword` left out (it is a secret). */
  readonly section: Readonly<Record<string, unknown>>;
  /** Rules that grant Nedap roles; added to the demo's AD rules. */
  readonly rules: readonly Readonly<Record<string, unknown>>[];
  readonly pfxPassword: string;
  readonly baseUrl: string;
  close(): Promise<void>;
}

// The generated organisation's first two regions (see the Visma simulator's org-structure.ts): Zorgteam,
// Wijkverpleging and Thuiszorg Noord (OE0012-OE0014) and Oost (OE0018-OE0020).
const TEAMS_BY_ORG_UNIT = { OE0012: [1], OE0013: [2], OE0014: [3], OE0018: [4], OE0019: [5] };
const LOCATIONS_BY_ORG_UNIT = { OE0012: [11], OE0013: [11], OE0014: [11], OE0018: [12], OE0019: [12], OE0020: [12] };

/** Start the simulator for the employments in `contracts` (the Visma contracts rows). */
export async function startDemoNedap(contracts: readonly CsvRow[]): Promise<DemoNedap> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hr-provisioner-demo-nedap-'));
  try {
    const pki = await makeTestPki(dir);
    const simulator = await startNedapSimulator({
      seed: nedapSeedFromVisma(contracts),
      environment: pki.environment,
      tls: { keyPem: pki.serverKeyPem, certPem: pki.serverCertPem, caPem: pki.caPem },
    });
    return {
      section: {
        baseUrl: simulator.baseUrl, pfxFile: pki.clientPfx, caFile: pki.caFile, source: 'HR Provisioner demo',
        teamsByOrgUnit: TEAMS_BY_ORG_UNIT, locationsByOrgUnit: LOCATIONS_BY_ORG_UNIT,
      },
      rules: [
        { name: 'Wijkverpleging', when: { orgUnitName: ['Wijkverpleging Noord', 'Wijkverpleging Oost', 'Wijkverpleging Zuid', 'Wijkverpleging West', 'Wijkverpleging Centrum'] }, grant: { nedapRoles: ['Wijkverpleging'] } },
        { name: 'Iedereen in Ons', when: {}, grant: { nedapRoles: ['Medewerker'] } },
      ],
      pfxPassword: pki.pfxPassword,
      baseUrl: simulator.baseUrl,
      close: async () => {
        await simulator.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
