import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { normaliseDn } from '../ad/naming-dn';
import type { LedgerChange, LedgerEntry } from '../model/ledger';
import type { TargetName } from '../model/plan';
import { writePrivateFileAtomic } from './private-file';
import { readLegacyNedap, retireLegacyNedap } from './nedap-ledger-migration';

/**
 * The entitlement ledger: what this app granted (or adopted) per target, account and entitlement,
 * by which rule and when. Revokes are planned from it, never from today's rules alone: removing a
 * rule revokes what that rule granted, and a membership the app never granted is never revoked.
 *
 * One owner-only JSON file, `<dataDir>/ledger/entitlements.json`, replaced atomically on every
 * change. A damaged or unreadable file is never read as "empty" (that would make every revoke
 * vanish): the caller gets a {@link LedgerRead} that says so and decides (AD stops the run).
 */

export type { LedgerChange, LedgerEntry, LedgerHow } from '../model/ledger';

/** The result of reading the ledger file. */
export type LedgerRead =
  | { readonly kind: 'absent' | 'read'; readonly ledger: EntitlementLedger; readonly legacyProblem: string | null }
  /** The file exists but cannot be read or is damaged: no ledger value is offered. */
  | { readonly kind: 'damaged'; readonly problem: string };

/** The ledger file could not be used: the run stops before anything is planned from it. */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
}

/** The account key of an AD account in the ledger. */
export function adLedgerAccount(sAMAccountName: string): string {
  return sAMAccountName.toLowerCase();
}

/** Entitlements compare per target: AD group DNs by their normalised form. */
function entitlementKey(target: TargetName, entitlement: string): string {
  return target === 'ad' ? normaliseDn(entitlement) : entitlement;
}

const accountKey = (target: TargetName, account: string): string => `${target}\u0000${account}`;

/** The ledger as a value: lookups by target and account. */
export class EntitlementLedger {
  private readonly byAccount = new Map<string, Map<string, LedgerEntry>>();

  constructor(entries: readonly LedgerEntry[] = []) {
    for (const entry of entries) this.put(entry);
  }

  /** Every entry, sorted by target, account and entitlement (the file's order). */
  get entries(): readonly LedgerEntry[] {
    // Keys made once per entry, not per comparison: the ledger is written after every change.
    const keyed = [...this.byAccount.values()].flatMap((m) => [...m.values()]).map((e) => ({ e, key: `${e.target}\u0000${e.account}\u0000${entitlementKey(e.target, e.entitlement)}` }));
    return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ e }) => e);
  }

  /**
   * The entries of one account; with `accountId`, entries that name another id are not its own
   * (left by a deleted account with the same key).
   */
  entriesOf(target: TargetName, account: string, accountId: string | null = null): readonly LedgerEntry[] {
    const entries = [...(this.byAccount.get(accountKey(target, account))?.values() ?? [])];
    if (accountId === null) return entries;
    return entries.filter((e) => e.accountId === null || e.accountId.toLowerCase() === accountId.toLowerCase());
  }

  /** The entry for one entitlement of one account, if the app owns it. */
  entryOf(target: TargetName, account: string, entitlement: string): LedgerEntry | undefined {
    return this.byAccount.get(accountKey(target, account))?.get(entitlementKey(target, entitlement));
  }

  /** The entries of every account of a target, by account. */
  accounts(target: TargetName): ReadonlyMap<string, readonly LedgerEntry[]> {
    const prefix = accountKey(target, '');
    const accounts = new Map<string, readonly LedgerEntry[]>();
    for (const [key, entries] of this.byAccount) if (key.startsWith(prefix)) accounts.set(key.slice(prefix.length), [...entries.values()]);
    return accounts;
  }

  /** Every entitlement recorded for a target (AD: the groups a revoke may name). */
  entitlements(target: TargetName): readonly string[] {
    const seen = new Map<string, string>();
    for (const entry of this.entries) if (entry.target === target) seen.set(entitlementKey(target, entry.entitlement), entry.entitlement);
    return [...seen.values()];
  }

  /** A new ledger with `changes` made, in order. */
  with(changes: readonly LedgerChange[]): EntitlementLedger {
    const next = new EntitlementLedger();
    for (const [key, entries] of this.byAccount) next.byAccount.set(key, new Map(entries));
    for (const change of changes) next.change(change);
    return next;
  }

  private put(entry: LedgerEntry): void {
    const key = accountKey(entry.target, entry.account);
    const entries = this.byAccount.get(key) ?? new Map<string, LedgerEntry>();
    entries.set(entitlementKey(entry.target, entry.entitlement), entry);
    this.byAccount.set(key, entries);
  }

  private change(change: LedgerChange): void {
    switch (change.kind) {
      case 'record':
        this.put(change.entry);
        break;
      case 'forget': {
        const key = accountKey(change.target, change.account);
        const entries = this.byAccount.get(key);
        entries?.delete(entitlementKey(change.target, change.entitlement));
        if (entries?.size === 0) this.byAccount.delete(key);
        break;
      }
      case 'forget-account':
        this.byAccount.delete(accountKey(change.target, change.account));
        break;
    }
  }
}

