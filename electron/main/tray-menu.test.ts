import { describe, expect, it, vi } from 'vitest';
import type { RunSummaryDto } from '../shared/dto';
import { lastRunLine, trayMenu, trayState } from './tray-menu';

function run(overrides: Partial<RunSummaryDto> = {}): RunSummaryDto {
  return {
    runId: 'r1', planId: 'p1', asOf: '2026-11-30', trigger: 'schedule', startedAt: new Date(2026, 10, 30, 6, 0).toISOString(),
    finishedAt: null, durationMs: 1000, status: 'completed', error: null,
    counts: { created: 3, updated: 11, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, heldPersons: 0, ledger: [], ...overrides,
  };
}

const facts = { syncing: false, paused: false, lastRun: run(), needsAttention: false };

describe('tray state', () => {
  it('is syncing while a run goes on, failed after a failure, amber when something waits, else idle', () => {
    expect(trayState({ ...facts, syncing: true, lastRun: run({ status: 'failed' }) })).toBe('syncing');
    expect(trayState({ ...facts, lastRun: run({ status: 'failed' }) })).toBe('failed');
    expect(trayState({ ...facts, lastRun: run({ counts: { ...run().counts, failed: 1 } }) })).toBe('failed');
    expect(trayState({ ...facts, needsAttention: true })).toBe('attention');
    expect(trayState(facts)).toBe('idle');
  });

  it('says the last run in one line', () => {
    expect(lastRunLine(run())).toBe('Synced 06:00 - 3 created, 11 updated');
    expect(lastRunLine(run({ status: 'failed', error: 'Visma.net did not answer' }))).toBe('Sync failed 06:00: Visma.net did not answer');
    expect(lastRunLine(null)).toBe('No sync yet');
  });
});

describe('tray menu', () => {
  const actions = { syncNow: vi.fn(), openScreen: vi.fn(), setPaused: vi.fn(), openLogFolder: vi.fn(), quit: vi.fn() };

  it('has Sync now, Preview, Open, Pause, the last run (disabled) and Quit', () => {
    const menu = trayMenu(facts, actions);
    expect(menu.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Sync now', 'Preview…', 'Open', 'Pause schedule', 'Synced 06:00 - 3 created, 11 updated', 'Open log folder', 'Quit',
    ]);
    expect(menu.find((i) => i.label?.startsWith('Synced'))?.enabled).toBe(false);
    menu.find((i) => i.label === 'Pause schedule')?.click?.({} as never, undefined, {} as never);
    expect(actions.setPaused).toHaveBeenCalledWith(true);
    menu.find((i) => i.label === 'Preview…')?.click?.({} as never, undefined, {} as never);
    expect(actions.openScreen).toHaveBeenCalledWith('preview');
  });

  it('offers Resume when paused and no second sync while one runs', () => {
    const menu = trayMenu({ ...facts, paused: true, syncing: true }, actions);
    expect(menu.some((i) => i.label === 'Resume schedule')).toBe(true);
    expect(menu[0]).toMatchObject({ label: 'Syncing…', enabled: false });
  });
});
