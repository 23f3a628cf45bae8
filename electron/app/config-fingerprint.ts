import { createHash } from 'node:crypto';
import type { AppConfig } from './config';

/**
 * The fingerprint of a configuration: a plan records the one it was made under, and apply refuses a
 * plan whose fingerprint differs from the configuration's now (another OU, rule, template or target
 * would have given another plan). Secret values are left out (a hash of a password in a plan file
 * could be guessed offline); which secret is configured still counts.
 */

/** Config keys whose values are secrets, as paths. Add a target's secrets here when it gets some. */
export const SECRET_CONFIG_PATHS: readonly (readonly string[])[] = [
  ['visma', 'clientSecret'],
  ['ad', 'bindPassword'],
  ['nedapOns', 'pfxPassword'],
];

/** JSON with object keys sorted at every level, so the order keys were written in does not count. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function withoutSecrets(config: AppConfig): unknown {
  const copy = structuredClone(config) as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const [section, key] of SECRET_CONFIG_PATHS) {
    const holder = section === undefined ? undefined : copy[section];
    if (!holder || key === undefined || !(key in holder)) continue;
    const secret = holder[key];
    holder[key] = typeof secret === 'string' ? '(inline)' : secret;
  }
  return copy;
}

/** `sha256:<hex>` over the configuration without secret values. */
export function configFingerprint(config: AppConfig): string {
  return `sha256:${createHash('sha256').update(canonical(withoutSecrets(config))).digest('hex')}`;
}
