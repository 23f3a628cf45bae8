import type { OutboxState } from '../engine/notices/outbox';

/** The notices for the history report: what was sent (newest first) and what still waits. */
export function formatNotices(outbox: OutboxState, shown = 20): string {
  if (outbox.sent.length === 0 && outbox.pending.length === 0) return '';
  const lines = ['', 'Notices:'];
  for (const p of outbox.pending) {
    lines.push(`  ${'waiting'.padEnd(9)} ${p.key}  to ${p.to}  (tried ${p.attempts} time(s); last error: ${p.lastError})`);
  }
  const sent = [...outbox.sent].reverse();
  for (const s of sent.slice(0, shown)) lines.push(`  ${'sent'.padEnd(9)} ${s.key}  to ${s.to}  ${s.at}  "${s.subject}"`);
  if (sent.length > shown) lines.push(`  … and ${sent.length - shown} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}
