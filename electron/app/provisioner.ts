import type { AppConfig } from './config';
import { resolveSecret } from './config';
import { fetchVismaExport } from '../engine/visma/client';
import type { VismaProgressEvent } from '../engine/visma/options';
import { evaluateExport } from '../engine/policy/evaluate';
import type { Finding } from '../engine/model/finding';
import type { IsoDate } from '../engine/model/iso-date';
import type { Person } from '../engine/model/person';
import type { RunRecord } from '../engine/model/run';
import { RunStore } from '../engine/history/run-store';

/**
 * The application API: the one set of operations the CLI, the tray app (over IPC) and the web host
 * all call. It wires configuration to the engine; it holds no UI and imports no Electron.
 */

/** Progress the services report while they work; the CLI prints it, the UI will show it. */
export type ProgressEvent = { readonly kind: 'visma'; readonly event: VismaProgressEvent };

/** Result of reading and evaluating the HR source. */
export interface ImportResult {
  readonly asOf: IsoDate;
  readonly persons: readonly Person[];
  readonly findings: readonly Finding[];
}

/** Everything the services need from outside, so tests and the demo can supply their own. */
export interface ProvisionerOptions {
  readonly config: AppConfig;
  readonly env?: NodeJS.ProcessEnv;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
}

/** Application services over one configuration. */
export class Provisioner {
  private readonly config: AppConfig;
  private readonly env: NodeJS.ProcessEnv;
  private readonly onProgress: (event: ProgressEvent) => void;
  private readonly signal: AbortSignal | undefined;

  constructor(options: ProvisionerOptions) {
    this.config = options.config;
    this.env = options.env ?? process.env;
    this.onProgress = options.onProgress ?? (() => {});
    this.signal = options.signal;
  }

  /** Read every Visma export and evaluate persons as of `asOf`. Fails before anything is written. */
  async importPersons(asOf: IsoDate): Promise<ImportResult> {
    const { visma, policy } = this.config;
    const vismaExport = await fetchVismaExport({
      tokenUrl: visma.tokenUrl,
      baseUrl: visma.baseUrl,
      clientId: visma.clientId,
      clientSecret: resolveSecret(visma.clientSecret, 'visma.clientSecret', this.env),
      tenantId: visma.tenantId,
      includePersonalData: visma.includePersonalData,
      jobTimeoutMs: visma.jobTimeoutSeconds * 1000,
      onProgress: (event) => this.onProgress({ kind: 'visma', event }),
      ...(this.signal ? { signal: this.signal } : {}),
    });
    const { persons, findings } = evaluateExport({
      export: vismaExport,
      asOf,
      lifecycle: policy,
      primaryContractOrder: policy.primaryContractOrder,
      cutOffDays: visma.cutOffDays,
    });
    return { asOf, persons, findings };
  }

  /** Recorded apply runs, newest first. */
  async history(): Promise<{ readonly runs: readonly RunRecord[]; readonly problems: readonly string[] }> {
    return new RunStore(this.config.dataDir).list();
  }
}
