/**
 * Where the time goes, without touching the product: a timing proxy around the {@link Directory} the
 * Provisioner opens (its `openDirectory` option), and temporary wrappers around the ldapts `Client`
 * operations and the history journal's file writes. Bench-only; every patch is undone by its returned
 * function.
 */
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'ldapts';
import type { Directory } from '../engine/ad/directory';

/** One timed call. */
export interface OpSpan {
  readonly name: string;
  /** `performance.now()` at the call and when its promise settled. */
  readonly start: number;
  readonly end: number;
}

/** Collected spans, summed by name. */
export class OpTimes {
  readonly spans: OpSpan[] = [];

  /** Times `fn` under `name`. */
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.spans.push({ name, start, end: performance.now() });
    }
  }

  /** Count and total milliseconds of the spans called `name`. */
  total(name: string): { readonly count: number; readonly ms: number } {
    let count = 0;
    let ms = 0;
    for (const s of this.spans) {
      if (s.name !== name) continue;
      count += 1;
      ms += s.end - s.start;
    }
    return { count, ms };
  }

  /** The first span called `name`, if any. */
  first(name: string): OpSpan | undefined {
    return this.spans.find((s) => s.name === name);
  }

  /** Forgets every span. */
  clear(): void {
    this.spans.length = 0;
  }
}

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * A {@link Directory} that times every method as `directory.<method>`. Calls go to the real object (the
 * adapter keeps its state in private fields, which a proxy as `this` could not reach).
 */
export function timedDirectory(directory: Directory, times: OpTimes): Directory {
  return new Proxy(directory, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = value as AsyncMethod;
      return (...args: unknown[]) => times.time(`directory.${property}`, () => method.apply(target, args));
    },
  });
}

function wrapMethods(proto: Record<string, unknown>, names: readonly string[], prefix: string, times: OpTimes): () => void {
  const originals = new Map<string, unknown>();
  for (const name of names) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    originals.set(name, original);
    const fn = original as AsyncMethod;
    proto[name] = function timedMethod(this: unknown, ...args: unknown[]) {
      return times.time(`${prefix}.${name}`, () => fn.apply(this, args));
    };
  }
  return () => {
    for (const [name, original] of originals) proto[name] = original;
  };
}

/** Times ldapts `add`, `search`, `modify` and `del` as `ldap.<op>` until the returned function is called. */
export function timeLdapOperations(times: OpTimes): () => void {
  return wrapMethods(Client.prototype as unknown as Record<string, unknown>, ['add', 'search', 'modify', 'del'], 'ldap', times);
}

/**
 * Times `FileHandle.appendFile` and `FileHandle.datasync` (what the run history does per action) as
 * `journal.<op>` until the returned function is called. Needs a scratch directory to get at the prototype.
 */
export async function timeJournalWrites(times: OpTimes, scratchDir: string): Promise<() => void> {
  const file = path.join(scratchDir, 'probe.tmp');
  const handle = await open(file, 'w');
  const proto = Object.getPrototypeOf(handle) as Record<string, unknown>;
  await handle.close();
  await rm(file, { force: true });
  return wrapMethods(proto, ['appendFile', 'datasync'], 'journal', times);
}
