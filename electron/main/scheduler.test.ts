import { describe, expect, it } from 'vitest';
import type { Job } from 'node-schedule';
import { SyncScheduler } from './scheduler';

/** A job that never fires by itself: the test calls tick() as node-schedule would. */
function fakeJob(next: () => Date | null): Job {
  return { cancel: () => true, nextInvocation: next } as unknown as Job;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SyncScheduler', () => {
  it('schedules valid cron rules with node-schedule and reports the invalid ones', () => {
    const scheduler = new SyncScheduler({ run: async () => undefined });
    expect(scheduler.configure(['0 6 * * 1-5', 'not a rule'], false)).toEqual(['not a rule']);
    expect(scheduler.nextRun()?.getHours()).toBe(6);
    scheduler.setPaused(true);
    expect(scheduler.nextRun()).toBeNull();
    scheduler.stop();
  });

  it('never runs two syncs at once', async () => {
    let runs = 0;
    const gate = deferred();
    const scheduler = new SyncScheduler({ run: async () => { runs += 1; await gate.promise; }, scheduleJob: () => fakeJob(() => null) });
    scheduler.configure(['* * * * *'], false);
    const first = scheduler.tick();
    const second = scheduler.tick();
    expect(scheduler.busy).toBe(true);
    gate.resolve();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(scheduler.busy).toBe(false);
  });

  it('runs once on wake when a scheduled time passed during sleep, and not otherwise', async () => {
    let now = new Date('2026-11-30T05:00:00');
    let next: Date | null = new Date('2026-11-30T06:00:00');
    let runs = 0;
    const scheduler = new SyncScheduler({ run: async () => { runs += 1; }, now: () => now, scheduleJob: () => fakeJob(() => next) });
    scheduler.configure(['0 6 * * *'], false);
    now = new Date('2026-11-30T05:30:00');
    await scheduler.onResume();
    expect(runs).toBe(0);
    now = new Date('2026-11-30T08:00:00');
    next = new Date('2026-12-01T06:00:00');
    await scheduler.onResume();
    expect(runs).toBe(1);
    await scheduler.onResume();
    expect(runs).toBe(1);
  });

  it('does not run while paused', async () => {
    let runs = 0;
    const scheduler = new SyncScheduler({ run: async () => { runs += 1; }, scheduleJob: () => fakeJob(() => null) });
    scheduler.configure(['* * * * *'], true);
    await scheduler.tick();
    expect(runs).toBe(0);
  });
});
