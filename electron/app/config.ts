import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { DEFAULT_MAX_PLAN_AGE_HOURS } from '../engine/plan/plan-file';
import { DEFAULT_RETENTION_DAYS } from '../engine/state/retention';
import { DEFAULT_PAGE_SIZE } from '../engine/ad/directory-config';
import { DEFAULT_READ_CONNECTIONS, MAX_READ_CONNECTIONS } from '../engine/ad/read-partitions';
import { DEFAULT_DELETE_GRACE_DAYS, DEFAULT_BRIDGE_GAP_DAYS, DEFAULT_LIFECYCLE, DEFAULT_PRIMARY_CONTRACT_ORDER } from '../engine/model/policy';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../engine/model/time-zone';
import { DATASETS, type DatasetName } from '../engine/visma/datasets';
import { attributesSchema } from './attributes-config';
import { namingSchema } from './naming-config';
import { DEFAULT_IDENTIFICATION_NO, DEFAULT_SOURCE } from '../engine/nedap-ons/settings';
import { safetySchema } from './safety-config';
import { noticesSchema } from './notices-config';

/**
 * The configuration file: one JSON document for the CLI, the demo and (later) the tray app's
 * settings store. Unknown keys and wrong types are refused with the key's full path, so a typo
 * never silently falls back to a default. Secrets may be written inline (for a throwaway demo) or
 * as `{ "env": "VAR_NAME" }`; they are resolved only when a connection needs them and never end
 * up in a plan, the history or a message.
 */

/** A secret: the value itself, or the name of an environment variable that holds it. */
const secretSchema = z.union([
  z.string().min(1, 'must not be empty'),
  z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }),
]);

/** A secret as written in the config file. */
export type SecretRef = z.infer<typeof secretSchema>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Query parameter names that carry secrets: such a URL would end up in logs and messages. */
const SECRET_PARAMETER = /(secret|passw|pwd|token|key|sig|auth|credential|session)/i;

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// Plain http would send the client secret in the clear; it is only acceptable towards the
// simulator on this machine. Credentials belong in the secret keys, never in a URL: a URL is printed
// in messages and logs.
const httpsUrl = z
  .string()
  .refine((value) => {
    const url = parsedUrl(value);
    return url !== null && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)));
  }, 'must be an https:// URL (plain http:// only towards 127.0.0.1 or localhost)')
  .refine((value) => {
    const url = parsedUrl(value);
    return url === null || (url.username === '' && url.password === '');
  }, 'must not contain a user name or password: put credentials in clientId and clientSecret')
  .refine((value) => {
    const url = parsedUrl(value);
    return url === null || ![...url.searchParams.keys()].some((name) => SECRET_PARAMETER.test(name));
  }, 'must not carry secret-looking query parameters (secret, password, token, key, signature, ...)');

/** A DNS domain name: labels of letters, digits and inner hyphens, at least two of them. */
const domainName = z
  .string()
  .max(253)
  .regex(/^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$/, 'must be a domain name such as example.nl');

const days = z.number().int().min(0).max(3650);

const ruleKeyPattern = /^(orgUnitId|orgUnitName|functionId|functionName|costCenter|custom\.[^\s.][^\s]*)$/;

const ruleSchema = z.strictObject({
  name: z.string().min(1),
  when: z
    .record(z.string(), z.array(z.string()).min(1, 'must list at least one value'))
    .refine(
      (when) => Object.keys(when).every((key) => ruleKeyPattern.test(key)),
      'keys must be orgUnitId, orgUnitName, functionId, functionName, costCenter or custom.<field>',
    ),
  grant: z.strictObject({
    adGroups: z.array(z.string().min(1)).optional(),
    nedapRoles: z.array(z.string().min(1)).optional(),
    nedapTeams: z.array(z.number().int().positive()).optional(),
    nedapLocations: z.array(z.number().int().positive()).optional(),
  }),
});

const templateKeys = [
  'givenName', 'sn', 'displayName', 'initials', 'department', 'title', 'company', 'description', 'cn',
] as const;

const policySchema = z.strictObject({
  createDaysBeforeStart: days.default(DEFAULT_LIFECYCLE.createDaysBeforeStart),
  enableDaysBeforeStart: days.default(DEFAULT_LIFECYCLE.enableDaysBeforeStart),
  disableDaysAfterEnd: days.default(DEFAULT_LIFECYCLE.disableDaysAfterEnd),
  deleteDaysAfterEnd: days.default(DEFAULT_LIFECYCLE.deleteDaysAfterEnd),
  deleteGraceDays: days.default(DEFAULT_DELETE_GRACE_DAYS),
  bridgeGapDays: days.default(DEFAULT_BRIDGE_GAP_DAYS),
  primaryContractOrder: z
    .array(z.enum(['active-first', 'in-condition-first', 'most-hours', 'earliest-start', 'latest-start', 'lowest-id']))
    .min(1)
    .default([...DEFAULT_PRIMARY_CONTRACT_ORDER]),
  rules: z.array(ruleSchema).default([]),
  templates: z.partialRecord(z.enum(templateKeys), z.string()).default({}),
  naming: namingSchema.optional(),
}).superRefine((policy, ctx) => {
  // The old display-name template is read as the convention's; two would contradict each other.
  if (policy.naming?.displayName !== undefined && policy.templates.displayName !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['naming', 'displayName'], message: 'set either policy.naming.displayName or policy.templates.displayName, not both' });
  }
  if (policy.naming?.cn !== undefined && policy.templates.cn !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['naming', 'cn'], message: 'set either policy.naming.cn or policy.templates.cn, not both' });
  }
});

