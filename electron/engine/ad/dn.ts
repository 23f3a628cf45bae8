/**
 * Distinguished names (RFC 4514) for Active Directory: build RDNs with correct escaping, parse DNs that the
 * server returns, and compare them safely.
 *
 * Never compare DNs as raw strings: Samba and AD rewrite escapes in the DNs they hand back (`Semi\;colon`
 * comes back as `Semi\3Bcolon`, `E\=q` as `E\3Dq`, `Hex\2Cesc` as `Hex\,esc`), and attribute types and values
 * compare case-insensitively in AD. Parse, then compare the normalised form (or better, compare objectGUIDs).
 *
 * Pure functions, no I/O.
 */

/** One attribute-value pair of an RDN, with the value unescaped (the real characters). */
export interface DnAttribute {
  /** Attribute type as written, e.g. `CN`, `OU`, `DC`. */
  readonly type: string;
  /** Unescaped value, e.g. `Doe, John`. */
  readonly value: string;
}

/** One RDN: usually a single pair; `+` joins a multi-valued RDN (rare in AD, but legal LDAP). */
export type Rdn = readonly DnAttribute[];

/** A parsed DN: RDNs from the leaf (first) to the root (last). The empty DN (root DSE) is `[]`. */
export type ParsedDn = readonly Rdn[];

/** Thrown when a string is not a syntactically valid DN. The message quotes the DN (DNs are not secret). */
export class DnSyntaxError extends Error {
  /** The offending DN text. */
  readonly dn: string;
  constructor(dn: string, reason: string) {
    super(`Not a valid distinguished name (${reason}): ${JSON.stringify(dn)}`);
    this.name = 'DnSyntaxError';
    this.dn = dn;
  }
}

// RFC 4514 2.4 requires escaping of these anywhere in a value; '=' is not required but AD escapes it and it keeps
// naive splitters (and people reading logs) from mistaking a value for a type=value pair.
const ESCAPED_ANYWHERE = new Set([',', '+', '"', '\\', '<', '>', ';', '=']);
// Most values (every plain name): no character to escape anywhere, no space or # first, no space last. Planning
// builds and compares a DN for every account, so these skip the walk below.
// eslint-disable-next-line no-control-regex -- control characters are what must be escaped
const NOTHING_TO_ESCAPE = /^(?:[^ #,+"\\<>;=\x00-\x1f\x7f](?:[^,+"\\<>;=\x00-\x1f\x7f]*[^ ,+"\\<>;=\x00-\x1f\x7f])?)?$/;

/**
 * Escapes an attribute value for use in a DN string (RFC 4514 section 2.4): `, + " \ < > ; =` are backslash
 * escaped, a leading `#` or space and a trailing space are escaped, and control characters become `\HH`.
 * Non-ASCII characters are kept as they are (valid UTF-8 in a DN string; AD accepts and returns them).
 */
export function escapeDnValue(value: string): string {
  if (NOTHING_TO_ESCAPE.test(value)) return value;
  let out = '';
  const chars = Array.from(value);
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) ?? 0;
    if (ESCAPED_ANYWHERE.has(ch)) {
      out += `\\${ch}`;
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else if ((i === 0 && (ch === ' ' || ch === '#')) || (i === chars.length - 1 && ch === ' ')) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  });
  return out;
}

/**
 * Builds one RDN string, e.g. `cnRdn('Doe, John')` gives `CN=Doe\, John`. Throws for an empty value, which no
 * directory accepts as a naming value.
 */
export function rdn(type: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(type)) throw new DnSyntaxError(`${type}=`, `bad attribute type ${JSON.stringify(type)}`);
  if (value.length === 0) throw new DnSyntaxError(`${type}=`, 'empty value');
  return `${type}=${escapeDnValue(value)}`;
}

/** Builds a `CN=` RDN from an unescaped common name. */
export function cnRdn(commonName: string): string {
  return rdn('CN', commonName);
}

/** Builds a `CN=` DN under `parentDn`, e.g. `childDn('Doe, John', 'OU=Users,DC=x')` gives `CN=Doe\, John,OU=Users,DC=x`. */
export function childDn(commonName: string, parent: string): string {
  return parent.length > 0 ? `${cnRdn(commonName)},${parent}` : cnRdn(commonName);
}

