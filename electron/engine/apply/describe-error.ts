/**
 * Turn anything thrown while writing into one line an admin can act on. Typed directory errors
 * already carry such a message; anything else keeps its message, never a stack.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
