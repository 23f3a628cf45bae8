import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTACT_INFORMATION_SCOPE, CONTRACT_EXCLUDED_FIELDS, DATASETS, type CsvRow, type DatasetName,
} from '../../engine/visma/datasets';
import { CONTACT_COLUMNS, CONTRACT_COLUMNS, EMPLOYEE_COLUMNS } from './columns';
import { generateVismaData } from './generate';
import { startVismaSimulator } from './server';
import {
  fetchToken, parseCsv, pollOnce, pollUntilDone, postCommand, postToken, project, runExport, spec, STANDARD_SCOPES,
  startJob, TEST_CLIENT, tokenRequestBody,
} from './test-support';
import type { RunningVismaSimulator, VismaSimulatorOptions } from './types';

const DATA = generateVismaData({ seed: 7, employees: 150, asOf: '2026-11-27' });

const running: RunningVismaSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

async function start(overrides: Partial<VismaSimulatorOptions> = {}): Promise<RunningVismaSimulator> {
  const simulator = await startVismaSimulator({ ...TEST_CLIENT, data: DATA, ...overrides });
  running.push(simulator);
  return simulator;
}

function withRows(dataset: DatasetName, rows: readonly CsvRow[]): Record<DatasetName, readonly CsvRow[]> {
  return { ...DATA, [dataset]: rows };
}

