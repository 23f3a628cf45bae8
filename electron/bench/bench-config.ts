/**
 * The configuration files the bench hands to the application: written as JSON to the bench's temp
 * directory (the import child reads it back with `loadConfig`), secrets by environment variable only.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../app/config';
import type { AppConfig } from '../app/config';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';

/** Environment variable that carries the simulator's client secret. */
export const VISMA_SECRET_ENV = 'HRP_BENCH_VISMA_SECRET';
/** Environment variable that carries the DC's Administrator password. */
export const AD_PASSWORD_ENV = 'HRP_BENCH_AD_PASSWORD';

/** Where the application finds the simulator. */
export type VismaEndpoint = Pick<RunningVismaSimulator, 'baseUrl' | 'tokenUrl'>;

/** Client credentials the simulator accepts. */
export interface VismaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
}

/** Where the managed accounts of one bench section live. */
export interface BenchAdTarget {
  readonly url: string;
  readonly bindDn: string;
  readonly caFile: string;
  readonly tlsServerName: string;
  readonly baseDn: string;
  readonly usersOu: string;
  readonly disabledOu: string;
  /** Org-unit id to OU DN. */
  readonly ouByOrgUnit?: Readonly<Record<string, string>>;
}

/**
 * The raw JSON of a bench configuration: the simulator as HR source, no rules (no groups), default
 * lifecycle, and the AD target when given.
 */
export function benchConfigJson(input: {
  readonly simulator: VismaEndpoint;
  readonly credentials: VismaCredentials;
  readonly dataDir: string;
  readonly ad?: BenchAdTarget;
  /** Datasets the simulator serves empty on purpose (the apply section's joiners have no UDFs, for one). */
  readonly allowEmptyDatasets?: readonly string[];
}): Record<string, unknown> {
  const { simulator, credentials, ad } = input;
  return {
    visma: {
      tokenUrl: simulator.tokenUrl,
      baseUrl: simulator.baseUrl,
      clientId: credentials.clientId,
      clientSecret: { env: VISMA_SECRET_ENV },
      tenantId: credentials.tenantId,
      ...(input.allowEmptyDatasets ? { allowEmptyDatasets: input.allowEmptyDatasets } : {}),
    },
    ...(ad ? {
      ad: {
        url: ad.url,
        bindDn: ad.bindDn,
        bindPassword: { env: AD_PASSWORD_ENV },
        caFile: ad.caFile,
        tlsServerName: ad.tlsServerName,
        baseDn: ad.baseDn,
        usersOu: ad.usersOu,
        disabledOu: ad.disabledOu,
        ouByOrgUnit: ad.ouByOrgUnit ?? {},
        upnSuffix: 'test.local',
        mailDomain: 'zorg.example.nl',
      },
    } : {}),
    policy: { rules: [] },
    dataDir: input.dataDir,
  };
}

/** Validates `json` as the application would and writes it to `file`; returns the parsed config. */
export async function writeBenchConfig(file: string, json: Record<string, unknown>): Promise<AppConfig> {
  const config = parseConfig(json, path.dirname(file), `bench config ${file}`);
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`, 'utf8');
  return config;
}
