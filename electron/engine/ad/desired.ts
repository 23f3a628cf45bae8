import type { Finding } from '../model/finding';
import type { IsoDate } from '../model/iso-date';
import type { Contract, Person } from '../model/person';
import { evaluateLifecycle, type LifecycleEvaluation } from '../policy/lifecycle';
import { matchRules } from '../policy/rules';
import type { CandidateSpec } from '../policy/name-candidates';
import { cleanText, cutToLength } from '../policy/name-text';
import { DEFAULT_NAMING, nameTokens, type NameTokens, type NamingConvention } from '../policy/naming-convention';
import { addressDomain, candidateSpec, conventionDisplayName, followsSam } from '../policy/naming-preview';
import { personTemplateValues, renderTemplate } from '../policy/template';
import type { AdPolicy, AdTargetSettings, TemplatedAttribute } from './ad-policy';
import { mappedValues, type MappedValue } from './attribute-mappings';
import { CN_MAX_LENGTH, SAM_MAX_LENGTH } from './naming';
import { normaliseDn } from './naming-dn';

/** The single-valued attributes the engine computes for every account, null when empty. */
export interface DesiredAttributes {
  readonly givenName: string | null;
  readonly sn: string | null;
  readonly displayName: string | null;
  readonly initials: string | null;
  readonly employeeID: string;
  readonly department: string | null;
  readonly title: string | null;
  readonly company: string | null;
}

/** Attribute names of {@link DesiredAttributes}, in the order changes are listed. */
export const DESIRED_ATTRIBUTE_NAMES = [
  'givenName',
  'sn',
  'displayName',
  'initials',
  'employeeID',
  'department',
  'title',
  'company',
] as const satisfies readonly (keyof DesiredAttributes)[];

/**
 * `description` is only managed when the policy has a template for it. Without one the engine
 * writes it only to stamp a disable, and clears that stamp when the account comes back.
 */
export type DesiredDescription =
  | { readonly managed: false }
  | { readonly managed: true; readonly value: string | null };

/** How UPN or mail is made: from the chosen sAMAccountName, or from candidates of its own. */
export interface AddressNames {
  readonly domain: string;
  /** True when the address is the sAMAccountName at `domain`: the three are then picked together. */
  readonly followsSam: boolean;
  /** The candidates once the sAMAccountName is known (its `{sAMAccountName}` token). */
  readonly spec: (sAMAccountName: string) => CandidateSpec;
}

/** How each name attribute's candidates are made for one person, by the naming convention. */
export interface DesiredNames {
  readonly sAMAccountName: CandidateSpec;
  readonly userPrincipalName: AddressNames;
  readonly mail: AddressNames;
  readonly cn: CandidateSpec;
}

/** A group a rule grants, with the rules and contracts that grant it. */
export interface DesiredGroup {
  readonly dn: string;
  readonly reasons: readonly string[];
  /** Names of the rules that grant it, in configuration order (the first is recorded in the ledger). */
  readonly rules: readonly string[];
}

/**
 * What one person's AD account should look like on the evaluation date, before names that need
 * the whole directory (sAMAccountName, unique CN, manager DN) are settled by the planner.
 */
export interface DesiredAccount {
  readonly personId: string;
  readonly lifecycle: LifecycleEvaluation;
  /** An account should exist (stage prepare or active). */
  readonly exists: boolean;
  /** The account should be enabled (stage active). */
  readonly enabled: boolean;
  readonly ou: string;
  /** Why this OU, for the admin. */
  readonly ouReason: string;
  /** The CN before uniqueness: displayName, or the `cn` template. */
  readonly cnBase: string;
  /** Name parts the sAMAccountName candidates are built from. */
  readonly logonGivenName: string;
  readonly logonFamilyName: string;
  /** How the names that must be unique are made. */
  readonly names: DesiredNames;
  readonly attributes: DesiredAttributes;
  /** Mapped attributes (`ad.attributes`), in the order configured. */
  readonly mapped: readonly MappedValue[];
  readonly description: DesiredDescription;
  /** Rule-granted groups (empty outside the in-condition window). */
  readonly groups: readonly DesiredGroup[];
  readonly managerPersonId: string | null;
  readonly primaryContract: Contract | null;
}

/** The desired account, or null when the person cannot have one; with findings either way. */
export interface DesiredResult {
  readonly desired: DesiredAccount | null;
  readonly findings: readonly Finding[];
}