describe('token endpoint', () => {
  const valid = {
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT.clientId,
    client_secret: TEST_CLIENT.clientSecret,
    tenant_id: TEST_CLIENT.tenantId,
  };

  it('grants a bearer token with the requested scopes, sent as the connector sends them', async () => {
    const simulator = await start();
    const scope = [...STANDARD_SCOPES, CONTACT_INFORMATION_SCOPE].join(' ');
    const body = tokenRequestBody({ ...valid, scope });
    expect(body).toContain('scope=hrmanalytics%3Anlhrm%3Aexportemployees%20hrmanalytics%3Anlhrm%3Aexportcontracts');

    const response = await postToken(simulator, body);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer', scope });
    expect(String(answer['access_token']).length).toBeGreaterThanOrEqual(32);
  });

  it('issues a different opaque token each time', async () => {
    const simulator = await start();
    const first = await fetchToken(simulator);
    const second = await fetchToken(simulator);
    expect(first).not.toBe(second);
  });

  it('grants every scope when the request names none (as Go clients send it)', async () => {
    const simulator = await start();
    const response = await postToken(simulator, tokenRequestBody(valid));
    const answer = (await response.json()) as { scope: string };
    expect(answer.scope.split(' ').sort()).toEqual([...STANDARD_SCOPES, CONTACT_INFORMATION_SCOPE].sort());
  });

  it('accepts the client credentials in an HTTP Basic header', async () => {
    const simulator = await start();
    const basic = Buffer.from(`${TEST_CLIENT.clientId}:${TEST_CLIENT.clientSecret}`).toString('base64');
    const response = await postToken(
      simulator,
      tokenRequestBody({ grant_type: 'client_credentials', tenant_id: TEST_CLIENT.tenantId }),
      { Authorization: `Basic ${basic}` },
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong secret', { ...valid, client_secret: 'nope' }, 'invalid_client'],
    ['an unknown client', { ...valid, client_id: 'someone-else' }, 'invalid_client'],
    ['no client at all', { grant_type: 'client_credentials', tenant_id: TEST_CLIENT.tenantId }, 'invalid_client'],
    ['a wrong tenant', { ...valid, tenant_id: 'other-tenant' }, 'invalid_client'],
    ['no tenant', { ...valid, tenant_id: undefined }, 'invalid_request'],
    ['no grant type', { ...valid, grant_type: undefined }, 'invalid_request'],
    ['another grant type', { ...valid, grant_type: 'password' }, 'unsupported_grant_type'],
    ['an unknown scope', { ...valid, scope: 'hrmanalytics:nlhrm:exportsalaries' }, 'invalid_scope'],
  ] as const)('refuses %s with 400 %s', async (_label, fields, error) => {
    const simulator = await start();
    const response = await postToken(simulator, tokenRequestBody(fields));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error });
  });

  it('only accepts POST', async () => {
    const simulator = await start();
    const response = await fetch(simulator.tokenUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('export jobs', () => {
  it('starts, polls and downloads an export as the connector does', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);

    const command = await postCommand(simulator, token, 'organizationUnits');
    expect(command.status).toBe(200);
    const { jobId } = (await command.json()) as { jobId: string };
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const first = await pollOnce(simulator, token, 'organizationUnits', jobId);
    expect(first.body).toEqual({ status: 'InProgress', organizationUnitsFileUris: null, changeTimestampBefore: null });

    const second = await pollOnce(simulator, token, 'organizationUnits', jobId);
    expect(second.status).toBe('Completed');
    expect(second.body['changeTimestampBefore']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const uris = second.fileUris as string[];
    expect(uris).toHaveLength(1);
    expect(uris[0]).toMatch(new RegExp(`^${simulator.baseUrl}/files/${jobId}/1\\.csv\\?sig=[A-Za-z0-9_-]+$`));

    const download = await fetch(uris[0] as string);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...records] = parseCsv(Buffer.from(await download.arrayBuffer()));
    expect(header).toEqual(Object.keys(DATA.organizationUnits[0] as CsvRow));
    expect(records).toHaveLength(DATA.organizationUnits.length);

    const logged = simulator.requests.map((request) => [request.method, request.path.split('?')[0], request.authorized]);
    expect(logged).toEqual([
      ['POST', '/connect/token', false],
      ['POST', `/v1/command/${spec('organizationUnits').path}`, true],
      ['GET', `/v1/query/${spec('organizationUnits').path}/${jobId}`, true],
      ['GET', `/v1/query/${spec('organizationUnits').path}/${jobId}`, true],
      ['GET', `/files/${jobId}/1.csv`, false],
    ]);
    expect(simulator.requests[1]?.body).toBe('{"callbackAddress":"https://api.analytics1.hrm.visma.net"}');
  });

  it('serves every dataset with the rows it was given, under each dataset\'s file-URI field', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    for (const dataset of DATASETS) {
      const jobId = await startJob(simulator, token, dataset.name);
      const answer = await pollUntilDone(simulator, token, dataset.name, jobId);
      expect(Object.keys(answer.body).sort()).toEqual(['changeTimestampBefore', dataset.fileUrisField, 'status'].sort());
      const exported = await runExport(simulator, token, dataset.name);
      expect(exported.rows).toEqual(DATA[dataset.name]);
    }
  });

  it('keeps a job Completed with the same links on later polls', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'users');
    const done = await pollUntilDone(simulator, token, 'users', jobId);
    const again = await pollOnce(simulator, token, 'users', jobId);
    expect(again.body).toEqual(done.body);
  });

  it('accepts a command without a body, and refuses a body that is not JSON', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    expect((await postCommand(simulator, token, 'users', '', undefined)).status).toBe(200);
    const broken = await postCommand(simulator, token, 'users', '', '{callbackAddress:');
    expect(broken.status).toBe(400);
  });

  it('answers 404 for an unknown job, a job of another dataset and an unknown dataset', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'employees');
    expect((await pollOnce(simulator, token, 'employees', '879689bd-b219-4f05-8660-2d3f06d9808b')).httpStatus).toBe(404);
    expect((await pollOnce(simulator, token, 'contracts', jobId)).httpStatus).toBe(404);
    const unknown = await fetch(`${simulator.baseUrl}/v1/command/nl/hrm/salaries`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('stamps changeTimestampBefore with the time the job started', async () => {
    let now = Date.parse('2026-11-27T08:00:00.000Z');
    const simulator = await start({ clock: () => now });
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'users');
    now += 5000;
    const answer = await pollUntilDone(simulator, token, 'users', jobId);
    expect(answer.body['changeTimestampBefore']).toBe('2026-11-27T08:00:00.000Z');
  });
});

