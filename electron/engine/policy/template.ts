import type { Contract, Person } from '../model/person';

/**
 * A tiny `{placeholder}` substitution for attribute templates such as
 * `"{givenName} {sn} ({employeeID})"`. Nothing is evaluated: a placeholder is a name looked up in a
 * flat map of text values, nothing more, so an admin's template can never run code.
 */

/** Values a template may use: absent or null values render as ''. */
export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

/** The rendered text, or why the template cannot be rendered. */
export type TemplateResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NAME = /^(?:[A-Za-z][A-Za-z0-9_]*|custom\.[^{}]+)$/;

/**
 * Renders `template` over `values`. Runs of whitespace collapse to one space and the result is
 * trimmed, so an empty value ("{familyNamePrefix} {familyName}" without prefix) leaves no gaps.
 * A placeholder that is not in `values` is an error (a typo must not silently render as '').
 */
export function renderTemplate(template: string, values: TemplateValues): TemplateResult {
  const unknown: string[] = [];
  const rendered = template.replace(PLACEHOLDER, (_match, rawName: string) => {
    const name = rawName.trim();
    if (!NAME.test(name) || !Object.hasOwn(values, name)) {
      // custom.<field> is open-ended: a field the person lacks is empty, not a typo.
      if (name.startsWith('custom.') && NAME.test(name)) return '';
      unknown.push(name);
      return '';
    }
    return values[name] ?? '';
  });
  if (unknown.length > 0) {
    return { ok: false, error: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{${n}}`).join(', ')}` };
  }
  return { ok: true, value: rendered.replace(/\s+/g, ' ').trim() };
}

/**
 * The person and primary-contract fields every template may use, next to the computed attribute
 * values the caller adds. `custom.<field>` takes the contract's value first, then the person's.
 */
export function personTemplateValues(person: Person, primary: Contract | null): Record<string, string | null> {
  const values: Record<string, string | null> = {
    personId: person.id,
    firstName: person.name.givenName,
    nickname: person.name.nickname,
    nameInitials: person.name.initials,
    familyName: person.name.familyName,
    familyNamePrefix: person.name.familyNamePrefix,
    partnerName: person.name.partnerName,
    partnerNamePrefix: person.name.partnerNamePrefix,
    convention: person.name.convention,
    gender: person.gender,
    birthDate: person.birthDate,
    businessEmail: person.businessEmail,
    companyId: person.company?.id ?? null,
    companyName: person.company?.name ?? null,
    contractId: primary?.id ?? null,
    contractEmployeeId: primary?.employeeId ?? null,
    startDate: primary?.startDate ?? null,
    endDate: primary?.endDate ?? null,
    orgUnitId: primary?.orgUnit?.id ?? null,
    orgUnitName: primary?.orgUnit?.name ?? null,
    functionId: primary?.function?.id ?? null,
    functionName: primary?.function?.name ?? null,
    costCenterId: primary?.costCenter?.id ?? null,
    costCenterName: primary?.costCenter?.name ?? null,
    employmentType: primary?.employmentType ?? null,
    hoursPerWeek: primary?.hoursPerWeek === null || primary?.hoursPerWeek === undefined ? null : String(primary.hoursPerWeek),
  };
  for (const [field, value] of Object.entries(person.custom)) values[`custom.${field}`] = value;
  for (const [field, value] of Object.entries(primary?.custom ?? {})) values[`custom.${field}`] = value;
  return values;
}
