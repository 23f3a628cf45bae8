import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

/**
 * The app window's security: an isolated, sandboxed renderer without Node, our preload only, and no
 * way to navigate away or open other windows. The page's Content-Security-Policy is in its
 * index.html (file:// pages get no response headers to carry one).
 */

/** Options of the one app window. */
export function windowOptions(preload: string, icon: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'HR Provisioner',
    icon,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** True when `url` is the renderer's own page (any route in its hash), nothing else. */
export function isAppPage(url: string, indexHtml: string): boolean {
  const own = pathToFileURL(indexHtml).href;
  return url === own || url.startsWith(`${own}#`);
}

/** Deny every navigation away from the app page, every new window and every webview. */
export function lockDown(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, indexHtml: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, indexHtml)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
