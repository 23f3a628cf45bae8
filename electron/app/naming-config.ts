import { z } from 'zod';
import type { PersonName } from '../engine/model/person';
import { templateProblem } from '../engine/policy/name-template';
import { logonPart, tidyLogon } from '../engine/policy/name-text';
import {
  DEFAULT_NAMING,
  isNameToken,
  type AddressNaming,
  type AttributeNaming,
  type NamingConvention,
} from '../engine/policy/naming-convention';

/**
 * The `policy.naming` section: a naming convention as configuration. Every template is checked here,
 * so an unknown token, `{x:0}`, a template that can only give an empty value or a `base` outside the
 * candidate list is refused at load with the path of the key.
 */

const domainName = z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'must be a domain name such as example.nl');

const iterateSchema = z.strictObject({
  start: z.number().int().min(0).max(100_000).default(2),
  base: z.number().int().min(0).optional(),
  width: z.number().int().min(1).max(6).default(1),
  format: z.string().refine((f) => f.split('{n}').length === 2, 'must contain {n} exactly once').default('{n}'),
});

type Kind = 'logon' | 'display';

function checkTemplate(
  template: string,
  kind: Kind,
  extra: readonly string[],
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
): void {
  const known = (name: string): boolean => isNameToken(name) || extra.includes(name);
  const render = kind === 'logon' ? (text: string) => tidyLogon(logonPart(text)) : (text: string) => text.trim();
  const problem = templateProblem(template, known, render);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: [...path], message: problem });
}

const ruleFields = {
  candidates: z.array(z.string()).min(1, 'must list at least one candidate'),
  iterate: iterateSchema.default({ start: 2, width: 1, format: '{n}' }),
  spaces: z.enum(['', '.', '-', '_']).default(''),
};

/** Checks the candidates of one attribute and that `iterate.base` points into them. */
function refineRule(kind: Kind, extra: readonly string[]) {
  return (rule: { readonly candidates: readonly string[]; readonly iterate: { readonly base?: number | undefined } }, ctx: z.RefinementCtx): void => {
    rule.candidates.forEach((template, i) => checkTemplate(template, kind, extra, ctx, ['candidates', i]));
    const { base } = rule.iterate;
    if (base !== undefined && base >= rule.candidates.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['iterate', 'base'],
        message: `must be a position in the candidate list (0 to ${rule.candidates.length - 1})`,
      });
    }
  };
}

const addressSchema = z.strictObject({ ...ruleFields, domain: domainName.optional() });

/** `policy.naming` as written. */
export const namingSchema = z.strictObject({
  sAMAccountName: z.strictObject(ruleFields).superRefine(refineRule('logon', [])).optional(),
  userPrincipalName: addressSchema.superRefine(refineRule('logon', ['sAMAccountName'])).optional(),
  mail: addressSchema.superRefine(refineRule('logon', ['sAMAccountName'])).optional(),
  cn: z.strictObject(ruleFields).superRefine(refineRule('display', ['displayName'])).optional(),
  displayName: z.union([z.string(), z.strictObject({ B: z.string(), P: z.string(), BP: z.string(), PB: z.string() })]).optional(),
  nameSeparator: z.string().max(10).default(' - '),
}).superRefine((naming, ctx) => {
  const { displayName } = naming;
  if (typeof displayName === 'string') checkTemplate(displayName, 'display', [], ctx, ['displayName']);
  else if (displayName !== undefined) {
    for (const convention of ['B', 'P', 'BP', 'PB'] as const) {
      checkTemplate(displayName[convention], 'display', [], ctx, ['displayName', convention]);
    }
  }
});

/** `policy.naming` after validation. */
export type NamingConfig = z.infer<typeof namingSchema>;

type WrittenRule = z.infer<typeof addressSchema>;

function toRule(rule: Omit<WrittenRule, 'domain'> | undefined, fallback: AttributeNaming): AttributeNaming {
  if (rule === undefined) return fallback;
  return {
    candidates: rule.candidates,
    iterate: { start: rule.iterate.start, base: rule.iterate.base ?? null, width: rule.iterate.width, format: rule.iterate.format },
    spaces: rule.spaces,
  };
}

function toAddressRule(rule: WrittenRule | undefined, fallback: AddressNaming): AddressNaming {
  return rule === undefined ? fallback : { ...toRule(rule, fallback), domain: rule.domain ?? null };
}

/** The engine's convention for a validated `policy.naming` (absent keys keep today's behaviour). */
export function namingConvention(config: NamingConfig | undefined): NamingConvention {
  if (config === undefined) return DEFAULT_NAMING;
  return {
    sAMAccountName: toRule(config.sAMAccountName, DEFAULT_NAMING.sAMAccountName),
    userPrincipalName: toAddressRule(config.userPrincipalName, DEFAULT_NAMING.userPrincipalName),
    mail: toAddressRule(config.mail, DEFAULT_NAMING.mail),
    cn: toRule(config.cn, DEFAULT_NAMING.cn),
    displayName: config.displayName ?? null,
    nameSeparator: config.nameSeparator,
  };
}

/** The sample person of `naming --person`: the name fields as HR has them. */
const samplePersonSchema = z.strictObject({
  givenName: z.string().default(''),
  nickname: z.string().default(''),
  initials: z.string().default(''),
  birthNamePrefix: z.string().default(''),
  birthName: z.string().default(''),
  partnerNamePrefix: z.string().default(''),
  partnerName: z.string().default(''),
  convention: z.enum(['B', 'P', 'BP', 'PB']).default('B'),
});

/** The name of a sample person given as JSON, or what is wrong with it. */
export function samplePersonName(json: string): { readonly ok: true; readonly name: PersonName } | { readonly ok: false; readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: '--person is not valid JSON' };
  }
  const result = samplePersonSchema.safeParse(value);
  if (!result.success) {
    return { ok: false, error: `--person: ${result.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}` };
  }
  const p = result.data;
  return {
    ok: true,
    name: {
      givenName: p.givenName,
      nickname: p.nickname,
      initials: p.initials,
      familyNamePrefix: p.birthNamePrefix,
      familyName: p.birthName,
      partnerNamePrefix: p.partnerNamePrefix,
      partnerName: p.partnerName,
      convention: p.convention,
    },
  };
}
