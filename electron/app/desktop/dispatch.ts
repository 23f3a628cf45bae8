import { apiContract } from '../../shared/contract';
import type { Api, OperationName } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { ApiResult } from '../../shared/result';
import { describeFailure } from './application';

/**
 * One call from a transport (IPC or HTTP): the operation name and the arguments are untrusted, so
 * both are checked against the contract's zod schemas before the operation runs.
 */
export async function dispatch(api: Api, name: string, args: unknown): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(apiContract, name)) return fail('invalid-request', `There is no operation "${name}".`);
  const operation = name as OperationName;
  const parsed = apiContract[operation].safeParse(args ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
    return fail('invalid-request', `The request for "${operation}" was refused: its arguments are not valid.`, problems);
  }
  try {
    const handler = api[operation] as (value: unknown) => Promise<ApiResult<unknown>>;
    return await handler.call(api, parsed.data);
  } catch (error) {
    return describeFailure(error);
  }
}
