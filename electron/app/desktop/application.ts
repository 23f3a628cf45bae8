import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Provisioner } from '../provisioner';
import type { ImportResult, ProgressEvent } from '../provisioner';
import type { AppConfig } from '../config';
import { ConfigError } from '../config';
import type { Plan } from '../../engine/model/plan';
import type { RunRecord, RunTrigger } from '../../engine/model/run';
import type { IsoDate } from '../../engine/model/iso-date';
import { DEFAULT_TIME_ZONE, todayIn } from '../../engine/model/time-zone';
import { writePrivateFileAtomic } from '../../engine/state/private-file';
import { VismaExportError } from '../../engine/visma/errors';
import { DirectoryError } from '../../engine/ad/directory';
import type { Api, ApiParsedArgs as ApiArgs, ApiValues } from '../../shared/contract';
import type { ExplainedActionDto, ExplanationDto, RunSummaryDto, StatusDto, TargetName } from '../../shared/dto';
import type { ExplainedAction } from '../explain';
import { fail, ok } from '../../shared/result';
import type { ApiResult } from '../../shared/result';
import { SECRET_NAMES } from '../../shared/settings';
import type { SecretName, SettingsDto } from '../../shared/settings';
import type { SettingsPort } from './settings-port';
import { composeConfig, configProblems, inlineSecrets, withoutSecrets } from './compose-config';
import { PlanView, runDto, runSummaryDto } from './to-dto';
import type { PlanIndex } from './plan-index';
import { runCsv } from './run-csv';
import { leavers, personDetail, searchPersons } from './people';
import type { PeopleData } from './people';
import { testAd, testNedap, testSmtp, testVisma } from './connection-tests';
import { namingSamples } from './naming-samples';

/**
 * The application API of the desktop app: every operation the screens use, over the engine's
 * Provisioner, answering `{ ok, value } | { ok, error }`. Electron IPC, the web host and tests all
 * call this one object; no transport holds logic of its own.
 */

/** A ready-made demo environment (simulated Visma.net, throwaway AD) the first-run path can offer. */
export interface DemoPort {
  /** The engine configuration of the demo, and its secrets. */
  settings(): Promise<{ readonly config: Readonly<Record<string, unknown>>; readonly secrets: Partial<Record<SecretName, string>> }>;
}

/** What the application needs from its host. */
export interface ApplicationOptions {
  readonly settings: SettingsPort;
  /** Data directory of the host: the default `dataDir` of a configuration that names none. */
  readonly dataDir: string;
  readonly demo?: DemoPort;
  /** The next scheduled run (ISO), from the tray app's scheduler; the web host has none. */
  readonly nextRun?: () => string | null;
  /** Called after every run (tray state, notifications). */
  readonly onRunFinished?: (run: RunSummaryDto) => void;
  /** Called after settings were saved (the tray app re-reads its schedule). */
  readonly onSettingsSaved?: () => void;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly today?: () => IsoDate;
}

/**
 * The configuration sections a form check needs besides `visma` (which every configuration has):
 * testing one connection, or previewing names, must not fail on an unfinished part elsewhere.
 */
