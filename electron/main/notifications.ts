import type { LeaverDto, RunSummaryDto } from '../shared/dto';
import type { DesktopSettings } from '../shared/settings';

/**
 * Which desktop notifications a finished run gives, short and actionable, each with the screen a
 * click opens. Pure: main shows them with Electron's Notification.
 */

/** One notification. */
export interface NotificationSpec {
  readonly title: string;
  readonly body: string;
  /** The screen (and item) a click opens. */
  readonly screen: 'overview' | 'preview' | 'history' | 'leavers';
  readonly item: string | null;
}

function names(leavers: readonly LeaverDto[]): string {
  const shown = leavers.slice(0, 3).map((l) => l.displayName).join(', ');
  return leavers.length > 3 ? `${shown} and ${leavers.length - 3} more` : shown;
}

/** Notifications for a run, the leavers known after it, and held actions, as the settings allow. */
export function notificationsFor(input: {
  readonly run: RunSummaryDto;
  readonly processedToday: readonly LeaverDto[];
  readonly leavingThisWeek: readonly LeaverDto[];
  readonly heldActions: number;
  readonly settings: DesktopSettings['notifications'];
}): NotificationSpec[] {
  const { run, settings } = input;
  const out: NotificationSpec[] = [];
  if (settings.runFailed && (run.status === 'failed' || run.counts.failed > 0)) {
    out.push({
      title: 'Sync failed',
      body: run.status === 'failed' ? (run.error ?? 'The sync stopped before it could finish.') : `${run.counts.failed} actions failed. Open the run for the errors.`,
      screen: 'history',
      item: run.runId,
    });
  }
  if (settings.reviewWaiting && input.heldActions > 0) {
    out.push({ title: 'Sync waits for review', body: `${input.heldActions} actions are held for review.`, screen: 'preview', item: null });
  }
  if (settings.leaversProcessed && input.processedToday.length > 0) {
    out.push({ title: `${input.processedToday.length} leavers processed`, body: `${names(input.processedToday)} (accounts disabled)`, screen: 'leavers', item: null });
  }
  if (settings.leaversThisWeek && input.leavingThisWeek.length > 0) {
    out.push({ title: `${input.leavingThisWeek.length} leavers this week`, body: names(input.leavingThisWeek), screen: 'leavers', item: null });
  }
  return out;
}
