import { once } from 'node:events';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip, gzip } from 'node:zlib';
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

/** Persons per slice of {@link compressPersons}: small enough that the event loop is never held long. */
const PERSONS_PER_SLICE = 500;

/**
 * The persons of a snapshot as one gzip member of their JSON, made ahead of {@link SnapshotStore.save}:
 * a preview starts it as soon as the import is evaluated, while the directory is still being read, so
 * that the save after planning only has to add the few fields around it.
 */
export interface CompressedPersons {
  readonly persons: readonly Person[];
  readonly gzip: Promise<Buffer>;
}

/**
 * Starts compressing `persons` (see {@link CompressedPersons}). The JSON is made a slice at a time, giving
 * the event loop a turn between slices (a directory read goes on meanwhile), and text with a character
 * beyond Latin-1 is encoded slice by slice instead of as one 30 MB string, which costs V8 twice the time.
 * A failure surfaces where the result is awaited, never as an unhandled rejection; once `signal` aborts
 * (the preview failed), it stops at the next slice.
 */
export function compressPersons(persons: readonly Person[], signal?: AbortSignal): CompressedPersons {
  const compressed = gzipPersonsJson(persons, signal);
  compressed.catch(() => {});
  return { persons, gzip: compressed };
}

async function gzipPersonsJson(persons: readonly Person[], signal: AbortSignal | undefined): Promise<Buffer> {
  const stream = createGzip();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(stream, 'end');
  // Awaited at the end; a stream error before that must not count as an unhandled rejection meanwhile.
  ended.catch(() => {});
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write('[');
  for (let from = 0; from < persons.length; from += PERSONS_PER_SLICE) {
    await nextTurn();
    if (signal?.aborted) {
      stream.destroy();
      throw signal.reason;
    }
    // The same text as JSON.stringify of the whole array: its elements joined by commas.
    const slice = JSON.stringify(persons.slice(from, from + PERSONS_PER_SLICE)).slice(1, -1);
    await write(from === 0 ? slice : `,${slice}`);
  }
  stream.end(']');
  await ended;
  return Buffer.concat(chunks);
}

/** Store of HR snapshots and of the import baseline under one data directory. */
export class SnapshotStore {
  private readonly dir: string;
  private readonly baselineFile: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'snapshots');
    this.baselineFile = path.join(dataDir, 'import-baseline.json');
  }

  /**
   * Keep `snapshot`; file names sort by time of import. With `compressed` (of the same persons) the file is
   * three gzip members, the fields before the persons, the persons and the closing brace, which gunzip
   * reads as the one JSON text `JSON.stringify(snapshot)` would be.
   */
  async save(snapshot: HrSnapshot, compressed?: CompressedPersons): Promise<void> {
    const name = `${snapshot.takenAt.replace(/[:.]/g, '-')}_${snapshot.planId}${SUFFIX}`;
    await writePrivateFileAtomic(path.join(this.dir, name), await this.bytes(snapshot, compressed));
  }

  private async bytes(snapshot: HrSnapshot, compressed: CompressedPersons | undefined): Promise<Buffer> {
    const { planId, takenAt, asOf, counts, persons } = snapshot;
    if (compressed?.persons !== persons) return gzipAsync(JSON.stringify({ planId, takenAt, asOf, counts, persons }));
    const head = JSON.stringify({ planId, takenAt, asOf, counts });
    const members = await Promise.all([gzipAsync(`${head.slice(0, -1)},"persons":`), compressed.gzip, gzipAsync('}')]);
    return Buffer.concat(members);
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
