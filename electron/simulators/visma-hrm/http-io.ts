import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Largest request body the simulator reads; real clients send a few hundred bytes at most. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown by {@link readBody} when a body is larger than {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body larger than ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole request body as UTF-8 text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  send(response, status, payload, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

/** Sends an answer with an empty body (Content-Length: 0). */
export function sendEmpty(response: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}): void {
  send(response, status, Buffer.alloc(0), headers);
}

/** Sends a complete answer unless the connection is already gone. */
export function send(response: ServerResponse, status: number, body: Buffer, headers: OutgoingHttpHeaders): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { ...headers, 'Content-Length': body.length });
  response.end(body);
}
