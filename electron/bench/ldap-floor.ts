/**
 * LDAP floor benchmark: what ldapts against a local Samba AD DC can do at best, and what the adapter costs on
 * top. A companion of `npm run bench` (run.ts) for finer LDAP figures. Provisions its own throwaway DC through
 * `samba.ts` (`HRP_SAMBA_IP`, default 127.0.0.1, ports 389/636: it refuses while another DC holds them), measures, and stops it by PID, also
 * on Ctrl-C.
 *
 *   npx tsx electron/bench/ldap-floor.ts [--users 1000] [--search-total 4000]
 *
 * Measures: bare ldapts adds of N users sequentially and with 8 requests in flight on one connection; a
 * search of all (about 4,000) users paged (1000) and unpaged, bare and through `LdapDirectory.readAccounts`;
 * and the adapter's own `addUser` (which reads the new objectGUID back).
 */
import { LdapDirectory, ACCOUNT_ATTRIBUTES, USER_FILTER } from '../engine/ad/directory';
import type { DirectoryConnectionConfig } from '../engine/ad/directory';
import { childDn } from '../engine/ad/dn';
import { addOu, bulkAddUsers, syntheticUser, withRawClient } from '../engine/ad/ldap-fixture';
import { takenSambaPorts } from './ports';
import { sambaIp, startSamba, stopSamba } from './samba';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function main(): Promise<void> {
  const users = arg('users', 1000);
  const searchTotal = arg('search-total', 4000);
  const taken = await takenSambaPorts();
  if (taken.length > 0) {
    console.error(`${sambaIp()}:${taken.join(' and :')} in use (another Samba DC): try again when it is free.`);
    process.exitCode = 1;
    return;
  }
  let sambaDir: string | undefined;
  const stop = (): void => {
    if (sambaDir !== undefined) console.log(stopSamba(sambaDir));
    sambaDir = undefined;
  };
  process.once('SIGINT', () => { stop(); process.exit(130); });
  const base = 'OU=Bench,DC=test,DC=local';
  try {
    // startSamba waits for the first successful bind.
    const samba = await startSamba((dir) => { sambaDir = dir; });
    console.log(samba.startLine);
    const config: DirectoryConnectionConfig = { ...samba.connection, timeoutMs: 120_000 };
    await withRawClient(config, async (c) => { await addOu(c, base); });
    const results: string[] = [];
    await withRawClient(config, async (c) => {
      await addOu(c, `OU=Seq,${base}`);
      await addOu(c, `OU=Par,${base}`);
      await addOu(c, `OU=Fill,${base}`);
      const seq = await bulkAddUsers(c, `OU=Seq,${base}`, users, 's', 1);
      results.push(`bare ldapts add, sequential, 1 connection: ${users} users in ${(seq / 1000).toFixed(2)} s = ${(users / (seq / 1000)).toFixed(0)} adds/s`);
      const par = await bulkAddUsers(c, `OU=Par,${base}`, users, 'p', 8);
      results.push(`bare ldapts add, 8 in flight, 1 connection: ${users} users in ${(par / 1000).toFixed(2)} s = ${(users / (par / 1000)).toFixed(0)} adds/s`);
      const fill = Math.max(0, searchTotal - 2 * users);
      if (fill > 0) await bulkAddUsers(c, `OU=Fill,${base}`, fill, 'f', 8);
    });

    const attributes = [...ACCOUNT_ATTRIBUTES];
    await withRawClient(config, async (c) => {
      const count = (await c.search(base, { filter: USER_FILTER, attributes: ['1.1'] })).searchEntries.length;
      const unpaged = await timeIt(5, () => c.search(base, { filter: USER_FILTER, attributes, explicitBufferAttributes: ['objectGUID'] }));
      const paged = await timeIt(5, () => c.search(base, { filter: USER_FILTER, attributes, explicitBufferAttributes: ['objectGUID'], paged: { pageSize: 1000 } }));
      const paged100 = await timeIt(3, () => c.search(base, { filter: USER_FILTER, attributes, explicitBufferAttributes: ['objectGUID'], paged: { pageSize: 100 } }));
      results.push(`bare ldapts search of ${count} users (account attributes), median: unpaged ${unpaged.toFixed(0)} ms, paged 1000 ${paged.toFixed(0)} ms, paged 100 ${paged100.toFixed(0)} ms`);
    });

    for (const pageSize of [0, 1000]) {
      const d = new LdapDirectory({ ...config, pageSize });
      try {
        let n = 0;
        const t = await timeIt(5, async () => { n = (await d.readAccounts(base)).length; });
        results.push(`LdapDirectory.readAccounts of ${n} users, ${pageSize === 0 ? 'unpaged' : `pageSize ${pageSize}`}, median ${t.toFixed(0)} ms`);
      } finally {
        await d.close();
      }
    }

    const d = new LdapDirectory(config);
    try {
      await withRawClient(config, (c) => addOu(c, `OU=Adapter,${base}`));
      const n = 200;
      // The same attributes as the bare adds, minus those addUser sets itself.
      const attrs = (i: number, prefix: string): Record<string, string | string[]> => {
        const { objectClass: _oc, userAccountControl: _uac, ...rest } = syntheticUser(i, prefix);
        return rest;
      };
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) await d.addUser(childDn(`Adapter ${i}`, `OU=Adapter,${base}`), attrs(i, 'a'));
      const seq = performance.now() - t0;
      results.push(`LdapDirectory.addUser (add + GUID read-back), sequential: ${n} users = ${(n / (seq / 1000)).toFixed(0)} adds/s`);
      const t1 = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < n) {
          const i = next;
          next += 1;
          await d.addUser(childDn(`Adapter P${i}`, `OU=Adapter,${base}`), attrs(i, 'b'));
        }
      }));
      const par = performance.now() - t1;
      results.push(`LdapDirectory.addUser, 8 in flight: ${n} users = ${(n / (par / 1000)).toFixed(0)} adds/s`);
      const t2 = performance.now();
      for (let i = 0; i < 50; i += 1) await d.setPassword(childDn(`Adapter ${i}`, `OU=Adapter,${base}`), `Pw-${i}-Xy!z9Q`);
      results.push(`LdapDirectory.setPassword, sequential: ${(50 / ((performance.now() - t2) / 1000)).toFixed(0)} /s`);
    } finally {
      await d.close();
    }
    // No clean-up of the bench OU: tree-deleting thousands of users takes longer than the whole bench, and
    // the DC is thrown away below.
    console.log(results.join('\n'));
  } finally {
    stop();
  }
}

await main();
