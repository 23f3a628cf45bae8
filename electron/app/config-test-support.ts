import { ConfigError, parseConfig } from './config';

/** The problems `parseConfig` reports for `value`, for the config tests; fails when it accepts the value. */
export function problemsOf(value: unknown): readonly string[] {
  try {
    parseConfig(value, '/etc/hrp');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
