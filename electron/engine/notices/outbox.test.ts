import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailPort, Notice } from './notice';
import { deliverNotices, readOutbox } from './outbox';

const notice = (key: string): Notice => ({
  key, to: 'boss@zorg.nl', language: 'en',
  content: { kind: 'leaver-done', personName: 'Jan Jansen', account: 'j.jansen', doneOn: '2026-12-01' },
});

/** A mail server in memory: what it was asked to send. */
function mailbox(): MailPort & { readonly sent: string[] } {
  const sent: string[] = [];
  return { sent, send: async (mail) => void sent.push(mail.subject) };
}

describe('the notice outbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hrp-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const at = (iso: string) => ({ attempts: 1, baseDelayMs: 1, maxDelayMs: 1, retentionDays: 30, now: () => new Date(iso) });

  it('sends a key once within the retention, and forgets it after, so the outbox does not grow forever', async () => {
    const mail = mailbox();
    await deliverNotices(dir, 'run-1', [notice('leaver-done:1'), notice('leaver-done:2')], mail, at('2026-01-01T08:00:00Z'));
    await deliverNotices(dir, 'run-2', [notice('leaver-done:1'), notice('leaver-done:3')], mail, at('2026-01-20T08:00:00Z'));
    expect(mail.sent).toHaveLength(3);
    expect((await stat(path.join(dir, 'notices.json'))).mode & 0o777).toBe(0o600);

    // 35 days on, the notices of run 1 are past the 30 days and dropped; run 2's stays.
    const later = await deliverNotices(dir, 'run-3', [], mail, at('2026-02-05T08:00:00Z'));
    expect(later.sent.map((s) => s.key)).toEqual(['leaver-done:3']);
    expect((await readOutbox(dir)).sent.map((s) => s.key)).toEqual(['leaver-done:3']);
    await deliverNotices(dir, 'run-4', [notice('leaver-done:3')], mail, at('2026-02-06T08:00:00Z'));
    expect(mail.sent).toHaveLength(3);
  });

  it('drops a notice that waited longer than the retention', async () => {
    const down: MailPort = { send: async () => { throw new Error('connection refused'); } };
    const waiting = await deliverNotices(dir, 'run-1', [notice('leaver-done:9')], down, at('2026-01-01T08:00:00Z'));
    expect(waiting.pending.map((p) => p.key)).toEqual(['leaver-done:9']);
    const mail = mailbox();
    await deliverNotices(dir, 'run-2', [], mail, at('2026-03-01T08:00:00Z'));
    expect(mail.sent).toEqual([]);
    expect(await readOutbox(dir)).toEqual({ sent: [], pending: [] });
  });
});
