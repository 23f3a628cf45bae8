import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may use the web host: whoever holds the per-start token, from this machine, through the
 * address the host was started on. The token arrives once in the URL, is swapped for an HttpOnly,
 * SameSite=Strict cookie, and the address bar is cleared of it.
 */

/** Name of the cookie that carries the token after the first visit. */
export const TOKEN_COOKIE = 'hrp_token';

/** A fresh random token for one start of the host (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The token a request presents: `Authorization: Bearer ...` or the cookie. */
export function presentedToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return cookieValue(request, TOKEN_COOKIE);
}

/**
 * True when the request was addressed to this host by its loopback name. A page of another site
 * that rebinds its DNS name to 127.0.0.1 sends its own name in Host, and is refused.
 */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * True when a state-changing request comes from our own pages (or from a client that sends no
 * Origin, such as a test or curl). No CORS headers are ever sent, so other origins cannot read answers.
 */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The Content-Security-Policy of the pages: only our own scripts, no eval, no frames, no foreign
 * connections. Inline styles are allowed because Fluent UI (Griffel) inserts its CSS at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');