const vismaSchema = z.strictObject({
  tokenUrl: httpsUrl,
  baseUrl: httpsUrl,
  clientId: z.string().min(1),
  clientSecret: secretSchema,
  tenantId: z.string().min(1),
  includePersonalData: z.boolean().default(false),
  cutOffDays: days.default(90),
  jobTimeoutSeconds: z.number().int().min(1).max(86_400).default(600),
  /** Export jobs at once: 7 = every dataset together; 1 = one after another, for a tenant that objects. */
  parallelJobs: z.number().int().min(1).max(7).default(7),
  /** Encoding of the CSV files; with utf-8 (default) bytes that are not UTF-8 are an error. */
  encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
  /**
   * Datasets that may legitimately come back empty (no cost centres, no custom fields). Any other
   * empty or header-only dataset stops the run before anything is written.
   */
  allowEmptyDatasets: z.array(z.enum(DATASETS.map((d) => d.name) as [DatasetName, ...DatasetName[]])).default([]),
});

const employeeId = z.string().trim().min(1);

/** Explicit answers to "are these employee records one person?", overriding the aggregation key. */
const linksSchema = z.strictObject({
  /** Each list is one person, whatever the aggregation key says (a name change HR made on one record only). */
  same: z.array(z.array(employeeId).min(2, 'must list at least two employee ids')).default([]),
  /** Each list is different persons, whatever the aggregation key says (twins with equal initials). */
  separate: z.array(z.array(employeeId).min(2, 'must list at least two employee ids')).default([]),
});

const ldapUrl = z
  .string()
  .regex(/^ldaps?:\/\/[^/\s]+\/?$/i, 'must be ldaps://host[:port] or ldap://host[:port] (StartTLS)')
  .refine((value) => !value.includes('@'), 'must not contain a user name or password: use bindDn and bindPassword');

const adSchema = z.strictObject({
  url: ldapUrl,
  bindDn: z.string().min(1),
  bindPassword: secretSchema,
  caFile: z.string().min(1),
  tlsServerName: z.string().min(1).optional(),
  baseDn: z.string().min(1),
  usersOu: z.string().min(1),
  disabledOu: z.string().min(1),
  ouByOrgUnit: z.record(z.string(), z.string().min(1)).default({}),
  upnSuffix: domainName,
  mailDomain: domainName,
  timeoutSeconds: z.number().int().min(1).max(600).default(30),
  /** Entries per page of an account search; 0 reads unpaged (only Samba allows that beyond 1000 entries). */
  pageSize: z.number().int().min(0).max(100_000).default(DEFAULT_PAGE_SIZE),
  /** Connections the read of every account is spread over. */
  readConnections: z.number().int().min(1).max(MAX_READ_CONNECTIONS).default(DEFAULT_READ_CONNECTIONS),
  /** Attribute mappings: attribute name to template (see attributes-config). */
  attributes: attributesSchema.default({}),
});

const objectIds = z.array(z.number().int().positive());

/** Org unit (or `orgUnit/function`) to object ids, written inline or as the connector's `;` CSV file. */
const mappingSchema = z
  .union([z.record(z.string().min(1), objectIds), z.strictObject({ csvFile: z.string().min(1) })])
  .default({});

const nedapOnsSchema = z.strictObject({
  baseUrl: z.string().refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// URL (Nedap Ons is mutual TLS only)'),
  pfxFile: z.string().min(1),
  pfxPassword: secretSchema,
  caFile: z.string().min(1),
  source: z.string().min(1).default(DEFAULT_SOURCE),
  identificationNo: z.string().min(1).default(DEFAULT_IDENTIFICATION_NO),
  deleteUsers: z.boolean().default(false),
  teamsByOrgUnit: mappingSchema,
  locationsByOrgUnit: mappingSchema,
  /** Nedap enforces 4 requests in flight per certificate. */
  maxInFlight: z.number().int().min(1).max(4).default(4),
  timeoutSeconds: z.number().int().min(1).max(600).default(30),
});

