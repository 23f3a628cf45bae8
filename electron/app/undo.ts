import type { DirectoryAccount } from '../engine/ad/directory';
import { toAdAccount } from '../engine/apply/directory-port';
import type { AdAccount } from '../engine/model/ad-account';
import type { Plan } from '../engine/model/plan';
import type { RunRecord } from '../engine/model/run';
import { planUndo } from '../engine/plan/undo-plan';

/** Attributes that tell whether an account was ever used. */
export const LOGON_ATTRIBUTES: readonly string[] = ['lastLogonTimestamp', 'lastLogon', 'logonCount'];

/** A run that cannot be undone at all (unknown id, or one that wrote nothing). */
export class UndoError extends Error {
  override readonly name = 'UndoError';
}

/** Windows FILETIME (100 ns since 1601) as an ISO timestamp; null for 0 or unreadable. */
function fromFiletime(text: string | undefined): string | null {
  if (!text || !/^\d+$/.test(text) || text === '0') return null;
  const ms = Number(BigInt(text) / 10_000n) - 11_644_473_600_000;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}

/** When `account` was last used, from its logon attributes; null when it never was. */
export function lastLogonOf(account: DirectoryAccount): string | null {
  const stamp = fromFiletime(account.extra.lastLogonTimestamp?.[0]) ?? fromFiletime(account.extra.lastLogon?.[0]);
  if (stamp) return stamp;
  const count = Number(account.extra.logonCount?.[0] ?? '0');
  return count > 0 ? `unknown time, ${count} logon(s)` : null;
}

/** The undo plan of run `runId`, planned against the directory as it is now. */
export function undoPlanFor(input: {
  readonly runs: readonly RunRecord[];
  readonly runId: string;
  readonly accounts: readonly DirectoryAccount[];
  readonly disabledOu: string;
  readonly asOf: string;
}): Plan {
  const run = input.runs.find((r) => r.runId === input.runId);
  if (!run) throw new UndoError(`there is no run ${input.runId} in the history (see: history)`);
  const logons = new Map<AdAccount, string | null>();
  const accounts = input.accounts.map((record) => {
    const account = toAdAccount(record);
    logons.set(account, lastLogonOf(record));
    return account;
  });
  return planUndo({ run, accounts, lastLogon: (a) => logons.get(a) ?? null, disabledOu: input.disabledOu, asOf: input.asOf });
}