describe('authorisation of the export API', () => {
  it('answers 401 with a challenge without a token, with an unknown token, and on an expired token', async () => {
    let now = Date.parse('2026-11-27T08:00:00Z');
    const simulator = await start({ clock: () => now, faults: { tokenTtlSeconds: 60 } });

    const anonymous = await postCommand(simulator, undefined, 'employees');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);

    expect((await postCommand(simulator, 'made-up-token', 'employees')).status).toBe(401);

    const token = await fetchToken(simulator);
    expect((await postCommand(simulator, token, 'employees')).status).toBe(200);
    now += 59_000;
    expect((await postCommand(simulator, token, 'employees')).status).toBe(200);
    now += 1_000;
    const expired = await postCommand(simulator, token, 'employees');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'invalid_token', error_description: 'The access token has expired' });
  });

  it('refuses a dataset whose scope the token does not carry, on the command and on the poll', async () => {
    const simulator = await start();
    const full = await fetchToken(simulator);
    const jobId = await startJob(simulator, full, 'users');
    const employeesOnly = await fetchToken(simulator, ['hrmanalytics:nlhrm:exportemployees']);

    const command = await postCommand(simulator, employeesOnly, 'users');
    expect(command.status).toBe(401);
    expect(await command.json()).toMatchObject({ error: 'insufficient_scope', scope: 'hrmanalytics:nlhrm:exportusers' });
    expect((await pollOnce(simulator, employeesOnly, 'users', jobId)).httpStatus).toBe(401);
    expect((await postCommand(simulator, employeesOnly, 'employees')).status).toBe(200);
  });

  it('exports the contact columns only to a token with the contact-information scope', async () => {
    const simulator = await start();
    const withContact = await runExport(simulator, await fetchToken(simulator), 'employees');
    const withoutContact = await runExport(simulator, await fetchToken(simulator, STANDARD_SCOPES), 'employees');

    expect(withContact.headers[0]).toEqual(EMPLOYEE_COLUMNS);
    expect(withContact.rows.some((row) => row['homeemailaddress'] !== '')).toBe(true);
    expect(withoutContact.headers[0]).toEqual(EMPLOYEE_COLUMNS.filter((column) => !CONTACT_COLUMNS.includes(column)));
    expect(withoutContact.rows[0]).not.toHaveProperty('officetelphonenumber');
  });
});

describe('fields parameter', () => {
  it('drops the columns of fields=!… (the connector\'s contract exclusion)', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const exported = await runExport(simulator, token, 'contracts', `?fields=!${CONTRACT_EXCLUDED_FIELDS.join(',')}`);
    expect(exported.headers[0]).toEqual(CONTRACT_COLUMNS.filter((column) => !CONTRACT_EXCLUDED_FIELDS.includes(column)));
    expect(exported.rows).toEqual(DATA.contracts.map((row) => project(row, exported.headers[0] as string[])));
  });

  it('keeps only the columns of fields=a,b, in export order', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const exported = await runExport(simulator, token, 'contracts', '?fields=subcontractid,employeeid,contractid');
    expect(exported.headers[0]).toEqual(['employeeid', 'contractid', 'subcontractid']);
  });

  it('ignores unknown query parameters, even the malformed v1.0 one', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const exported = await runExport(simulator, token, 'contracts', `?Exclude%20-%20%22fields=!scale,step%22&x=1`);
    expect(exported.headers[0]).toEqual(CONTRACT_COLUMNS);
  });
});

