import { CONTACT_INFORMATION_SCOPE } from './datasets';
import type { DatasetSpec } from './datasets';
import { VismaExportError } from './errors';
import { excerpt, jsonField, parseJsonBody, sendRequest } from './http';
import type { BearerSource, VismaHttpContext, VismaRequest } from './http';

/**
 * Scopes every token asks for (reference/visma-api.md 1.1). If the Visma application lacks one,
 * Visma answers 401 on that export, so the list is fixed rather than derived per run.
 */
export const VISMA_FIXED_SCOPES: readonly string[] = [
  'hrmanalytics:nlhrm:exportemployees',
  'hrmanalytics:nlhrm:exportcontracts',
  'hrmanalytics:nlhrm:exportorganizationunits',
  'hrmanalytics:nlhrm:exportmetadata',
  'hrmanalytics:nlhrm:exportusers',
];

/** The scopes to request: the fixed five, plus contact information only when personal data is wanted. */
export function tokenScopes(includePersonalData: boolean): readonly string[] {
  return includePersonalData ? [...VISMA_FIXED_SCOPES, CONTACT_INFORMATION_SCOPE] : VISMA_FIXED_SCOPES;
}

/** Lifetime assumed when the token endpoint gives no `expires_in`: short, so we renew early rather than late. */
export const DEFAULT_TOKEN_LIFETIME_MS = 300_000;

/**
 * How long before expiry a token is renewed: 60 s, or 10 % of its lifetime when that is less
 * (a 30-second test token would otherwise always count as expired).
 */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

/** A token and the moment from which it should no longer be used. */
interface HeldToken {
  readonly accessToken: string;
  readonly renewAtMs: number;
}

/**
 * Client-credentials tokens for the export API. The validity check runs before every request,
 * polls included, because one big export can outlast a token (the HelloID connector checks only
 * per job and fails mid-poll).
 */
export class VismaTokenProvider implements BearerSource {
  private held: HeldToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly ctx: VismaHttpContext) {}

  /** A token with more than the renewal margin left, fetched if needed. */
  token(dataset: DatasetSpec): Promise<string> {
    const held = this.held;
    if (held !== undefined && this.ctx.now() < held.renewAtMs) return Promise.resolve(held.accessToken);
    // Concurrent callers share one token request instead of each fetching their own.
    this.pending ??= this.fetchToken(dataset).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drop the current token so the next request fetches a new one. */
  invalidate(): void {
    this.held = undefined;
  }

  private async fetchToken(dataset: DatasetSpec): Promise<string> {
    const { options } = this.ctx;
    const scopes = tokenScopes(options.includePersonalData);
    // Encoded by hand, in the connector's order, so spaces in the scope list go out as %20.
    const form = [
      ['grant_type', 'client_credentials'],
      ['client_id', options.clientId],
      ['client_secret', options.clientSecret],
      ['tenant_id', options.tenantId],
      ['scope', scopes.join(' ')],
    ]
      .map(([key, value]) => `${key}=${encodeURIComponent(value ?? '')}`)
      .join('&');
    const request: VismaRequest = {
      dataset,
      step: 'token',
      method: 'POST',
      url: options.tokenUrl,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'cache-control': 'no-cache',
        accept: 'application/json',
      },
      body: form,
      describeRefusal: (status, body) => this.describeRefusal(dataset, status, body, scopes),
    };
    const requestedAt = this.ctx.now();
    const response = await sendRequest(this.ctx, request);
    const parsed = parseJsonBody(this.ctx, request, response.body);
    const accessToken = jsonField(parsed, 'access_token');
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new VismaExportError({
        dataset: dataset.name,
        kind: 'auth',
        message: `Visma.net's token endpoint answered without an access_token while getting a token for the ${dataset.label} export; check visma.tokenUrl`,
      });
    }
    this.ctx.redactor.add(accessToken);
    const expiresIn = Number(jsonField(parsed, 'expires_in'));
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : DEFAULT_TOKEN_LIFETIME_MS;
    // Counted from when we asked, not when the answer arrived: Visma's clock started no later.
    this.held = { accessToken, renewAtMs: requestedAt + lifetimeMs - renewalMarginMs(lifetimeMs) };
    return accessToken;
  }

  private describeRefusal(
    dataset: DatasetSpec,
    status: number,
    body: string,
    scopes: readonly string[],
  ): VismaExportError | undefined {
    const error = oauthError(body);
    const common = { dataset: dataset.name, kind: 'auth', status } as const;
    switch (error) {
      case 'invalid_client':
        return new VismaExportError({
          ...common,
          message: "Visma.net refused the client credentials (invalid_client); check visma.clientId, clientSecret and tenantId",
        });
      case 'invalid_scope':
        return new VismaExportError({
          ...common,
          message:
            `Visma.net refused the requested scopes (invalid_scope); check that the Visma application ` +
            `has been granted: ${scopes.join(', ')}`,
        });
      case 'unauthorized_client':
      case 'invalid_grant':
      case 'access_denied':
        return new VismaExportError({
          ...common,
          message:
            `Visma.net refused the token request (${error}); check visma.clientId, clientSecret and tenantId, ` +
            'and that the tenant administrator has approved the Visma application for this tenant',
        });
      default:
        if (status === 401 || status === 403) {
          return new VismaExportError({
            ...common,
            message:
              `Visma.net's token endpoint refused the request (HTTP ${status}: ${excerpt(this.ctx, body)}); ` +
              'check visma.clientId, clientSecret and tenantId',
          });
        }
        return undefined;
    }
  }
}

/** The OAuth `error` code of a token endpoint refusal, if the body is the usual JSON. */
function oauthError(body: string): string | undefined {
  try {
    const code = jsonField(JSON.parse(body) as unknown, 'error');
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
