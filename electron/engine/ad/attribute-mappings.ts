import type { Contract, Person } from '../model/person';
import { expandTemplate, parseTemplate, tokenNames } from '../policy/name-template';
import { cleanText } from '../policy/name-text';
import { NAME_TOKENS, type NameTokens } from '../policy/naming-convention';

/**
 * Attribute mappings (`ad.attributes`): any directory attribute filled from a template over the
 * person's and the primary contract's fields, custom fields included. A template that renders empty
 * clears the attribute.
 */

/** When a mapped attribute is written: kept in step on every run, or only set when the account is created. */
export type MappingMoment = 'always' | 'create';

/** One mapping. */
export interface AttributeMapping {
  /** The attribute's LDAP display name, as configured. */
  readonly attribute: string;
  readonly template: string;
  readonly on: MappingMoment;
}

/** A mapped attribute's value for one person, with why. */
export interface MappedValue {
  readonly attribute: string;
  /** Null: the attribute is cleared. */
  readonly value: string | null;
  readonly on: MappingMoment;
  /** In words: "custom field Locatie of contract 1001_1 is UTR". */
  readonly reasons: readonly string[];
}

/** The contract and person fields a mapping may use, besides custom fields and the name tokens. */
export const FIELD_TOKENS = [
  'employeeId', 'orgUnitId', 'orgUnitName', 'functionId', 'functionName', 'costCenter', 'costCenterName', 'startDate', 'endDate',
] as const;

/** Every token a mapping may use besides `custom.<field>` and `custom.<field>.label`. */
export const MAPPING_TOKENS: readonly string[] = [...FIELD_TOKENS, ...NAME_TOKENS, 'displayName'];

/**
 * Attributes a mapping may never write, with why: they decide who may log on and what an account may
 * do, or they are the identity this product correlates and names by. Compared case-insensitively.
 */
export const REFUSED_MAPPING_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...['unicodePwd', 'userPassword', 'pwdLastSet', 'userAccountControl', 'accountExpires', 'lockoutTime', 'logonHours', 'userWorkstations']
      .map((a) => [a, 'it decides whether and how the account can log on']),
    ...['memberOf', 'member', 'primaryGroupID', 'adminCount', 'sIDHistory', 'objectSid', 'nTSecurityDescriptor', 'servicePrincipalName',
      'altSecurityIdentities', 'msDS-AllowedToDelegateTo', 'msDS-AllowedToActOnBehalfOfOtherIdentity', 'msDS-KeyCredentialLink',
      'userCertificate', 'scriptPath', 'profilePath', 'homeDirectory', 'homeDrive']
      .map((a) => [a, 'it decides what the account may access or run']),
    ...['objectClass', 'objectCategory', 'objectGUID', 'distinguishedName', 'cn', 'name', 'sAMAccountName', 'userPrincipalName',
      'employeeID', 'proxyAddresses']
      .map((a) => [a, 'it is the identity of the account, which this product correlates or names by']),
    ...['givenName', 'sn', 'displayName', 'initials', 'mail', 'department', 'title', 'company', 'manager']
      .map((a) => [a, 'this product writes it already (use policy.templates or policy.naming)']),
  ].map(([a, why]) => [(a ?? '').toLowerCase(), why ?? '']),
);

/** Why `attribute` cannot be mapped, or null when it can. */
export function refusedMapping(attribute: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(attribute)) return 'is not an LDAP attribute name';
  const why = REFUSED_MAPPING_ATTRIBUTES[attribute.toLowerCase()];
  return why === undefined ? null : `cannot be mapped: ${why}`;
}

/** A token's value and how to say where it came from. */
interface TokenValue {
  readonly value: string;
  readonly source: string;
}

const FIELD_WORDS: Readonly<Record<(typeof FIELD_TOKENS)[number], string>> = {
  employeeId: 'employee id',
  orgUnitId: 'org unit',
  orgUnitName: 'org unit name',
  functionId: 'function',
  functionName: 'function name',
  costCenter: 'cost centre',
  costCenterName: 'cost centre name',
  startDate: 'start date',
  endDate: 'end date',
};

function fieldValue(token: (typeof FIELD_TOKENS)[number], person: Person, primary: Contract | null): string {
  switch (token) {
    case 'employeeId':
      return primary?.employeeId ?? person.id;
    case 'orgUnitId':
      return primary?.orgUnit?.id ?? '';
    case 'orgUnitName':
      return primary?.orgUnit?.name ?? '';
    case 'functionId':
      return primary?.function?.id ?? '';
    case 'functionName':
      return primary?.function?.name ?? '';
    case 'costCenter':
      return primary?.costCenter?.id ?? '';
    case 'costCenterName':
      return primary?.costCenter?.name ?? '';
    case 'startDate':
      return primary?.startDate ?? '';
    case 'endDate':
      return primary?.endDate ?? '';
    default:
      return assertNever(token);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

// `custom.Locatie` or `custom.Locatie.label`: the contract's field first, then the person's.
function customValue(token: string, person: Person, primary: Contract | null): TokenValue {
  const label = token.endsWith('.label');
  const field = token.slice('custom.'.length, label ? -'.label'.length : undefined);
  const what = label ? `label of custom field ${field}` : `custom field ${field}`;
  const pick = (values: Readonly<Record<string, string>> | undefined): string | undefined => values?.[field];
  const fromContract = label ? pick(primary?.customLabels) : pick(primary?.custom);
  if (fromContract !== undefined && primary !== null) return { value: fromContract, source: `${what} of contract ${primary.id}` };
  const fromPerson = label ? pick(person.customLabels) : pick(person.custom);
  if (fromPerson !== undefined) return { value: fromPerson, source: `${what} of employee ${person.id}` };
  return { value: '', source: `${what} (not set)` };
}

function tokenValue(token: string, person: Person, primary: Contract | null, names: NameTokens, displayName: string): TokenValue {
  if (token.startsWith('custom.')) return customValue(token, person, primary);
  if ((FIELD_TOKENS as readonly string[]).includes(token)) {
    const field = token as (typeof FIELD_TOKENS)[number];
    const where = primary === null ? 'no primary contract' : `contract ${primary.id}`;
    return { value: fieldValue(field, person, primary), source: `${FIELD_WORDS[field]} of ${where}` };
  }
  if (token === 'displayName') return { value: displayName, source: 'display name' };
  const value = (names.values as Readonly<Record<string, string>>)[token] ?? '';
  return { value, source: `name (${token})` };
}

/**
 * The value of every mapping for `person`, with a reason per token used:
 * `{custom.Locatie}` gives "custom field Locatie of contract 1001_1 is UTR".
 */
export function mappedValues(
  mappings: readonly AttributeMapping[],
  person: Person,
  primary: Contract | null,
  names: NameTokens,
  displayName: string,
): MappedValue[] {
  return mappings.map((mapping) => {
    const parsed = parseTemplate(mapping.template);
    const parts = parsed.ok ? parsed.parts : [];
    const values = new Map(tokenNames(parts).map((t) => [t, tokenValue(t, person, primary, names, displayName)]));
    const text = cleanText(expandTemplate(parts, (t) => values.get(t)?.value ?? '')[0] ?? '').text;
    const reasons = [...values.values()].map((t) => (t.value === '' ? `${t.source} is empty` : `${t.source} is ${t.value}`));
    return { attribute: mapping.attribute, value: text === '' ? null : text, on: mapping.on, reasons };
  });
}
