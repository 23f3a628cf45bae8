/**
 * Standalone Visma.net HRM simulator for the demo and for manual testing:
 *
 *   npx tsx electron/simulators/visma-hrm/main.ts --port 4010 --employees 200 --seed 1 [--as-of 2026-11-27]
 *     [--client-id demo-client --client-secret demo-secret --tenant-id demo-tenant]
 *     [--files-per-export 1 --in-progress-polls 1]
 *
 * The client secret may come from the environment instead (HRP_SIMULATOR_CLIENT_SECRET), which keeps it out
 * of the process list; `--client-secret` wins when both are given.
 *
 * Prints one JSON line ({"baseUrl", "tokenUrl", …}) on stdout once it listens, and runs until
 * SIGTERM or SIGINT, then closes its sockets and exits 0.
 */
import { parseArgs } from 'node:util';
import { isoDate, todayDayNumber } from './dates';
import { generateVismaData } from './generate';
import { startVismaSimulator } from './server';

const { values } = parseArgs({
  options: {
    'port': { type: 'string', default: '4010' },
    'employees': { type: 'string', default: '200' },
    'seed': { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    'client-id': { type: 'string', default: 'demo-client' },
    'client-secret': { type: 'string' },
    'tenant-id': { type: 'string', default: 'demo-tenant' },
    'files-per-export': { type: 'string', default: '1' },
    'in-progress-polls': { type: 'string', default: '1' },
  },
  strict: true,
});

function integer(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(`--${name} must be an integer >= ${min}, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

/** Environment variable that may carry the client secret. */
const SECRET_ENV = 'HRP_SIMULATOR_CLIENT_SECRET';

const asOf = values['as-of'] ?? isoDate(todayDayNumber());
const employees = integer('employees', values.employees, 1);
const seed = integer('seed', values.seed, 0);
const started = performance.now();
const data = generate();
const generatedMs = Math.round(performance.now() - started);

function generate(): ReturnType<typeof generateVismaData> {
  try {
    return generateVismaData({ seed, employees, asOf });
  } catch (error) {
    // A bad --as-of is a usage error, not a crash: say so without a stack trace.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

const simulator = await startVismaSimulator({
  port: integer('port', values.port, 0),
  clientId: values['client-id'],
  clientSecret: values['client-secret'] ?? process.env[SECRET_ENV] ?? 'demo-secret',
  tenantId: values['tenant-id'],
  data,
  faults: {
    filesPerExport: integer('files-per-export', values['files-per-export'], 1),
    inProgressPolls: integer('in-progress-polls', values['in-progress-polls'], 0),
  },
});

// The secret stays off stdout: whoever started the simulator chose it.
process.stdout.write(`${JSON.stringify({
  baseUrl: simulator.baseUrl,
  tokenUrl: simulator.tokenUrl,
  clientId: values['client-id'],
  tenantId: values['tenant-id'],
  employees,
  seed,
  asOf,
  generatedMs,
})}\n`);

const stop = (signal: NodeJS.Signals): void => {
  simulator.close().then(
    () => {
      process.stderr.write(`visma-hrm simulator stopped (${signal})\n`);
      process.exitCode = 0;
    },
    (error: unknown) => {
      process.stderr.write(`visma-hrm simulator failed to close: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