/**
 * Windows AD's upper bounds (schema rangeUpper) on the attributes the engine writes. Samba accepts
 * longer values, so the engine checks these itself.
 */
export const AD_ATTRIBUTE_LIMITS = {
  sAMAccountName: SAM_MAX_LENGTH,
  cn: CN_MAX_LENGTH,
  employeeID: 16,
  upnPrefix: 64,
  givenName: 64,
  sn: 64,
  displayName: 256,
  initials: 6,
  department: 64,
  title: 128,
  company: 64,
  description: 1024,
} as const;

/** How the description of an account the engine disabled begins; see {@link disableStamp}. */
export const DISABLE_STAMP_PREFIX = 'Disabled by HR Provisioner';

/**
 * The description written when the engine disables an account:
 * "Disabled by HR Provisioner on 2026-11-27: contract 100234_1_1 ended 2026-11-26". Cut to the AD
 * limit so a long cause can never fail the write.
 */
export function disableStamp(asOf: IsoDate, cause: string): string {
  return `${DISABLE_STAMP_PREFIX} on ${asOf}: ${cause}`.slice(0, AD_ATTRIBUTE_LIMITS.description);
}

/** The day in a disable stamp ("… on 2026-11-27: …"): when the engine really disabled the account; null when none. */
export function stampDate(description: string | null): IsoDate | null {
  if (!isDisableStamp(description)) return null;
  const match = /^ on (\d{4}-\d{2}-\d{2})\b/.exec((description ?? '').slice(DISABLE_STAMP_PREFIX.length));
  return match?.[1] ?? null;
}

/** True when `description` is a stamp the engine wrote on disable. */
export function isDisableStamp(description: string | null): boolean {
  return description !== null && description.startsWith(DISABLE_STAMP_PREFIX);
}

/** Characters Windows AD refuses in a sAMAccountName. */
export const SAM_FORBIDDEN_CHARACTERS = '"/\\[]:;|=,+*?<>@';

/** Values to check against what Windows AD enforces and Samba does not. */
export interface NameValues {
  readonly sAMAccountName?: string;
  readonly cn?: string;
  readonly employeeID?: string;
  readonly userPrincipalName?: string;
}

