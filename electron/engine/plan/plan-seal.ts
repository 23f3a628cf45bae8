import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createPrivateFileExclusive } from '../state/private-file';

/**
 * Only plans this installation made are applied. Every saved plan carries an HMAC-SHA256 over its
 * content, made with a random key that lives beside the data (`<dataDir>/plan-key`, owner-only). A
 * plan file that was edited, or made elsewhere, no longer matches and is refused; the key never
 * leaves the data directory and is never written into a plan.
 */

/** Name of the key file inside dataDir. */
export const PLAN_KEY_FILE = 'plan-key';

const PREFIX = 'hmac-sha256:';

/** The seal key is missing its protection or cannot be read. */
export class PlanKeyError extends Error {
  override readonly name = 'PlanKeyError';
}

/** Read the installation's plan key, creating it (owner-only, exclusively) on first use. */
export async function loadPlanKey(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, PLAN_KEY_FILE);
  // Two previews at once may both find no key: exactly one creation wins and both read that one.
  await createPrivateFileExclusive(file, `${randomBytes(32).toString('hex')}\n`);
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    throw new PlanKeyError(`the plan key ${file} is readable by other users: remove it (plans saved so far can then no longer be applied) and preview again`);
  }
  const hex = (await readFile(file, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new PlanKeyError(`the plan key ${file} is damaged: remove it and preview again`);
  return Buffer.from(hex, 'hex');
}

/** The seal of `content` (the serialised plan without its seal). */
export function sealOf(key: Buffer, content: string): string {
  return `${PREFIX}${createHmac('sha256', key).update(content, 'utf8').digest('hex')}`;
}

/** True when `seal` is the seal of `content` under `key` (compared in constant time). */
export function sealMatches(key: Buffer, content: string, seal: string): boolean {
  const expected = Buffer.from(sealOf(key, content));
  const given = Buffer.from(seal);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