const entrySchema = z.object({
  target: z.enum(['ad', 'nedap-ons']),
  account: z.string().min(1),
  accountId: z.string().nullable(),
  entitlement: z.string().min(1),
  rule: z.string().nullable(),
  how: z.enum(['granted', 'adopted']),
  at: z.string().min(1),
});
const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

/** The ledger file under `<dataDir>/ledger/`. Changes are serialised, so no writer loses another's. */
export class LedgerFile {
  readonly file: string;
  private current: EntitlementLedger | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The changes waiting for the write after the one under way. */
  private waiting: { readonly changes: LedgerChange[]; readonly done: Promise<void> } | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'ledger', 'entitlements.json');
  }

  /**
   * Read the ledger, with the old Nedap Ons file (if it is still there) read into it; never throws
   * for a missing or damaged file (see {@link LedgerRead}).
   */
  async read(): Promise<LedgerRead> {
    const own = await this.readOwn();
    if (own.kind === 'damaged') return own;
    const legacy = await readLegacyNedap(path.dirname(path.dirname(this.file)), new Date().toISOString());
    switch (legacy.kind) {
      case 'none':
        return own;
      case 'read':
        return { ...own, kind: 'read', ledger: own.ledger.with(legacy.changes) };
      case 'damaged':
        return { ...own, legacyProblem: legacy.problem };
    }
  }

  private async readOwn(): Promise<LedgerRead> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { kind: 'absent', ledger: new EntitlementLedger(), legacyProblem: null };
      return { kind: 'damaged', problem: `the entitlement ledger ${this.file} cannot be read (${code ?? 'error'})` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'damaged', problem: `the entitlement ledger ${this.file} is damaged (not valid JSON)` };
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { kind: 'damaged', problem: `the entitlement ledger ${this.file} is damaged (at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})` };
    }
    return { kind: 'read', ledger: new EntitlementLedger(parsed.data.entries), legacyProblem: null };
  }

  /** The ledger, or a {@link LedgerError} that says what is wrong with the file and what to do. */
  async load(): Promise<EntitlementLedger> {
    return usableLedger(await this.read());
  }

  /**
   * Move the old Nedap Ons file in: write the ledger with its entries, then retire the file. Only
   * a writer of the ledger (apply, under the run lock) does this; readers see the same through
   * {@link read}.
   */
  private async migrated(): Promise<EntitlementLedger> {
    const own = usableLedger(await this.readOwn());
    const legacy = await readLegacyNedap(path.dirname(path.dirname(this.file)), new Date().toISOString());
    if (legacy.kind === 'none') return own;
    const ledger = legacy.kind === 'read' ? own.with(legacy.changes) : own;
    if (legacy.kind === 'read') await this.write(ledger);
    await retireLegacyNedap(legacy);
    return ledger;
  }

  private async write(ledger: EntitlementLedger): Promise<void> {
    await writePrivateFileAtomic(this.file, `${JSON.stringify({ version: 1, entries: ledger.entries })}\n`);
  }

  /**
   * Make `changes` durable (atomic replace of the file) before resolving. Changes that arrive while a
   * write is under way go to disk together in the next one: one file write for many users' changes.
   */
  change(changes: readonly LedgerChange[]): Promise<void> {
    if (changes.length === 0) return this.queue;
    if (this.waiting !== null) {
      this.waiting.changes.push(...changes);
      return this.waiting.done;
    }
    const batch: { changes: LedgerChange[]; done: Promise<void> } = { changes: [...changes], done: Promise.resolve() };
    batch.done = this.queue.then(async () => {
      // From here on, new changes wait for the next write.
      if (this.waiting === batch) this.waiting = null;
      const base = this.current ?? (await this.migrated());
      const updated = base.with(batch.changes);
      await this.write(updated);
      this.current = updated;
    });
    this.waiting = batch;
    // A failed write fails its callers, not every later one.
    this.queue = batch.done.catch(() => {});
    return batch.done;
  }
}

/**
 * The ledger of a read, or a {@link LedgerError} that says what is wrong with the file and what the
 * admin can do.
 */
export function usableLedger(read: LedgerRead): EntitlementLedger {
  if (read.kind === 'damaged') {
    throw new LedgerError(
      `${read.problem}: Active Directory revokes are planned from it, so nothing is planned or applied there until it is restored from a backup (or removed, after which memberships that today's rules grant are adopted again and nothing else is ever revoked). A run limited to Nedap Ons (--target nedap-ons) still works: it writes every user's desired duties, teams and locations again`,
    );
  }
  return read.ledger;
}
