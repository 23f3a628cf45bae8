import schedule from 'node-schedule';
import type { Job } from 'node-schedule';

/**
 * Scheduled syncs with node-schedule (cron rules such as "0 6 * * 1-5"). A run never overlaps
 * another: a tick while one runs is skipped. A run missed while the machine slept runs once on wake:
 * main calls {@link SyncScheduler.onResume} from powerMonitor's `resume`.
 */

/** What the scheduler needs from outside; replaceable in tests. */
export interface SchedulerDeps {
  readonly run: () => Promise<void>;
  readonly now?: () => Date;
  readonly scheduleJob?: (rule: string, callback: () => void) => Job | null;
}

/** The sync schedule of the tray app. */
export class SyncScheduler {
  private jobs: Job[] = [];
  private running: Promise<void> | null = null;
  private paused = false;
  /** The earliest next invocation as it was before the machine slept. */
  private expected: Date | null = null;
  private readonly now: () => Date;
  private readonly scheduleJob: (rule: string, callback: () => void) => Job | null;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.scheduleJob = deps.scheduleJob ?? ((rule, callback) => schedule.scheduleJob(rule, callback));
  }

  /** Replace the rules; invalid rules are returned and not scheduled. */
  configure(rules: readonly string[], paused: boolean): readonly string[] {
    this.stop();
    this.paused = paused;
    const invalid: string[] = [];
    for (const rule of rules) {
      const job = this.scheduleJob(rule, () => void this.tick());
      if (job) this.jobs.push(job);
      else invalid.push(rule);
    }
    this.expected = this.nextRun();
    return invalid;
  }

  /** Cancel every job. */
  stop(): void {
    for (const job of this.jobs) job.cancel();
    this.jobs = [];
  }

  /** The next scheduled run, or null when paused or without rules. */
  nextRun(): Date | null {
    if (this.paused) return null;
    const times = this.jobs.map((job) => job.nextInvocation()).filter((d): d is Date => d !== null).map((d) => new Date(d.getTime()));
    return times.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.expected = this.nextRun();
  }

  /** True while a run is going on. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Run now unless a run is going on; resolves when this run (or the one going on) ends. */
  async tick(): Promise<void> {
    if (this.paused) return;
    if (this.running) return this.running;
    this.running = this.deps.run().finally(() => {
      this.running = null;
      this.expected = this.nextRun();
    });
    return this.running;
  }

  /** After sleep: when a scheduled time passed while the machine slept, run once now. */
  async onResume(): Promise<void> {
    const missed = this.expected !== null && this.expected.getTime() <= this.now().getTime();
    this.expected = this.nextRun();
    if (missed) await this.tick();
  }
}