/** Why `values` would be refused by Windows AD, in words; empty when they pass. */
export function adNameProblems(values: NameValues): readonly string[] {
  const problems: string[] = [];
  const { sAMAccountName: sam, cn, employeeID, userPrincipalName: upn } = values;
  if (sam !== undefined) {
    if (sam.length === 0) problems.push('sAMAccountName is empty');
    if (sam.length > AD_ATTRIBUTE_LIMITS.sAMAccountName) {
      problems.push(`sAMAccountName "${sam}" is longer than ${AD_ATTRIBUTE_LIMITS.sAMAccountName} characters`);
    }
    const bad = [...sam].filter((ch) => SAM_FORBIDDEN_CHARACTERS.includes(ch));
    if (bad.length > 0) problems.push(`sAMAccountName "${sam}" contains ${[...new Set(bad)].join(' ')}`);
  }
  if (cn !== undefined) {
    if (cn.trim().length === 0) problems.push('CN is empty');
    if (cn.length > AD_ATTRIBUTE_LIMITS.cn) problems.push(`CN "${cn}" is longer than ${AD_ATTRIBUTE_LIMITS.cn} characters`);
  }
  if (employeeID !== undefined && employeeID.length > AD_ATTRIBUTE_LIMITS.employeeID) {
    problems.push(`employeeID "${employeeID}" is longer than ${AD_ATTRIBUTE_LIMITS.employeeID} characters`);
  }
  if (upn !== undefined) {
    const at = upn.lastIndexOf('@');
    const prefix = at < 0 ? upn : upn.slice(0, at);
    if (prefix.length > AD_ATTRIBUTE_LIMITS.upnPrefix) {
      problems.push(`userPrincipalName prefix "${prefix}" is longer than ${AD_ATTRIBUTE_LIMITS.upnPrefix} characters`);
    }
  }
  return problems;
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * {@link desiredAccount} of every one of `persons`, keyed by the person: it depends on nothing the directory
 * holds, so a preview works it out while the directory is still being read, and planning looks it up
 * (`DecideAdInput.desired`) instead of working it out when the reads are done.
 */
export function desiredAccounts(
  persons: readonly Person[],
  asOf: IsoDate,
  policy: AdPolicy,
  settings: AdTargetSettings,
): ReadonlyMap<Person, DesiredResult> {
  const desired = new Map<Person, DesiredResult>();
  for (const person of persons) desired.set(person, desiredAccount(person, asOf, policy, settings));
  return desired;
}

/**
 * The desired account for `person` on `asOf`. A person whose id does not fit employeeID (16
 * characters) gets no account and an `invalid-attribute` finding. A template that does not render
 * gives a `template-error` finding and the default value. A value longer than Windows AD allows is
 * cut, with a warning, so that every run writes the same value.
 */
export function desiredAccount(
  person: Person,
  asOf: IsoDate,
  policy: AdPolicy,
  settings: AdTargetSettings,
): DesiredResult {
  const findings: Finding[] = [];
  const finding = (severity: Finding['severity'], code: Finding['code'], message: string): void => {
    findings.push({ severity, code, employeeId: person.id, message });
  };

  const idProblems = adNameProblems({ employeeID: person.id });
  if (idProblems.length > 0) {
    finding('error', 'invalid-attribute', `person ${person.id}: ${idProblems.join('; ')}; no AD account is managed for this person`);
    return { desired: null, findings };
  }

  const lifecycle = evaluateLifecycle(person.contracts, asOf, policy.lifecycle);
  if (lifecycle.bridged) finding('info', 'contract-gap-bridged', `person ${person.id}: ${lifecycle.bridged}`);
  const primary = person.contracts.find((c) => c.id === person.primaryContractId) ?? null;
  const naming = policy.naming ?? DEFAULT_NAMING;
  const tokens = nameTokens(person.name, naming.nameSeparator);
  // The fields that had characters removed, each once, in order: an array (almost always empty), not a set per person.
  const cleaned: string[] = [...tokens.cleaned];

  const values: Record<string, string | null> = {
    givenName: tokens.values.nickname,
    sn: tokens.values.familyNameFull,
    displayName: null,
    initials: tokens.values.initials.slice(0, AD_ATTRIBUTE_LIMITS.initials),
    employeeID: person.id,
    department: primary?.orgUnit?.name ?? null,
    title: primary?.function?.name ?? null,
    company: person.company?.name ?? null,
    description: null,
    cn: null,
  };
  const templates = policy.templates ?? {};
  // The person's fields are placeholders too (no name is shared with the computed values above); gathered only
  // when there is a template to render them in, as planning does this for every person.
  if (Object.keys(templates).length > 0) Object.assign(values, personTemplateValues(person, primary));
  const apply = (attribute: TemplatedAttribute): void => {
    const template = templates[attribute];
    if (template === undefined) return;
    const result = renderTemplate(template, values);
    if (result.ok) values[attribute] = result.value;
    else finding('error', 'template-error', `template for ${attribute} ("${template}"): ${result.error}; the default value is used`);
  };
  // Order matters: displayName defaults to the (templated) givenName + sn, cn to the displayName.
  for (const attribute of ['givenName', 'sn', 'initials', 'department', 'title', 'company'] as const) apply(attribute);
  values.displayName =
    conventionDisplayName(naming, person.name, tokens) ?? `${values.givenName ?? ''} ${values.sn ?? ''}`.trim();
  apply('displayName');
  apply('description');
  values.cn = values.displayName;
  apply('cn');

  const limited = (attribute: keyof typeof AD_ATTRIBUTE_LIMITS): string | null => {
    const clean = cleanText(values[attribute] ?? '');
    if (clean.removed && !cleaned.includes(attribute)) cleaned.push(attribute);
    const value = emptyToNull(clean.text);
    const limit = AD_ATTRIBUTE_LIMITS[attribute];
    if (value === null || value.length <= limit) return value;
    finding('warning', 'invalid-attribute', `${attribute} "${value}" is longer than ${limit} characters; it is cut`);
    return cutToLength(value, limit).trimEnd();
  };

  const attributes: DesiredAttributes = {
    givenName: limited('givenName'),
    sn: limited('sn'),
    displayName: limited('displayName'),
    initials: limited('initials'),
    employeeID: person.id,
    department: limited('department'),
    title: limited('title'),
    company: limited('company'),
  };
  const mapped = mappedValues(policy.attributes ?? [], person, primary, tokens, attributes.displayName ?? '');
  const mappedDescription = mapped.find((m) => m.attribute.toLowerCase() === 'description');
  const description: DesiredDescription =
    templates.description !== undefined
      ? { managed: true, value: limited('description') }
      : mappedDescription?.on === 'always'
        ? { managed: true, value: mappedDescription.value }
        : { managed: false };
  if (cleaned.length > 0) {
    finding('warning', 'invalid-attribute', `person ${person.id}: control, bidi-override or zero-width characters were removed from ${cleaned.join(', ')}`);
  }
  const cnBase = cleanText(values.cn ?? '').text || person.id;
  // Logon names are made of the given name as written (templated or not), as they always were.
  const logonTokens: NameTokens =
    templates.givenName === undefined ? tokens : { ...tokens, values: { ...tokens.values, nickname: values.givenName ?? '' } };
  const names = desiredNames(naming, logonTokens, cnBase, settings);

  const orgUnitId = primary?.orgUnit?.id ?? null;
  const mappedOu = orgUnitId === null ? undefined : settings.ouByOrgUnit[orgUnitId];
  const ou = mappedOu ?? settings.usersOu;
  const ouReason =
    mappedOu !== undefined && primary !== null
      ? `org unit ${orgUnitId}${primary.orgUnit?.name ? ` (${primary.orgUnit.name})` : ''} of primary contract ${primary.id} maps to ${mappedOu}`
      : primary === null
        ? 'no primary contract: default users OU'
        : `org unit ${orgUnitId ?? '(none)'} of primary contract ${primary.id} has no OU of its own: default users OU`;


  const managerPersonId = primary?.managerPersonId ?? null;
  return {
    desired: {
      personId: person.id,
      lifecycle,
      exists: lifecycle.stage === 'prepare' || lifecycle.stage === 'active',
      enabled: lifecycle.stage === 'active',
      ou,
      ouReason,
      cnBase,
      logonGivenName: values.givenName ?? '',
      logonFamilyName: tokens.values.familyName,
      names,
      attributes,
      mapped: mapped.filter((m) => m.attribute.toLowerCase() !== 'description' || m.on === 'create'),
      description,
      groups: desiredGroups(policy, person, lifecycle.inCondition),
      managerPersonId: managerPersonId === person.id ? null : managerPersonId,
      primaryContract: primary,
    },
    findings,
  };
}

/** The groups the rules grant `person` through the contracts in condition, each once, with every rule that grants it. */
function desiredGroups(policy: AdPolicy, person: Person, inCondition: readonly Contract[]): DesiredGroup[] {
  const matches = matchRules(policy.rules, person, inCondition);
  // No map for a person no rule matches.
  if (matches.length === 0) return [];
  const groups = new Map<string, { dn: string; reasons: string[]; rules: string[] }>();
  for (const match of matches) {
    const reason = `rule "${match.rule.name}" matches contract ${match.contracts.map((c) => c.id).join(', ')}`;
    for (const dn of match.rule.grant.adGroups ?? []) {
      const key = normaliseDn(dn);
      const entry = groups.get(key) ?? { dn, reasons: [], rules: [] };
      entry.reasons.push(reason);
      entry.rules.push(match.rule.name);
      groups.set(key, entry);
    }
  }
  return [...groups.values()];
}

/**
 * The candidate specs of one person; the CN's `{displayName}` is `cnBase`: the display name, or what
 * the old `cn` template gives.
 */
export function desiredNames(naming: NamingConvention, tokens: NameTokens, cnBase: string, settings: AdTargetSettings): DesiredNames {
  const follows = followsSamOf(naming);
  const address = (attribute: 'userPrincipalName' | 'mail'): AddressNames => ({
    domain: addressDomain(naming, attribute, settings),
    followsSam: follows[attribute],
    spec: (sAMAccountName) => candidateSpec(naming, attribute, tokens, { sAMAccountName }),
  });
  return {
    sAMAccountName: candidateSpec(naming, 'sAMAccountName', tokens),
    userPrincipalName: address('userPrincipalName'),
    mail: address('mail'),
    cn: candidateSpec(naming, 'cn', tokens, { displayName: cnBase }),
  };
}

// The same convention object serves every person of a plan: ask it once.
const followsSamCache = new WeakMap<NamingConvention, { readonly userPrincipalName: boolean; readonly mail: boolean }>();

function followsSamOf(naming: NamingConvention): { readonly userPrincipalName: boolean; readonly mail: boolean } {
  let known = followsSamCache.get(naming);
  if (known === undefined) {
    known = { userPrincipalName: followsSam(naming, 'userPrincipalName'), mail: followsSam(naming, 'mail') };
    followsSamCache.set(naming, known);
  }
  return known;
}
