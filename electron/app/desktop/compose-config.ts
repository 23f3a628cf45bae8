import { ConfigError, parseConfig } from '../config';
import type { AppConfig } from '../config';
import type { SecretName } from '../../shared/settings';

/**
 * Where each secret sits in the engine configuration: the renderer never sees these values, the
 * application puts the stored ones back before the configuration is validated.
 */
export const SECRET_PATHS: Readonly<Record<SecretName, readonly string[]>> = {
  vismaClientSecret: ['visma', 'clientSecret'],
  adBindPassword: ['ad', 'bindPassword'],
  nedapPfxPassword: ['nedapOns', 'pfxPassword'],
  smtpPassword: ['notices', 'smtp', 'password'],
};

type RawConfig = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valueAt(config: RawConfig, where: readonly string[]): unknown {
  let value: unknown = config;
  for (const key of where) value = isObject(value) ? value[key] : undefined;
  return value;
}

/** A copy of `config` with `where` set to `value` (undefined removes it); a missing parent section stays missing. */
function withValueAt(config: RawConfig, where: readonly string[], value: unknown): RawConfig {
  const [key, ...rest] = where;
  if (key === undefined) return config;
  const copy: Record<string, unknown> = { ...config };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const child = copy[key];
  if (!isObject(child)) return config;
  copy[key] = withValueAt(child, rest, value);
  return copy;
}

/**
 * The configuration without its secret values, as the renderer may see it. A secret written as
 * `{ "env": "NAME" }` stays: the name of a variable is no secret.
 */
export function withoutSecrets(config: RawConfig): RawConfig {
  let copy = config;
  for (const where of Object.values(SECRET_PATHS)) {
    if (typeof valueAt(copy, where) === 'string') copy = withValueAt(copy, where, undefined);
  }
  return copy;
}

/** Secret values that are written inline in `config`, by name (a CLI config file imported as it is). */
export function inlineSecrets(config: RawConfig): Partial<Record<SecretName, string>> {
  const found: Partial<Record<SecretName, string>> = {};
  for (const [name, where] of Object.entries(SECRET_PATHS) as [SecretName, readonly string[]][]) {
    const value = valueAt(config, where);
    if (typeof value === 'string') found[name] = value;
  }
  return found;
}

/**
 * The engine configuration: the stored settings with the stored secrets put back in (only into
 * sections that exist), validated by the CLI's own schema. `dataDir` defaults to the host's data directory.
 */
export function composeConfig(
  config: RawConfig,
  secrets: Partial<Record<SecretName, string>>,
  defaultDataDir: string,
): AppConfig {
  let full: RawConfig = { dataDir: defaultDataDir, ...config };
  for (const [name, where] of Object.entries(SECRET_PATHS) as [SecretName, readonly string[]][]) {
    const value = secrets[name];
    if (value !== undefined) full = withValueAt(full, where, value);
  }
  return parseConfig(full, defaultDataDir, 'the settings');
}

/** The problems of a configuration, one line per key (empty when it is valid). */
export function configProblems(compose: () => unknown): readonly string[] {
  try {
    compose();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.length > 0 ? error.problems : [error.message];
    throw error;
  }
}
