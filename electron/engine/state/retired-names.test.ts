import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namesOfAccount } from '../ad/naming';
import { RetiredNameStore, takenNames } from './retired-names';

const leaver = {
  sAMAccountName: 'J.Jansen',
  userPrincipalName: 'j.jansen@zorg.local',
  mail: 'J.Jansen@zorg.nl',
  proxyAddresses: ['SMTP:j.jansen@zorg.nl', 'smtp:jan.jansen@zorg.nl', 'X500:/o=zorg/cn=jan'],
};
const DAY = 86_400_000;

describe('retired names', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hrp-retired-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the logon name, UPN, mail and SMTP proxy addresses of an account, lower case, once each', () => {
    expect(namesOfAccount(leaver)).toEqual({
      sAMAccountNames: ['j.jansen'],
      addresses: ['j.jansen@zorg.local', 'j.jansen@zorg.nl', 'jan.jansen@zorg.nl'],
    });
  });

  it('records them owner-only and counts them as taken for the configured days, then no more', async () => {
    const store = new RetiredNameStore(dir);
    const deleted = new Date('2026-12-01T10:00:00Z');
    await store.record(leaver, deleted, 730);
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect(await store.taken(730, new Date(deleted.getTime() + 729 * DAY))).toEqual(namesOfAccount(leaver));
    expect(await store.taken(730, new Date(deleted.getTime() + 730 * DAY))).toEqual({ sAMAccountNames: [], addresses: [] });
  });

  it('with 0 days nothing stays taken: the names may be reused at once', async () => {
    const store = new RetiredNameStore(dir);
    await store.record(leaver, new Date('2026-12-01T10:00:00Z'), 0);
    expect(await store.taken(0, new Date('2026-12-01T10:00:01Z'))).toEqual({ sAMAccountNames: [], addresses: [] });
  });

  it('drops names past their time when it records, and refreshes a name retired again', async () => {
    const store = new RetiredNameStore(dir);
    await store.record({ sAMAccountName: 'old', userPrincipalName: null, mail: null, proxyAddresses: [] }, new Date('2024-01-01T00:00:00Z'), 730);
    await store.record(leaver, new Date('2026-01-01T00:00:00Z'), 730);
    await store.record({ ...leaver, proxyAddresses: [] }, new Date('2026-06-01T00:00:00Z'), 730);
    const names = await store.read();
    expect(names.map((n) => n.value)).not.toContain('old');
    expect(names.filter((n) => n.value === 'j.jansen')).toEqual([{ kind: 'sAMAccountName', value: 'j.jansen', retiredAt: '2026-06-01T00:00:00.000Z' }]);
    expect(takenNames(names, 730, new Date('2026-07-01T00:00:00Z')).addresses).toContain('jan.jansen@zorg.nl');
  });

  it('refuses a damaged list instead of reading it as empty', async () => {
    const store = new RetiredNameStore(dir);
    await writeFile(store.file, '{"names": [{"kind": "sAMAccountName"}]}');
    await expect(store.read()).rejects.toThrow(/retired-names list .* is damaged/);
    await writeFile(store.file, 'not json');
    await expect(store.taken(730, new Date())).rejects.toThrow(/damaged/);
    expect(await readFile(store.file, 'utf8')).toBe('not json');
  });
});
