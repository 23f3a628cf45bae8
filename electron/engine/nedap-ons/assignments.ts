import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFileAtomic } from '../state/private-file';

/**
 * What this app assigned per Nedap Ons user. Nedap cannot return a user's roles, so sets are
 * planned against this record: a write is planned only when the desired set differs from it. It
 * sits behind a small interface so the shared entitlement ledger can take its place.
 */

/** The last sets the app wrote to one user (absent: never written, or not known). */
export interface NedapRecord {
  readonly userUuid: string;
  /** Role uuids of the duties this app's source owns. */
  readonly duties?: readonly string[];
  /** Team ids as text. */
  readonly teams?: readonly string[];
  /** Location ids as text. */
  readonly locations?: readonly string[];
}

/** The records, and why they could not be read when they could not (they then start empty). */
export interface NedapRecords {
  readonly records: ReadonlyMap<string, NedapRecord>;
  readonly problem: string | null;
}

/** Store of records by identificationNo. */
export interface NedapAssignmentStore {
  load(): Promise<NedapRecords>;
  /** Replace one record (null: forget it). Durable before it resolves. */
  put(identificationNo: string, record: NedapRecord | null): Promise<void>;
}

const fileSchema = z.object({
  version: z.literal(1),
  target: z.literal('nedap-ons'),
  users: z.record(
    z.string(),
    z.object({
      userUuid: z.string().min(1),
      duties: z.array(z.string()).optional(),
      teams: z.array(z.string()).optional(),
      locations: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * The store as one owner-only JSON file under `<dataDir>/ledger/`, replaced atomically on every
 * change (changes are serialised, so concurrent writers of one run never lose each other's).
 */
export class FileNedapAssignmentStore implements NedapAssignmentStore {
  private readonly file: string;
  private records: Map<string, NedapRecord> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'ledger', 'nedap-ons.json');
  }

  async load(): Promise<NedapRecords> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      this.records = new Map();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: new Map(), problem: null };
      return { records: new Map(), problem: `the Nedap Ons record ${this.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    let parsed: z.infer<typeof fileSchema> | null = null;
    try {
      const result = fileSchema.safeParse(JSON.parse(text));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    if (parsed === null) {
      this.records = new Map();
      return { records: new Map(), problem: `the Nedap Ons record ${this.file} is damaged` };
    }
    this.records = new Map(Object.entries(parsed.users));
    return { records: new Map(this.records), problem: null };
  }

  put(identificationNo: string, record: NedapRecord | null): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.records === null) await this.load();
      const records = this.records as Map<string, NedapRecord>;
      if (record === null) records.delete(identificationNo);
      else records.set(identificationNo, record);
      const users = Object.fromEntries([...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await writePrivateFileAtomic(this.file, `${JSON.stringify({ version: 1, target: 'nedap-ons', users })}\n`);
    });
    // A failed write fails its caller, not every later one.
    this.queue = next.catch(() => {});
    return next;
  }
}
