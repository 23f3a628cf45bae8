import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sambaInstalled, SAMBA_DOMAIN_DN, startSambaDc, stopSambaDc } from '../simulators/samba-dc';
import { DEFAULT_TIME_ZONE, todayIn } from '../engine/model/time-zone';
import { Application } from '../app/desktop/application';
import { FileSettingsPort } from '../app/desktop/settings-port';
import { startDemoEnvironment } from './demo-environment';
import { startWebHost } from './server';
import { RENDERER_DIST } from './main';

/**
 * `npm run demo`: the screens on demo data. Starts the Visma.net simulator, a throwaway Samba DC (on
 * `HRP_SAMBA_IP`, 127.0.0.1 by default), the Nedap Ons simulator over mutual TLS and the web host, takes
 * the demo settings, runs a first sync, prints the address (with its token) and serves until Ctrl-C; then stops everything it started, by PID, and removes its temp directory.
 */
export async function webDemo(): Promise<number> {
  if (!sambaInstalled()) {
    process.stderr.write('The demo needs Samba for its throwaway AD domain: install it once as root with `bash .ci/install-system.sh`.\nThe import alone: npm run demo -- --cli\n');
    return 2;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hr-provisioner-web-demo-'));
  let sambaDir: string | null = null;
  const cleanup: (() => Promise<void>)[] = [];
  try {
    process.stdout.write('Starting a throwaway Samba AD domain (about 30 s)…\n');
    const dc = await startSambaDc({ onDir: (d) => (sambaDir = d) });
    const env = await startDemoEnvironment({
      directory: dc.connection, domainDn: SAMBA_DOMAIN_DN, baseOu: 'Zorggroep',
      employees: Number(process.env.HRP_DEMO_EMPLOYEES ?? 150), asOf: todayIn(DEFAULT_TIME_ZONE),
      // One typo in an end date, so the demo shows a person held for doubtful HR data.
      mistypedEndDates: 1,
      nedap: true,
    });
    cleanup.push(() => env.close());
    const api = new Application({ settings: new FileSettingsPort(path.join(dir, 'settings')), dataDir: path.join(dir, 'data'), demo: env.port });
    const settings = await api.useDemoData();
    if (!settings.ok) throw new Error(settings.error.message);
    process.stdout.write('First sync: import, preview and apply…\n');
    const run = await api.syncNow();
    if (!run.ok) throw new Error(run.error.message);
    process.stdout.write(`First sync done: ${Object.entries(run.value.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ')}\n`);
    const host = await startWebHost({ api, staticDir: RENDERER_DIST, port: Number(process.env.HRP_DEMO_PORT ?? 0) });
    cleanup.push(() => host.close());
    process.stdout.write(`\nHR Provisioner demo: ${host.url}\nOpen that address in a browser. Ctrl-C stops the demo and removes everything it made.\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    return 0;
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    if (sambaDir) stopSambaDc(sambaDir);
    await rm(dir, { recursive: true, force: true });
  }
}
