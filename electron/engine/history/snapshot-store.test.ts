import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../model/person';
import { compressPersons, SnapshotStore } from './snapshot-store';
import type { HrSnapshot } from './snapshot-store';

function person(i: number): Person {
  // A name beyond Latin-1 in some slices: the text is then encoded slice by slice.
  return {
    id: `P${i}`, employeeIds: [`E${i}`], name: { givenName: i % 7 === 0 ? 'Şükrü' : 'Anna', familyName: `de Vries ${i}`, initials: 'A.' },
    gender: '', birthDate: null, company: null, businessEmail: '', contracts: [], primaryContractId: null, custom: { note: 'say "hi", \\ ok' },
  } as unknown as Person;
}

const persons = Array.from({ length: 1234 }, (_, i) => person(i));
const snapshot: HrSnapshot = {
  planId: 'plan-1', takenAt: '2026-11-30T12:00:00.000Z', asOf: '2026-11-30',
  counts: { rows: { employees: 1234 } } as unknown as HrSnapshot['counts'], persons,
};

let dataDir: string;
beforeEach(() => { dataDir = mkdtempSync(path.join(os.tmpdir(), 'hrp-snapshots-')); });
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function savedBytes(): Buffer {
  const dir = path.join(dataDir, 'snapshots');
  const [name] = readdirSync(dir);
  return readFileSync(path.join(dir, name ?? ''));
}
const savedText = (): string => gunzipSync(savedBytes()).toString('utf8');

describe('SnapshotStore.save with persons compressed ahead', () => {
  it('writes what unpacks to the very JSON of the snapshot, and reads back the same snapshot', async () => {
    const store = new SnapshotStore(dataDir);
    const compressed = compressPersons(persons);
    await store.save(snapshot, compressed);
    // The compressed persons went in as they were, not compressed again.
    expect(savedBytes().includes(await compressed.gzip)).toBe(true);
    expect(savedText()).toBe(JSON.stringify(snapshot));
    expect(await store.forPlan('plan-1')).toEqual(snapshot);
  });

  it('ignores a compression of other persons and writes the snapshot whole', async () => {
    const store = new SnapshotStore(dataDir);
    const other = compressPersons(persons.slice(1));
    await store.save(snapshot, other);
    expect(savedBytes().includes(await other.gzip)).toBe(false);
    expect(savedText()).toBe(JSON.stringify(snapshot));
  });

  it('compresses an empty import as an empty list', async () => {
    const store = new SnapshotStore(dataDir);
    const empty = { ...snapshot, persons: [] };
    await store.save(empty, compressPersons(empty.persons));
    expect(savedText()).toBe(JSON.stringify(empty));
  });

  it('stops compressing once its signal aborts, and the failure is only seen where it is awaited', async () => {
    const stop = new AbortController();
    const compressed = compressPersons(persons, stop.signal);
    stop.abort(new Error('preview failed'));
    await expect(compressed.gzip).rejects.toThrow('preview failed');
  });
});
