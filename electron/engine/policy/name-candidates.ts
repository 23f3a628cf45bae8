import { expandTemplate, parseTemplate, type TemplatePart } from './name-template';
import { cleanText, cutToLength, logonPart, tidyLogon } from './name-text';
import type { AttributeNaming } from './naming-convention';

/** How far numbering goes before a name counts as exhausted. */
export const MAX_NAME_SUFFIX = 999;

/**
 * What a value is: a logon name (sAMAccountName, or the part before "@" of UPN and mail: lower case,
 * a-z 0-9 . _ - only, no stray dots) or a display value (the CN: cleaned text, spaces collapsed).
 */
export type ValueKind = 'logon' | 'display';

/** How to make one attribute's candidates. */
export interface CandidateSpec {
  readonly rule: AttributeNaming;
  readonly kind: ValueKind;
  /** At most this many characters (UTF-16 units, cut by grapheme); a number is kept whole. */
  readonly maxLength: number;
  /** A token's text, as the person has it (cleaned, not yet in logon form). */
  readonly token: (name: string) => string;
}

// The convention has a handful of templates, and planning expands them for every person: each is
// parsed once (the parts are never changed, so sharing them is safe). Bounded all the same.
const parsedTemplates = new Map<string, readonly TemplatePart[]>();

function parsed(template: string): readonly TemplatePart[] {
  let parts = parsedTemplates.get(template);
  if (parts === undefined) {
    const result = parseTemplate(template);
    // Templates are checked when the configuration is loaded; one that still fails gives nothing.
    parts = result.ok ? result.parts : [];
    if (parsedTemplates.size >= 1_000) parsedTemplates.clear();
    parsedTemplates.set(template, parts);
  }
  return parts;
}

/** The values of every candidate template, in order, before duplicates are removed and before any cut. */
export function expandedCandidates(spec: CandidateSpec): string[] {
  const { rule, kind } = spec;
  const out: string[] = [];
  for (const template of rule.candidates) {
    const parts = parsed(template);
    if (parts.length === 0) continue;
    const values =
      kind === 'logon'
        ? expandTemplate(parts, (name) => logonPart(spec.token(name), rule.spaces), (text) => logonPart(text, rule.spaces))
        : expandTemplate(parts, spec.token);
    out.push(...values.map((v) => finish(kind, v)));
  }
  return out;
}

function finish(kind: ValueKind, value: string): string {
  return kind === 'logon' ? tidyLogon(value) : cleanText(value).text;
}

/** The candidate numbers are added to: `iterate.base` of the expanded list, by default the last. */
export function baseCandidate(expanded: readonly string[], rule: AttributeNaming): string | undefined {
  const { base } = rule.iterate;
  return expanded[base === null ? expanded.length - 1 : Math.min(base, expanded.length - 1)];
}

/** `value` cut so that `suffix` fits within `max`; a logon name never ends in ".", "-" or "_" before it. */
export function cutWithSuffix(kind: ValueKind, value: string, suffix: string, max: number): string {
  const cut = cutToLength(value, Math.max(0, max - suffix.length));
  return (kind === 'logon' ? cut.replace(/[.\-_]+$/, '') : cut.trimEnd()) + suffix;
}

/** The suffix for number `n`: "2", " (02)". */
export function iterationSuffix(spec: Pick<CandidateSpec, 'rule' | 'kind'>, n: number): string {
  const { format, width } = spec.rule.iterate;
  const text = format.replace('{n}', String(n).padStart(width, '0'));
  return spec.kind === 'logon' ? logonPart(text, spec.rule.spaces) : text;
}

/**
 * The candidates of one attribute, lazily, in the order they are tried: every expanded candidate
 * (cut to the maximum length), duplicates and empty values skipped; then the base candidate with a
 * number, from `start` up to {@link MAX_NAME_SUFFIX} numbers on, cut so that the number fits.
 */
export function* attributeCandidates(spec: CandidateSpec): Generator<string, void, undefined> {
  const expanded = expandedCandidates(spec);
  const seen = new Set<string>();
  const fresh = (value: string): boolean => {
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const value of expanded) {
    const candidate = cutWithSuffix(spec.kind, value, '', spec.maxLength);
    if (fresh(candidate)) yield candidate;
  }
  const { start } = spec.rule.iterate;
  const baseValue = baseCandidate(expanded, spec.rule) ?? '';
  if (baseValue === '') return;
  for (let n = start; n <= start + MAX_NAME_SUFFIX; n++) {
    const candidate = cutWithSuffix(spec.kind, baseValue, iterationSuffix(spec, n), spec.maxLength);
    if (fresh(candidate)) yield candidate;
  }
}

/** The first `count` values of `candidates`. */
export function firstCandidates(candidates: Iterable<string>, count: number): string[] {
  const out: string[] = [];
  for (const value of candidates) {
    if (out.length >= count) break;
    out.push(value);
  }
  return out;
}
