/**
 * A server may echo a secret it was sent in another form than it was sent: inside a JSON string
 * (quotes and backslashes escaped), URL- or form-encoded, or with its whitespace collapsed (as in an
 * HTML error page, or a message we collapse ourselves). Redaction looks for every one of them.
 */

/** The forms in which `secret` may come back, the secret itself first, without repeats. */
export function secretForms(secret: string): readonly string[] {
  const collapsed = secret.replace(/\s+/g, ' ');
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    collapsed,
    collapsed.trim(),
    JSON.stringify(collapsed).slice(1, -1),
  ];
  return [...new Set(forms)];
}

/**
 * `text` with every form of every secret replaced by `mask`. Longer forms go first, so a form that
 * contains another is masked whole. Secrets shorter than `minLength` are not searched for: they would
 * garble ordinary words, and no policy allows them.
 */
export function redactSecrets(text: string, secrets: Iterable<string>, mask: string, minLength: number): string {
  const forms = [...secrets].filter((s) => s.length >= minLength).flatMap(secretForms).filter((f) => f.length >= minLength);
  forms.sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(mask);
  return out;
}
