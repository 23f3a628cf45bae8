import type { PersonName } from '../model/person';
import type { CandidateSpec } from './name-candidates';
import { expandTemplate, parseTemplate } from './name-template';
import { cleanText } from './name-text';
import {
  displayNameTemplate,
  type NameTokens,
  type NamedAttribute,
  type NamingConvention,
} from './naming-convention';

/** Windows AD's limit on sAMAccountName (Samba does not enforce it). */
export const SAM_MAX_LENGTH = 20;
/** Windows AD's limit on the CN (RDN value). */
export const CN_MAX_LENGTH = 64;
/** The longest local part of an address (RFC 5321), and Windows AD's limit on a UPN prefix. */
export const LOCAL_PART_MAX_LENGTH = 64;

const MAX_LENGTH: Readonly<Record<NamedAttribute, number>> = {
  sAMAccountName: SAM_MAX_LENGTH,
  userPrincipalName: LOCAL_PART_MAX_LENGTH,
  mail: LOCAL_PART_MAX_LENGTH,
  cn: CN_MAX_LENGTH,
};

/**
 * The display name by the convention's template for the person's name usage, or null when the
 * convention has none (the caller then uses its default). Unknown tokens render empty: templates
 * are checked when the configuration is loaded.
 */
export function conventionDisplayName(convention: NamingConvention, name: PersonName, tokens: NameTokens): string | null {
  const template = displayNameTemplate(convention.displayName, name.convention);
  if (template === null) return null;
  const parsed = parseTemplate(template);
  if (!parsed.ok) return null;
  const values = tokens.values as Readonly<Record<string, string>>;
  return cleanText(expandTemplate(parsed.parts, (t) => values[t] ?? '')[0] ?? '').text;
}

/**
 * How to make the candidates of `attribute` for a person with `tokens`. `more` adds tokens that are
 * only known later (`displayName` for the CN, `sAMAccountName` for UPN and mail).
 */
export function candidateSpec(
  convention: NamingConvention,
  attribute: NamedAttribute,
  tokens: NameTokens,
  more: Readonly<Record<string, string>> = {},
): CandidateSpec {
  const values = tokens.values as Readonly<Record<string, string>>;
  return {
    rule: convention[attribute],
    kind: attribute === 'cn' ? 'display' : 'logon',
    maxLength: MAX_LENGTH[attribute],
    token: (name) => more[name] ?? values[name] ?? '',
  };
}

/** True when UPN or mail is simply the sAMAccountName at a domain: the three are then picked together. */
export function followsSam(convention: NamingConvention, attribute: 'userPrincipalName' | 'mail'): boolean {
  const { candidates } = convention[attribute];
  return candidates.length === 1 && candidates[0]?.replace(/\s/g, '') === '{sAMAccountName}';
}

/** The domains UPN and mail end in when the convention names none. */
export interface NamingDomains {
  readonly upnSuffix: string;
  readonly mailDomain: string;
}

/** The domain of UPN or mail: the convention's, else the `ad` section's. */
export function addressDomain(convention: NamingConvention, attribute: 'userPrincipalName' | 'mail', domains: NamingDomains): string {
  return convention[attribute].domain ?? (attribute === 'mail' ? domains.mailDomain : domains.upnSuffix);
}
