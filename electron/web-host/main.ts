import path from 'node:path';
import { isEntryPoint } from '../app/entry-point';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Application } from '../app/desktop/application';
import { FileSettingsPort } from '../app/desktop/settings-port';
import { startWebHost } from './server';

/**
 * `node electron/dist/web-host.mjs --data-dir DIR [--port N]`: the screens in a browser on a machine
 * where Electron cannot run. Settings and secrets live in owner-only files under DIR.
 */

/** The built renderer: two levels up from electron/web-host (sources) and electron/dist (bundle) alike. */
export const RENDERER_DIST = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } });
  const dataDir = path.resolve(values['data-dir'] ?? '.data/web-host');
  const api = new Application({ settings: new FileSettingsPort(path.join(dataDir, 'settings')), dataDir });
  const host = await startWebHost({ api, staticDir: RENDERER_DIST, port: Number(values.port ?? 0) });
  process.stdout.write(`HR Provisioner serves on ${host.url}\n(open it once; Ctrl-C stops)\n`);
  process.once('SIGINT', () => void host.close().then(() => process.exit(0)));
}

if (isEntryPoint('electron/web-host/main.ts', 'web-host')) {
  main().catch((error: unknown) => {
    process.stderr.write(`web host failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
