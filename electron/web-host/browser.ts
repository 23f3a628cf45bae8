import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * Debian's Chromium for the browser tests and the bench, driven by playwright-core (which downloads no
 * browser of its own). Headless, none of Chrome's own network services; playwright gives every launch
 * a fresh profile directory of its own and removes it on close.
 */

/** Where Chromium is: `HRP_CHROMIUM`, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HRP_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launch headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
