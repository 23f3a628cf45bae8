import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import { startNedapSimulator } from '../simulators/nedap-ons/server';
import { makeTestPki } from '../simulators/nedap-ons/test-pki';
import { nedapSeedFromVisma } from '../simulators/nedap-ons/generate';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { addGroup, addOu, withRawClient } from '../engine/ad/ldap-fixture';
import { sambaInstalled, startSambaDc, stopSambaDc } from '../simulators/samba-dc';
import { addDays } from '../engine/model/iso-date';
import { DEFAULT_TIME_ZONE, todayIn } from '../engine/model/time-zone';
import { runCli } from './main';

/**
 * `npm run demo`: the main job on built-in demo data. Starts the Visma.net simulator with a seeded
 * care organisation on 127.0.0.1 and the Nedap Ons simulator (mutual TLS, a throwaway CA) beside it,
 * imports, previews Nedap Ons, and, when Samba is installed, provisions a throwaway AD domain and
 * runs preview, apply, preview again and history against both targets. Every
 * process it starts is stopped by its PID; nothing outside the temp directory is touched.
 */

const EMPLOYEES = Number(process.env.HRP_DEMO_EMPLOYEES ?? 150);

function heading(text: string): void {
  process.stdout.write(`\n=== ${text} ===\n`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
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

async function main(): Promise<number> {
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
  // Nedap Ons beside it: its own test CA, a client certificate as PFX, an employee per employment.
  const pki = await makeTestPki(path.join(dir, 'nedap-pki'));
  const nedap = await startNedapSimulator({
    seed: nedapSeedFromVisma(data.contracts),
    environment: pki.environment,
    tls: { keyPem: pki.serverKeyPem, certPem: pki.serverCertPem, caPem: pki.caPem },
  });
  const env: NodeJS.ProcessEnv = { ...process.env, HRP_DEMO_VISMA_SECRET: secret, HRP_DEMO_NEDAP_PFX_PASSWORD: pki.pfxPassword };
  const configFile = path.join(dir, 'config.json');
  const config: Record<string, unknown> = {
    visma: {
      tokenUrl: simulator.tokenUrl,
      baseUrl: simulator.baseUrl,
      clientId: 'demo-client',
      clientSecret: { env: 'HRP_DEMO_VISMA_SECRET' },
      tenantId: 'demo-tenant',
    },
    nedapOns: {
      baseUrl: nedap.baseUrl,
      pfxFile: pki.clientPfx,
      pfxPassword: { env: 'HRP_DEMO_NEDAP_PFX_PASSWORD' },
      caFile: pki.caFile,
      teamsByOrgUnit: { OE0004: [1] },
    },
    policy: { rules: [{ name: 'Iedereen', when: {}, grant: { nedapRoles: ['Medewerker'] } }] },
    dataDir: path.join(dir, 'data'),
  };
  let sambaDir: string | null = null;
  try {
    heading(`Visma.net HRM simulator: ${EMPLOYEES} generated employees at ${simulator.baseUrl}`);
    await writeFile(configFile, JSON.stringify(config, null, 2));
    if ((await cli(['import', '--config', configFile, '--as-of', asOf], env)) !== 0) return 1;

    heading(`Nedap Ons simulator (mutual TLS) at ${nedap.baseUrl}`);
    if ((await cli(['preview', '--config', configFile, '--as-of', asOf, '--target', 'nedap-ons'], env)) !== 0) return 1;

    if (!sambaInstalled()) {
      heading('Active Directory part skipped');
      process.stdout.write('Samba is not installed. Install it once as root with `bash .ci/install-system.sh` to see preview, apply and history against a throwaway domain.\n');
      return 0;
    }
    if (!(await portFree(636)) || !(await portFree(389))) {
      heading('Active Directory part skipped');
      process.stdout.write('127.0.0.1:389/636 are in use (another Samba running?); stop it and run the demo again.\n');
      return 0;
    }
    heading('Throwaway Samba AD domain TEST.LOCAL on 127.0.0.1:636');
    const dc = await startSambaDc({ onDir: (d) => (sambaDir = d) });
    const { connection } = dc;
    const base = 'OU=Zorggroep,DC=test,DC=local';
    const ictGroup = `CN=ICT medewerkers,OU=Groepen,${base}`;
    const allGroup = `CN=Alle medewerkers,OU=Groepen,${base}`;
    await withRawClient(connection, async (client) => {
      for (const ou of [base, `OU=Medewerkers,${base}`, `OU=ICT,OU=Medewerkers,${base}`, `OU=Uit dienst,${base}`, `OU=Groepen,${base}`]) await addOu(client, ou);
      await addGroup(client, ictGroup, 'ict-medewerkers');
      await addGroup(client, allGroup, 'alle-medewerkers');
    });
    env.HRP_DEMO_AD_PASSWORD = connection.bindPassword;
    await writeFile(configFile, JSON.stringify({
      ...config,
      ad: {
        url: connection.url,
        bindDn: connection.bindDn,
        bindPassword: { env: 'HRP_DEMO_AD_PASSWORD' },
        caFile: connection.caFile,
        tlsServerName: connection.tlsServerName,
        baseDn: base,
        usersOu: `OU=Medewerkers,${base}`,
        disabledOu: `OU=Uit dienst,${base}`,
        ouByOrgUnit: { OE0004: `OU=ICT,OU=Medewerkers,${base}` },
        upnSuffix: 'test.local',
        mailDomain: 'zorggroep.example.nl',
      },
      policy: {
        rules: [
          { name: 'ICT', when: { orgUnitName: ['ICT'] }, grant: { adGroups: [ictGroup], nedapRoles: ['Planner'] } },
          { name: 'Iedereen', when: {}, grant: { adGroups: [allGroup], nedapRoles: ['Medewerker'] } },
        ],
      },
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
    await nedap.close();
    if (sambaDir) stopSambaDc(sambaDir);
    // Keep the config and history for a look afterwards only when asked.
    if (!process.env.HRP_DEMO_KEEP) await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
