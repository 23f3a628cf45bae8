import { randomInt } from 'node:crypto';

/**
 * Initial passwords for new or re-enabled accounts, generated at apply time and never stored in a
 * plan. They meet Windows AD complexity (which Samba enforces less strictly): all four character
 * classes present, and neither the sAMAccountName nor any 3+-character token of the display name
 * inside, case-insensitively.
 */

/** Shortest password the generator makes. */
export const MIN_PASSWORD_LENGTH = 16;
/** Default length. */
export const DEFAULT_PASSWORD_LENGTH = 20;

// Look-alikes (I, l, O, 0, 1) are left out: an admin may have to read the password out loud.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
// No quote, backslash or space: they trouble shells, CSV exports and the quoted unicodePwd value.
const SPECIAL = '!#$%&*+-=?@^_~';
const CLASSES = [UPPER, LOWER, DIGITS, SPECIAL] as const;
const ALL = CLASSES.join('');

// A redraw is rare (a 3-letter token turns up in well under 1% of draws); this bound only stops a
// pathological subject from looping forever.
const MAX_ATTEMPTS = 1000;

/** Whom the password is for: its content must not give the account away. */
export interface PasswordSubject {
  readonly sAMAccountName: string;
  readonly displayName?: string | null;
}

/** Options for {@link generatePassword}. */
export interface PasswordOptions {
  /** At least {@link MIN_PASSWORD_LENGTH}; default {@link DEFAULT_PASSWORD_LENGTH}. */
  readonly length?: number;
  /** Uniform integer in [0, max); node:crypto's randomInt by default (injectable for tests). */
  readonly randomInt?: (max: number) => number;
}

/**
 * The display-name tokens AD checks: split on the delimiters AD uses (, . - _ # tab and space),
 * tokens shorter than 3 characters ignored.
 */
export function displayNameTokens(displayName: string | null | undefined): readonly string[] {
  if (!displayName) return [];
  return displayName.split(/[,.\-_#\t\s]+/u).filter((token) => token.length >= 3);
}

/** Why `password` fails the AD rules for `subject`, in words; empty when it passes. */
export function passwordProblems(password: string, subject: PasswordSubject): readonly string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`shorter than ${MIN_PASSWORD_LENGTH} characters`);
  if (!/[A-Z]/.test(password)) problems.push('no upper-case letter');
  if (!/[a-z]/.test(password)) problems.push('no lower-case letter');
  if (!/[0-9]/.test(password)) problems.push('no digit');
  if (!/[^A-Za-z0-9]/.test(password)) problems.push('no special character');
  const lower = password.toLowerCase();
  // AD skips the account-name check for names shorter than 3 characters; so do we.
  if (subject.sAMAccountName.length >= 3 && lower.includes(subject.sAMAccountName.toLowerCase())) {
    problems.push('contains the account name');
  }
  for (const token of displayNameTokens(subject.displayName)) {
    if (lower.includes(token.toLowerCase())) problems.push(`contains "${token}" from the display name`);
  }
  return problems;
}

/**
 * A random password for `subject`: `length` characters with at least one of each class, shuffled
 * (Fisher-Yates over crypto.randomInt), redrawn until it contains no part of the account's names.
 */
export function generatePassword(subject: PasswordSubject, options: PasswordOptions = {}): string {
  const length = Math.max(MIN_PASSWORD_LENGTH, options.length ?? DEFAULT_PASSWORD_LENGTH);
  const draw = options.randomInt ?? ((max: number) => randomInt(max));
  const pick = (alphabet: string): string => alphabet[draw(alphabet.length)] as string;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const chars = CLASSES.map(pick);
    while (chars.length < length) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = draw(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const password = chars.join('');
    if (passwordProblems(password, subject).length === 0) return password;
  }
  throw new Error(`could not generate a password for ${subject.sAMAccountName} without parts of its names`);
}