describe('CSV files', () => {
  const tricky: CsvRow[] = [
    { userid: 'U00001', emailaddress: 'zoe.celik@example.nl', employeeid: '100000' },
    { userid: 'U00002', emailaddress: 'Berg, J. van den', employeeid: '100001' },
    { userid: 'U00003', emailaddress: 'say "hi"', employeeid: '' },
    { userid: 'U00004', emailaddress: 'two\r\nlines\nand\rmore', employeeid: 'Zoë Çelik, Jérôme' },
  ];

  it('writes RFC 4180 with a BOM, CRLF line ends and quoting only where needed', async () => {
    const simulator = await start({ data: withRows('users', tricky) });
    const exported = await runExport(simulator, await fetchToken(simulator), 'users');
    const file = exported.files[0] as Buffer;
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe(
      'userid,emailaddress,employeeid\r\n'
      + 'U00001,zoe.celik@example.nl,100000\r\n'
      + 'U00002,"Berg, J. van den",100001\r\n'
      + 'U00003,"say ""hi""",\r\n'
      + 'U00004,"two\r\nlines\nand\rmore","Zoë Çelik, Jérôme"\r\n',
    );
    expect(exported.rows).toEqual(tricky);
  });

  it('writes a header even when there are no rows', async () => {
    const simulator = await start({ data: withRows('costCenters', []) });
    const exported = await runExport(simulator, await fetchToken(simulator), 'costCenters');
    expect(exported.files[0]?.toString('utf8')).toBe('\uFEFFcostcenter,costcentername\r\n');
  });

  it('lower-cases the header row', async () => {
    const simulator = await start({ data: withRows('users', [{ UserId: 'U1', EmailAddress: 'a@b.c', EmployeeId: '1' }]) });
    const exported = await runExport(simulator, await fetchToken(simulator), 'users');
    expect(exported.headers[0]).toEqual(['userid', 'emailaddress', 'employeeid']);
    expect(exported.rows).toEqual([{ userid: 'U1', emailaddress: 'a@b.c', employeeid: '1' }]);
  });

  it('serves new data after setData, while a job started before keeps its snapshot', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    const before = await startJob(simulator, token, 'users');
    simulator.setData(withRows('users', tricky));
    const beforeAnswer = await pollUntilDone(simulator, token, 'users', before);
    const oldFile = await fetch((beforeAnswer.fileUris as string[])[0] as string);
    expect(parseCsv(Buffer.from(await oldFile.arrayBuffer())).length - 1).toBe(DATA.users.length);
    expect((await runExport(simulator, token, 'users')).rows).toEqual(tricky);
  });
});

describe('pre-signed file links', () => {
  async function completedUris(simulator: RunningVismaSimulator, filesPerExport: number): Promise<string[]> {
    simulator.setFaults({ filesPerExport });
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'contracts');
    return (await pollUntilDone(simulator, token, 'contracts', jobId)).fileUris as string[];
  }

  it('needs no Authorization header', async () => {
    const simulator = await start();
    const [uri] = await completedUris(simulator, 1);
    const response = await fetch(uri as string);
    expect(response.status).toBe(200);
    expect(simulator.requests.at(-1)?.authorized).toBe(false);
  });

  it('answers 403 to a missing, altered or borrowed signature', async () => {
    const simulator = await start();
    const [first, second] = await completedUris(simulator, 2);
    const url = new URL(first as string);
    const signature = url.searchParams.get('sig') as string;
    const altered = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;

    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
    expect((await fetch(`${url.origin}${url.pathname}?sig=${altered}`)).status).toBe(403);
    // A signature is bound to its file: file 1's signature does not open file 2.
    const secondPath = new URL(second as string).pathname;
    expect((await fetch(`${url.origin}${secondPath}?sig=${signature}`)).status).toBe(403);
    expect((await fetch(first as string)).status).toBe(200);
  });

  it('splits rows evenly over filesPerExport files, each with the header', async () => {
    const simulator = await start();
    const token = await fetchToken(simulator);
    simulator.setFaults({ filesPerExport: 3 });
    const exported = await runExport(simulator, token, 'contracts');
    expect(exported.uris).toHaveLength(3);
    expect(exported.uris.map((uri) => new URL(uri).pathname.split('/').at(-1))).toEqual(['1.csv', '2.csv', '3.csv']);
    for (const header of exported.headers) expect(header).toEqual(CONTRACT_COLUMNS);
    const sizes = exported.files.map((file) => parseCsv(file).length - 1);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(exported.rows).toEqual(DATA.contracts);
  });
});

describe('lifecycle', () => {
  it('listens on 127.0.0.1 only and on the port asked for', async () => {
    const first = await start();
    expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.tokenUrl).toBe(`${first.baseUrl}/connect/token`);
    const port = Number(new URL(first.baseUrl).port);
    await first.close();
    const second = await start({ port });
    expect(second.baseUrl).toBe(`http://127.0.0.1:${port}`);
  });

  it('closes promptly even while an answer is being delayed', async () => {
    const simulator = await startVismaSimulator({ ...TEST_CLIENT, data: DATA, faults: { latencyMs: 60_000 } });
    const pending = fetch(simulator.tokenUrl, { method: 'POST', body: '' }).then(
      (response) => response.status,
      () => 'connection closed',
    );
    // Wait until the request has reached the server, without sleeping.
    while (simulator.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await simulator.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await pending).toBe('connection closed');
  });
});
