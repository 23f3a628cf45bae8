import { BrowserWindow, Menu, Notification, Tray, app, ipcMain, nativeImage, powerMonitor, safeStorage, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application } from '../app/desktop/application';
import type { RunSummaryDto } from '../shared/dto';
import { registerIpc } from './ipc';
import { notificationsFor } from './notifications';
import { RunLog } from './run-log';
import { SyncScheduler } from './scheduler';
import Store from 'electron-store';
import { ElectronSettingsPort, STORE_OPTIONS } from './settings-store';
import type { StoreShape } from './settings-store';
import { trayMenu, trayState, lastRunLine } from './tray-menu';
import type { TrayState } from './tray-menu';
import { isAppPage, lockDown, windowOptions } from './window';
import { applyStartAtLogin } from './login-item';

/**
 * The Electron shell: a tray app with one window. It holds no logic of its own: every operation is
 * the application API's, served to the window over IPC; the shell adds the tray, the schedule,
 * notifications and the log. Bundled to electron/dist/main.mjs, beside preload.cjs.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const indexHtml = path.join(root, 'renderer', 'dist', 'index.html');
const preload = path.join(here, 'preload.cjs');
const icon = (name: string): string => path.join(root, 'assets', 'icons', name);

let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;

function openScreen(screen: string, item: string | null = null): void {
  if (!window) {
    window = new BrowserWindow(windowOptions(preload, icon('app.png')));
    lockDown(window.webContents, indexHtml);
    // Closing the window keeps the tray (and the schedule) running.
    window.on('close', (event) => {
      if (!quitting) {
        event.preventDefault();
        window?.hide();
      }
    });
    window.once('ready-to-show', () => window?.show());
  }
  void window.loadFile(indexHtml, { hash: `/${screen}${item ? `/${encodeURIComponent(item)}` : ''}` });
  window.show();
  window.focus();
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => openScreen('overview'));
  app.on('web-contents-created', (_, contents) => lockDown(contents, indexHtml));
  app.on('before-quit', () => {
    quitting = true;
  });
  // A tray app: no window open is normal, not a reason to quit.
  app.on('window-all-closed', () => undefined);
  await app.whenReady();

  const store = new Store<StoreShape>(STORE_OPTIONS as unknown as ConstructorParameters<typeof Store<StoreShape>>[0]);
  const settings = new ElectronSettingsPort(safeStorage, store);
  const log = new RunLog(path.join(app.getPath('userData'), 'logs'));
  const scheduler: SyncScheduler = new SyncScheduler({ run: () => scheduledRun() });
  const api = new Application({
    settings,
    dataDir: path.join(app.getPath('userData'), 'data'),
    nextRun: () => scheduler.nextRun()?.toISOString() ?? null,
    onRunFinished: (run) => void afterRun(run),
    onSettingsSaved: () => void applySchedule().then(refreshTray),
  });
  registerIpc(ipcMain, api, (url) => isAppPage(url, indexHtml));

  async function scheduledRun(): Promise<void> {
    await log.write(null, 'info', 'scheduled sync starts');
    const result = await api.sync('schedule');
    if (!result.ok) await log.write(null, 'error', `scheduled sync failed: ${result.error.message}`);
  }

  async function afterRun(run: RunSummaryDto): Promise<void> {
    await log.write(run.runId, run.status === 'completed' ? 'info' : 'error', `${run.trigger} run ${run.status}: ${lastRunLine(run)}`);
    const stored = await settings.load();
    const leavers = await api.leavers();
    const value = leavers.ok ? leavers.value : { upcoming: [], processed: [] };
    const status = await api.status();
    const specs = notificationsFor({
      run,
      processedToday: value.processed.filter((l) => l.daysFromToday === -1),
      leavingThisWeek: value.upcoming.filter((l) => l.daysFromToday <= 7 && !l.acknowledged),
      heldActions: status.ok ? status.value.attention.heldActions : 0,
      settings: stored.desktop.notifications,
    });
    for (const spec of specs) {
      const note = new Notification({ title: spec.title, body: spec.body, icon: icon('app.png') });
      note.on('click', () => openScreen(spec.screen, spec.item));
      note.show();
    }
    await refreshTray();
  }

  async function applySchedule(): Promise<void> {
    const { desktop } = await settings.load();
    const invalid = scheduler.configure(desktop.schedule.rules, desktop.schedule.paused);
    if (invalid.length > 0) await log.write(null, 'warn', `schedule rules not understood: ${invalid.join(', ')}`);
    if (applyStartAtLogin(app, desktop.startAtLogin)) await log.write(null, 'info', `start at login ${desktop.startAtLogin ? 'on' : 'off'}`);
  }

  async function refreshTray(): Promise<void> {
    const status = await api.status();
    if (!status.ok || !tray) return;
    const s = status.value;
    const facts = {
      syncing: s.syncing || scheduler.busy,
      paused: s.schedulePaused,
      lastRun: s.lastRun,
      needsAttention: s.attention.heldActions > 0 || s.attention.heldPersons > 0 || (s.attention.leaversThisWeek ?? 0) > 0,
    };
    const state: TrayState = trayState(facts);
    tray.setImage(nativeImage.createFromPath(icon(`tray-${state}.png`)));
    tray.setToolTip(`HR Provisioner - ${lastRunLine(s.lastRun)}`);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(facts, {
      syncNow: () => void api.syncNow().then(refreshTray),
      openScreen: (screen) => openScreen(screen),
      setPaused: (paused) => void api.setSchedulePaused({ paused }).then(() => scheduler.setPaused(paused)).then(refreshTray),
      openLogFolder: () => void shell.openPath(log.dir),
      quit: () => app.quit(),
    })));
  }

  tray = new Tray(nativeImage.createFromPath(icon('tray-idle.png')));
  tray.on('click', () => openScreen('overview'));
  powerMonitor.on('resume', () => void scheduler.onResume().then(refreshTray));
  await applySchedule();
  await refreshTray();
  await log.write(null, 'info', `HR Provisioner ${app.getVersion()} started`);
}

main().catch((error: unknown) => {
  process.stderr.write(`HR Provisioner could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  app.exit(1);
});
