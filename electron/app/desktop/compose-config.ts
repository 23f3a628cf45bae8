import { ConfigError, parseConfig } from '../config';
import type { AppConfig } from '../config';
import type { SecretName } from '../../shared/settings';

/**
 * Where each secret sits in the engine configuration. Nedap Ons and SMTP secrets are kept already,
 * so the Settings screen can store them; they join the configuration when those targets do.
 */
export const SECRET_PATHS: Readonly<Record<SecretName, readonly [string, string] | null>> = {
  vismaClientSecret: ['visma', 'clientSecret'],
  adBindPassword: ['ad', 'bindPassword'],
  nedapPfxPassword: null,
  smtpPassword: null,
};

type RawConfig = Readonly<Record<string, unknown>>;

function section(config: RawConfig, key: string): Record<string, unknown> | null {
  const value = config[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The configuration without its secret values, as the renderer may see it. A secret written as
 * `{ "env": "NAME" }` stays: the name of a variable is no secret.
 */
export function withoutSecrets(config: RawConfig): RawConfig {
  const copy: Record<string, unknown> = { ...config };
  for (const where of Object.values(SECRET_PATHS)) {
    if (!where) continue;
    const part = section(copy, where[0]);
    if (part && typeof part[where[1]] === 'string') {
      const rest = { ...part };
      delete rest[where[1]];
      copy[where[0]] = rest;
    }
  }
  return copy;
}

/** Secret values that are written inline in `config`, by name (a CLI config file imported as it is). */
export function inlineSecrets(config: RawConfig): Partial<Record<SecretName, string>> {
  const found: Partial<Record<SecretName, string>> = {};
  for (const [name, where] of Object.entries(SECRET_PATHS) as [SecretName, readonly [string, string] | null][]) {
    const value = where ? section(config, where[0])?.[where[1]] : undefined;
    if (typeof value === 'string') found[name] = value;
  }
  return found;
}

/**
 * The engine configuration: the stored settings with the stored secrets put back in, validated by
 * the CLI's own schema. `dataDir` defaults to the host's data directory.
 */
export function composeConfig(
  config: RawConfig,
  secrets: Partial<Record<SecretName, string>>,
  defaultDataDir: string,
): AppConfig {
  const full: Record<string, unknown> = { dataDir: defaultDataDir, ...config };
  for (const [name, where] of Object.entries(SECRET_PATHS) as [SecretName, readonly [string, string] | null][]) {
    const value = secrets[name];
    const part = where ? section(full, where[0]) : null;
    if (where && part && value !== undefined) full[where[0]] = { ...part, [where[1]]: value };
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
