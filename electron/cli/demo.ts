import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { sambaInstalled, sambaIp, startSambaDc, stopSambaDc } from '../simulators/samba-dc';
import { addDays } from '../engine/model/iso-date';
import { DEFAULT_TIME_ZONE, todayIn } from '../engine/model/time-zone';
import { runCli } from './main';
import { webDemo } from '../web-host/web-demo';
import { createDemoTree } from '../web-host/demo-environment';
import { startDemoNedap } from '../web-host/demo-nedap';

/**
 * `npm run demo -- --cli`: the main job on built-in demo data, as a command-line walkthrough. Starts the
 * Visma.net simulator with a seeded care organisation on 127.0.0.1, imports it, and, when Samba is
 * installed, provisions a throwaway AD domain on `HRP_SAMBA_IP` (127.0.0.1 by default) and, beside it,
 * starts the Nedap Ons simulator over mutual TLS, then runs preview, apply, preview again and history
 * against both targets. Every process it starts is stopped by its PID; nothing outside the temp directory
 * is touched. Without `--cli`, `npm run demo` serves the screens instead (web-demo.ts).
 */

const EMPLOYEES = Number(process.env.HRP_DEMO_EMPLOYEES ?? 150);

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: sambaIp(), port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  process.stdout.write(`\n$ npm run --silent cli -- ${args.join(' ')}\n`);
  return runCli(args, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env });
}

/** The command-line walkthrough; resolves to the exit code. */
export async function cliWalkthrough(): Promise<number> {
  const asOf = todayIn(DEFAULT_TIME_ZONE);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hr-provisioner-demo-'));
  const secret = randomBytes(12).toString('hex');
  const data = generateVismaData({ seed: 7, employees: EMPLOYEES, asOf });
  const simulator = await startVismaSimulator({
    clientId: 'demo-client',
    clientSecret: secret,
    tenantId: 'demo-tenant',
    data,
    faults: { inProgressPolls: 1 },
  });
  const env: NodeJS.ProcessEnv = { ...process.env, HRP_DEMO_VISMA_SECRET: secret };
  const configFile = path.join(dir, 'config.json');
  const config: Record<string, unknown> = {
    visma: {
      tokenUrl: simulator.tokenUrl,
      baseUrl: simulator.baseUrl,
      clientId: 'demo-client',
      clientSecret: { env: 'HRP_DEMO_VISMA_SECRET' },
      tenantId: 'demo-tenant',
    },
    dataDir: path.join(dir, 'data'),
  };
  let sambaDir: string | null = null;
  let nedap: Awaited<ReturnType<typeof startDemoNedap>> | null = null;
  try {
    heading(`Visma.net HRM simulator: ${EMPLOYEES} generated employees at ${simulator.baseUrl}`);
    await writeFile(configFile, JSON.stringify(config, null, 2));
    if ((await cli(['import', '--config', configFile, '--as-of', asOf], env)) !== 0) return 1;

    if (!sambaInstalled()) {
      heading('Active Directory part skipped');
      process.stdout.write('Samba is not installed. Install it once as root with `bash .ci/install-system.sh` to see preview, apply and history against a throwaway domain.\n');
      return 0;
    }
    if (!(await portFree(636)) || !(await portFree(389))) {
      heading('Active Directory part skipped');
      process.stdout.write(`${sambaIp()}:389/636 are in use (another Samba running?); stop it, or set HRP_SAMBA_IP to another 127.x address, and run the demo again.\n`);
      return 0;
    }
    heading(`Throwaway Samba AD domain TEST.LOCAL on ${sambaIp()}:636`);
    const dc = await startSambaDc({ onDir: (d) => (sambaDir = d) });
    const { connection } = dc;
    const tree = await createDemoTree(connection, 'OU=Zorggroep,DC=test,DC=local', 'medewerkers');
    env.HRP_DEMO_AD_PASSWORD = connection.bindPassword;
    nedap = await startDemoNedap(data.contracts);
    heading(`Nedap Ons simulator over mutual TLS at ${nedap.baseUrl}`);
    env.HRP_DEMO_NEDAP_PFX_PASSWORD = nedap.pfxPassword;
    await writeFile(configFile, JSON.stringify({
      ...config,
      ad: { ...tree.ad, bindPassword: { env: 'HRP_DEMO_AD_PASSWORD' } },
      nedapOns: { ...nedap.section, pfxPassword: { env: 'HRP_DEMO_NEDAP_PFX_PASSWORD' } },
      policy: { rules: [...(tree.policy.rules as unknown[]), ...nedap.rules] },
    }, null, 2));
    const planFile = path.join(dir, 'plan.json');
    if ((await cli(['preview', '--config', configFile, '--as-of', asOf, '--out', planFile], env)) !== 0) return 1;
    if ((await cli(['apply', '--config', configFile, '--plan', planFile, '--yes'], env)) !== 0) return 1;
    heading('A second preview right after the apply');
    if ((await cli(['preview', '--config', configFile, '--as-of', asOf], env)) !== 0) return 1;
    heading('Two weeks later: joiners start, leavers leave');
    if ((await cli(['apply', '--config', configFile, '--as-of', addDays(asOf, 14), '--yes'], env)) !== 0) return 1;
    if ((await cli(['history', '--config', configFile], env)) !== 0) return 1;
    process.stdout.write(process.env.HRP_DEMO_KEEP
      ? `\nKept for a look: ${configFile}, plans and history under ${path.join(dir, 'data')}\n`
      : '\nSet HRP_DEMO_KEEP=1 to keep the config, plans and history of the demo.\n');
    return 0;
  } finally {
    await simulator.close();
    await nedap?.close();
    if (sambaDir) stopSambaDc(sambaDir);
    // Keep the config and history for a look afterwards only when asked.
    if (!process.env.HRP_DEMO_KEEP) await rm(dir, { recursive: true, force: true });
  }
}

const run = process.argv.includes('--cli') ? cliWalkthrough : webDemo;
run().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
