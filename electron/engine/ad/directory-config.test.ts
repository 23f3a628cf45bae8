import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDirectoryConfig } from './directory-config';
import { DirectoryConfigError, DirectoryConnectionError, LdapDirectory } from './directory';
import type { DirectoryConnectionConfig } from './directory';

// A throwaway self-signed CA (no key kept): enough for config checks and for connecting to fake servers.
const CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBjjCCATOgAwIBAgIUBXv3tSii5jg9BRa0Bl3tWyGfNrYwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQSFJQIFVuaXQgVGVzdCBDQTAgFw0yNjExMjcwNTI3MTFaGA8y
MTI2MTEwMzA1MjcxMVowGzEZMBcGA1UEAwwQSFJQIFVuaXQgVGVzdCBDQTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABOzWV0KCuT71IYm8YDFsps2eD1hX2Iv6ocIK
3QYXfU4v752sk30VWVQsgzsrkGLzhZh2hIz4uTZ8HxJuc3ym03yjUzBRMB0GA1Ud
DgQWBBQ3U8dAdBDE7+av2FNlvZRYcuHRGjAfBgNVHSMEGDAWgBQ3U8dAdBDE7+av
2FNlvZRYcuHRGjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQCo
3zbsNrqy5hKaOE4hU0DEIw/ZpW2HYBn+Vf6/5XjSdwIhAP/fC5ZCpBBQaWllSQ86
s+S//tRiVOP/RJmNpMNdOkA4
-----END CERTIFICATE-----
`;
const dir = mkdtempSync(join(tmpdir(), 'hrp-dircfg-'));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, CA_PEM);
const notPem = join(dir, 'not.pem');
writeFileSync(notPem, 'hello');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'S3cret-Bind-Pass!';
const good: DirectoryConnectionConfig = { url: 'ldaps://dc1.example.local', bindDn: 'CN=svc,DC=example,DC=local', bindPassword: SECRET, caFile };

function configError(config: DirectoryConnectionConfig): DirectoryConfigError {
  try {
    resolveDirectoryConfig(config);
  } catch (e) {
    expect(e).toBeInstanceOf(DirectoryConfigError);
    expect((e as Error).message).not.toContain(SECRET);
    return e as DirectoryConfigError;
  }
  throw new Error('expected a DirectoryConfigError');
}

describe('resolveDirectoryConfig', () => {
  it('accepts LDAPS and LDAP (StartTLS) with default ports', () => {
    expect(resolveDirectoryConfig(good)).toMatchObject({ url: 'ldaps://dc1.example.local:636', transport: 'ldaps', port: 636, timeoutMs: 30_000, pageSize: 1000, readConnections: 2 });
    expect(resolveDirectoryConfig({ ...good, url: 'ldap://dc1.example.local' })).toMatchObject({ transport: 'starttls', port: 389 });
    expect(resolveDirectoryConfig({ ...good, url: 'ldaps://127.0.0.1:3269/', tlsServerName: 'DC1.test.local', pageSize: 0 }))
      .toMatchObject({ host: '127.0.0.1', port: 3269, servername: 'DC1.test.local', pageSize: 0 });
    expect(resolveDirectoryConfig(good).ca.toString()).toBe(CA_PEM);
  });

  it.each(['http://dc1:389', 'ldapi:///var/run/ldap', 'dc1.example.local', 'ldaps://dc1/DC=example,DC=local'])('refuses the URL %s', (url) => {
    expect(configError({ ...good, url }).setting).toBe('url');
  });

  it('refuses credentials in the URL without repeating them', () => {
    const e = configError({ ...good, url: `ldaps://svc:${encodeURIComponent(SECRET)}@dc1` });
    expect(e.message).not.toContain(encodeURIComponent(SECRET));
  });

  it('requires a readable PEM CA file', () => {
    expect(configError({ ...good, caFile: '' }).message).toContain('must be verified');
    expect(configError({ ...good, caFile: join(dir, 'missing.pem') }).message).toContain('ENOENT');
    expect(configError({ ...good, caFile: notPem }).message).toContain('holds no PEM certificate');
  });

  it('checks the other settings', () => {
    expect(configError({ ...good, bindDn: ' ' }).setting).toBe('bindDn');
    expect(configError({ ...good, bindPassword: '' }).setting).toBe('bindPassword');
    expect(configError({ ...good, tlsServerName: '' }).setting).toBe('tlsServerName');
    expect(configError({ ...good, timeoutMs: 0 }).setting).toBe('timeoutMs');
    expect(configError({ ...good, pageSize: -1 }).setting).toBe('pageSize');
    for (const readConnections of [0, 5, 1.5]) expect(configError({ ...good, readConnections }).setting).toBe('readConnections');
    expect(resolveDirectoryConfig({ ...good, readConnections: 4 }).readConnections).toBe(4);
  });
});

describe('password safety without a DC', () => {
  it('refuses to send a password while NODE_DEBUG would make ldapts log it', async () => {
    const before = process.env.NODE_DEBUG;
    process.env.NODE_DEBUG = 'net,ldapts';
    const d = new LdapDirectory(good);
    try {
      const e = await d.setPassword('CN=x,DC=example,DC=local', 'Vx7!kQ2#mLp9').catch((err: unknown) => err);
      expect(e).toBeInstanceOf(DirectoryConfigError);
      expect((e as DirectoryConfigError).setting).toBe('environment');
      const e2 = await d.addUser('CN=x,DC=example,DC=local', { sAMAccountName: 'x1' }, { password: 'Vx7!kQ2#mLp9' }).catch((err: unknown) => err);
      expect(e2).toBeInstanceOf(DirectoryConfigError);
    } finally {
      if (before === undefined) delete process.env.NODE_DEBUG;
      else process.env.NODE_DEBUG = before;
      await d.close();
    }
  });
});

describe('connection failures (loopback fakes, no DC)', () => {
  async function connectError(url: string, timeoutMs = 5000): Promise<DirectoryConnectionError> {
    const d = new LdapDirectory({ ...good, url, timeoutMs });
    try {
      await d.testConnection();
    } catch (e) {
      expect(e).toBeInstanceOf(DirectoryConnectionError);
      expect((e as Error).message).not.toContain(SECRET);
      return e as DirectoryConnectionError;
    } finally {
      await d.close();
    }
    throw new Error('expected a DirectoryConnectionError');
  }

  it('says so when nothing listens', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((r) => server.close(r));
    const e = await connectError(`ldaps://127.0.0.1:${port}`);
    expect(e.reason).toBe('refused');
    expect(e.message).toContain(`Nothing accepts connections at 127.0.0.1:${port}`);
  });

  it('times out on a server that accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => { sockets.push(s); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      for (const url of [`ldaps://127.0.0.1:${port}`, `ldap://127.0.0.1:${port}`]) {
        const e = await connectError(url, 300);
        expect(e.reason).toBe('timeout');
        expect(e.message).toContain('did not answer within 300 ms');
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
