import { randomBytes } from 'node:crypto';

/** What the export API learns from a bearer token. */
export type TokenLookup =
  | { readonly kind: 'valid'; readonly scopes: ReadonlySet<string> }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unknown' };

interface IssuedToken {
  readonly scopes: ReadonlySet<string>;
  /** Milliseconds since the epoch from which the token no longer works. */
  readonly expiresAt: number;
}

/**
 * Opaque access tokens remembered server-side with their scopes and expiry, as an OAuth2
 * authorisation server with reference tokens would keep them.
 */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  /** Issues a new random token valid for `ttlSeconds` from `now`. */
  issue(scopes: ReadonlySet<string>, ttlSeconds: number, now: number): string {
    this.#forgetExpired(now);
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { scopes, expiresAt: now + ttlSeconds * 1000 });
    return token;
  }

  /** Looks a presented token up at time `now`. */
  lookup(token: string, now: number): TokenLookup {
    const issued = this.#tokens.get(token);
    if (issued === undefined) return { kind: 'unknown' };
    if (now >= issued.expiresAt) return { kind: 'expired' };
    return { kind: 'valid', scopes: issued.scopes };
  }

  /** Makes every token issued so far expire at once (the client must fetch a new one). */
  expireAll(now: number): void {
    for (const [token, issued] of this.#tokens) this.#tokens.set(token, { ...issued, expiresAt: Math.min(issued.expiresAt, now) });
  }

  #forgetExpired(now: number): void {
    // Expired tokens are kept for a day so a late caller still gets "expired" rather than "unknown".
    for (const [token, issued] of this.#tokens) {
      if (issued.expiresAt + 86_400_000 < now) this.#tokens.delete(token);
    }
  }
}
