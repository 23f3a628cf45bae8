import { ConfigError, loadConfig } from '../app/config';
import { Provisioner } from '../app/provisioner';
import type { ProgressEvent } from '../app/provisioner';
import { parseCliArgs, USAGE, UsageError } from './args';
import type { CliArgs } from './args';
import { formatHistory, formatImport, formatPlan, formatProgress, formatRun } from './format';
import { PlanFileError } from '../engine/plan/plan-file';
import { PlanKeyError } from '../engine/plan/plan-seal';
import { DirectoryConfigError } from '../engine/ad/directory-errors';

/**
 * The headless command line over the application services. It prints one JSON object with
 * `--json`, a readable report otherwise; exit codes: 0 ok, 1 run failed, 2 bad usage or config.
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
    return await runCommand(args, provisioner, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PlanFileError || error instanceof PlanKeyError || error instanceof DirectoryConfigError) {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runCommand(args: CliArgs, provisioner: Provisioner, io: CliIo): Promise<number> {
  switch (args.command) {
    case 'import': {
      const result = await provisioner.importPersons(args.asOf);
      io.out(args.json ? `${JSON.stringify(result)}\n` : formatImport(result));
      return 0;
    }
    case 'history': {
      const history = await provisioner.history();
      io.out(args.json ? `${JSON.stringify(history)}\n` : formatHistory(history));
      return 0;
    }
    case 'preview': {
      const plan = await provisioner.preview(args.asOf, args.out ?? undefined, args.target ? { targets: [args.target] } : {});
      io.out(args.json ? `${JSON.stringify(plan)}\n` : formatPlan(plan, args.out));
      return 0;
    }
    case 'apply': {
      const plan = args.plan ? await provisioner.loadSavedPlan(args.plan) : undefined;
      const run = await provisioner.apply({ asOf: args.asOf, trigger: 'cli', ...(plan ? { plan } : {}), ...(args.target ? { targets: [args.target] } : {}) });
      io.out(args.json ? `${JSON.stringify({ runId: run.runId, status: run.status, outcomes: run.outcomes, summary: run.summary, error: run.error })}\n` : formatRun(run));
      // A run that could not reach the directory failed as a whole; failed actions are in the outcomes.
      return run.status === 'completed' && run.summary.failed === 0 ? 0 : 1;
    }
  }
}

// Run when executed directly (npm run cli), not when imported by a test.
if (import.meta.url === `file://${process.argv[1]}`) {
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
