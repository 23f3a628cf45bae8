import type { App } from 'electron';

/**
 * Start at login (Settings: "Start HR Provisioner when I log in"), through Electron's login items:
 * on Windows the Run key of the user, on macOS a login item; Linux has no such API (the call is a
 * no-op there, and an AppImage user adds an autostart entry instead). The tray app starts without a
 * window, so nothing opens at login but the tray icon.
 */

/** What this needs of Electron's `app`. */
export type LoginItemApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged'>;

/**
 * Make the login item match the setting; returns true when it changed something. A development
 * build (not packaged) is never registered: the entry would start the bare Electron binary.
 */
export function applyStartAtLogin(app: LoginItemApp, wanted: boolean): boolean {
  if (!app.isPackaged) return false;
  if (app.getLoginItemSettings().openAtLogin === wanted) return false;
  app.setLoginItemSettings({ openAtLogin: wanted });
  return true;
}
