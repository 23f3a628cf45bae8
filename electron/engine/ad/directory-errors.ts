/**
 * Typed errors of the directory adapter, with messages an admin can act on. No error message ever contains
 * the bind password or a user password: the adapter redacts every secret it knows from any text it did not
 * write itself (server diagnostics, socket errors) before it builds a message.
 */
import { redactSecrets } from '../model/secret-forms';

/** Reads the adapter performs. */
export type DirectoryReadOperation =
  | 'root-dse' | 'read-accounts' | 'read-group-members' | 'find' | 'search' | 'read-before-write';

/** Writes the adapter performs. */
export type DirectoryWriteOperation =
  | 'add' | 'set-password' | 'modify' | 'enable' | 'disable' | 'move' | 'delete' | 'add-member' | 'remove-member';

/** Why a connection could not be made or was lost. */
export type DirectoryConnectionFailure =
  | 'tls-verification' // the certificate does not chain to the configured CA
  | 'tls-hostname' // the certificate is for another host name (set tlsServerName)
  | 'tls-other'
  | 'refused' // nothing listens at host:port
  | 'unreachable' // DNS or routing
  | 'timeout'
  | 'credentials' // bind rejected: wrong DN/password, disabled, locked, expired
  | 'strong-auth-required' // the DC wants TLS or signing
  | 'dropped' // the connection closed while waiting for an answer
  | 'other';

/** Common base: `kind` discriminates the four error types for an exhaustive switch. */
export abstract class DirectoryError extends Error {
  abstract readonly kind: 'config' | 'connection' | 'read' | 'write';
}

/** The connection settings are unusable (bad URL scheme, no CA file, ...). Nothing was sent to any server. */
export class DirectoryConfigError extends DirectoryError {
  readonly kind = 'config' as const;
  /** Which setting is wrong. */
  readonly setting: string;
  constructor(setting: string, message: string) {
    super(message);
    this.name = 'DirectoryConfigError';
    this.setting = setting;
  }
}

/** Could not connect, verify the DC's certificate, or bind; or the connection dropped mid-operation. */
export class DirectoryConnectionError extends DirectoryError {
  readonly kind = 'connection' as const;
  readonly reason: DirectoryConnectionFailure;
  /** The URL that was being connected to (contains no credentials). */
  readonly url: string;
  /** LDAP result code of a rejected bind or StartTLS, else `null`. */
  readonly code: number | null;
  constructor(reason: DirectoryConnectionFailure, url: string, message: string, code: number | null = null) {
    super(message);
    this.name = 'DirectoryConnectionError';
    this.reason = reason;
    this.url = url;
    this.code = code;
  }
}

/** A search failed. */
export class DirectoryReadError extends DirectoryError {
  readonly kind = 'read' as const;
  readonly operation: DirectoryReadOperation;
  /** The search base or entry that was read. */
  readonly dn: string;
  /** LDAP result code, or `null` when the server gave no result (connection trouble). */
  readonly code: number | null;
  /** The server's diagnostic text, redacted, or `null`. */
  readonly serverMessage: string | null;
  constructor(operation: DirectoryReadOperation, dn: string, code: number | null, message: string, serverMessage: string | null = null) {
    super(message);
    this.name = 'DirectoryReadError';
    this.operation = operation;
    this.dn = dn;
    this.code = code;
    this.serverMessage = serverMessage;
  }
}

/**
 * A write was refused or its outcome is unknown. `code` is the LDAP result code the DC returned, or `null`
 * when the adapter refused the request itself (it breaks a rule Windows AD enforces) or no answer came.
 */
export class DirectoryWriteError extends DirectoryError {
  readonly kind = 'write' as const;
  readonly operation: DirectoryWriteOperation;
  readonly dn: string;
  readonly code: number | null;
  readonly serverMessage: string | null;
  constructor(operation: DirectoryWriteOperation, dn: string, code: number | null, message: string, serverMessage: string | null = null) {
    super(message);
    this.name = 'DirectoryWriteError';
    this.operation = operation;
    this.dn = dn;
    this.code = code;
    this.serverMessage = serverMessage;
  }
}

/**
 * Replaces every occurrence of each secret in `text`, in every form a server may echo it (JSON-escaped,
 * URL-encoded, whitespace collapsed), by `[redacted]`. Secrets shorter than 3 characters are not searched
 * for (they would garble the text and no policy allows them as passwords anyway).
 */
export function redact(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets, '[redacted]', 3);
}

// AD schema rangeUpper of the attributes the product writes, for a hint when the DC says a value is invalid
// (Samba enforces these through the schema; Windows AD does the same).
const MAX_LENGTH: Readonly<Record<string, number>> = {
  employeeid: 16, initials: 6, givenname: 64, sn: 64, cn: 64, displayname: 256, company: 64, department: 64,
  title: 128, description: 1024, mail: 256, samaccountname: 20, physicaldeliveryofficename: 128,
  telephonenumber: 64, employeenumber: 512,
};

