import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs } from '../visma/retry';
import { writePrivateFileAtomic } from '../state/private-file';
import { retentionCutoff } from '../state/retention';
import type { MailPort, Notice } from './notice';
import { renderNotice } from './templates';

/**
 * The notice outbox under `<dataDir>/notices.json` (owner-only, replaced atomically): which keys were
 * sent, when and to whom, and which notices still wait because the mail server was down. Every run
 * first retries what waits, then sends its own notices; a key that was sent is never sent again.
 * A mail that cannot be sent never fails the provisioning run.
 */

/** A notice that was sent. */
export interface SentNotice {
  readonly key: string;
  readonly to: string;
  readonly subject: string;
  readonly runId: string;
  readonly at: string;
}

/** A notice that could not be sent yet. */
export interface PendingNotice extends Notice {
  readonly runId: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly queuedAt: string;
}

/** What the outbox holds. */
export interface OutboxState {
  readonly sent: readonly SentNotice[];
  readonly pending: readonly PendingNotice[];
}

/** How hard to try within one run before a notice waits for the next. */
export interface DeliveryOptions {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * Sent notices (and waiting ones) older than this many days are dropped from the outbox, so it does
   * not grow forever; within it, a key is never sent twice. Absent: kept for good.
   */
  readonly retentionDays?: number;
  readonly now?: () => Date;
}

/** `state` without the notices sent or queued before `cutoff`. */
export function pruneOutbox(state: OutboxState, cutoff: Date): OutboxState {
  const kept = (at: string): boolean => !(Date.parse(at) < cutoff.getTime());
  return { sent: state.sent.filter((s) => kept(s.at)), pending: state.pending.filter((p) => kept(p.queuedAt)) };
}

const EMPTY: OutboxState = { sent: [], pending: [] };

/** Read the outbox of `dataDir`; an absent file is an empty outbox. */
export async function readOutbox(dataDir: string): Promise<OutboxState> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, 'notices.json'), 'utf8')) as OutboxState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    throw error;
  }
}

async function writeOutbox(dataDir: string, state: OutboxState): Promise<void> {
  await writePrivateFileAtomic(path.join(dataDir, 'notices.json'), JSON.stringify(state));
}

/** Send `mail`, retrying with back-off; resolves to null when sent, else the last error in words. */
async function sendWithRetry(mail: MailPort, notice: Notice, options: DeliveryOptions): Promise<string | null> {
  const rendered = renderNotice(notice.content, notice.language);
  let lastError = '';
  for (let attempt = 0; attempt < options.attempts; attempt += 1) {
    if (attempt > 0) await sleep(backoffDelayMs(attempt - 1, options));
    try {
      await mail.send({ ...rendered, to: notice.to });
      return null;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return lastError;
}

/**
 * Deliver the waiting notices and `notices` of run `runId`, each key once. Never throws for a mail
 * problem: what could not be sent waits in the outbox with its error.
 */
export async function deliverNotices(
  dataDir: string,
  runId: string,
  notices: readonly Notice[],
  mail: MailPort,
  options: DeliveryOptions,
): Promise<OutboxState> {
  const now = options.now ?? (() => new Date());
  const read = await readOutbox(dataDir);
  let state = options.retentionDays === undefined ? read : pruneOutbox(read, retentionCutoff(options.retentionDays, now()));
  if (state.sent.length !== read.sent.length || state.pending.length !== read.pending.length) await writeOutbox(dataDir, state);
  const known = new Set([...state.sent.map((s) => s.key), ...state.pending.map((p) => p.key)]);
  const fresh = notices.filter((n, i) => !known.has(n.key) && notices.findIndex((m) => m.key === n.key) === i);
  const queue: PendingNotice[] = [
    ...state.pending,
    ...fresh.map((n) => ({ ...n, runId, attempts: 0, lastError: '', queuedAt: now().toISOString() })),
  ];
  for (const notice of queue) {
    const error = await sendWithRetry(mail, notice, options);
    const others = state.pending.filter((p) => p.key !== notice.key);
    state =
      error === null
        ? {
            sent: [...state.sent, { key: notice.key, to: notice.to, subject: renderNotice(notice.content, notice.language).subject, runId: notice.runId, at: now().toISOString() }],
            pending: others,
          }
        : { sent: state.sent, pending: [...others, { ...notice, attempts: notice.attempts + options.attempts, lastError: error }] };
    // Written after every notice: a crash never sends one twice or forgets one.
    await writeOutbox(dataDir, state);
  }
  return state;
}
