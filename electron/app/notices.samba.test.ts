import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { parseConfig } from './config';
import { Provisioner } from './provisioner';
import { readOutbox } from '../engine/notices/outbox';
import { accountOf, cli, env, fixture, rawConfig, serve, useSafetyFixture } from './safety-fixture';

// E-mail notices against a real SMTP server process on loopback (smtp-server, STARTTLS with the DC's
// certificate) and a real Samba DC: each notice once across runs, and a server that is down and comes back.

useSafetyFixture();

const samba = inject('samba');
const tlsDir = path.dirname(samba.caFile);

interface Received {
  readonly to: string;
  readonly raw: string;
}

/** A real SMTP server on 127.0.0.1 that requires STARTTLS and keeps what it receives. */
async function startSmtp(received: Received[], port = 0): Promise<SMTPServer & { port: number }> {
  const server = new SMTPServer({
    key: readFileSync(path.join(tlsDir, 'key.pem')),
    cert: readFileSync(path.join(tlsDir, 'cert.pem')),
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const address = server.server.address();
  return Object.assign(server, { port: typeof address === 'object' && address ? address.port : port });
}

const closeSmtp = (server: SMTPServer): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

let smtp: (SMTPServer & { port: number }) | null = null;

afterEach(async () => {
  if (smtp) await closeSmtp(smtp);
  smtp = null;
});

const mia: ScenarioEmployee = {
  employeeId: '420001', initials: 'M.', firstName: 'Mia', birthName: 'Postma', birthDate: '1975-03-03', gender: 'V', userId: 'U-MIA',
  contracts: [{ start: '2020-01-01', orgUnit: 'OE20' }],
};
const jan = (end?: string): ScenarioEmployee => ({
  employeeId: '420002', initials: 'J.', firstName: 'Jan', birthName: 'Postema', birthDate: '1990-09-09', gender: 'M',
  contracts: [{ start: '2026-12-03', orgUnit: 'OE20', managerUserId: 'U-MIA', ...(end ? { end } : {}) }],
});

function noticesConfig(port: number) {
  const raw = {
    ...rawConfig(),
    notices: {
      smtp: { host: '127.0.0.1', port, security: 'starttls', caFile: samba.caFile, tlsServerName: samba.tlsServerName, from: 'hr-provisioner@zorg.example.nl', timeoutSeconds: 5 },
      itAddress: 'it@zorg.example.nl',
      retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 50 },
    },
  };
  return { raw, config: parseConfig(raw, fixture.dataDir) };
}

async function run(asOf: string, port: number) {
  const p = new Provisioner({ config: noticesConfig(port).config, env: env() });
  return p.apply({ asOf, trigger: 'schedule' });
}

/** The Subject header of each message, unfolded (long headers continue on indented lines). */
const subjects = (received: readonly Received[]): string[] =>
  received.map((r) => /^Subject: (.*)$/m.exec(r.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1] ?? '');

describe('e-mail notices', () => {
  it('tells managers about a joiner and a leaver once each, IT about a stopped run, and delivers what waited while the server was down', async () => {
    const received: Received[] = [];
    smtp = await startSmtp(received);
    const port = smtp.port;

    serve([mia, jan()]);
    expect((await run('2026-12-01', port)).status).toBe('completed');
    const miaMail = (await accountOf('420001'))?.mail;
    expect(miaMail).toBeTruthy();
    expect(received.map((r) => r.to)).toEqual([miaMail]);
    expect(subjects(received)).toEqual(['Indienst: het account van Jan Postema staat klaar']);
    expect(received[0]?.raw).toContain('text/html');
    expect(received[0]?.raw).toContain('Het is te gebruiken vanaf 2026-12-03.');
    expect(received[0]?.raw).toContain('nooit per e-mail');

    // A second run sends nothing again.
    await run('2026-12-01', port);
    expect(received).toHaveLength(1);

    // The mail server goes down; HR records Jan's end date. The run still completes; the notice waits.
    await closeSmtp(smtp);
    smtp = null;
    serve([mia, jan('2026-12-05')]);
    expect((await run('2026-12-02', port)).status).toBe('completed');
    const waiting = await readOutbox(fixture.dataDir);
    expect(waiting.pending.map((p) => p.key)).toEqual(['leaver-upcoming:420002:2026-12-05']);
    expect(waiting.pending[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Back up: the waiting notice goes out once, and the same notice of this run is not sent twice.
    smtp = await startSmtp(received, port);
    expect((await run('2026-12-03', port)).status).toBe('completed');
    expect(subjects(received).slice(1)).toEqual(['Uitdienst: Jan Postema, laatste werkdag 2026-12-05']);
    expect(received[1]?.raw).toContain('wordt op 2026-12-06 uitgeschakeld');
    expect((await readOutbox(fixture.dataDir)).pending).toEqual([]);

    // The day after the last day: switched off, and the manager is told.
    await run('2026-12-06', port);
    expect(subjects(received).slice(2)).toEqual(['Uitdienst: het account van Jan Postema is uitgeschakeld']);

    // An empty export: stopped by the guard, IT gets a summary in English.
    serve([]);
    const stopped = await run('2026-12-07', port);
    expect(stopped.status).toBe('stopped-by-guard');
    expect(received.at(-1)?.to).toBe('it@zorg.example.nl');
    expect(subjects(received).at(-1)).toBe(`HR Provisioner: run ${stopped.runId} was stopped by the source guard`);
    expect(received.at(-1)?.raw).toContain('the employees export is empty');
    expect(received).toHaveLength(4);

    // The history shows the notices.
    const file = path.join(fixture.dataDir, 'notices-config.json');
    await writeFile(file, JSON.stringify(noticesConfig(port).raw));
    const history = await cli(['history', '--config', file]);
    expect(history.out).toContain('Notices:');
    expect(history.out).toContain('sent      leaver-upcoming:420002:2026-12-05');
  });
});
