import { ConfigError, loadConfig } from '../app/config';
import { isEntryPoint } from '../app/entry-point';
import type { IsoDate } from '../engine/model/iso-date';
import { todayIn } from '../engine/model/time-zone';
import { Provisioner } from '../app/provisioner';
import type { ProgressEvent } from '../app/provisioner';
import { parseCliArgs, USAGE, UsageError } from './args';
import type { CliArgs } from './args';
import { formatHistory, formatImport, formatPlan, formatProgress, formatRun } from './format';
import { formatNamingCheck, formatNamingSample } from './format-naming';
import { samplePersonName } from '../app/naming-config';
import { formatExplanation, formatLookAhead } from './format-safety';
import { formatNotices } from './format-notices';
import { ApprovalError } from '../engine/plan/limits';
import { UndoError } from '../app/undo';
import type { RunRecord } from '../engine/model/run';
import { PlanFileError } from '../engine/plan/plan-file';
import { PlanKeyError } from '../engine/plan/plan-seal';
import { DirectoryConfigError } from '../engine/ad/directory-errors';

/**
 * The headless command line over the application services. It prints one JSON object with
 * `--json`, a readable report otherwise; exit codes: 0 ok, 1 run failed, 2 bad usage or config,
 * 3 stopped by the source guard, 4 actions held for review.
 */

/** Where the CLI writes; injectable so tests can run it in-process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Run the CLI; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args: CliArgs | null;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args === null) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    const config = await loadConfig(args.config);
    const json = args.json;
    const onProgress = json ? undefined : (event: ProgressEvent) => {
      const line = formatProgress(event);
      if (line) io.out(`${line}\n`);
    };
    const provisioner = new Provisioner({ config, env: io.env, ...(onProgress ? { onProgress } : {}) });
    return await runCommand({ ...args, asOf: args.asOf ?? todayIn(config.timeZone) }, provisioner, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PlanFileError || error instanceof PlanKeyError || error instanceof DirectoryConfigError || error instanceof ApprovalError || error instanceof UndoError) {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runCommand(args: CliArgs & { readonly asOf: IsoDate }, provisioner: Provisioner, io: CliIo): Promise<number> {
  switch (args.command) {
    case 'import': {
      const result = await provisioner.importPersons(args.asOf);
      io.out(args.json ? `${JSON.stringify(result)}\n` : formatImport(result));
      return 0;
    }
    case 'history': {
      const history = await provisioner.history();
      const notices = await provisioner.notices();
      io.out(args.json ? `${JSON.stringify({ ...history, notices })}\n` : formatHistory(history) + formatNotices(notices));
      return 0;
    }
    case 'preview': {
      const plan = await provisioner.preview(args.asOf, args.out ?? undefined, args.target ? { targets: [args.target] } : {});
      const days = args.days === null ? null : await provisioner.lookAhead(args.asOf, args.days);
      io.out(args.json ? `${JSON.stringify(days === null ? plan : { ...plan, lookAhead: days })}\n` : formatPlan(plan, args.out) + (days === null ? '' : formatLookAhead(days)));
      return 0;
    }
    case 'apply': {
      const plan = args.plan ? await provisioner.loadSavedPlan(args.plan) : undefined;
      const run = await provisioner.apply({
        asOf: args.asOf,
        trigger: 'cli',
        acceptSourceDrop: args.acceptSourceDrop,
        ...(plan ? { plan } : {}),
        ...(args.target ? { targets: [args.target] } : {}),
        ...(args.approve ? { approve: args.approve, comment: args.comment ?? '' } : {}),
      });
      io.out(args.json ? `${JSON.stringify(runJson(run))}\n` : formatRun(run));
      return runExitCode(run);
    }
    case 'undo': {
      const { plan, run } = await provisioner.undo(args.run ?? '', { asOf: args.asOf, apply: args.yes, trigger: 'cli' });
      if (args.json) io.out(`${JSON.stringify({ plan, run: run ? runJson(run) : null })}\n`);
      else io.out(formatPlan(plan) + (run ? formatRun(run) : `Nothing was written. Apply this undo with: undo --run ${args.run ?? ''} --yes\n`));
      return run ? runExitCode(run) : 0;
    }
    case 'explain': {
      const explanation = await provisioner.explain(args.person ?? '');
      io.out(args.json ? `${JSON.stringify(explanation)}\n` : formatExplanation(explanation));
      return 0;
    }
    case 'naming':
      return runNaming(args, provisioner, io);
  }
}

async function runNaming(args: CliArgs & { readonly asOf: IsoDate }, provisioner: Provisioner, io: CliIo): Promise<number> {
  if (args.check) {
    const check = await provisioner.namingCheck(args.asOf);
    io.out(args.json ? `${JSON.stringify(check)}\n` : formatNamingCheck(check));
    return 0;
  }
  const person = samplePersonName(args.person ?? '');
  if (!person.ok) {
    io.err(`error: ${person.error}\n\n${USAGE}\n`);
    return 2;
  }
  const sample = provisioner.namingSample(person.name, args.count);
  io.out(args.json ? `${JSON.stringify(sample)}\n` : formatNamingSample(sample));
  return 0;
}

function runJson(run: RunRecord): unknown {
  return { runId: run.runId, status: run.status, outcomes: run.outcomes, summary: run.summary, error: run.error, safety: run.safety };
}

/** 0 ok; 1 failed (as a whole, or an action); 3 stopped by the source guard; 4 actions held for review. */
function runExitCode(run: RunRecord): number {
  if (run.status === 'stopped-by-guard') return 3;
  if (run.status !== 'completed' && run.status !== 'held-for-review') return 1;
  if (run.summary.failed > 0) return 1;
  return run.status === 'held-for-review' || (run.safety?.heldForReview.length ?? 0) > 0 ? 4 : 0;
}

// Run when executed directly (npm run cli), not when imported by a test.
if (isEntryPoint('electron/cli/main.ts', 'cli')) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
