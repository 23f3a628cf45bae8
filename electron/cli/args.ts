import { parseArgs } from 'node:util';
import { isIsoDate } from '../engine/model/iso-date';
import type { IsoDate } from '../engine/model/iso-date';
import type { TargetName } from '../engine/model/plan';

/** The commands the CLI knows. */
export type CommandName = 'import' | 'preview' | 'apply' | 'history' | 'undo' | 'explain' | 'naming';

/** A parsed command line. */
export interface CliArgs {
  readonly command: CommandName;
  readonly config: string;
  /** Null when not given: today in the configuration's time zone (known once the config is read). */
  readonly asOf: IsoDate | null;
  readonly json: boolean;
  readonly out: string | null;
  readonly plan: string | null;
  readonly yes: boolean;
  /** Limit preview / apply to one target; null: every configured target. */
  readonly target: TargetName | null;
  /** apply: run although the source guard stopped the plan. */
  readonly acceptSourceDrop: boolean;
  /** apply: action ids held for review that the admin approves, or 'all'. */
  readonly approve: 'all' | readonly string[] | null;
  readonly comment: string | null;
  /** preview: look ahead this many days. */
  readonly days: number | null;
  /** undo: the run to reverse. */
  readonly run: string | null;
  /** explain: the person (employee id); naming: the sample person (JSON), or null with --check. */
  readonly person: string | null;
  /** naming: candidates shown per attribute. */
  readonly count: number;
  /** naming: compare the directory with the configured convention instead of showing a sample. */
  readonly check: boolean;
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
  undo      plan the reverse of a run (--run ID); with --yes, apply it
  explain   a person's HR changes over time and why each action happened (--person ID)
  naming    show the names the configured convention gives a sample person (--person JSON),
            or with --check how many managed accounts would get another display name or CN

Options:
  --config FILE     configuration file (JSON)
  --as-of DATE      evaluate as of this date (YYYY-MM-DD; default: today in the config's timeZone)
  --out FILE        preview: also save the plan to FILE
  --plan FILE       apply: the saved plan to apply
  --yes             apply, undo: confirm that changes may be written
  --accept-source-drop  apply: run once although the source guard stopped the plan (recorded)
  --approve IDS     apply: approve actions held for review: comma-separated ids, or "all"
  --comment TEXT    apply: why the approval is given (required with --approve; recorded)
  --days N          preview: also show what happens on each of the next N days
  --run ID          undo: the run to reverse
  --person ID       explain: the person's employee id
  --person JSON     naming: the sample person, e.g. '{"givenName":"Pieter","nickname":"Piet",
                    "initials":"P.J.","birthNamePrefix":"ter","birthName":"Horst","convention":"B"}'
  --count N         naming: candidates shown per attribute (default 8)
  --check           naming: read the directory and count the accounts the convention would rename
  --target NAME     preview / apply: only this target (ad or nedap-ons); default every configured one
  --json            print one JSON object instead of the readable report

Exit codes: 0 ok, 1 the run failed, 2 bad usage or configuration, 3 stopped by the source guard,
4 actions are held for review.`;

const COMMANDS: readonly CommandName[] = ['import', 'preview', 'apply', 'history', 'undo', 'explain', 'naming'];

/** Parse argv (without node and script). Returns null for `--help`. */
export function parseCliArgs(argv: readonly string[]): CliArgs | null {
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
        'accept-source-drop': { type: 'boolean', default: false },
        approve: { type: 'string' },
        comment: { type: 'string' },
        days: { type: 'string' },
        run: { type: 'string' },
        person: { type: 'string' },
        json: { type: 'boolean', default: false },
        count: { type: 'string' },
        check: { type: 'boolean', default: false },
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
  const asOf = values['as-of'] ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  const name = command as CommandName;
  if (values.out !== undefined && name !== 'preview') throw new UsageError('--out only applies to preview');
  if (values.plan !== undefined && name !== 'apply') throw new UsageError('--plan only applies to apply');
  const count = values.count === undefined ? 8 : Number(values.count);
  checkNamingOptions(name, values.person, values.count, count, values.check);
  const target = values.target ?? null;
  if (target !== null && target !== 'ad' && target !== 'nedap-ons') throw new UsageError(`--target must be ad or nedap-ons, not "${target}"`);
  if (target !== null && name !== 'preview' && name !== 'apply') throw new UsageError('--target only applies to preview and apply');
  if (name === 'apply' && !values.yes) {
    throw new UsageError('apply writes to the directory: add --yes to confirm (run preview first to see the plan)');
  }
  onlyFor(name, 'apply', { 'accept-source-drop': values['accept-source-drop'] || undefined, approve: values.approve, comment: values.comment });
  onlyFor(name, 'preview', { days: values.days });
  onlyFor(name, 'undo', { run: values.run });
  if (name !== 'naming') onlyFor(name, 'explain', { person: values.person });
  if (values.approve !== undefined && !values.comment?.trim()) throw new UsageError('--approve needs --comment "why" (it is recorded in the history)');
  if (name === 'undo' && !values.run) throw new UsageError('undo needs --run RUN_ID (see history)');
  if (name === 'explain' && !values.person) throw new UsageError('explain needs --person EMPLOYEE_ID');
  return {
    command: name,
    config: values.config,
    asOf,
    json: values.json,
    out: values.out ?? null,
    plan: values.plan ?? null,
    yes: values.yes,
    target,
    acceptSourceDrop: values['accept-source-drop'],
    approve: values.approve === undefined ? null : parseApprove(values.approve),
    comment: values.comment?.trim() ?? null,
    days: values.days === undefined ? null : parseDays(values.days),
    run: values.run ?? null,
    person: values.person ?? null,
    count,
    check: values.check,
  };
}

function onlyFor(name: CommandName, command: CommandName, options: Readonly<Record<string, string | boolean | undefined>>): void {
  const given = Object.keys(options).find((key) => options[key] !== undefined);
  if (given !== undefined && name !== command) throw new UsageError(`--${given} only applies to ${command}`);
}

function parseApprove(text: string): 'all' | readonly string[] {
  if (text.trim() === 'all') return 'all';
  const ids = text.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--approve needs action ids separated by commas, or "all"');
  return ids;
}

/** Look-ahead horizon: a quarter at most, which keeps the report readable. */
const MAX_DAYS = 92;

function parseDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new UsageError(`--days must be a whole number from 1 to ${MAX_DAYS}, not "${text}"`);
  return days;
}

function checkNamingOptions(name: CommandName, person: string | undefined, rawCount: string | undefined, count: number, check: boolean): void {
  if (name !== 'naming') {
    if (rawCount !== undefined || check) throw new UsageError('--count and --check only apply to naming');
    return;
  }
  if (check === (person !== undefined)) throw new UsageError('naming needs either --person JSON or --check');
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError(`--count must be a whole number from 1 to 1000, not "${rawCount ?? ''}"`);
}
