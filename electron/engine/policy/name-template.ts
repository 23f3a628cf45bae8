import { firstGraphemes, graphemes } from './name-text';

/**
 * Name templates: literal text with `{token}`, `{token:N}` (the first N characters) and `{token:N+}`
 * (N characters, then N+1, … up to the whole token, each a value of its own). Nothing is evaluated:
 * a token is a name looked up in a map of text values, so an admin's template can never run code.
 */

/** One piece of a parsed template. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'token'; readonly name: string; readonly length: number | null; readonly grows: boolean };

/** A parsed template, or why it cannot be parsed. */
export type ParsedTemplate =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly error: string };

const TOKEN = /^([A-Za-z][A-Za-z0-9_]*|custom\.[^{}:]+?)(?::(\d+)(\+)?)?$/;

/** Parses `template`; an unbalanced brace, a malformed token or `{x:0}` is an error. */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close >= 0 && (open < 0 || close < open)) return { ok: false, error: `"}" without "{" in "${template}"` };
    if (open < 0) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end < 0) return { ok: false, error: `"{" without "}" in "${template}"` };
    const inner = rest.slice(open + 1, end).trim();
    const m = TOKEN.exec(inner);
    if (!m) return { ok: false, error: `"{${inner}}" is not a token (write {name}, {name:N} or {name:N+})` };
    const length = m[2] === undefined ? null : Number(m[2]);
    if (length !== null && length < 1) return { ok: false, error: `{${inner}}: the length must be at least 1` };
    parts.push({ kind: 'token', name: m[1] ?? '', length, grows: m[3] === '+' });
    rest = rest.slice(end + 1);
  }
  return { ok: true, parts };
}

/** The token names `parts` uses. */
export function tokenNames(parts: readonly TemplatePart[]): string[] {
  return parts.flatMap((p) => (p.kind === 'token' ? [p.name] : []));
}

/**
 * Why `template` is unusable with the tokens `known` accepts (custom fields are open-ended: a name
 * starting with `custom.` always passes): a parse error, an unknown token, more than one growing
 * token, or no token at all and literal text that `render` turns into nothing. Null when it is fine.
 */
export function templateProblem(
  template: string,
  known: (name: string) => boolean,
  render: (text: string) => string = (t) => t.trim(),
): string | null {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed.error;
  const unknown = tokenNames(parsed.parts).filter((n) => !n.startsWith('custom.') && !known(n));
  if (unknown.length > 0) return `unknown token${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{${n}}`).join(', ')}`;
  if (parsed.parts.filter((p) => p.kind === 'token' && p.grows).length > 1) return 'at most one token may grow ({token:N+})';
  const literal = parsed.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  if (tokenNames(parsed.parts).length === 0 && render(literal) === '') return 'the template can only give an empty value';
  return null;
}

/**
 * The values `parts` gives, in order: one, or one per length of the growing token. `value` turns a
 * token name into its text (already in the form the attribute needs); `literal` does the same for
 * the text between tokens. The cut counts graphemes, never splitting a letter from its marks.
 *
 * A cut token stands for a name part shortened *next to* the whole ones (`{nickname:1}.{familyName}`):
 * when every whole token of the template is empty (a person without family name), the cut ones are
 * not cut, so `anna` is tried rather than `a`, as the product always did.
 */
export function expandTemplate(
  parts: readonly TemplatePart[],
  value: (name: string) => string,
  literal: (text: string) => string = (t) => t,
): string[] {
  const whole = parts.filter((p) => p.kind === 'token' && p.length === null);
  const alone = whole.length > 0 && whole.every((p) => p.kind === 'token' && value(p.name) === '');
  if (alone) parts = parts.map((p) => (p.kind === 'token' ? { ...p, length: null, grows: false } : p));
  const grower = parts.findIndex((p) => p.kind === 'token' && p.grows);
  const pieces = parts.map((p) => (p.kind === 'text' ? literal(p.text) : p.length === null ? value(p.name) : firstGraphemes(value(p.name), p.length)));
  const part = parts[grower];
  if (part === undefined || part.kind !== 'token' || part.length === null) return [pieces.join('')];
  const letters = graphemes(value(part.name));
  const out: string[] = [];
  for (let n = Math.min(part.length, letters.length); n <= letters.length; n++) {
    pieces[grower] = letters.slice(0, n).join('');
    out.push(pieces.join(''));
  }
  return out;
}