/** The admin-readable explanation of an AD result code: `"the sAMAccountName 'jdoe' is already in use"`. */
export function explainResultCode(
  code: number,
  serverMessage: string,
  operation: DirectoryWriteOperation | DirectoryReadOperation,
): string {
  const m = serverMessage;
  switch (code) {
    case 68: {
      const sam = /samAccountName '([^']*)' already in use/i.exec(m);
      if (sam) return `the sAMAccountName '${sam[1] ?? ''}' is already in use`;
      if (operation === 'add-member') return 'the account is already a member of the group';
      if (operation === 'move') return 'an object with that name already exists in the target OU';
      return 'an object with this DN already exists';
    }
    case 19: {
      const upn = /userPrincipalName '([^']*)' is already in use/i.exec(m);
      if (upn) return `the userPrincipalName '${upn[1] ?? ''}' is already in use`;
      if (/0000052D|password/i.test(m) || operation === 'set-password') {
        return 'the password does not meet the domain password policy (length, complexity, history or minimum age)';
      }
      return 'a constraint of the directory was violated';
    }
    case 21: {
      const attr = /attribute '([^']+)'/i.exec(m)?.[1];
      if (attr === undefined) return 'an attribute value has an invalid syntax or is too long';
      const max = MAX_LENGTH[attr.toLowerCase()];
      return max === undefined
        ? `the value of ${attr} is not valid`
        : `the value of ${attr} is not valid (Active Directory allows at most ${max} characters)`;
    }
    case 32:
      switch (operation) {
        case 'add': return 'the parent OU does not exist';
        case 'move': return 'the account or the target OU does not exist';
        case 'add-member': return 'the group or the member does not exist';
        case 'remove-member': return 'the group does not exist';
        default: return 'the object does not exist';
      }
    case 80:
      if (/parent does not exist/i.test(m)) return 'the target OU does not exist';
      return 'the server reported an unspecified error';
    case 50: return 'the service account lacks the permission for this (insufficient access rights)';
    case 53:
      if (operation === 'set-password') return 'the server will not set this password (is the connection encrypted? is the password allowed?)';
      // Windows AD: enabling (or creating enabled) an account whose password does not meet the policy yet.
      if (/0000052D/i.test(m)) return 'the account has no password that meets the domain policy yet; set a password before enabling it';
      return 'the server is unwilling to perform this';
    case 16: return 'the attribute or value to remove is not present';
    case 17: return 'an attribute is not defined in the directory schema';
    case 20: return 'the value is already present';
    case 34: return 'the DN is not valid';
    case 64: return 'the name breaks a naming rule (wrong RDN type for this object or location)';
    case 65: return 'a required attribute is missing or an attribute is not allowed for this object class';
    case 66: return 'the object still contains child objects';
    case 67: return 'the naming attribute (CN) cannot be changed by a modify; rename the object instead';
    case 1: case 51: case 52: return 'the domain controller is busy or unavailable; try again later';
    case 3: return 'the server time limit was exceeded';
    case 4: return 'the server size limit was exceeded (use a paged search)';
    case 8: return 'the domain controller requires an encrypted connection';
    case 10: return 'the object lives in another partition or domain (referral)';
    case 49: return explainBindFailure(m);
    default: return 'the operation failed';
  }
}

/** Explains an AD bind failure (LDAP 49) from the `data xxx` sub-code in the diagnostic. */
export function explainBindFailure(serverMessage: string): string {
  const sub = /data ([0-9a-f]{3,8})/i.exec(serverMessage)?.[1]?.toLowerCase();
  switch (sub) {
    case '52e': return 'the bind DN or password is wrong';
    case '525': return 'the bind account does not exist';
    case '530': return 'the bind account may not log on at this time';
    case '531': return 'the bind account may not log on from this workstation';
    case '532': return 'the password of the bind account has expired';
    case '533': return 'the bind account is disabled';
    case '701': return 'the bind account has expired';
    case '773': return 'the bind account must change its password first';
    case '775': return 'the bind account is locked out';
    default: return 'the credentials were rejected';
  }
}

/** The verb phrase of an operation, as used in messages: `set the password of`, `add a member to`, ... */
export function operationVerb(operation: DirectoryWriteOperation): string {
  return VERB[operation];
}

const VERB: Readonly<Record<DirectoryWriteOperation, string>> = {
  add: 'add', 'set-password': 'set the password of', modify: 'modify', enable: 'enable', disable: 'disable',
  move: 'move or rename', delete: 'delete', 'add-member': 'add a member to', 'remove-member': 'remove a member from',
};

/** Builds the message of a write the DC refused: `The domain controller refused to add CN=…: <why> (LDAP 68). Server: "…"`. */
export function writeRefusedMessage(
  operation: DirectoryWriteOperation,
  dn: string,
  code: number,
  serverMessage: string,
  detail?: string,
): string {
  const target = detail === undefined ? dn : `${dn} (${detail})`;
  const server = serverMessage.trim().length > 0 ? ` Server: ${JSON.stringify(serverMessage.trim())}` : '';
  return `The domain controller refused to ${VERB[operation]} ${target}: ${explainResultCode(code, serverMessage, operation)} (LDAP ${code}).${server}`;
}

/** Builds the message of a write the adapter refused before sending it. */
export function writeRejectedLocallyMessage(operation: DirectoryWriteOperation, dn: string, why: string): string {
  return `HR Provisioner did not ${VERB[operation]} ${dn}: ${why}.`;
}
