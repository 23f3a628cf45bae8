import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  // Only the processes this file started, by their own PID.
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }
});

function startRunner(args: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return line;
  throw new Error('runner exited without printing its address');
}

describe('main.ts runner', () => {
  it('prints its URLs as one JSON line, serves the demo client, and stops cleanly on SIGTERM', async () => {
    const child = startRunner(['--port', '0', '--employees', '50', '--seed', '2', '--as-of', '2026-11-27', '--client-id', 'cli-client']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });

    const announced = JSON.parse(await firstLine(child)) as Record<string, unknown>;
    expect(announced).toMatchObject({ clientId: 'cli-client', tenantId: 'demo-tenant', employees: 50, seed: 2, asOf: '2026-11-27' });
    expect(announced['baseUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(announced['tokenUrl']).toBe(`${String(announced['baseUrl'])}/connect/token`);
    expect(JSON.stringify(announced)).not.toContain('demo-secret');

    const token = await fetch(String(announced['tokenUrl']), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=cli-client&client_secret=demo-secret&tenant_id=demo-tenant',
    });
    expect(token.status).toBe(200);

    const exited = once(child, 'exit');
    process.kill(child.pid as number, 'SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toContain('stopped (SIGTERM)');
  });

  it.each([
    ['a malformed number', ['--employees', 'many']],
    ['a date that does not exist', ['--as-of', '2026-02-30']],
  ])('refuses %s with exit code 2', async (_label, args) => {
    const child = startRunner(args);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
  });
});
