import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostAllowed, newToken, originAllowed, presentedToken, tokenMatches } from './security';

function request(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('web host security', () => {
  it('makes a fresh long token per start and compares it exactly', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(1), token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });

  it('takes the token from a bearer header or the cookie', () => {
    expect(presentedToken(request({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(presentedToken(request({ cookie: 'x=1; hrp_token=def' }))).toBe('def');
    expect(presentedToken(request({}))).toBeUndefined();
  });

  it('answers only to its loopback name, and only to its own origin', () => {
    expect(hostAllowed(request({ host: '127.0.0.1:4000' }), 4000)).toBe(true);
    expect(hostAllowed(request({ host: 'evil.example:4000' }), 4000)).toBe(false);
    expect(originAllowed(request({ origin: 'http://127.0.0.1:4000' }), 4000)).toBe(true);
    expect(originAllowed(request({ origin: 'http://evil.example' }), 4000)).toBe(false);
    expect(originAllowed(request({}), 4000)).toBe(true);
  });
});
