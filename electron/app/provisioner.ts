import type { AppConfig, NedapOnsConfig } from './config';
import { applyNedap, nedapLedger, nedapRecordsFor, planNedapTarget, readNedapState, type NedapPlanState, type NedapReadProgress } from './nedap-target';
import { ConfigError, resolveSecret } from './config';
import { fetchVismaExport } from '../engine/visma/client';
import { evaluateImport } from '../engine/import/evaluate-import';
import type { EvaluatedImport } from '../engine/import/evaluate-import';
import { EVALUATED_COLUMNS } from '../engine/visma/datasets';
import type { VismaProgressEvent } from '../engine/visma/options';
import type { IsoDate } from '../engine/model/iso-date';
import type { Person, PersonName } from '../engine/model/person';
import type { ActionOutcome, RunRecord, RunTrigger } from '../engine/model/run';
import { summarisePlan, type AdAction, type LedgerNote, type NedapAction, type Plan, type TargetName } from '../engine/model/plan';
import type { LedgerChange } from '../engine/model/ledger';
import type { AdAccount } from '../engine/model/ad-account';
import { RunStore } from '../engine/history/run-store';
import type { OpenRunFile } from '../engine/history/run-store';
import { acquireRunLock } from '../engine/history/run-lock';
import { LdapDirectory } from '../engine/ad/directory';
import { dnEquals, isWithin, parentDn } from '../engine/ad/dn';
import { disabledOnFromHistory } from '../engine/history/disabled-on';
import { isEnabled } from '../engine/model/ad-account';
import type { Directory, DirectoryServerInfo, NamesInUse } from '../engine/ad/directory';
import { planAd } from '../engine/plan/ad-plan';
import { loadPlan, savePlan } from '../engine/plan/plan-file';
import { loadPlanKey } from '../engine/plan/plan-seal';
import { accountMismatch, validatePlan } from '../engine/plan/validate-plan';
import type { PlanScope } from '../engine/plan/validate-plan';
import { pruneOlderThan, retentionCutoff } from '../engine/state/retention';
import { RetiredNameStore } from '../engine/state/retired-names';
import { LedgerFile, usableLedger, type EntitlementLedger, type LedgerRead } from '../engine/state/entitlement-ledger';
import { configFingerprint } from './config-fingerprint';
import { prepareDataDir } from './data-dir';
import { applyAdActions } from '../engine/apply/apply-ad';
import { applyByTarget } from '../engine/apply/apply-plan';
import { directoryPort, toAdAccount } from '../engine/apply/directory-port';
import { attributeMappings } from './attributes-config';
import { namingConvention } from './naming-config';
import { todayIn } from '../engine/model/time-zone';
import { desiredAccount, desiredAccounts, stampDate } from '../engine/ad/desired';
import { namingSample, type NamingSample } from '../engine/ad/naming-sample';
import { firstRdnValue } from '../engine/ad/naming-dn';
import { generatePassword } from '../engine/ad/password';
import type { AdPolicy, AdTargetSettings } from '../engine/ad/ad-policy';
import path from 'node:path';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { compressPersons, SnapshotStore } from '../engine/history/snapshot-store';
import type { CompressedPersons } from '../engine/history/snapshot-store';
import { gateRun, guardPlan } from './safety';
import { notifyRun } from './notify';
import { readOutbox } from '../engine/notices/outbox';
import type { OutboxState } from '../engine/notices/outbox';
import type { AccountAddress } from '../engine/notices/run-notices';
import { lookAhead } from '../engine/plan/look-ahead';
import type { LookAheadDay } from '../engine/plan/look-ahead';
import { applyExclusions } from '../engine/plan/exclusions';
import { managedOus } from '../engine/plan/correlate';
import { LOGON_ATTRIBUTES, undoPlanFor } from './undo';
import { explainPerson } from './explain';
import type { Explanation } from './explain';
import type { ApplyDecisions } from './safety';

/**
 * The application API: the one set of operations the CLI, the tray app (over IPC) and the web host
 * all call. It wires configuration to the engine; it holds no UI and imports no Electron.
 */

