import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { IsoDate } from '../model/iso-date';
import type { Person } from '../model/person';
import type { ImportBaseline, SourceCounts } from '../model/safety';
import { writePrivateFileAtomic } from '../state/private-file';

/**
 * HR snapshots: every import, compressed, under `<dataDir>/snapshots`, readable by the owner only.
 * They let a plan say which HR change caused an action, let `explain` show a person over time, and
 * give the source guard its baseline. Old snapshots are removed after the retention period.
 */

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** One import as kept: the evaluated persons and the counts the source guard compares. */
export interface HrSnapshot {
  readonly planId: string;
  /** ISO timestamp of the import. */
  readonly takenAt: string;
  readonly asOf: IsoDate;
  readonly counts: SourceCounts;
  readonly persons: readonly Person[];
}

/** Default retention: 13 months, so a year-on-year question can still be answered. */
export const DEFAULT_SNAPSHOT_RETENTION_MONTHS = 13;

const SUFFIX = '.json.gz';

/** Store of HR snapshots and of the import baseline under one data directory. */
export class SnapshotStore {
  private readonly dir: string;
  private readonly baselineFile: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'snapshots');
    this.baselineFile = path.join(dataDir, 'import-baseline.json');
  }

  /** Keep `snapshot`; file names sort by time of import. */
  async save(snapshot: HrSnapshot): Promise<void> {
    const name = `${snapshot.takenAt.replace(/[:.]/g, '-')}_${snapshot.planId}${SUFFIX}`;
    await writePrivateFileAtomic(path.join(this.dir, name), await gzipAsync(JSON.stringify(snapshot)));
  }

  /** Snapshot file names, oldest first. */
  private async names(): Promise<readonly string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => name.endsWith(SUFFIX)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async read(name: string): Promise<HrSnapshot> {
    return JSON.parse((await gunzipAsync(await readFile(path.join(this.dir, name)))).toString('utf8')) as HrSnapshot;
  }

  /** The snapshot a preview took for `planId`; null when there is none (an undo plan, or removed). */
  async forPlan(planId: string): Promise<HrSnapshot | null> {
    const name = (await this.names()).find((n) => n.endsWith(`_${planId}${SUFFIX}`));
    return name ? this.read(name) : null;
  }

  /** The newest snapshot taken before `takenAt`; null when there is none. */
  async latestBefore(takenAt: string): Promise<HrSnapshot | null> {
    const stamp = takenAt.replace(/[:.]/g, '-');
    const name = (await this.names()).filter((n) => n < stamp).at(-1);
    return name ? this.read(name) : null;
  }

  /** Every snapshot, oldest first. */
  async all(): Promise<readonly HrSnapshot[]> {
    return Promise.all((await this.names()).map((name) => this.read(name)));
  }

  /** Remove snapshots taken more than `months` months before `now`; returns how many went. */
  async prune(months: number, now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    const stamp = cutoff.toISOString().replace(/[:.]/g, '-');
    const old = (await this.names()).filter((n) => n < stamp);
    await Promise.all(old.map((name) => rm(path.join(this.dir, name), { force: true })));
    return old.length;
  }

  /** The last import a completed apply ran on; null before the first. */
  async baseline(): Promise<ImportBaseline | null> {
    try {
      return JSON.parse(await readFile(this.baselineFile, 'utf8')) as ImportBaseline;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Make the import of `snapshot` the baseline the next imports are compared with. */
  async setBaseline(snapshot: HrSnapshot, acceptedAt: string = new Date().toISOString()): Promise<void> {
    const baseline: ImportBaseline = { planId: snapshot.planId, acceptedAt, asOf: snapshot.asOf, counts: snapshot.counts };
    await writePrivateFileAtomic(this.baselineFile, JSON.stringify(baseline));
  }
}
