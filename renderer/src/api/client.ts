import { BRIDGE_NAME, OPERATION_NAMES } from '../../../electron/shared/contract';
import type { ApiArgs, ApiClient, ApiValues, OperationName } from '../../../electron/shared/contract';
import type { ApiError, ApiResult } from '../../../electron/shared/result';

/**
 * The one place that reaches the application API. In the tray app the preload script has put
 * `window.hrProvisioner` there (one function per operation); in a browser (the web host) the same
 * operations are `POST /api/<operation>` on our own origin, authorised by the cookie the host set.
 */

/** An API error as an exception, for TanStack Query; `error` is what the screens show. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

function httpClient(): ApiClient {
  const call = async (name: OperationName, args: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: { code: 'failed', message: 'The HR Provisioner service does not answer. Is it still running?', problems: [] } };
    }
    if (!response.ok) return { ok: false, error: { code: 'failed', message: await response.text(), problems: [] } };
    return (await response.json()) as ApiResult<unknown>;
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, (args: unknown) => call(name, args)])) as unknown as ApiClient;
}

function bridgeClient(): ApiClient | null {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_NAME];
  return bridge && typeof bridge === 'object' ? (bridge as ApiClient) : null;
}

/** The API of this window. */
export const api: ApiClient = bridgeClient() ?? httpClient();

/** Call an operation and return its value, or throw {@link ApiFailure}. */
export async function call<K extends OperationName>(name: K, args: ApiArgs<K>): Promise<ApiValues[K]> {
  const operation = api[name] as (a: ApiArgs<K>) => Promise<ApiResult<ApiValues[K]>>;
  const result = await operation(args);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