/** Progress the services report while they work; the CLI prints it, the UI will show it. */
export type ProgressEvent =
  | { readonly kind: 'visma'; readonly event: VismaProgressEvent }
  | { readonly kind: 'directory'; readonly phase: 'reading' | 'read'; readonly accounts?: number; readonly elapsedMs: number }
  | ({ readonly kind: 'nedap-ons' } & NedapReadProgress)
  | { readonly kind: 'apply'; readonly done: number; readonly total: number }
  | { readonly kind: 'notices'; readonly message: string };

/** What `naming --check` reports: existing managed accounts the configured convention would change. */
export interface NamingCheck {
  /** Accounts whose display name would change. */
  readonly displayName: number;
  /** Accounts whose CN would change. */
  readonly cn: number;
  /** New accounts the plan would create (for scale; their names are new anyway). */
  readonly created: number;
}

/** Result of reading and evaluating the HR source. */
export interface ImportResult extends EvaluatedImport {
  readonly asOf: IsoDate;
}

/** Everything the services need from outside, so tests and the demo can supply their own. */
export interface ProvisionerOptions {
  readonly config: AppConfig;
  readonly env?: NodeJS.ProcessEnv;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
  /** Opens the directory; tests may hand in their own. Default: ldapts over LDAPS / StartTLS. */
  readonly openDirectory?: (config: AdConnection) => Directory;
  /** Creates run files of the history; tests may make writes fail as a full disk would. */
  readonly openRunFile?: OpenRunFile;
}

/** The history could not be written: the run stopped before its next write to a target. */
export class HistoryWriteError extends Error {
  override readonly name = 'HistoryWriteError';
}

/** What apply takes: a saved plan (or a fresh preview of `asOf`), and the targets it may write. */
export interface ApplyInput {
  readonly plan?: Plan;
  readonly asOf: IsoDate;
  readonly trigger: RunTrigger;
  /** Limit the run to these targets (default: every configured one). */
  readonly targets?: readonly TargetName[];
}

/** What it takes to reach the directory, secrets resolved. */
export interface AdConnection {
  readonly url: string;
  readonly bindDn: string;
  readonly bindPassword: string;
  readonly caFile: string;
  readonly tlsServerName?: string;
  readonly timeoutMs: number;
  readonly pageSize: number;
  readonly readConnections: number;
  readonly baseDn: string;
}

