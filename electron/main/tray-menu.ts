import type { MenuItemConstructorOptions } from 'electron';
import type { RunSummaryDto } from '../shared/dto';

/**
 * What the tray shows: its state (the icon), a one-line tooltip about the last run, and the menu.
 * Pure, so the menu and the states are unit-tested without Electron.
 */

/** The tray icon's states. */
export type TrayState = 'idle' | 'syncing' | 'attention' | 'failed';

/** What the tray menu's items do. */
export interface TrayActions {
  readonly syncNow: () => void;
  readonly openScreen: (screen: 'overview' | 'preview') => void;
  readonly setPaused: (paused: boolean) => void;
  readonly openLogFolder: () => void;
  readonly quit: () => void;
}

/** What the tray knows about the app. */
export interface TrayFacts {
  readonly syncing: boolean;
  readonly paused: boolean;
  readonly lastRun: RunSummaryDto | null;
  /** Held actions, leavers to acknowledge, a guard stop: something waits for the admin. */
  readonly needsAttention: boolean;
}

/** The icon state: a running sync first, then a failure, then anything waiting for the admin. */
export function trayState(facts: TrayFacts): TrayState {
  if (facts.syncing) return 'syncing';
  const last = facts.lastRun;
  if (last && (last.status === 'failed' || last.status === 'interrupted' || last.counts.failed > 0)) return 'failed';
  return facts.needsAttention ? 'attention' : 'idle';
}

function hhmm(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "Synced 06:00 - 3 created, 11 updated, 2 failed", or why there is no such line. */
export function lastRunLine(run: RunSummaryDto | null): string {
  if (!run) return 'No sync yet';
  if (run.status === 'failed') return `Sync failed ${hhmm(run.startedAt)}: ${run.error ?? 'see the history'}`;
  const parts = (['created', 'updated', 'failed', 'blocked'] as const).filter((k) => run.counts[k] > 0).map((k) => `${run.counts[k]} ${k}`);
  return `Synced ${hhmm(run.startedAt)} - ${parts.length > 0 ? parts.join(', ') : 'nothing to change'}`;
}

/** The tray menu: Sync now, Preview..., Open, Pause/Resume schedule, the last run, log folder, Quit. */
export function trayMenu(facts: TrayFacts, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: facts.syncing ? 'Syncing…' : 'Sync now', enabled: !facts.syncing, click: actions.syncNow },
    { label: 'Preview…', click: () => actions.openScreen('preview') },
    { label: 'Open', click: () => actions.openScreen('overview') },
    { type: 'separator' },
    facts.paused
      ? { label: 'Resume schedule', click: () => actions.setPaused(false) }
      : { label: 'Pause schedule', click: () => actions.setPaused(true) },
    { label: lastRunLine(facts.lastRun), enabled: false },
    { type: 'separator' },
    { label: 'Open log folder', click: actions.openLogFolder },
    { label: 'Quit', role: 'quit', click: actions.quit },
  ];
}
