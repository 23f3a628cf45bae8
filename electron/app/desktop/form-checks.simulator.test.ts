import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startVismaSimulator } from '../../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../../simulators/visma-hrm/types';
import { generateVismaData } from '../../simulators/visma-hrm/generate';
import { seedOf, startNedapFixture, type NedapFixture } from '../../simulators/nedap-ons/test-support';
import { Application } from './application';
import { MemorySettings } from './memory-settings';
import { defaultDesktopSettings } from './settings-port';

/**
 * The Test buttons and the naming preview of Settings take the form as it is (unsaved edits), fill
 * a blank secret from the store, and answer in words: against the Visma.net and Nedap Ons simulators
 * and an SMTP server on loopback.
 */

const SECRET = `right-${randomBytes(6).toString('hex')}`;
let visma: RunningVismaSimulator;
let nedap: NedapFixture;
let smtp: SMTPServer;
let smtpPort: number;
let settings: MemorySettings;
let app: Application;

const vismaForm = (): Record<string, unknown> => ({ tokenUrl: visma.tokenUrl, baseUrl: visma.baseUrl, clientId: 'client', tenantId: 'tenant' });

beforeAll(async () => {
  visma = await startVismaSimulator({ clientId: 'client', clientSecret: SECRET, tenantId: 'tenant', data: generateVismaData({ seed: 1, employees: 5, asOf: '2026-11-30' }) });
  nedap = await startNedapFixture(seedOf([]));
  smtp = new SMTPServer({
    key: nedap.pki.serverKeyPem, cert: nedap.pki.serverCertPem, authOptional: false, disabledCommands: [],
    onAuth: (auth, _session, done) => (auth.username === 'it' && auth.password === 'mail-secret' ? done(null, { user: 'it' }) : done(new Error('Invalid username or password'))),
  });
  smtpPort = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)));
  settings = new MemorySettings();
  app = new Application({ settings, dataDir: '/nonexistent/hrp-form-checks' });
  // What is stored: the Visma secret, the certificate password and the mail password.
  const saved = await app.saveSettings({ config: { visma: vismaForm() }, secrets: { vismaClientSecret: SECRET, nedapPfxPassword: nedap.pki.pfxPassword, smtpPassword: 'mail-secret' }, desktop: defaultDesktopSettings() });
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await nedap?.stop();
  await visma?.close();
});

describe('the Test buttons test the form, not the saved settings', () => {
  it('Visma.net: a blank secret uses the stored one; a typed one is tried instead; nothing is saved', async () => {
    expect(await app.testConnection({ target: 'visma', config: { visma: vismaForm() }, secrets: {} })).toMatchObject({ ok: true, value: { ok: true } });
    const wrong = await app.testConnection({ target: 'visma', config: { visma: vismaForm() }, secrets: { vismaClientSecret: 'typed-but-wrong' } });
    expect(wrong).toMatchObject({ ok: true, value: { target: 'visma', ok: false } });
    expect(JSON.stringify(wrong)).not.toContain('typed-but-wrong');
    // An unsaved edit elsewhere in the form (here an unfinished lifecycle) does not stop the test.
    const unfinished = await app.testConnection({ target: 'visma', config: { visma: vismaForm(), policy: { createDaysBeforeStart: 'x' } } });
    expect(unfinished).toMatchObject({ ok: true, value: { ok: true } });
    expect(settings.secrets.get('vismaClientSecret')).toBe(SECRET);
  });

  it('a form with missing fields names them instead of testing', async () => {
    const missing = await app.testConnection({ target: 'nedap-ons', config: { visma: vismaForm(), nedapOns: { baseUrl: nedap.simulator.baseUrl } } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-settings' } });
    expect(missing.ok ? '' : missing.error.problems.join('\n')).toContain('nedapOns.pfxFile');
  });

  it('Nedap Ons: GET /ping works with the good certificate, and 403 and 495 are said in words', async () => {
    const form = (pfxFile: string) => ({ visma: vismaForm(), nedapOns: { baseUrl: nedap.simulator.baseUrl, pfxFile, caFile: nedap.pki.caFile } });
    const good = await app.testConnection({ target: 'nedap-ons', config: form(nedap.pki.clientPfx) });
    expect(good).toMatchObject({ ok: true, value: { ok: true, message: expect.stringContaining('certificate is valid') } });
    const other = await app.testConnection({ target: 'nedap-ons', config: form(nedap.pki.otherEnvironmentPfx) });
    expect(other).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('not valid for this environment (403)') } });
    const expired = await app.testConnection({ target: 'nedap-ons', config: form(nedap.pki.expiredPfx) });
    expect(expired).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('invalid or expired (495)') } });
    const wrongPassword = await app.testConnection({ target: 'nedap-ons', config: form(nedap.pki.clientPfx), secrets: { nedapPfxPassword: 'not-the-password' } });
    expect(wrongPassword).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('cannot be opened') } });
  });

  it('SMTP: STARTTLS with a verified certificate and the stored password; a wrong password is refused', async () => {
    const form = { visma: vismaForm(), notices: { smtp: { host: '127.0.0.1', port: smtpPort, user: 'it', from: 'hrp@example.nl', caFile: nedap.pki.caFile } } };
    const good = await app.testConnection({ target: 'smtp', config: form });
    expect(good).toMatchObject({ ok: true, value: { ok: true, message: expect.stringContaining('logged in as it') } });
    const wrong = await app.testConnection({ target: 'smtp', config: form, secrets: { smtpPassword: 'wrong' } });
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/invalid/i) } });
    const untrusted = await app.testConnection({ target: 'smtp', config: { ...form, notices: { smtp: { ...form.notices.smtp, caFile: undefined } } } });
    expect(untrusted).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/certificate/i) } });
  });
});

describe('the naming preview', () => {
  it('shows what the convention in the form makes of the sample names, as `cli naming` does', async () => {
    const ad = {
      url: 'ldaps://dc.example.local', bindDn: 'CN=svc,DC=example,DC=local', caFile: '/nonexistent/ca.pem', baseDn: 'OU=Zorg,DC=example,DC=local',
      usersOu: 'OU=Medewerkers,OU=Zorg,DC=example,DC=local', disabledOu: 'OU=Uit dienst,OU=Zorg,DC=example,DC=local', upnSuffix: 'example.local', mailDomain: 'zorg.example.nl',
    };
    const samples = await app.namingPreview({ config: { visma: vismaForm(), ad }, secrets: { adBindPassword: 'unused' } });
    if (!samples.ok) throw new Error(samples.error.problems.join('\n') || samples.error.message);
    const jan = samples.value.find((s) => s.name === 'Jan van den Berg');
    expect(jan).toMatchObject({ sAMAccountName: [expect.stringMatching(/^j\.vandenberg$/i), expect.any(String), expect.any(String)], mail: expect.stringMatching(/@zorg\.example\.nl$/) });
    const maria = samples.value.find((s) => s.convention === 'PB');
    expect(maria?.displayName).toContain('Jansen');
    const custom = await app.namingPreview({
      config: { visma: vismaForm(), ad, policy: { naming: { sAMAccountName: { candidates: ['{nickname}.{familyName}'] } } } }, secrets: { adBindPassword: 'unused' },
    });
    if (!custom.ok) throw new Error(custom.error.problems.join('\n'));
    expect(custom.value.find((s) => s.name === 'Jan van den Berg')?.sAMAccountName[0]).toBe('jan.vandenberg');
  });
});
