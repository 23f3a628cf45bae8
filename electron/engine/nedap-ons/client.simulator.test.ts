import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOf, startNedapFixture, type NedapFixture } from '../../simulators/nedap-ons/test-support';
import { NedapRequestError } from './errors';

describe('Nedap Ons client over mutual TLS', () => {
  let nedap: NedapFixture;
  beforeAll(async () => {
    nedap = await startNedapFixture(seedOf(Array.from({ length: 60 }, (_, i) => `${2000 + i}-1`)));
  });
  afterAll(async () => {
    await nedap.stop();
  });

  it('pings with a good certificate', async () => {
    const client = await nedap.client();
    await expect(client.ping()).resolves.toMatch(/valid for this Nedap Ons environment/);
  });

  it('explains 495 for an expired certificate and one from an unknown CA, 403 for another environment', async () => {
    const expired = await nedap.client({ pfxFile: nedap.pki.expiredPfx });
    await expect(expired.ping()).rejects.toMatchObject({ kind: 'certificate', status: 495, message: expect.stringMatching(/invalid or expired/) });
    const foreign = await nedap.client({ pfxFile: nedap.pki.foreignPfx });
    await expect(foreign.ping()).rejects.toMatchObject({ kind: 'certificate', status: 495 });
    const other = await nedap.client({ pfxFile: nedap.pki.otherEnvironmentPfx });
    await expect(other.ping()).rejects.toMatchObject({ kind: 'environment', status: 403, message: expect.stringMatching(/not valid for this environment/) });
  });

  it('answers 495 to a request without a client certificate', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https.get(`${nedap.simulator.baseUrl}/ping`, { ca: nedap.pki.caPem }, (r) => (r.resume(), resolve(r.statusCode ?? 0))).on('error', reject);
    });
    expect(status).toBe(495);
  });

  it('says so, without the password, when the PFX password is wrong', async () => {
    const error = await nedap.client({ pfxPassword: 'not-the-password-123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NedapRequestError);
    expect((error as Error).message).toMatch(/cannot be opened/);
    expect((error as Error).message).not.toContain('not-the-password-123');
    expect((error as Error).message).not.toContain(nedap.pki.pfxPassword);
  });

  it('streams every employee and never has more than 4 requests in flight', async () => {
    const client = await nedap.client();
    const employees = [];
    for await (const employee of client.streamEmployees()) employees.push(employee);
    expect(employees).toHaveLength(60);
    nedap.simulator.setFaults({ latencyMs: 15 });
    const found = await Promise.all(employees.map((e) => client.userByEmployeeId(e.id)));
    nedap.simulator.setFaults({});
    expect(found.every((u) => u === null)).toBe(true);
    expect(nedap.simulator.maxInFlightSeen).toBe(4);
    expect(nedap.simulator.tooManyAnswered).toBe(0);
  });

  it('retries 5xx on reads, but not a create after a 5xx', async () => {
    const client = await nedap.client();
    nedap.simulator.setFaults({ serverErrors: { count: 2, method: 'GET' } });
    expect(await client.roles()).toHaveLength(4);
    nedap.simulator.setFaults({ serverErrors: { count: 1, method: 'POST' } });
    const employee = await client.employeeByIdentificationNo('2000-1');
    await expect(
      client.createUser({ userName: '2000-1', employeeObjectId: employee?.id ?? 0, contractRequiredAtLogin: false, ssoEnabled: true, passwordChange: false }),
    ).rejects.toMatchObject({ kind: 'http', status: 503 });
    nedap.simulator.setFaults({});
  });

  it('times out a create whose answer never comes, with a typed error', async () => {
    const client = await nedap.client({ timeoutMs: 300 });
    nedap.simulator.setFaults({ createTimesOut: { count: 1 } });
    const employee = await client.employeeByIdentificationNo('2001-1');
    await expect(
      client.createUser({ userName: '2001-1', employeeObjectId: employee?.id ?? 0, contractRequiredAtLogin: false, ssoEnabled: true, passwordChange: false }),
    ).rejects.toMatchObject({ kind: 'timeout' });
    // It happened anyway: the lookup finds it.
    expect(await client.userByEmployeeId(employee?.id ?? 0)).toMatchObject({ userName: '2001-1' });
  });
});
