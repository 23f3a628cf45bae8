/**
 * Loads the accounts a plan would create straight into the directory with raw ldapts adds: the fastest way
 * to give the preview bench a directory that already matches HR, so that the next preview has nothing to do.
 *
 * The attributes are those apply writes (the create's `after` values, apply's own skips), plus the
 * manager that the plan sets in a later update when the manager is created in the same plan. AD refuses a
 * manager DN that does not exist yet, so accounts are added in waves: first those without a manager (or
 * whose manager already exists), then their reports, and so on. No password is set (that would cost
 * 30-40 ms per account in Samba, and the preview never reads it).
 */
import { Attribute, Change } from 'ldapts';
import type { Client } from 'ldapts';
import { normaliseDn } from '../engine/ad/dn';
import { actionsOf, type AdAction, type Plan } from '../engine/model/plan';

/** One account as apply would leave it. */
export interface AccountSpec {
  readonly dn: string;
  readonly personId: string | null;
  /** Attribute values, without objectClass, userAccountControl and manager. */
  readonly attributes: Record<string, string>;
  manager: string | null;
  /** True when the plan also enables the account (userAccountControl 512 instead of 514). */
  enabled: boolean;
}

/** The accounts of a plan made against an empty directory, and any action that does not fit. */
export interface PlannedAccounts {
  readonly specs: readonly AccountSpec[];
  /** Actions other than create, enable and manager updates of created accounts. */
  readonly unexpected: readonly AdAction[];
}

function textOf(after: unknown): string | null {
  return typeof after === 'string' && after !== '' ? after : null;
}

/** Folds the creates, enables and updates of a plan into one spec per new account. */
export function accountsFromPlan(plan: Plan): PlannedAccounts {
  const byDn = new Map<string, AccountSpec>();
  const unexpected: AdAction[] = [];
  for (const action of actionsOf(plan.actions, 'ad')) {
    const key = normaliseDn(action.account.dn);
    if (action.action === 'create') {
      const attributes: Record<string, string> = {};
      let manager: string | null = null;
      for (const change of action.changes) {
        // The same skips as apply's create: cn and dn are the DN, empty values are not written.
        if (change.attribute === 'cn' || change.attribute === 'dn') continue;
        const value = textOf(change.after);
        if (value === null) continue;
        if (change.attribute === 'manager') manager = value;
        else attributes[change.attribute] = value;
      }
      byDn.set(key, { dn: action.account.dn, personId: action.personId, attributes, manager, enabled: false });
      continue;
    }
    const spec = byDn.get(key);
    if (spec === undefined) {
      unexpected.push(action);
    } else if (action.action === 'enable') {
      spec.enabled = true;
    } else if (action.action === 'update') {
      for (const change of action.changes) {
        const value = textOf(change.after);
        if (change.attribute === 'manager') spec.manager = value;
        else if (value !== null) spec.attributes[change.attribute] = value;
      }
    } else {
      unexpected.push(action);
    }
  }
  return { specs: [...byDn.values()], unexpected };
}

/**
 * Splits specs into waves: wave 0 needs no new manager, wave n has its manager in wave n-1. Managers in a
 * cycle (or beyond `maxWaves`) are returned apart, to be set with a modify once every account exists.
 */
export function managerWaves(specs: readonly AccountSpec[], maxWaves = 50): { readonly waves: readonly (readonly AccountSpec[])[]; readonly deferred: readonly AccountSpec[] } {
  const byDn = new Map(specs.map((s) => [normaliseDn(s.dn), s]));
  const depth = new Map<AccountSpec, number>();
  const deferred: AccountSpec[] = [];
  const depthOf = (spec: AccountSpec, path: Set<AccountSpec>): number => {
    const known = depth.get(spec);
    if (known !== undefined) return known;
    const manager = spec.manager === null ? undefined : byDn.get(normaliseDn(spec.manager));
    let d = 0;
    if (manager !== undefined && manager !== spec) {
      if (path.has(manager)) {
        d = -1;
      } else {
        path.add(spec);
        const m = depthOf(manager, path);
        path.delete(spec);
        d = m < 0 ? -1 : m + 1;
      }
    }
    if (d < 0 || d >= maxWaves) d = -1;
    depth.set(spec, d);
    return d;
  };
  const waves: AccountSpec[][] = [];
  for (const spec of specs) {
    const d = depthOf(spec, new Set());
    if (d < 0) {
      deferred.push(spec);
    } else {
      while (waves.length <= d) waves.push([]);
      waves[d]?.push(spec);
    }
  }
  return { waves, deferred };
}

/** Runs `work` over `items` with at most `inFlight` promises outstanding (on one connection). */
export async function pipelined<T>(items: readonly T[], inFlight: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, worker));
}

/** Options of {@link loadAccounts}. */
export interface LoadOptions {
  /** Requests in flight on the one connection (8 is the fastest on Samba: feasibility throughput table). */
  readonly inFlight: number;
  /** userAccountControl of an enabled account. */
  readonly enabledUac: string;
  /** Called about every `progressEvery` accounts. */
  readonly onProgress: (done: number, total: number) => void;
  readonly progressEvery: number;
}

/** Adds every spec (manager waves in order, each wave pipelined); returns the number of manager modifies. */
export async function loadAccounts(client: Client, specs: readonly AccountSpec[], options: LoadOptions): Promise<number> {
  const { waves, deferred } = managerWaves(specs);
  const deferredSet = new Set(deferred);
  let done = 0;
  const add = async (spec: AccountSpec): Promise<void> => {
    const entry: Record<string, string | string[]> = {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      ...spec.attributes,
      userAccountControl: spec.enabled ? options.enabledUac : '514',
    };
    if (!deferredSet.has(spec) && spec.manager !== null) entry.manager = spec.manager;
    await client.add(spec.dn, entry);
    done += 1;
    if (done % options.progressEvery === 0 || done === specs.length) options.onProgress(done, specs.length);
  };
  for (const wave of [...waves, deferred]) await pipelined(wave, options.inFlight, add);
  const late = deferred.filter((s) => s.manager !== null);
  await pipelined(late, options.inFlight, async (spec) => {
    await client.modify(spec.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'manager', values: [spec.manager as string] }) }));
  });
  return late.length;
}