const configSchema = z
  .strictObject({
    visma: vismaSchema,
    policy: policySchema.default(() => policySchema.parse({})),
    ad: adSchema.optional(),
    nedapOns: nedapOnsSchema.optional(),
    safety: safetySchema.default(() => safetySchema.parse({})),
    notices: noticesSchema.optional(),
    dataDir: z.string().min(1),
    /** The organisation's time zone: "today" and Visma date-times with an offset are taken in it. */
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Amsterdam').default(DEFAULT_TIME_ZONE),
    links: linksSchema.default(() => linksSchema.parse({})),
    /** A saved plan older than this is refused by apply: preview again. */
    maxPlanAgeHours: z.number().int().min(1).max(24 * 30).default(DEFAULT_MAX_PLAN_AGE_HOURS),
    /** Plans and run records older than this are removed. */
    retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
  })
  .superRefine((config, ctx) => {
    // A person whose last contract fell out of the export window can no longer be dated; keeping
    // the window at least as long as the delete delay means such a person is always past it.
    if (config.visma.cutOffDays < config.policy.deleteDaysAfterEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['visma', 'cutOffDays'],
        message: `must be at least policy.deleteDaysAfterEnd (${config.policy.deleteDaysAfterEnd}), or ended contracts drop out of the export before their accounts are due for deletion`,
      });
    }
    if (config.ad?.attributes.description !== undefined && config.policy.templates.description !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ad', 'attributes', 'description'], message: 'set either ad.attributes.description or policy.templates.description, not both' });
    }
    if (config.policy.enableDaysBeforeStart > config.policy.createDaysBeforeStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['policy', 'enableDaysBeforeStart'],
        message: 'must not be larger than policy.createDaysBeforeStart (an account cannot be enabled before it exists)',
      });
    }
    if (config.policy.deleteDaysAfterEnd < config.policy.disableDaysAfterEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['policy', 'deleteDaysAfterEnd'],
        message: 'must not be smaller than policy.disableDaysAfterEnd (an account is disabled before it is deleted)',
      });
    }
  });

/** The validated configuration, with defaults filled in and paths still as written. */
export type AppConfig = z.infer<typeof configSchema>;
/** Visma.net connection settings. */
export type VismaConfig = AppConfig['visma'];
/** Active Directory connection and placement settings. */
export type AdConfig = NonNullable<AppConfig['ad']>;
/** Nedap Ons connection, duties source, employment key and mapping tables. */
export type NedapOnsConfig = NonNullable<AppConfig['nedapOns']>;
/** Lifecycle, primary contract, rules and templates. */
export type PolicyConfig = AppConfig['policy'];

/** A configuration that cannot be used; `message` names the file and every offending key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.') || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${formatPath(issue.path)}.` : '';
    return issue.keys.map((key) => `unknown key "${where}${key}"`).join('; ');
  }
  const key = formatPath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing key "${key}"`;
  return `key "${key}": ${issue.message.replace(/^Invalid input: /, '')}`;
}

/**
 * Validate a parsed JSON value as configuration. Relative `dataDir`, `ad.caFile` and the `nedapOns` files are resolved
 * against `baseDir` (the directory of the config file).
 */
export function parseConfig(value: unknown, baseDir: string, source = 'the configuration'): AppConfig {
  const result = configSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue);
    throw new ConfigError(`${source} is not valid:\n  - ${problems.join('\n  - ')}`, problems);
  }
  const config = result.data;
  return {
    ...config,
    dataDir: path.resolve(baseDir, config.dataDir),
    ad: config.ad ? { ...config.ad, caFile: path.resolve(baseDir, config.ad.caFile) } : undefined,
    nedapOns: config.nedapOns ? resolveNedapPaths(config.nedapOns, baseDir) : undefined,
  };
}

function resolveNedapPaths(nedap: NedapOnsConfig, baseDir: string): NedapOnsConfig {
  const mapping = (table: NedapOnsConfig['teamsByOrgUnit']): NedapOnsConfig['teamsByOrgUnit'] =>
    'csvFile' in table && typeof table.csvFile === 'string' ? { csvFile: path.resolve(baseDir, table.csvFile) } : table;
  return {
    ...nedap,
    pfxFile: path.resolve(baseDir, nedap.pfxFile),
    caFile: path.resolve(baseDir, nedap.caFile),
    teamsByOrgUnit: mapping(nedap.teamsByOrgUnit),
    locationsByOrgUnit: mapping(nedap.locationsByOrgUnit),
  };
}

/** Read and validate a JSON config file. */
export async function loadConfig(file: string): Promise<AppConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT' ? `config file ${file} does not exist` : `config file ${file} cannot be read (${code ?? 'error'})`,
    );
  }
  return parseConfig(parseJson(text, `config file ${file}`), path.dirname(path.resolve(file)), `config file ${file}`);
}

/**
 * Parse JSON text. A syntax error is reported by line and column and what was expected, never with
 * the text around it: the file holds secrets.
 */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's message quotes the text; jsonc-parser says where and what without it.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new ConfigError(`${source} is not valid JSON`);
    const before = text.slice(0, first.offset).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    throw new ConfigError(`${source} is not valid JSON: ${printParseErrorCode(first.error)} at line ${line}, column ${column}`);
  }
}

/**
 * Resolve a secret to its value. `key` is the config key, used only in the message when the
 * environment variable is missing; the value itself never appears in a message.
 */
export function resolveSecret(secret: SecretRef, key: string, env: NodeJS.ProcessEnv = process.env): string {
  if (typeof secret === 'string') return secret;
  const value = env[secret.env];
  if (value === undefined || value === '') {
    throw new ConfigError(`${key} refers to environment variable ${secret.env}, which is not set`);
  }
  return value;
}
