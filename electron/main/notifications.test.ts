import { describe, expect, it } from 'vitest';
import type { LeaverDto, RunSummaryDto } from '../shared/dto';
import { notificationsFor } from './notifications';

const run: RunSummaryDto = {
  runId: 'r1', planId: 'p', asOf: '2026-11-30', trigger: 'schedule', startedAt: '2026-11-30T05:00:00Z', finishedAt: null, durationMs: null,
  status: 'completed', error: null, counts: { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, heldPersons: 0, ledger: [],
};
const on = { leaversProcessed: true, leaversThisWeek: true, runFailed: true, reviewWaiting: true };

function leaver(name: string): LeaverDto {
  return { personId: name, displayName: name, orgUnit: null, manager: null, lastDay: '2026-11-29', daysFromToday: -1, steps: [], acknowledged: false };
}

describe('notifications', () => {
  it('tells about a failed run and opens that run', () => {
    const [note] = notificationsFor({ run: { ...run, status: 'failed', error: 'Visma.net did not answer' }, processedToday: [], leavingThisWeek: [], heldActions: 0, settings: on });
    expect(note).toEqual({ title: 'Sync failed', body: 'Visma.net did not answer', screen: 'history', item: 'r1' });
  });

  it('names processed leavers and leavers of this week, and held actions', () => {
    const notes = notificationsFor({ run, processedToday: [leaver('P. de Vries'), leaver('K. Bakker')], leavingThisWeek: [leaver('A'), leaver('B'), leaver('C'), leaver('D')], heldActions: 41, settings: on });
    expect(notes.map((n) => n.title)).toEqual(['Sync waits for review', '2 leavers processed', '4 leavers this week']);
    expect(notes[1]?.body).toBe('P. de Vries, K. Bakker (accounts disabled)');
    expect(notes[2]?.body).toBe('A, B, C and 1 more');
  });

  it('stays quiet for what the admin switched off', () => {
    const off = { leaversProcessed: false, leaversThisWeek: false, runFailed: false, reviewWaiting: false };
    expect(notificationsFor({ run: { ...run, status: 'failed' }, processedToday: [leaver('x')], leavingThisWeek: [leaver('y')], heldActions: 3, settings: off })).toEqual([]);
  });
});
