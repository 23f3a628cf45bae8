/**
 * The Settings form edits the engine configuration as the CLI's JSON file has it; these helpers read
 * and write one key by its path without knowing the schema (the application validates the whole).
 */

/** A configuration object as JSON. */
export type Json = Readonly<Record<string, unknown>>;

/** The value at `path`, or undefined. */
export function getIn(config: Json, path: readonly string[]): unknown {
  let value: unknown = config;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * A copy of `config` with `value` at `path` (intermediate objects created); undefined or `{}` removes
 * the key, and a section left empty goes too: clearing every Nedap Ons field leaves no half section
 * that the save would refuse.
 */
export function setIn(config: Json, path: readonly string[], value: unknown): Json {
  const [key, ...rest] = path;
  if (key === undefined) return config;
  const copy: Record<string, unknown> = { ...config };
  const child = copy[key];
  const next = rest.length === 0 ? value : setIn(child !== null && typeof child === 'object' ? (child as Json) : {}, rest, value);
  if (next === undefined || isEmptyObject(next)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** A number field's text as the configuration holds it: a number when it is one, else the text (refused on save). */
export function numberValue(text: string): unknown {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** "OE0004 = OU=ICT,..." lines to a map, and back. */
export function parseMapping(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
}

/** A map as "key = value" lines. */
export function formatMapping(map: unknown): string {
  if (map === null || typeof map !== 'object') return '';
  return Object.entries(map as Record<string, unknown>).map(([k, v]) => `${k} = ${String(v)}`).join('\n');
}

/** A skeleton for the first setup, so every field has a place. */
export const EMPTY_CONFIG: Json = {
  visma: { tokenUrl: 'https://connect.visma.com/connect/token', baseUrl: 'https://api.analytics1.hrm.visma.net', clientId: '', tenantId: '' },
  policy: {},
};
