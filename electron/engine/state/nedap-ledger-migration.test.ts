import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nedapRecordsOf } from '../nedap-ons/ledger-view';
import { LedgerFile } from './entitlement-ledger';
import { legacyNedapFile, readLegacyNedap } from './nedap-ledger-migration';

const AD_ENTRY = { target: 'ad' as const, account: 'jan', accountId: 'g-1', entitlement: 'CN=G,DC=x', rule: 'ICT', how: 'granted' as const, at: '2026-01-05T08:00:00.000Z' };
const OLD = { version: 1, target: 'nedap-ons', users: { '1003-1': { userUuid: 'u-1', duties: ['r-1'], teams: [], locations: ['11'] }, '1004-1': { userUuid: 'u-2' } } };

describe('moving the old Nedap Ons record into the entitlement ledger', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hrp-migrate-'));
    await mkdir(path.join(dir, 'ledger'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

  it('reads the old file as part of the ledger, and moves it in at the first write', async () => {
    await writeFile(legacyNedapFile(dir), JSON.stringify(OLD));
    const file = new LedgerFile(dir);
    const read = await file.read();
    expect(read.kind).toBe('read');
    if (read.kind === 'damaged') return;
    expect(Object.fromEntries(nedapRecordsOf(read.ledger))).toEqual({ '1003-1': OLD.users['1003-1'], '1004-1': { userUuid: 'u-2' } });
    // Reading writes nothing.
    expect(await exists(file.file)).toBe(false);
    await file.change([{ kind: 'record', entry: AD_ENTRY }]);
    expect(await exists(legacyNedapFile(dir))).toBe(false);
    expect(JSON.parse(await readFile(`${legacyNedapFile(dir)}.migrated`, 'utf8'))).toEqual(OLD);
    const ledger = await new LedgerFile(dir).load();
    expect(Object.fromEntries(nedapRecordsOf(ledger))).toEqual({ '1003-1': OLD.users['1003-1'], '1004-1': { userUuid: 'u-2' } });
    expect(ledger.entryOf('ad', 'jan', 'CN=G,DC=x')?.rule).toBe('ICT');
  });

  it('a crash between writing the ledger and retiring the old file neither doubles nor loses anything', async () => {
    await writeFile(legacyNedapFile(dir), JSON.stringify(OLD));
    const first = new LedgerFile(dir);
    await first.change([{ kind: 'record', entry: AD_ENTRY }]);
    const migrated = await readFile(first.file, 'utf8');
    // As the crash leaves it: the ledger written, the old file still there.
    await rm(`${legacyNedapFile(dir)}.migrated`);
    await writeFile(legacyNedapFile(dir), JSON.stringify(OLD));
    const read = await new LedgerFile(dir).read();
    if (read.kind === 'damaged') throw new Error('unexpected');
    expect(read.ledger.entries).toEqual(JSON.parse(migrated).entries.map((e: object) => expect.objectContaining({ ...e, at: expect.any(String) })));
    const again = new LedgerFile(dir);
    await again.change([{ kind: 'forget', target: 'nedap-ons', account: '1003-1', entitlement: 'location:11' }]);
    const entries = (await again.load()).entries;
    expect(entries.filter((e) => e.target === 'nedap-ons')).toHaveLength(JSON.parse(migrated).entries.filter((e: { target: string }) => e.target === 'nedap-ons').length - 1);
    expect(entries.filter((e) => e.target === 'ad')).toHaveLength(1);
    expect(nedapRecordsOf(await again.load()).get('1003-1')).toEqual({ userUuid: 'u-1', duties: ['r-1'], teams: [], locations: [] });
    expect(await exists(legacyNedapFile(dir))).toBe(false);
  });

  it('a damaged old file: its problem is reported, and the first write retires it as .damaged', async () => {
    await writeFile(legacyNedapFile(dir), '{ broken');
    expect(await readLegacyNedap(dir, 'now')).toMatchObject({ kind: 'damaged', problem: expect.stringContaining('nedap-ons.json is damaged') });
    const file = new LedgerFile(dir);
    expect(await file.read()).toMatchObject({ kind: 'absent', legacyProblem: expect.stringContaining('nedap-ons.json') });
    await file.change([{ kind: 'record', entry: AD_ENTRY }]);
    expect(await readFile(`${legacyNedapFile(dir)}.damaged`, 'utf8')).toBe('{ broken');
    expect((await new LedgerFile(dir).read()).kind === 'read').toBe(true);
  });
});
