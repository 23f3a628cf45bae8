import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LedgerChange } from '../model/ledger';
import { nedapRecordChanges, type NedapRecord } from '../nedap-ons/ledger-view';

/**
 * The one-time move of the old Nedap Ons record (`<dataDir>/ledger/nedap-ons.json`, one file per
 * target before the shared entitlement ledger) into the ledger. The ledger is written first (with
 * the old users' entries replacing whatever it held for them), then the old file is renamed
 * `.migrated` (`.damaged` when it could not be read). A crash in between leaves both; the next
 * migration writes the same entries again, so nothing is doubled or lost.
 */

/** What the old file holds. */
export type LegacyNedapRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'read'; readonly file: string; readonly changes: readonly LedgerChange[] }
  /** The old file cannot be read: what it held is lost, and is rebuilt by writing the desired sets. */
  | { readonly kind: 'damaged'; readonly file: string; readonly problem: string };

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

/** The old file's path under `dataDir`. */
export function legacyNedapFile(dataDir: string): string {
  return path.join(dataDir, 'ledger', 'nedap-ons.json');
}

/** Read the old file as ledger changes (the old file has no times: `at` is when it is migrated). */
export async function readLegacyNedap(dataDir: string, at: string): Promise<LegacyNedapRead> {
  const file = legacyNedapFile(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none' };
    return { kind: 'damaged', file, problem: `the old Nedap Ons record ${file} cannot be read (${code ?? 'error'})` };
  }
  let parsed: z.infer<typeof fileSchema> | null = null;
  try {
    const result = fileSchema.safeParse(JSON.parse(text));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  if (parsed === null) return { kind: 'damaged', file, problem: `the old Nedap Ons record ${file} is damaged` };
  const changes = Object.entries(parsed.users).flatMap(([identificationNo, record]) => [
    // Replaces, never adds to, what the ledger holds for the user: migrating twice changes nothing.
    { kind: 'forget-account' as const, target: 'nedap-ons' as const, account: identificationNo },
    ...nedapRecordChanges(identificationNo, undefined, record as NedapRecord, { at }),
  ]);
  return { kind: 'read', file, changes };
}

/** Retire the old file once the ledger holds what it said (renamed, never deleted: it is evidence). */
export async function retireLegacyNedap(read: Exclude<LegacyNedapRead, { kind: 'none' }>): Promise<void> {
  try {
    await rename(read.file, `${read.file}.${read.kind === 'read' ? 'migrated' : 'damaged'}`);
  } catch (error) {
    // Another process retired it first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
