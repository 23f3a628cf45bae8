/**
 * Conversions between AD's wire formats and the plain values the engine uses: objectGUID bytes, the
 * userAccountControl bit field, unicodePwd, and generalized time. Pure functions.
 */

/** userAccountControl bits the product reads or writes (MS-ADTS 2.2.16). */
export const UAC = {
  /** ACCOUNTDISABLE */
  disabled: 0x2,
  /** PASSWD_NOTREQD: AD sets it on users created without a password (546 = 512 | 32 | 2). */
  passwordNotRequired: 0x20,
  /** NORMAL_ACCOUNT */
  normalAccount: 0x200,
  /** DONT_EXPIRE_PASSWORD */
  dontExpirePassword: 0x10000,
} as const;

/** userAccountControl of a new account: normal and disabled, no other bits. */
export const NEW_ACCOUNT_UAC = UAC.normalAccount | UAC.disabled; // 514

/** Returns `uac` with only the ACCOUNTDISABLE bit changed. */
export function withEnabled(uac: number, enabled: boolean): number {
  return enabled ? uac & ~UAC.disabled : uac | UAC.disabled;
}

/** True when the ACCOUNTDISABLE bit is clear. */
export function isEnabled(uac: number): boolean {
  return (uac & UAC.disabled) === 0;
}

const GUID_RE = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * Formats a 16-byte objectGUID as AD displays it. The first three groups are little-endian on the wire, so
 * bytes `94 b4 66 f9 fb f2 cf 4e ...` read `f966b494-f2fb-4ecf-...`.
 */
export function guidToString(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError(`objectGUID must be 16 bytes, got ${bytes.length}`);
  const h = (i: number): string => (bytes[i] ?? 0).toString(16).padStart(2, '0');
  const seq = (idx: readonly number[]): string => idx.map(h).join('');
  return `${seq([3, 2, 1, 0])}-${seq([5, 4])}-${seq([7, 6])}-${seq([8, 9])}-${seq([10, 11, 12, 13, 14, 15])}`;
}

/** Canonical (lowercase, dashed, no braces) form of a GUID string, or `null` when it is not a GUID. */
export function normaliseGuid(guid: string): string | null {
  const m = GUID_RE.exec(guid.trim());
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
}

/** The 16 wire bytes of a GUID string (inverse of {@link guidToString}). Throws on a malformed GUID. */
export function guidToBytes(guid: string): Buffer {
  const canonical = normaliseGuid(guid);
  if (canonical === null) throw new RangeError(`Not a GUID: ${JSON.stringify(guid)}`);
  const hex = canonical.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Buffer.from(order.map((i) => b[i] ?? 0));
}

/**
 * True when Windows AD's complexity rule would refuse `password` for this account: it contains the whole
 * sAMAccountName (when that has 3 or more characters), or any display-name token of 3 or more characters
 * (tokens split at `, . - _ # space tab`), compared case-insensitively.
 */
export function passwordContainsAccountName(password: string, sAMAccountName?: string, displayName?: string): boolean {
  const pw = password.toLowerCase();
  if (sAMAccountName !== undefined && sAMAccountName.length >= 3 && pw.includes(sAMAccountName.toLowerCase())) return true;
  if (displayName === undefined) return false;
  return displayName.split(/[,.\-_#\s]+/).some((t) => t.length >= 3 && pw.includes(t.toLowerCase()));
}

/** unicodePwd value: the password in double quotes, UTF-16LE encoded (MS-ADTS 3.1.1.3.1.5). */
export function encodeUnicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/**
 * Converts LDAP generalized time (`20261127045830.0Z`, `20261127045830Z`, with optional fraction) to ISO 8601
 * UTC. Returns the input unchanged when it is not in that form, so that nothing is silently lost.
 */
export function generalizedTimeToIso(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d+))?Z$/.exec(value);
  if (!m) return value;
  const ms = (m[7] ?? '0').padEnd(3, '0').slice(0, 3);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${ms}Z`;
}