function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);
}

/**
 * Parses a DN string (RFC 4514, accepting the `;` separator and spaces around separators from RFC 2253 era
 * servers). Values are unescaped, including `\HH` UTF-8 byte sequences. A `#hex` (BER) value is kept as its
 * literal text. Throws {@link DnSyntaxError} for malformed input.
 */
export function parseDn(dn: string): ParsedDn {
  return parsedCache.get(dn) ?? remember(parsedCache, dn, parseDnText(dn));
}

// A preview compares the DNs of tens of thousands of accounts with a few OUs, many times over;
// parsing each DN once keeps that linear. Results are immutable, so sharing them is safe. The
// caps keep a long-running process from growing without bound.
const CACHE_LIMIT = 250_000;
const parsedCache = new Map<string, ParsedDn>();
// One entry per DN for its keys (RDNs, whole, parent): the planner asks several of them of every
// account, and on a busy machine each lookup in a map this size costs a cache miss or three, so the
// second question about a DN finds the entry the first one brought in.
const keysCache = new Map<string, DnKeys>();

/** The comparison keys of one DN, each made when first asked. */
interface DnKeys {
  readonly rdns: readonly string[];
  key: string | undefined;
  parentKey: string | undefined;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The normalised RDNs of a DN, leaf first (cached). */
function rdnKeys(dn: string): readonly string[] {
  return keysOf(dn).rdns;
}

function keysOf(dn: string): DnKeys {
  return keysCache.get(dn) ?? remember(keysCache, dn, { rdns: parseDn(dn).map(normaliseRdn), key: undefined, parentKey: undefined });
}

function parseDnText(dn: string): ParsedDn {
  const rdns: Rdn[] = [];
  if (dn.trim().length === 0) return rdns;
  let i = 0;
  let current: DnAttribute[] = [];
  const n = dn.length;
  const skipSpaces = (): void => {
    while (i < n && dn[i] === ' ') i += 1;
  };
  for (;;) {
    skipSpaces();
    const typeStart = i;
    while (i < n && /[A-Za-z0-9.-]/.test(dn[i] ?? '')) i += 1;
    const type = dn.slice(typeStart, i);
    if (type.length === 0) throw new DnSyntaxError(dn, `attribute type expected at position ${typeStart}`);
    skipSpaces();
    if (dn[i] !== '=') throw new DnSyntaxError(dn, `'=' expected after ${JSON.stringify(type)}`);
    i += 1;
    skipSpaces();
    let value = '';
    if (dn[i] === '#') {
      // BER-encoded value: keep the literal hex text; AD never hands these out for naming attributes.
      const start = i;
      i += 1;
      while (i < n && isHex(dn[i])) i += 1;
      value = dn.slice(start, i);
    } else {
      // Collect characters; escaped bytes (\HH) are gathered and decoded as UTF-8 together so that a
      // multi-byte character written as \C3\AB decodes correctly.
      let bytes: number[] = [];
      // Index in `value` after which unescaped trailing spaces may be trimmed (escaped ones must stay).
      let keepUpTo = 0;
      const flushBytes = (): void => {
        if (bytes.length > 0) {
          value += Buffer.from(bytes).toString('utf8');
          bytes = [];
          keepUpTo = value.length;
        }
      };
      while (i < n) {
        const ch = dn[i] ?? '';
        if (ch === '\\') {
          const a = dn[i + 1];
          const b = dn[i + 2];
          if (isHex(a) && isHex(b)) {
            bytes.push(parseInt(`${a}${b}`, 16));
            i += 3;
            continue;
          }
          if (a === undefined) throw new DnSyntaxError(dn, 'dangling backslash at the end');
          flushBytes();
          value += a;
          keepUpTo = value.length;
          i += 2;
          continue;
        }
        if (ch === ',' || ch === ';' || ch === '+') break;
        // RFC 4514 allows an unescaped '=' inside a value, but never these.
        if (ch === '"' || ch === '<' || ch === '>') {
          throw new DnSyntaxError(dn, `unescaped ${JSON.stringify(ch)} in the value of ${type}`);
        }
        flushBytes();
        value += ch;
        if (ch !== ' ') keepUpTo = value.length;
        i += 1;
      }
      flushBytes();
      // Unescaped trailing spaces are insignificant (RFC 4514 allows none; RFC 2253 readers trim them).
      value = value.slice(0, Math.max(keepUpTo, 0));
    }
    if (value.length === 0) throw new DnSyntaxError(dn, `empty value for ${type}`);
    current.push({ type, value });
    skipSpaces();
    if (i >= n) {
      rdns.push(current);
      break;
    }
    const sep = dn[i];
    i += 1;
    if (sep === '+') continue;
    rdns.push(current);
    current = [];
    if (i >= n) throw new DnSyntaxError(dn, 'trailing separator');
  }
  return rdns;
}

/** Serialises a parsed DN with the standard escaping of {@link escapeDnValue}, keeping type and value case. */
export function formatDn(parsed: ParsedDn): string {
  return parsed.map((r) => r.map((a) => `${a.type}=${escapeDnValue(a.value)}`).join('+')).join(',');
}

function normaliseRdn(r: Rdn): string {
  // Multi-valued RDNs are unordered sets: sort so that A+B equals B+A.
  return r
    .map((a) => `${a.type.toLowerCase()}=${escapeDnValue(a.value.normalize('NFC').toLowerCase())}`)
    .sort()
    .join('+');
}

/**
 * The comparison key of a DN: types and values lower-cased, values NFC-normalised, one canonical escaping.
 * Two DNs name the same entry in AD when their keys are equal. Use it as a Map key; do not send it to the server.
 */
export function normaliseDn(dn: string): string {
  const keys = keysOf(dn);
  if (keys.key === undefined) keys.key = keys.rdns.join(',');
  return keys.key;
}

/**
 * The comparison key of the entry's parent: `normaliseDn(parentDn(dn))` without serialising and parsing the
 * parent again (cached, as the planner asks it of every account several times); `''` for a single-RDN DN.
 */
export function parentNormalisedDn(dn: string): string {
  const keys = keysOf(dn);
  if (keys.parentKey === undefined) keys.parentKey = keys.rdns.slice(1).join(',');
  return keys.parentKey;
}

/**
 * The comparison key of `childDn(commonName, parent)` without building and parsing that DN: the planner asks
 * it of every account it keeps, and a new DN string per account would be parsed (and cached) once each.
 */
export function childKey(commonName: string, parent: string): string {
  if (commonName.length === 0) throw new DnSyntaxError('CN=', 'empty value');
  const leaf = normaliseRdn([{ type: 'CN', value: commonName }]);
  const parentKey = parent.length > 0 ? normaliseDn(parent) : '';
  return parentKey.length > 0 ? `${leaf},${parentKey}` : leaf;
}

/** True when two DN strings name the same entry (case-insensitive, escape-insensitive). */
export function dnEquals(a: string, b: string): boolean {
  return normaliseDn(a) === normaliseDn(b);
}

/** The parent of a DN (its first RDN removed), re-serialised; `''` for a single-RDN DN. */
export function parentDn(dn: string): string {
  const parsed = parseDn(dn);
  if (parsed.length === 0) throw new DnSyntaxError(dn, 'the empty DN has no parent');
  return formatDn(parsed.slice(1));
}

/** The unescaped value of the first (leaf) RDN, e.g. `Doe, John` for `CN=Doe\, John,OU=Users,DC=x`. */
export function leafValue(dn: string): string {
  const first = parseDn(dn)[0]?.[0];
  if (first === undefined) throw new DnSyntaxError(dn, 'the empty DN has no RDN');
  return first.value;
}

/**
 * True when `dn` lies strictly below `baseDn` (a descendant at any depth, not the base itself), comparing
 * normalised RDNs. `isUnder('CN=a,OU=Users,DC=x', 'ou=users,dc=X')` is true.
 */
export function isUnder(dn: string, baseDn: string): boolean {
  const child = rdnKeys(dn);
  const base = rdnKeys(baseDn);
  if (child.length <= base.length) return false;
  const offset = child.length - base.length;
  return base.every((r, idx) => child[offset + idx] === r);
}

/** True when `dn` is `baseDn` itself or lies below it (LDAP subtree scope). */
export function isWithin(dn: string, baseDn: string): boolean {
  return dnEquals(dn, baseDn) || isUnder(dn, baseDn);
}
