import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../model/ledger';
import { EntitlementLedger, LedgerError, LedgerFile } from './entitlement-ledger';

const GROUP = 'CN=ICT,OU=Groups,DC=x';
const entry = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  target: 'ad', account: 'jan', accountId: 'g-1', entitlement: GROUP, rule: 'ICT staff', how: 'granted', at: '2026-01-05T08:00:00.000Z', ...over,
});

describe('EntitlementLedger', () => {
  it('finds entries by account and entitlement, DN spelling aside, and ignores those of another account id', () => {
    const ledger = new EntitlementLedger([entry(), entry({ account: 'piet', accountId: 'g-old' })]);
    expect(ledger.entryOf('ad', 'jan', 'cn=ict, ou=groups, dc=x')?.rule).toBe('ICT staff');
    expect(ledger.entriesOf('ad', 'piet', 'g-new')).toEqual([]);
    expect(ledger.entriesOf('ad', 'piet', 'g-old')).toHaveLength(1);
    expect(ledger.entitlements('ad')).toEqual([GROUP]);
  });

  it('records, forgets one entitlement and forgets an account', () => {
    const ledger = new EntitlementLedger([entry(), entry({ entitlement: 'CN=All,DC=x' })]);
    const one = ledger.with([{ kind: 'forget', target: 'ad', account: 'jan', entitlement: 'cn=ict,ou=groups,dc=x' }]);
    expect(one.entries.map((e) => e.entitlement)).toEqual(['CN=All,DC=x']);
    expect(one.with([{ kind: 'forget-account', target: 'ad', account: 'jan' }]).entries).toEqual([]);
    // The value it was made from is unchanged.
    expect(ledger.entries).toHaveLength(2);
  });
});

describe('LedgerFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hrp-ledger-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads as absent before the first write, then round-trips owner-only under ledger/', async () => {
    const file = new LedgerFile(dir);
    expect((await file.read()).kind).toBe('absent');
    await file.change([{ kind: 'record', entry: entry() }]);
    await file.change([{ kind: 'record', entry: entry({ entitlement: 'CN=All,DC=x', how: 'adopted' }) }]);
    const again = await new LedgerFile(dir).load();
    expect(again.entries.map((e) => [e.entitlement, e.how])).toEqual([['CN=All,DC=x', 'adopted'], [GROUP, 'granted']]);
    expect((await stat(file.file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'ledger'))).mode & 0o777).toBe(0o700);
  });

  it('keeps every change of writes that arrive together, each durable when its promise resolves', async () => {
    const file = new LedgerFile(dir);
    const users = ['anna', 'bert', 'cees', 'daan', 'eva'];
    // Apply confirms writes concurrently: the later changes wait for one write after the first.
    const pending = users.map((account, i) => file.change([{ kind: 'record', entry: entry({ account, accountId: `g-${i}` }) }]));
    await pending[1];
    expect((await new LedgerFile(dir).load()).entries.map((e) => e.account)).toEqual(expect.arrayContaining(['anna', 'bert']));
    await Promise.all(pending);
    expect((await new LedgerFile(dir).load()).entries.map((e) => e.account)).toEqual(users);
    // A change after the batch is written on top of it.
    await file.change([{ kind: 'forget-account', target: 'ad', account: 'cees' }]);
    expect((await new LedgerFile(dir).load()).entries.map((e) => e.account)).toEqual(['anna', 'bert', 'daan', 'eva']);
  });

  it('never reads a damaged file as empty: a clear error that names the file', async () => {
    await mkdir(path.join(dir, 'ledger'));
    const file = new LedgerFile(dir);
    await writeFile(file.file, '{"version":1,"entries":[{"target":"ad"');
    expect(await file.read()).toMatchObject({ kind: 'damaged', problem: expect.stringContaining('not valid JSON') });
    await expect(file.load()).rejects.toThrow(LedgerError);
    await expect(file.load()).rejects.toThrow(/entitlements\.json is damaged.*restored from a backup/);
    await writeFile(file.file, JSON.stringify({ version: 1, entries: [{ target: 'ad' }] }));
    expect(await file.read()).toMatchObject({ kind: 'damaged', problem: expect.stringContaining('entries.0') });
    // A change on top of a damaged file fails too, and leaves the file as it was.
    await expect(file.change([{ kind: 'record', entry: entry() }])).rejects.toThrow(LedgerError);
    expect(await readFile(file.file, 'utf8')).toContain('"entries":[{"target":"ad"}]');
  });
});