const FORM_SECTIONS = {
  visma: [],
  ad: ['ad'],
  'nedap-ons': ['nedapOns'],
  smtp: ['notices'],
  naming: ['ad', 'policy', 'timeZone'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

// An import is a full Visma export: the Person and Leavers screens reuse one for a minute.
const IMPORT_CACHE_MS = 60_000;

function notAvailable(what: string): ApiResult<never> {
  return fail('not-available', `${what} is not available in this version of HR Provisioner yet.`);
}

/** An error from anywhere below, as the UI shows it: a sentence, never a stack trace. */
export function describeFailure(error: unknown): ApiResult<never> {
  if (error instanceof ConfigError) return fail('invalid-settings', error.message, error.problems);
  if (error instanceof VismaExportError || error instanceof DirectoryError) return fail('connection-failed', error.message);
  return fail('failed', error instanceof Error ? error.message : String(error));
}

/** The application API over one settings store. */
export class Application implements Api {
  private plan: Plan | null = null;
  /** The current plan as the Preview screen reads it; rebuilt when the plan changes. */
  private view: PlanView | null = null;
  private syncing = false;
  private imported: { readonly at: number; readonly result: ImportResult } | null = null;

  constructor(private readonly options: ApplicationOptions) {}

  /** The current plan's view (built once per plan). */
  private planView(): PlanView | null {
    const plan = this.plan;
    if (!plan) return null;
    if (this.view?.plan !== plan) this.view = new PlanView(plan);
    return this.view;
  }

  /** The index of the current plan's actions. */
  private planIndex(): PlanIndex | null {
    return this.planView()?.index ?? null;
  }

  private today(): IsoDate {
    return (this.options.today ?? (() => todayIn(DEFAULT_TIME_ZONE)))();
  }

  private async secrets(): Promise<Partial<Record<SecretName, string>>> {
    const found: Partial<Record<SecretName, string>> = {};
    for (const name of SECRET_NAMES) {
      const value = await this.options.settings.getSecret(name);
      if (value !== null) found[name] = value;
    }
    return found;
  }

  /** The validated engine configuration; throws ConfigError when there is none or it is invalid. */
  private async config(): Promise<AppConfig> {
    const stored = await this.options.settings.load();
    if (!stored.config) throw new ConfigError('HR Provisioner is not set up yet: fill in Settings, or start with the demo data.');
    return composeConfig(stored.config, await this.secrets(), this.options.dataDir);
  }

  private async provisioner(config?: AppConfig): Promise<Provisioner> {
    return new Provisioner({ config: config ?? (await this.config()), ...(this.options.onProgress ? { onProgress: this.options.onProgress } : {}) });
  }

  /**
   * The configuration in the Settings form (unsaved edits included) with the stored secrets filled in
   * where the form left a secret blank, narrowed to `visma` and the `sections` a check needs. The
   * stored configuration when no form is given. Throws ConfigError naming the fields to correct.
   */
  private async formConfig(
    form: Readonly<Record<string, unknown>> | undefined,
    typed: Partial<Record<SecretName, string | undefined>> | undefined,
    sections: readonly string[],
  ): Promise<AppConfig> {
    if (!form) return this.config();
    const secrets = { ...(await this.secrets()), ...inlineSecrets(form), ...definedSecrets(typed ?? {}) };
    const narrowed = Object.fromEntries(Object.entries(form).filter(([key]) => key === 'visma' || sections.includes(key)));
    return composeConfig(narrowed, secrets, this.options.dataDir);
  }

  private async guarded<T>(work: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    try {
      return await work();
    } catch (error) {
      return describeFailure(error);
    }
  }

  private async runs(): Promise<readonly RunRecord[]> {
    try {
      return (await (await this.provisioner()).history()).runs;
    } catch (error) {
      if (error instanceof ConfigError) return [];
      throw error;
    }
  }

  async status(): Promise<ApiResult<StatusDto>> {
    return this.guarded(async () => {
      const stored = await this.options.settings.load();
      const runs = (await this.runs()).map(runSummaryDto);
      const lastRun = runs[0] ?? null;
      const findings = { error: 0, warning: 0, info: 0 };
      for (const finding of this.plan?.findings ?? []) findings[finding.severity] += 1;
      const leaversThisWeek = this.imported
        ? leavers(await this.peopleData(this.imported.result), new Set(), 7).upcoming.length
        : null;
      return ok({
        configured: stored.config !== null,
        demoAvailable: this.options.demo !== undefined,
        lastRun,
        recentRuns: runs.slice(0, 30).reverse(),
        nextRun: stored.desktop.schedule.paused ? null : (this.options.nextRun?.() ?? null),
        schedulePaused: stored.desktop.schedule.paused,
        syncing: this.syncing,
        attention: {
          failedActions: lastRun ? lastRun.counts.failed + lastRun.counts.blocked : 0,
          heldActions: this.plan?.safety?.heldForReview.length ?? 0,
          // The current plan's, or else those the last run recorded (they outlive the plan and a restart).
          heldPersons: this.plan ? this.plan.held.length : (lastRun?.heldPersons ?? 0),
          heldPersonsIn: this.plan ? 'plan' : 'run',
          guardStop: lastRun?.status === 'stopped-by-guard' || this.plan?.safety?.guard?.passed === false,
          findings,
          leaversThisWeek,
        },
      });
    });
  }

  async useDemoData(): Promise<ApiResult<SettingsDto>> {
    const demo = this.options.demo;
    if (!demo) return notAvailable('Demo data');
    return this.guarded(async () => {
      const { config, secrets } = await demo.settings();
      for (const [name, value] of Object.entries(secrets) as [SecretName, string][]) await this.options.settings.setSecret(name, value);
      const stored = await this.options.settings.load();
      await this.options.settings.save({ ...stored, config: withoutSecrets(config) });
      return this.getSettings();
    });
  }

  async getSettings(): Promise<ApiResult<SettingsDto>> {
    return this.guarded(async () => {
      const stored = await this.options.settings.load();
      const secrets = await this.secrets();
      const problems = stored.config ? configProblems(() => composeConfig(stored.config ?? {}, secrets, this.options.dataDir)) : [];
      const set = Object.fromEntries(SECRET_NAMES.map((name) => [name, secrets[name] !== undefined])) as Record<SecretName, boolean>;
      return ok({ config: stored.config ? withoutSecrets(stored.config) : null, secrets: set, desktop: stored.desktop, problems });
    });
  }

  async saveSettings(args: ApiArgs<'saveSettings'>): Promise<ApiResult<SettingsDto>> {
    return this.guarded(async () => {
      const secrets = { ...(await this.secrets()), ...inlineSecrets(args.config), ...definedSecrets(args.secrets) };
      // Validate the whole before storing any of it: a refused save changes nothing.
      const problems = configProblems(() => composeConfig(args.config, secrets, this.options.dataDir));
      if (problems.length > 0) return fail('invalid-settings', 'The settings were not saved: correct the fields named below.', problems);
      for (const [name, value] of Object.entries(secrets) as [SecretName, string][]) await this.options.settings.setSecret(name, value);
      await this.options.settings.save({ config: withoutSecrets(args.config), desktop: args.desktop });
      this.imported = null;
      this.options.onSettingsSaved?.();
      return this.getSettings();
    });
  }

  /** Test one connection with the values in the form; a blank secret field uses the stored secret. */
  async testConnection(args: ApiArgs<'testConnection'>): Promise<ApiResult<ApiValues['testConnection']>> {
    return this.guarded(async () => {
      const target = args.target;
      const config = await this.formConfig(args.config, args.secrets, FORM_SECTIONS[target]);
      switch (target) {
        case 'visma':
          return ok(await testVisma(config));
        case 'ad':
          return ok(await testAd(await this.provisioner(config)));
        case 'nedap-ons':
          return ok(await testNedap(config));
        case 'smtp':
          return ok(await testSmtp(config));
        default:
          return target satisfies never;
      }
    });
  }

  /** What the naming convention in the form makes of the sample names (as `cli naming --person`). */
  async namingPreview(args: ApiArgs<'namingPreview'>): Promise<ApiResult<ApiValues['namingPreview']>> {
    return this.guarded(async () => ok(namingSamples(await this.provisioner(await this.formConfig(args.config, args.secrets, FORM_SECTIONS.naming)))));
  }

  /** Import, plan and apply; the tray's scheduler calls this with trigger `schedule`. */
  async sync(trigger: RunTrigger): Promise<ApiResult<RunSummaryDto>> {
    if (this.syncing) return fail('busy', 'A sync is already running; wait for it to finish.');
    this.syncing = true;
    try {
      return await this.guarded(async () => {
        const provisioner = await this.provisioner();
        const plan = await provisioner.preview(this.today());
        return this.finishRun(await provisioner.apply({ plan, asOf: plan.asOf, trigger }), plan);
      });
    } finally {
      this.syncing = false;
    }
  }

  /**
   * After a run: a plan with actions held for review stays the current plan, so the admin can approve
   * them in Preview; any other plan was consumed, and the next preview reads the directory anew.
   */
  private finishRun(run: RunRecord, keepIfHeld: Plan | null = null): ApiResult<RunSummaryDto> {
    const held = keepIfHeld?.safety?.heldForReview.length ?? 0;
    this.plan = held > 0 && run.status !== 'failed' ? keepIfHeld : null;
    this.imported = null;
    const summary = runSummaryDto(run);
    this.options.onRunFinished?.(summary);
    return ok(summary);
  }

  syncNow(): Promise<ApiResult<RunSummaryDto>> {
    return this.sync('manual');
  }

  async preview(args: ApiArgs<'preview'>): Promise<ApiResult<ApiValues['preview']>> {
    return this.guarded(async () => {
      this.plan = await (await this.provisioner()).preview(args.asOf ?? this.today());
      this.view = new PlanView(this.plan);
      return ok(this.view.dto);
    });
  }

  async currentPlan(): Promise<ApiResult<ApiValues['currentPlan']>> {
    return ok(this.planView()?.dto ?? null);
  }

  /** The index of the plan the screen shows, or a failure when another plan has replaced it. */
  private shownIndex(planId: string): ApiResult<PlanIndex> {
    const index = this.planIndex();
    if (index?.planId === planId) return ok(index);
    return fail('not-found', 'This plan is no longer the current plan: open Preview again to see the current one.');
  }

  async planActions(args: ApiArgs<'planActions'>): Promise<ApiResult<ApiValues['planActions']>> {
    const index = this.shownIndex(args.planId);
    return index.ok ? ok(index.value.page(args.filters, args.offset, args.limit)) : index;
  }

  async planActionIds(args: ApiArgs<'planActionIds'>): Promise<ApiResult<ApiValues['planActionIds']>> {
    const index = this.shownIndex(args.planId);
    return index.ok ? ok(index.value.ids(args.filters)) : index;
  }

  private async findPlan(planId: string): Promise<Plan> {
    if (this.plan?.planId === planId) return this.plan;
    if (!/^[A-Za-z0-9-]+$/.test(planId)) throw new ConfigError(`"${planId}" is not a plan id`);
    // A saved plan is checked (seal, configuration, age) as the CLI checks one.
    return (await this.provisioner()).loadSavedPlan(path.join((await this.config()).dataDir, 'plans', `${planId}.json`));
  }

  async apply(args: ApiArgs<'apply'>): Promise<ApiResult<RunSummaryDto>> {
    if (this.syncing) return fail('busy', 'A sync is already running; wait for it to finish.');
    this.syncing = true;
    try {
      return await this.guarded(async () => {
        const plan = selectActions(await this.findPlan(args.planId), args.actionIds);
        const run = await (await this.provisioner()).apply({ plan, asOf: plan.asOf, trigger: 'manual', acceptSourceDrop: args.acceptSourceDrop === true });
        return this.finishRun(run, plan);
      });
    } finally {
      this.syncing = false;
    }
  }

  /** Approve held actions with a comment and apply the plan: the approved ones and everything not held. */
  async approveHeld(args: ApiArgs<'approveHeld'>): Promise<ApiResult<ApiValues['approveHeld']>> {
    if (this.syncing) return fail('busy', 'A sync is already running; wait for it to finish.');
    this.syncing = true;
    try {
      return await this.guarded(async () => {
        const plan = await this.findPlan(args.planId);
        const run = await (await this.provisioner()).apply({ plan, asOf: plan.asOf, trigger: 'manual', approve: args.actionIds, comment: args.comment });
        return this.finishRun(run);
      });
    } finally {
      this.syncing = false;
    }
  }

  async history(): Promise<ApiResult<ApiValues['history']>> {
    return this.guarded(async () => {
      const { runs, problems } = await (await this.provisioner()).history();
      return ok({ runs: runs.map(runSummaryDto), problems });
    });
  }

  private async findRun(runId: string): Promise<RunRecord | null> {
    return (await this.runs()).find((run) => run.runId === runId) ?? null;
  }

  async run(args: ApiArgs<'run'>): Promise<ApiResult<ApiValues['run']>> {
    return this.guarded(async () => {
      const run = await this.findRun(args.runId);
      return run ? ok(runDto(run)) : fail('not-found', `There is no run ${args.runId} in the history.`);
    });
  }

  async exportRunCsv(args: ApiArgs<'exportRunCsv'>): Promise<ApiResult<ApiValues['exportRunCsv']>> {
    return this.guarded(async () => {
      const run = await this.findRun(args.runId);
      if (!run) return fail('not-found', `There is no run ${args.runId} in the history.`);
      return ok({ fileName: `hr-provisioner-run-${run.startedAt.slice(0, 10)}-${run.runId.slice(0, 8)}.csv`, content: runCsv(runDto(run)) });
    });
  }

  /** The reverse of a run as a plan (nothing is written): it becomes the current plan, for Preview. */
  async undoRun(args: ApiArgs<'undoRun'>): Promise<ApiResult<ApiValues['undoRun']>> {
    return this.guarded(async () => {
      const { plan } = await (await this.provisioner()).undo(args.runId, { asOf: this.today(), apply: false, trigger: 'manual' });
      this.plan = plan;
      this.view = new PlanView(plan);
      return ok(this.view.dto);
    });
  }

  async lookAhead(args: ApiArgs<'lookAhead'>): Promise<ApiResult<ApiValues['lookAhead']>> {
    return this.guarded(async () => ok({ days: await (await this.provisioner()).lookAhead(this.today(), args.days) }));
  }

  private async importPersons(): Promise<ImportResult> {
    const asOf = this.today();
    if (this.imported && this.imported.result.asOf === asOf && Date.now() - this.imported.at < IMPORT_CACHE_MS) return this.imported.result;
    const result = await (await this.provisioner()).importPersons(asOf);
    this.imported = { at: Date.now(), result };
    return result;
  }

  private async peopleData(imported: ImportResult): Promise<PeopleData> {
    return {
      asOf: imported.asOf,
      persons: imported.persons,
      findings: imported.findings,
      planned: this.planIndex()?.actions ?? [],
      runs: (await this.runs()).map(runDto),
    };
  }

  private acknowledgedFile(config: AppConfig): string {
    return path.join(config.dataDir, 'acknowledged-leavers.json');
  }

  private async acknowledged(): Promise<Set<string>> {
    try {
      const ids = JSON.parse(await readFile(this.acknowledgedFile(await this.config()), 'utf8')) as unknown;
      return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
    } catch {
      return new Set();
    }
  }

  async leavers(): Promise<ApiResult<ApiValues['leavers']>> {
    return this.guarded(async () => {
      const data = await this.peopleData(await this.importPersons());
      return ok({ asOf: data.asOf, ...leavers(data, await this.acknowledged()) });
    });
  }

  async acknowledgeLeaver(args: ApiArgs<'acknowledgeLeaver'>): Promise<ApiResult<ApiValues['acknowledgeLeaver']>> {
    return this.guarded(async () => {
      const ids = await this.acknowledged();
      ids.add(args.personId);
      await writePrivateFileAtomic(this.acknowledgedFile(await this.config()), JSON.stringify([...ids]));
      return this.leavers();
    });
  }

  async searchPersons(args: ApiArgs<'searchPersons'>): Promise<ApiResult<ApiValues['searchPersons']>> {
    return this.guarded(async () => ok(searchPersons((await this.importPersons()).persons, args.query)));
  }

  async person(args: ApiArgs<'person'>): Promise<ApiResult<ApiValues['person']>> {
    return this.guarded(async () => {
      const detail = personDetail(await this.peopleData(await this.importPersons()), args.personId);
      return detail ? ok(detail) : fail('not-found', `No person ${args.personId} in today's HR data.`);
    });
  }

  /** A person's HR changes over time and why each past and planned action happened (as `cli explain --person`). */
  async explainPerson(args: ApiArgs<'explainPerson'>): Promise<ApiResult<ApiValues['explainPerson']>> {
    return this.guarded(async () => {
      const explained = await (await this.provisioner()).explain(args.personId);
      return ok(explanationDto(explained));
    });
  }

  async setSchedulePaused(args: ApiArgs<'setSchedulePaused'>): Promise<ApiResult<StatusDto>> {
    return this.guarded(async () => {
      const stored = await this.options.settings.load();
      await this.options.settings.save({ ...stored, desktop: { ...stored.desktop, schedule: { ...stored.desktop.schedule, paused: args.paused } } });
      this.options.onSettingsSaved?.();
      return this.status();
    });
  }
}

/**
 * The plan narrowed to the chosen actions and every action they depend on (a group add needs its
 * create). A selection only ever narrows a plan; ids that are not in it are ignored.
 */
export function selectActions(plan: Plan, actionIds: readonly string[] | undefined): Plan {
  if (!actionIds) return plan;
  const byId = new Map(plan.actions.map((a) => [a.id, a]));
  const chosen = new Set<string>();
  const visit = (id: string): void => {
    const action = byId.get(id);
    if (!action || chosen.has(id)) return;
    chosen.add(id);
    action.dependsOn.forEach(visit);
  };
  actionIds.forEach(visit);
  return { ...plan, actions: plan.actions.filter((a) => chosen.has(a.id)) };
}

/** The secrets the admin typed; a blank (absent) field keeps the stored one. */
function definedSecrets(typed: Partial<Record<SecretName, string | undefined>>): Partial<Record<SecretName, string>> {
  return Object.fromEntries(Object.entries(typed).filter(([, value]) => typeof value === 'string')) as Partial<Record<SecretName, string>>;
}

function explainedActionDto(action: ExplainedAction): ExplainedActionDto {
  return {
    runId: action.runId, at: action.at, target: action.target as TargetName, action: action.action, account: action.account,
    outcome: action.outcome, reasons: action.reasons, hrChanges: action.hrChanges,
  };
}

/** `explain`'s answer for the Person screen. */
function explanationDto(explained: Awaited<ReturnType<Provisioner['explain']>>): ExplanationDto {
  return {
    personId: explained.personId,
    hrHistory: explained.hrHistory,
    past: explained.past.map(explainedActionDto),
    planned: explained.planned.map(explainedActionDto),
  };
}
