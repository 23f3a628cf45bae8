import type { LedgerChange, LedgerEntry, LedgerHow } from '../model/ledger';

/**
 * What this app assigned per Nedap Ons user, as a view over the shared entitlement ledger. Nedap
 * cannot return a user's roles, so sets are planned against this record: a write is planned only
 * when the desired set differs from it. The entries behind a record (see `model/ledger.ts`) are
 * `user`, `set:<field>` (the complete set was written, empty or not) and one per member
 * (`role:<uuid>`, `team:<id>`, `location:<id>`).
 */

/** The sets the app writes as a whole. */
export type NedapSetField = 'duties' | 'teams' | 'locations';

const FIELDS: readonly NedapSetField[] = ['duties', 'teams', 'locations'];
const MEMBER: Readonly<Record<NedapSetField, string>> = { duties: 'role', teams: 'team', locations: 'location' };
const USER = 'user';

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

/** The records by identificationNo, and why what the app assigned is not (all) known, when it is not. */
export interface NedapRecords {
  readonly records: ReadonlyMap<string, NedapRecord>;
  readonly problem: string | null;
}

/** The ledger as this view reads it: the entries of every account of a target. */
export interface LedgerAccounts {
  accounts(target: 'nedap-ons'): ReadonlyMap<string, readonly LedgerEntry[]>;
}

/** The ledger entitlement of one member of a set. */
export function nedapEntitlement(field: NedapSetField, value: string): string {
  return `${MEMBER[field]}:${value}`;
}

/** Every Nedap Ons user the ledger records, as one record each. */
export function nedapRecordsOf(ledger: LedgerAccounts): Map<string, NedapRecord> {
  const records = new Map<string, NedapRecord>();
  for (const [identificationNo, entries] of ledger.accounts('nedap-ons')) {
    const userUuid = entries.find((e) => e.entitlement === USER)?.accountId ?? entries.find((e) => e.accountId !== null)?.accountId;
    if (!userUuid) continue;
    const names = new Set(entries.map((e) => e.entitlement));
    const record: { -readonly [K in keyof NedapRecord]: NedapRecord[K] } = { userUuid };
    for (const field of FIELDS) {
      if (!names.has(`set:${field}`)) continue;
      const prefix = `${MEMBER[field]}:`;
      record[field] = [...names].filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)).sort();
    }
    records.set(identificationNo, record);
  }
  return records;
}

/** The entitlements a record stands for. */
function entitlementsOf(record: NedapRecord): string[] {
  const names = [USER];
  for (const field of FIELDS) {
    const set = record[field];
    if (set === undefined) continue;
    names.push(`set:${field}`, ...set.map((value) => nedapEntitlement(field, value)));
  }
  return names;
}

/** Who wrote an entry and when: the rule per entitlement (when a rule grants it), and how. */
export interface NedapChangeContext {
  /** The rule (or mapping) that grants each entitlement, keyed as {@link nedapEntitlement}. */
  readonly rules?: Readonly<Record<string, string>>;
  /** How the user came to be the app's: `adopted` when it was found, not created. */
  readonly userHow?: LedgerHow;
  readonly at: string;
}

/**
 * The ledger changes that turn `before` into `after` for one user (`after` null: forget the user).
 * Entries that stay keep their original grant; another user uuid replaces every entry.
 */
export function nedapRecordChanges(
  identificationNo: string,
  before: NedapRecord | undefined,
  after: NedapRecord | null,
  context: NedapChangeContext,
): LedgerChange[] {
  const target = 'nedap-ons' as const;
  if (after === null) return before === undefined ? [] : [{ kind: 'forget-account', target, account: identificationNo }];
  const sameUser = before?.userUuid === after.userUuid;
  const had = new Set(before && sameUser ? entitlementsOf(before) : []);
  const wanted = entitlementsOf(after);
  const keep = new Set(wanted);
  const changes: LedgerChange[] = [];
  if (before && !sameUser) changes.push({ kind: 'forget-account', target, account: identificationNo });
  for (const entitlement of had) if (!keep.has(entitlement)) changes.push({ kind: 'forget', target, account: identificationNo, entitlement });
  for (const entitlement of wanted) {
    if (had.has(entitlement)) continue;
    const how = entitlement === USER ? (context.userHow ?? 'granted') : 'granted';
    const rule = context.rules?.[entitlement] ?? null;
    changes.push({ kind: 'record', entry: { target, account: identificationNo, accountId: after.userUuid, entitlement, rule, how, at: context.at } });
  }
  return changes;
}
