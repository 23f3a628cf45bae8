import { DATASETS, type DatasetSpec } from '../../engine/visma/datasets';

/** What a request asks for, decided from its method and path alone. */
export type Route =
  | { readonly kind: 'token' }
  | { readonly kind: 'command'; readonly spec: DatasetSpec }
  | { readonly kind: 'query'; readonly spec: DatasetSpec; readonly jobId: string }
  | { readonly kind: 'file'; readonly jobId: string; readonly fileNumber: number }
  | { readonly kind: 'methodNotAllowed'; readonly allow: 'GET' | 'POST' }
  | { readonly kind: 'notFound' };

/** Path of the token endpoint (Visma Connect's, reference 1.1). */
export const TOKEN_PATH = '/connect/token';
const COMMAND_PREFIX = '/v1/command/';
const QUERY_PREFIX = '/v1/query/';
const FILE_PATH = /^\/files\/([0-9a-f-]{36})\/([1-9][0-9]{0,3})\.csv$/;

const specByPath = new Map(DATASETS.map((spec) => [spec.path, spec]));

/** Maps a request onto a route. `pathname` is the decoded path without the query string. */
export function matchRoute(method: string, pathname: string): Route {
  if (pathname === TOKEN_PATH) return method === 'POST' ? { kind: 'token' } : { kind: 'methodNotAllowed', allow: 'POST' };

  if (pathname.startsWith(COMMAND_PREFIX)) {
    const spec = specByPath.get(pathname.slice(COMMAND_PREFIX.length));
    if (spec === undefined) return { kind: 'notFound' };
    return method === 'POST' ? { kind: 'command', spec } : { kind: 'methodNotAllowed', allow: 'POST' };
  }

  if (pathname.startsWith(QUERY_PREFIX)) {
    const rest = pathname.slice(QUERY_PREFIX.length);
    const slash = rest.lastIndexOf('/');
    // The job id is the last segment; the dataset path before it may itself contain slashes.
    const spec = slash > 0 ? specByPath.get(rest.slice(0, slash)) : undefined;
    const jobId = rest.slice(slash + 1);
    if (spec === undefined || jobId === '') return { kind: 'notFound' };
    return method === 'GET' ? { kind: 'query', spec, jobId } : { kind: 'methodNotAllowed', allow: 'GET' };
  }

  const file = FILE_PATH.exec(pathname);
  if (file !== null) {
    if (method !== 'GET') return { kind: 'methodNotAllowed', allow: 'GET' };
    return { kind: 'file', jobId: file[1] as string, fileNumber: Number(file[2]) };
  }
  return { kind: 'notFound' };
}
