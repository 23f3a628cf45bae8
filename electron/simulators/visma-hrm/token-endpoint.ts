import { CONTACT_INFORMATION_SCOPE, DATASETS } from '../../engine/visma/datasets';

/** Every scope the simulated tenant can grant (reference 1.1). */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([...DATASETS.map((spec) => spec.scope), CONTACT_INFORMATION_SCOPE]);

/** The accepted client and tenant. */
export interface ClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
}

/** OAuth2 error codes the token endpoint answers with (RFC 6749 section 5.2). */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

/** The outcome of a token request, before a token is minted. */
export type TokenDecision =
  | { readonly ok: true; readonly scopes: ReadonlySet<string> }
  | { readonly ok: false; readonly error: TokenErrorCode; readonly description: string };

/**
 * Checks a client-credentials token request: form body as the connector sends it (reference 1.1),
 * with the client credentials in the body or, as Go's oauth2 package may send them, in an HTTP
 * Basic header. Scopes the client asks for but is not granted (`missingScopes`) are left out of the
 * token silently, so the export API answers 401, as the connector's README describes.
 */
export function decideTokenRequest(
  body: string, authorization: string | undefined, client: ClientRegistration, missingScopes: ReadonlySet<string>,
): TokenDecision {
  const form = new URLSearchParams(body);
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') return refuse('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') return refuse('unsupported_grant_type', `grant_type ${grantType} is not supported`);

  const basic = basicCredentials(authorization);
  const clientId = form.get('client_id') ?? basic?.clientId;
  const clientSecret = form.get('client_secret') ?? basic?.clientSecret;
  const tenantId = form.get('tenant_id');
  if (tenantId === null || tenantId === '') return refuse('invalid_request', 'tenant_id is required');
  if (clientId !== client.clientId || clientSecret !== client.clientSecret) return refuse('invalid_client', 'unknown client or wrong secret');
  if (tenantId !== client.tenantId) return refuse('invalid_client', 'the client has no access to this tenant');

  const scope = form.get('scope');
  // Without a scope parameter the client gets every scope it is registered for (Go's client sends none).
  const requested = scope === null || scope.trim() === '' ? [...KNOWN_SCOPES] : scope.trim().split(/\s+/);
  const unknown = requested.filter((name) => !KNOWN_SCOPES.has(name));
  if (unknown.length > 0) return refuse('invalid_scope', `unknown scope ${unknown.join(' ')}`);
  return { ok: true, scopes: new Set(requested.filter((name) => !missingScopes.has(name))) };
}

function refuse(error: TokenErrorCode, description: string): TokenDecision {
  return { ok: false, error, description };
}

function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both halves are form-encoded before they are joined.
  const unescape = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    return { clientId: unescape(decoded.slice(0, colon)), clientSecret: unescape(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
