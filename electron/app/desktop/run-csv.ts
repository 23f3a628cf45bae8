import type { RunDto } from '../../shared/dto';

/**
 * A run as CSV for Excel. A cell that starts with `=`, `+`, `-`, `@` (or a tab / carriage return) would be
 * read by a spreadsheet as a formula: such a cell gets a leading apostrophe, as OWASP advises for CSV
 * injection, so a name like "=HYPERLINK(...)" from HR data stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, made safe for spreadsheets and quoted when it needs to be. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['run', 'started', 'trigger', 'target', 'action', 'person', 'account', 'org unit', 'outcome', 'error', 'at', 'reasons'];

/** Every action of a run with its outcome, one line each. */
export function runCsv(run: RunDto): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const { action, outcome, error, at } of run.actions) {
    lines.push([
      run.runId, run.startedAt, run.trigger, action.target, action.action, action.personName, action.account.name,
      action.orgUnit, outcome ?? 'not run', error, at, action.reasons.join(' | '),
    ].map(csvCell).join(','));
  }
  // CRLF and a byte-order mark: what Excel on Windows reads as UTF-8 without asking.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