/** An apply: a saved plan (or a fresh preview as of `asOf`), with the admin's overrides and approvals. */
export interface ApplyInput extends ApplyDecisions {
  readonly plan?: Plan;
  readonly asOf: IsoDate;
  readonly trigger: RunTrigger;
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
    this.openDirectory = options.openDirectory ?? ((connection) => new LdapDirectory(connection));
    this.openRunFile = options.openRunFile;
  }

  private readonly openRunFile: OpenRunFile | undefined;

  private readonly openDirectory: (config: AdConnection) => Directory;

  /** Read every Visma export and evaluate persons as of `asOf`. Fails before anything is written. */
  async importPersons(asOf: IsoDate, signal: AbortSignal | undefined = this.signal): Promise<ImportResult> {
    const { visma, policy } = this.config;
    const vismaExport = await fetchVismaExport({
      tokenUrl: visma.tokenUrl,
      baseUrl: visma.baseUrl,
      clientId: visma.clientId,
      clientSecret: resolveSecret(visma.clientSecret, 'visma.clientSecret', this.env),
      tenantId: visma.tenantId,
      includePersonalData: visma.includePersonalData,
      jobTimeoutMs: visma.jobTimeoutSeconds * 1000,
      parallelJobs: visma.parallelJobs,
      encoding: visma.encoding,
      // Rows carry only what the evaluation reads: a quarter of the columns, less to store, hand over and collect.
      rowColumns: [...EVALUATED_COLUMNS],
      onProgress: (event) => {
        if (!signal?.aborted) this.onProgress({ kind: 'visma', event });
      },
      ...(signal ? { signal } : {}),
    });
    const evaluated = evaluateImport(vismaExport, {
      asOf,
      lifecycle: policy,
      primaryContractOrder: policy.primaryContractOrder,
      cutOffDays: visma.cutOffDays,
      timeZone: this.config.timeZone,
      ...(this.config.links ? { links: this.config.links } : {}),
      allowEmptyDatasets: visma.allowEmptyDatasets,
    });
    return { asOf, ...evaluated };
  }

  /**
   * Read every side and plan the changes of each target as of `asOf` (by default every configured
   * target; `targets` limits it). Writes nothing to a target; the plan is saved under the data
   * directory (and to `out` when given).
   */
  async preview(asOf: IsoDate, out?: string, options: { readonly targets?: readonly TargetName[] } = {}): Promise<Plan> {
    const targets = this.targets(options.targets);
    await prepareDataDir(this.config.dataDir);
    // The HR snapshot this preview keeps is compressed while the directory is still being read; a preview
    // that fails stops it.
    const stop = new AbortController();
    let compressedPersons: CompressedPersons | undefined;
    try {
      const planned = await this.plan(asOf, targets, (imported) => { compressedPersons = compressPersons(imported.persons, stop.signal); });
      const plan = await guardPlan({
        plan: planned.plan,
        persons: planned.imported.persons,
        counts: planned.imported.counts,
        managedAccounts: planned.managedAccounts,
        config: this.config.safety,
        snapshots: new SnapshotStore(this.config.dataDir),
        ...(compressedPersons ? { compressedPersons } : {}),
      });
      await this.savePlanCopies(plan, out);
      return plan;
    } finally {
      stop.abort();
    }
  }

  /**
   * Reads every side and plans each target, before the safety guard and saving nothing: `managedAccounts`
   * counts, per target, the accounts the product manages (the base of percentage limits). `onImported` gets
   * the evaluated import as soon as it is there, while the other sides may still be read.
   */
  private async plan(asOf: IsoDate, targets: readonly TargetName[], onImported?: (imported: ImportResult) => void): Promise<{
    readonly plan: Plan;
    readonly imported: ImportResult;
    readonly managedAccounts: Partial<Record<TargetName, number>>;
  }> {
    const ad = targets.includes('ad') ? this.adConfig() : null;
    const nedap = targets.includes('nedap-ons') ? this.nedapConfig() : null;
    const policy = ad ? this.adPolicy() : null;
    const settings = ad ? this.adSettings() : null;
    // Each person's desired account needs nothing from the directory: worked out as soon as the import is
    // there, while the directory may still be read, it leaves planning only what needs both.
    let desired: ReturnType<typeof desiredAccounts> | undefined;
    const [imported, directory, nedapRead] = await this.readSources(asOf, ad !== null, nedap, (done) => {
      onImported?.(done);
      if (policy && settings) desired = desiredAccounts(done.persons, asOf, policy, settings);
    });
    let plan: Plan = { planId: randomUUID(), asOf, createdAt: new Date().toISOString(), summary: summarisePlan([]), actions: [], unmanaged: [], held: [], findings: imported.findings };
    const managedAccounts: Partial<Record<TargetName, number>> = {};
    const ledgerFile = new LedgerFile(this.config.dataDir);
    const ledgerRead = await ledgerFile.read();
    if (ad && policy && settings && directory) {
      const planned = planAd({
        ...(desired ? { desired } : {}),
        ledger: usableLedger(ledgerRead),
        disabledOn: await this.disabledOnIfNeeded(directory.accounts),
        persons: imported.persons,
        doubtful: imported.doubtful,
        sourceComplete: imported.complete,
        accounts: directory.accounts,
        otherNames: directory.otherNames,
        retiredNames: await new RetiredNameStore(this.config.dataDir).taken(this.config.policy.retiredNameDays, new Date()),
        asOf,
        policy,
        settings,
        findings: imported.findings,
      });
      // Accounts outside baseDn were read for their names only; listing them all would bury the
      // unmanaged accounts the admin needs to see.
      const unmanaged = planned.unmanaged.filter((account) => isWithin(account.dn, ad.baseDn));
      plan = { ...planned, unmanaged };
      managedAccounts.ad = directory.accounts.filter((a) => isWithin(a.dn, ad.baseDn)).length - unmanaged.length;
    }
    if (nedapRead) {
      const nedapState: NedapPlanState = { ...nedapRead, records: await nedapRecordsFor(this.config.dataDir, ledgerRead, ledgerFile.file) };
      const nedapPart = planNedapTarget(this.config, nedapState, imported, asOf, plan.actions.length);
      const actions = [...plan.actions, ...nedapPart.actions];
      plan = { ...plan, actions, summary: summarisePlan(actions), held: [...plan.held, ...nedapPart.held], findings: [...plan.findings, ...nedapPart.findings] };
      // The users this app manages in Nedap Ons are the ones it recorded.
      managedAccounts['nedap-ons'] = nedapState.records.records.size;
    }
    return { plan, imported, managedAccounts };
  }

  /**
   * When the app disabled each account, from the run history; read only when some parked account
   * has lost its disable stamp (the history is the fallback for the delete grace period).
   */
  private async disabledOnIfNeeded(accounts: readonly AdAccount[]): Promise<ReadonlyMap<string, IsoDate>> {
    const disabledOu = this.adConfig().disabledOu;
    const unstamped = accounts.some((a) => !isEnabled(a) && dnEquals(parentDn(a.dn), disabledOu) && stampDate(a.description) === null);
    if (!unstamped) return new Map();
    return disabledOnFromHistory((await new RunStore(this.config.dataDir).list()).runs);
  }

  /**
   * The names the configured convention gives a sample person, as if nothing in the directory were
   * taken: the first `count` candidates of each name attribute and the display name. Reads nothing.
   */
  namingSample(name: PersonName, count: number): NamingSample {
    const sample: Person = {
      id: 'sample', employeeIds: ['sample'], name, gender: '', birthDate: null, company: null, businessEmail: '',
      contracts: [], primaryContractId: null, custom: {},
    };
    const { desired } = desiredAccount(sample, todayIn(this.config.timeZone), this.adPolicy(), this.adSettings());
    if (desired === null) throw new ConfigError('the sample person cannot have an account');
    return namingSample(desired, count);
  }

  /**
   * How many managed accounts would get another display name or CN under the configured convention
   * (a preview, saved nothing): what an admin wants to know before switching conventions.
   */
  async namingCheck(asOf: IsoDate): Promise<NamingCheck> {
    const { plan } = await this.plan(asOf, ['ad']);
    const actions = plan.actions.filter((a): a is AdAction => a.target === 'ad');
    const subject = (a: AdAction): string => a.account.objectGuid ?? a.account.dn;
    const touched = (attribute: string): Set<string> =>
      new Set(actions.filter((a) => a.action !== 'create' && a.changes.some((c) => c.attribute === attribute && c.before !== c.after)).map(subject));
    const renamed = new Set(
      actions
        .filter((a) => a.action === 'move')
        .filter((a) => a.changes.some((c) => c.attribute === 'dn' && typeof c.before === 'string' && typeof c.after === 'string' && firstRdnValue(c.before) !== firstRdnValue(c.after)))
        .map(subject),
    );
    const created = actions.filter((a) => a.action === 'create').length;
    return { displayName: touched('displayName').size, cn: renamed.size, created };
  }

  /** The targets of a run: those asked for, else every configured one (AD is required as before). */
  private targets(asked: readonly TargetName[] | undefined): readonly TargetName[] {
    if (asked && asked.length > 0) return asked;
    return this.config.nedapOns && !this.config.ad ? ['nedap-ons'] : this.config.nedapOns ? ['ad', 'nedap-ons'] : ['ad'];
  }

  private nedapConfig(): NedapOnsConfig {
    if (!this.config.nedapOns) throw new ConfigError('the configuration has no "nedapOns" section: add one to preview or apply Nedap Ons changes');
    return this.config.nedapOns;
  }

  /**
   * Visma, the directory and Nedap Ons are independent servers: reading them at once makes a preview
   * as long as the slowest instead of their sum. When one fails, Visma and the directory are
   * cancelled (and report no more progress), and the preview fails with the first error.
   */
  private async readSources(
    asOf: IsoDate,
    readAd: boolean,
    nedap: NedapOnsConfig | null,
    onImported?: (imported: ImportResult) => void,
  ): Promise<[ImportResult, Awaited<ReturnType<Provisioner['readDirectory']>> | null, Omit<NedapPlanState, 'records'> | null]> {
    const cancel = new AbortController();
    const outer = this.signal;
    const onOuterAbort = (): void => cancel.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const cancelling = <T>(work: Promise<T>): Promise<T> =>
      work.catch((error: unknown) => {
        cancel.abort(error);
        throw error;
      });
    try {
      // Every read settles before the preview answers: nothing of a cancelled read runs on after it.
      const [people, directory, nedapState] = await Promise.allSettled([
        cancelling(this.importPersons(asOf, cancel.signal).then((imported) => {
          onImported?.(imported);
          return imported;
        })),
        readAd ? cancelling(this.readDirectory(cancel.signal)) : null,
        nedap ? cancelling(readNedapState(nedap, this.env, (read) => this.onProgress({ kind: 'nedap-ons', ...read }))) : null,
      ]);
      if (people.status === 'fulfilled' && directory.status === 'fulfilled' && nedapState.status === 'fulfilled') {
        return [people.value, directory.value, nedapState.value];
      }
      // The first failure is the cause; the other reads only failed because they were cancelled.
      throw cancel.signal.reason;
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  /**
   * Read a plan saved by preview (under plans/ or the copy written with `--out`). It is refused unless
   * its seal matches this installation's key, it was made under the configuration as it is now, and it
   * is younger than `maxPlanAgeHours`.
   */
  async loadSavedPlan(file: string): Promise<Plan> {
    await prepareDataDir(this.config.dataDir);
    return loadPlan(path.resolve(file), {
      key: await loadPlanKey(this.config.dataDir),
      configFingerprint: configFingerprint(this.config),
      maxAgeHours: this.config.maxPlanAgeHours,
    });
  }

  /**
   * Every user account of the domain (or of baseDn when it lies outside the default naming context), and
   * the names that groups, computers and contacts hold there.
   */
  private readDirectory(signal?: AbortSignal): Promise<{ readonly accounts: readonly AdAccount[]; readonly otherNames: NamesInUse }> {
    return this.withDirectory(async (directory, ad) => {
      // The directory client has no cancel of its own: closing its connections ends the reads.
      const stop = (): void => void directory.close();
      signal?.addEventListener('abort', stop, { once: true });
      const started = Date.now();
      this.onProgress({ kind: 'directory', phase: 'reading', elapsedMs: 0 });
      // Logon names are unique in the whole domain, not only under baseDn: read every user account
      // so a name used elsewhere is never planned. Correlation still only looks under baseDn.
      const { defaultNamingContext } = await directory.testConnection();
      const domainDn = isWithin(ad.baseDn, defaultNamingContext) ? defaultNamingContext : ad.baseDn;
      const mapped = this.mappedAttributes();
      // A mapped attribute the schema lacks would fail every write: say so before anything is planned.
      const unknown = await directory.unknownAttributes(mapped);
      if (unknown.length > 0) {
        throw new ConfigError(`ad.attributes: the directory's schema has no attribute ${unknown.map((a) => `"${a}"`).join(', ')}; remove or correct the mapping`);
      }
      const [read, otherNames] = await Promise.all([directory.readAccounts(domainDn, mapped), directory.readNamesInUse(domainDn)]);
      const accounts = read.map(toAdAccount);
      signal?.removeEventListener('abort', stop);
      signal?.throwIfAborted();
      this.onProgress({ kind: 'directory', phase: 'read', accounts: accounts.length, elapsedMs: Date.now() - started });
      return { accounts, otherNames };
    });
  }

  /**
   * Apply a plan (a saved one, or a fresh preview when none is given) and record the run. Each
   * action is checked against the directory as it is now; what is already true is not redone.
   */
  async apply(input: ApplyInput): Promise<RunRecord> {
    await prepareDataDir(this.config.dataDir);
    const release = await acquireRunLock(this.config.dataDir);
    try {
      return await this.applyLocked(input);
    } finally {
      await release();
    }
  }

  private async applyLocked(input: ApplyInput): Promise<RunRecord> {
    const targets = this.targets(input.targets);
    const plan = input.plan ?? (await this.preview(input.asOf, undefined, { targets }));
    const record = await this.applyGated(plan, input, targets);
    // After the run, whatever its end: a mail problem never changes the run's outcome.
    const notices = await notifyRun({ config: this.config, env: this.env, run: record, plan, addresses: () => this.addresses() });
    if (typeof notices === 'string') this.onProgress({ kind: 'notices', message: notices });
    return record;
  }

  private async applyGated(plan: Plan, input: ApplyInput, targets: readonly TargetName[]): Promise<RunRecord> {
    const gate = gateRun(plan, input, { by: os.userInfo().username, at: new Date().toISOString() });
    // Whatever the plan says, only what the configuration allows now is written.
    const ledger = new LedgerFile(this.config.dataDir);
    const ledgerRead = await ledger.read();
    // A damaged ledger stops what AD would plan from it; Nedap Ons writes complete sets, so it goes on.
    const runsAd = this.config.ad !== undefined && targets.includes('ad');
    const refusals = validatePlan(plan, this.planScope(runsAd ? usableLedger(ledgerRead) : null));
    const store = new RunStore(this.config.dataDir, this.openRunFile ? { openFile: this.openRunFile } : {});
    await pruneOlderThan(store.directory, '.jsonl', retentionCutoff(this.config.retentionDays, new Date()));
    const run = await store.begin({ runId: randomUUID(), planId: plan.planId, asOf: plan.asOf, trigger: input.trigger, actions: plan.actions, safety: gate.safety, held: plan.held });
    // Stopped before any write: the record says why, in numbers.
    if (gate.stop) return run.finish(gate.stop, gate.error);
    const actions = gate.actions;
    let done = 0;
    // Nothing is written that the history does not know: once a line cannot be written, every later
    // outcome and every later target fails at once, before its first write.
    let historyFailure: HistoryWriteError | null = null;
    const record = async (outcome: ActionOutcome): Promise<void> => {
      if (historyFailure !== null) throw historyFailure;
      try {
        await run.record(outcome);
      } catch (error) {
        historyFailure = new HistoryWriteError(
          `the run history under ${store.directory} could not be written (${error instanceof Error ? error.message : String(error)}); the run stopped before its next write. Make room or fix the data directory, then preview again`,
        );
        throw historyFailure;
      }
      done += 1;
      this.onProgress({ kind: 'apply', done, total: actions.length });
    };
    const unlessHistoryFailed = <A, R>(applier: (own: readonly A[]) => Promise<R>) => async (own: readonly A[]): Promise<R> => {
      if (historyFailure !== null) throw historyFailure;
      return applier(own);
    };
    const failures = await applyByTarget(
      actions,
      {
        ad: runsAd
          ? unlessHistoryFailed((targetActions: readonly AdAction[]) =>
              this.applyAd(targetActions, refusals, record, { ledger, notes: plan.ledgerNotes ?? [], record: (changes) => run.recordLedger(changes) }),
            )
          : null,
        'nedap-ons': this.config.nedapOns && targets.includes('nedap-ons')
          ? unlessHistoryFailed((targetActions: readonly NedapAction[]) => this.applyNedap(targetActions, refusals, record, { read: ledgerRead, file: ledger }))
          : null,
      },
      record,
    );
    if (historyFailure !== null) throw historyFailure;
    // A target that could not be read or reached: nothing more was attempted there, and the run says why.
    if (failures.length > 0) {
      return run.finish('failed', failures.map((f) => (f.error instanceof Error ? f.error.message : String(f.error))).join('; '));
    }
    const finished = await run.finish('completed');
    // This import is now the one the guard compares the next ones with.
    const snapshots = new SnapshotStore(this.config.dataDir);
    const snapshot = plan.safety?.guard ? await snapshots.forPlan(plan.planId) : null;
    if (snapshot) await snapshots.setBaseline(snapshot);
    return finished;
  }

  private applyNedap(
    actions: readonly NedapAction[],
    refusals: ReadonlyMap<string, string>,
    record: (outcome: ActionOutcome) => Promise<void>,
    ledger: { readonly read: LedgerRead; readonly file: LedgerFile },
  ): Promise<readonly ActionOutcome[]> {
    return applyNedap({
      nedap: this.nedapConfig(),
      env: this.env,
      actions,
      ledger: nedapLedger(ledger.read, ledger.file),
      vet: (action) => refusals.get(action.id) ?? null,
      onOutcome: record,
      ...(this.signal ? { signal: this.signal } : {}),
    });
  }

  private applyAd(
    actions: readonly AdAction[],
    refusals: ReadonlyMap<string, string>,
    record: (outcome: ActionOutcome) => Promise<void>,
    ledger: { readonly ledger: LedgerFile; readonly notes: readonly LedgerNote[]; readonly record: (changes: readonly LedgerChange[]) => Promise<void> },
  ): Promise<readonly ActionOutcome[]> {
    const ruleGroups = this.ruleGroups();
    return this.withDirectory((directory, ad) =>
      applyAdActions(actions, {
        ledger: ledger.ledger,
        ledgerNotes: ledger.notes,
        mayAdopt: (group) => ruleGroups.some((g) => dnEquals(g, group)),
        onLedgerNotes: ledger.record,
        port: directoryPort(directory, ad.baseDn, this.mappedAttributes()),
        disabledOu: ad.disabledOu,
        managedOus: managedOus(this.adSettings()),
        generatePassword: (subject) => generatePassword(subject),
        vet: (action, current) => refusals.get(action.id) ?? accountMismatch(action, current),
        beforeDelete: (account) => this.retireNames(account),
        onOutcome: record,
        ...(this.signal ? { signal: this.signal } : {}),
      }),
    );
  }

  /** The names of an account about to be deleted stay taken for `policy.retiredNameDays`. */
  private retireNames(account: AdAccount): Promise<void> {
    return new RetiredNameStore(this.config.dataDir).record(account, new Date(), this.config.policy.retiredNameDays);
  }

  private adConfig(): NonNullable<AppConfig['ad']> {
    if (!this.config.ad) throw new ConfigError('the configuration has no "ad" section: add one to preview or apply Active Directory changes');
    return this.config.ad;
  }

  /** Every group DN some rule grants. */
  private ruleGroups(): readonly string[] {
    return this.config.policy.rules.flatMap((rule) => rule.grant.adGroups ?? []);
  }

  /** What the configuration (and, for revokes, the entitlement ledger) lets apply touch, per target. */
  private planScope(ledger: EntitlementLedger | null): PlanScope {
    const ad = this.config.ad;
    return {
      ad: ad
        ? {
            baseDn: ad.baseDn,
            usersOu: ad.usersOu,
            disabledOu: ad.disabledOu,
            ouByOrgUnit: ad.ouByOrgUnit,
            ruleGroups: this.ruleGroups(),
            ledgerGroups: ledger?.entitlements('ad') ?? [],
            // Mapped attributes are the product's too (identity and access attributes are refused at load).
            attributes: { mapped: this.mappedAttributes(), rename: this.config.policy.renameLogonNames },
          }
        : null,
      'nedap-ons': this.config.nedapOns ? { deleteUsers: this.config.nedapOns.deleteUsers } : null,
    };
  }

  private adSettings(): AdTargetSettings {
    const ad = this.adConfig();
    return {
      baseDn: ad.baseDn,
      usersOu: ad.usersOu,
      disabledOu: ad.disabledOu,
      ouByOrgUnit: ad.ouByOrgUnit,
      upnSuffix: ad.upnSuffix,
      mailDomain: ad.mailDomain,
    };
  }

  private adPolicy(): AdPolicy {
    const { policy } = this.config;
    return {
      lifecycle: policy,
      rules: policy.rules.map((rule) => ({ name: rule.name, when: rule.when, grant: { adGroups: rule.grant.adGroups ?? [] } })),
      templates: policy.templates,
      naming: namingConvention(policy.naming),
      attributes: attributeMappings(this.config.ad?.attributes),
      renameLogonNames: policy.renameLogonNames,
    };
  }

  /** The attributes `ad.attributes` maps, read with every account so the plan can compare them. */
  private mappedAttributes(): readonly string[] {
    return Object.keys(this.config.ad?.attributes ?? {});
  }

  private async withDirectory<T>(work: (directory: Directory, ad: NonNullable<AppConfig['ad']>) => Promise<T>): Promise<T> {
    const ad = this.adConfig();
    const directory = this.openDirectory({
      url: ad.url,
      bindDn: ad.bindDn,
      bindPassword: resolveSecret(ad.bindPassword, 'ad.bindPassword', this.env),
      caFile: ad.caFile,
      ...(ad.tlsServerName ? { tlsServerName: ad.tlsServerName } : {}),
      timeoutMs: ad.timeoutSeconds * 1000,
      pageSize: ad.pageSize,
      readConnections: ad.readConnections,
      baseDn: ad.baseDn,
    });
    try {
      return await work(directory, ad);
    } finally {
      await directory.close();
    }
  }

  /** Bind to the directory and read its root DSE: the Settings screen's Test button. Writes nothing. */
  async testDirectory(): Promise<DirectoryServerInfo> {
    return this.withDirectory((directory) => directory.testConnection());
  }

  /**
   * What will happen on each of the `days` days after `asOf` if HR data stays as it is, grouped by
   * day. Excluded persons are left out, as they are from every plan.
   */
  async lookAhead(asOf: IsoDate, days: number): Promise<readonly LookAheadDay[]> {
    const { persons } = await this.importPersons(asOf);
    const excluded = new Set(applyExclusions([], persons, this.config.safety.exclusions).excluded.map((e) => e.personId));
    return lookAhead(persons.filter((p) => !excluded.has(p.id)), asOf, days, this.config.policy);
  }

  /**
   * The reverse of run `runId`, planned against the directory as it is now and saved like any plan.
   * With `apply`, it is applied at once (and recorded as an undo of that run).
   */
  async undo(runId: string, options: { readonly asOf: IsoDate; readonly apply: boolean; readonly trigger: RunTrigger }): Promise<{ readonly plan: Plan; readonly run: RunRecord | null }> {
    const { runs } = await this.history();
    // Without an AD section only Nedap Ons actions can be reversed; the directory is not read.
    const accounts = this.config.ad ? await this.withDirectory((directory, ad) => directory.readAccounts(ad.baseDn, LOGON_ATTRIBUTES)) : [];
    const plan = undoPlanFor({ runs, runId, accounts, disabledOu: this.config.ad?.disabledOu ?? '', asOf: options.asOf });
    await this.savePlanCopies(plan);
    if (!options.apply) return { plan, run: null };
    return { plan, run: await this.apply({ plan, asOf: options.asOf, trigger: options.trigger }) };
  }

  /** Account names and mail addresses under baseDn by employeeID, for the notices. */
  private addresses(): Promise<ReadonlyMap<string, AccountAddress>> {
    return this.withDirectory(async (directory, ad) => {
      const accounts = await directory.readAccounts(ad.baseDn);
      return new Map(accounts.flatMap((a) => (a.employeeID ? [[a.employeeID, { sAMAccountName: a.sAMAccountName, mail: a.mail }] as const] : [])));
    });
  }

  /** The notice outbox: what was sent, and what waits because the mail server was down. */
  async notices(): Promise<OutboxState> {
    return readOutbox(this.config.dataDir);
  }

  /** A person's HR changes over time, their accounts, and why each past and planned action happened. */
  async explain(personId: string): Promise<Explanation> {
    const [snapshots, { runs }] = await Promise.all([new SnapshotStore(this.config.dataDir).all(), this.history()]);
    const latest = snapshots.at(-1);
    const latestPlan = latest ? await this.savedPlan(latest.planId) : null;
    return explainPerson({ id: personId, snapshots, runs, latestPlan });
  }

  /** The plan that preview saved under plans/ as `planId`, whatever its age; null when gone or not acceptable. */
  private async savedPlan(planId: string): Promise<Plan | null> {
    const file = path.join(this.config.dataDir, 'plans', `${planId}.json`);
    const acceptance = { key: await loadPlanKey(this.config.dataDir), configFingerprint: configFingerprint(this.config), maxAgeHours: Infinity };
    return loadPlan(file, acceptance).catch(() => null);
  }

  /** Save a plan, sealed, under plans/ (and to `out` when given); plans past the retention go. */
  private async savePlanCopies(plan: Plan, out?: string): Promise<void> {
    const sealing = { key: await loadPlanKey(this.config.dataDir), configFingerprint: configFingerprint(this.config) };
    const plans = path.join(this.config.dataDir, 'plans');
    await pruneOlderThan(plans, '.json', retentionCutoff(this.config.retentionDays, new Date()));
    await savePlan(path.join(plans, `${plan.planId}.json`), plan, sealing);
    if (out) await savePlan(path.resolve(out), plan, sealing);
  }

  /**
   * Recorded apply runs, newest first, and how far back the history reaches: runs older than
   * `retentionDays` are removed.
   */
  async history(): Promise<{ readonly runs: readonly RunRecord[]; readonly problems: readonly string[]; readonly keptSince: string; readonly retentionDays: number }> {
    await prepareDataDir(this.config.dataDir);
    const { runs, problems } = await new RunStore(this.config.dataDir).list();
    const keptSince = retentionCutoff(this.config.retentionDays, new Date()).toISOString().slice(0, 10);
    return { runs, problems, keptSince, retentionDays: this.config.retentionDays };
  }
}
