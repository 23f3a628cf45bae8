import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Api } from '../shared/contract';
import { dispatch } from '../app/desktop/dispatch';
import {
  CONTENT_SECURITY_POLICY, TOKEN_COOKIE, hostAllowed, newToken, originAllowed, presentedToken, tokenMatches,
} from './security';

/**
 * The loopback web host: the built renderer and the application API over HTTP on 127.0.0.1 only, for
 * the browser tests, the demo and machines where Electron cannot run. `POST /api/<operation>` with the
 * arguments as JSON answers the operation's `{ ok, value } | { ok, error }`.
 */

/** How to start the host. */
export interface WebHostOptions {
  readonly api: Api;
  /** The built renderer (renderer/dist). */
  readonly staticDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

/** A running host. */
export interface WebHost {
  /** `http://127.0.0.1:PORT/?token=...`: open this once; the token then lives in a cookie. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('the request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

async function serveApi(api: Api, operation: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return send(response, 405, 'Use POST for API calls.');
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, 'Send JSON.');
  let args: unknown;
  try {
    args = await readBody(request);
  } catch (error) {
    return send(response, 400, `The request could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await dispatch(api, operation, args);
  send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
}

async function serveStatic(staticDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const root = path.resolve(staticDir);
  const wanted = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  // Every path that is not a file of the build (a screen's route, say) gets the app's page.
  const file = wanted.startsWith(root + path.sep) && path.extname(wanted) !== '' ? wanted : path.join(root, 'index.html');
  try {
    send(response, 200, await readFile(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  } catch {
    send(response, 404, file.endsWith('index.html') ? 'The renderer is not built: run `npm run build` first.' : 'Not found.');
  }
}

/** Start the host on 127.0.0.1 with a fresh token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = newToken();
  let port = 0;
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'The web host failed to answer.');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request, port)) return send(response, 421, 'This host answers only to 127.0.0.1 and localhost.');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const offered = url.searchParams.get('token');
    if (offered !== null && request.method === 'GET') {
      if (!tokenMatches(offered, token)) return send(response, 401, 'This address has a wrong or old token. Use the address the host printed when it started.');
      response.writeHead(303, {
        location: url.pathname,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return void response.end();
    }
    if (!tokenMatches(presentedToken(request), token)) {
      return send(response, 401, 'No access without the token. Open the address (with ?token=...) that the host printed when it started.');
    }
    if (url.pathname.startsWith('/api/')) {
      if (!originAllowed(request, port)) return send(response, 403, 'Requests from other sites are refused.');
      return serveApi(options.api, url.pathname.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Only GET for pages.');
    return serveStatic(options.staticDir, url.pathname, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
