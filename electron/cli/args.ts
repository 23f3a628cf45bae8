import { parseArgs } from 'node:util';
import { isIsoDate, localToday } from '../engine/model/iso-date';
import type { IsoDate } from '../engine/model/iso-date';
import type { TargetName } from '../engine/model/plan';

/** The commands the CLI knows. */
export type CommandName = 'import' | 'preview' | 'apply' | 'history';

/** A parsed command line. */
export interface CliArgs {
  readonly command: CommandName;
  readonly config: string;
  readonly asOf: IsoDate;
  readonly json: boolean;
  readonly out: string | null;
  readonly plan: string | null;
  readonly yes: boolean;
  /** Limit preview / apply to one target; null: every configured target. */
  readonly target: TargetName | null;
}

/** Wrong use of the command line: exit code 2 with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Shown on `--help` and with every usage error. */
export const USAGE = `Usage: npm run --silent cli -- <command> --config FILE [options]

Commands:
  import    read Visma.net HRM and show the evaluated persons
  preview   read Visma.net HRM and the targets (Active Directory, Nedap Ons) and show the plan (writes nothing)
  apply     apply a saved plan (--plan) or a fresh one; needs --yes
  history   list the recorded apply runs, newest first

Options:
  --config FILE     configuration file (JSON)
  --as-of DATE      evaluate as of this date (YYYY-MM-DD; default: today)
  --out FILE        preview: also save the plan to FILE
  --plan FILE       apply: the saved plan to apply
  --yes             apply: confirm that changes may be written
  --target NAME     preview / apply: only this target (ad or nedap-ons); default every configured one
  --json            print one JSON object instead of the readable report

Exit codes: 0 ok, 1 the run failed, 2 bad usage or configuration.`;

const COMMANDS: readonly CommandName[] = ['import', 'preview', 'apply', 'history'];

/** Parse argv (without node and script). Returns null for `--help`. */
export function parseCliArgs(argv: readonly string[], today: IsoDate = localToday()): CliArgs | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        plan: { type: 'string' },
        target: { type: 'string' },
        yes: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (!COMMANDS.includes(command as CommandName)) throw new UsageError(`unknown command "${command}"`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!values.config) throw new UsageError('--config FILE is required');
  const asOf = values['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  const name = command as CommandName;
  if (values.out !== undefined && name !== 'preview') throw new UsageError('--out only applies to preview');
  if (values.plan !== undefined && name !== 'apply') throw new UsageError('--plan only applies to apply');
  const target = values.target ?? null;
  if (target !== null && target !== 'ad' && target !== 'nedap-ons') throw new UsageError(`--target must be ad or nedap-ons, not "${target}"`);
  if (target !== null && name !== 'preview' && name !== 'apply') throw new UsageError('--target only applies to preview and apply');
  if (name === 'apply' && !values.yes) {
    throw new UsageError('apply writes to the directory: add --yes to confirm (run preview first to see the plan)');
  }
  return {
    command: name,
    config: values.config,
    asOf,
    json: values.json,
    out: values.out ?? null,
    plan: values.plan ?? null,
    yes: values.yes,
    target,
  };
}
