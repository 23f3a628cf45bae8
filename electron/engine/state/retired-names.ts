import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { namesOfAccount, type OtherNames } from '../ad/naming';
import type { AdAccount } from '../model/ad-account';
import { writePrivateFileAtomic } from './private-file';

/**
 * Retired names: the logon names, UPNs and mail addresses (with every SMTP proxy address) of the
 * accounts the product deleted, kept in `<dataDir>/retired-names.json` (owner-only, replaced
 * atomically). For `policy.retiredNameDays` days they count as taken, so a deleted leaver's name or
 * address is never handed to the next joiner, whose mail would otherwise receive the leaver's post.
 */

/** Default of `policy.retiredNameDays`: two years. */
export const DEFAULT_RETIRED_NAME_DAYS = 730;

/** One retired name. */
export interface RetiredName {
  /** A sAMAccountName, or an address (UPN, mail and SMTP proxy addresses share one namespace). */
  readonly kind: 'sAMAccountName' | 'address';
  /** Lower case. */
  readonly value: string;
  /** ISO timestamp of when the account holding it was deleted. */
  readonly retiredAt: string;
}

/** True when `name` is still within `days` days of being retired at `now`. */
function stillRetired(name: RetiredName, days: number, now: Date): boolean {
  return days > 0 && now.getTime() - Date.parse(name.retiredAt) < days * 86_400_000;
}

/** The names of `names` still taken at `now`, in the form the name registry takes. */
export function takenNames(names: readonly RetiredName[], days: number, now: Date): Required<OtherNames> {
  const live = names.filter((n) => stillRetired(n, days, now));
  return {
    sAMAccountNames: live.filter((n) => n.kind === 'sAMAccountName').map((n) => n.value),
    addresses: live.filter((n) => n.kind === 'address').map((n) => n.value),
  };
}

/** The retired-names list of one data directory. */
export class RetiredNameStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'retired-names.json');
  }

  /**
   * Every recorded name; an absent file is an empty list. A file that cannot be read is an error, not
   * an empty list: planning on it could hand a retired name out again.
   */
  async read(): Promise<readonly RetiredName[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = ((): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })();
    if (!isNameList(parsed)) throw new Error(`the retired-names list ${this.file} is damaged; restore it from a backup (deleting it lets deleted accounts' names be handed out again)`);
    return parsed.names;
  }

  /** The names still taken at `now`. */
  async taken(days: number, now: Date): Promise<Required<OtherNames>> {
    return takenNames(await this.read(), days, now);
  }

  /**
   * Records the names of `account`, deleted (or about to be) at `at`; names retired longer than
   * `days` ago are dropped from the list, as they no longer count.
   */
  async record(account: Pick<AdAccount, 'sAMAccountName' | 'userPrincipalName' | 'mail' | 'proxyAddresses'>, at: Date, days: number): Promise<void> {
    const own = namesOfAccount(account);
    const fresh: RetiredName[] = [
      ...own.sAMAccountNames.map((value) => ({ kind: 'sAMAccountName' as const, value, retiredAt: at.toISOString() })),
      ...own.addresses.map((value) => ({ kind: 'address' as const, value, retiredAt: at.toISOString() })),
    ];
    const key = (n: RetiredName): string => `${n.kind}:${n.value}`;
    const replaced = new Set(fresh.map(key));
    const kept = (await this.read()).filter((n) => !replaced.has(key(n)) && stillRetired(n, days, at));
    await writePrivateFileAtomic(this.file, JSON.stringify({ names: [...kept, ...fresh] }));
  }
}

function isNameList(value: unknown): value is { readonly names: readonly RetiredName[] } {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { names?: unknown }).names)) return false;
  return ((value as { names: unknown[] }).names).every((n) => {
    const name = n as Partial<RetiredName> | null;
    return (
      name !== null && typeof name === 'object' && (name.kind === 'sAMAccountName' || name.kind === 'address') &&
      typeof name.value === 'string' && typeof name.retiredAt === 'string' && !Number.isNaN(Date.parse(name.retiredAt))
    );
  });
}
