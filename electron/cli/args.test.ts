import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';

describe('parseCliArgs', () => {
  it('parses a preview with every option and leaves the date to the configuration (today in its zone)', () => {
    expect(parseCliArgs(['preview', '--config', 'c.json', '--out', 'p.json', '--json'])).toEqual({
      command: 'preview', config: 'c.json', asOf: null, json: true, out: 'p.json', plan: null, yes: false,
      acceptSourceDrop: false, approve: null, comment: null, days: null, run: null, person: null, count: 8, check: false, target: null,
    });
    expect(parseCliArgs(['apply', '--config', 'c.json', '--yes', '--target', 'nedap-ons'])?.target).toBe('nedap-ons');
    expect(parseCliArgs(['import', '--config', 'c.json', '--as-of', '2027-01-31'])?.asOf).toBe('2027-01-31');
  });

  it('parses the safety options: guard override, approvals, look-ahead, undo and explain', () => {
    const apply = parseCliArgs(['apply', '--config', 'c', '--yes', '--accept-source-drop', '--approve', '1-disable-7, 2-disable-8', '--comment', ' reorganisation ']);
    expect(apply).toMatchObject({ acceptSourceDrop: true, approve: ['1-disable-7', '2-disable-8'], comment: 'reorganisation' });
    expect(parseCliArgs(['apply', '--config', 'c', '--yes', '--approve', 'all', '--comment', 'ok'])?.approve).toBe('all');
    expect(parseCliArgs(['preview', '--config', 'c', '--days', '14'])?.days).toBe(14);
    expect(parseCliArgs(['undo', '--config', 'c', '--run', 'r-1'])).toMatchObject({ command: 'undo', run: 'r-1', yes: false });
    expect(parseCliArgs(['explain', '--config', 'c', '--person', '100234'])?.person).toBe('100234');
  });

  it('returns null for --help', () => {
    expect(parseCliArgs(['--help'])).toBeNull();
  });

  it.each([
    [[], 'no command given'],
    [['sync', '--config', 'c'], 'unknown command "sync"'],
    [['import'], '--config FILE is required'],
    [['import', '--config', 'c', '--as-of', '2026-02-30'], '--as-of must be a date as YYYY-MM-DD, not "2026-02-30"'],
    [['import', '--config', 'c', '--out', 'x'], '--out only applies to preview'],
    [['preview', '--config', 'c', '--plan', 'x'], '--plan only applies to apply'],
    [['apply', '--config', 'c'], 'apply writes to the directory: add --yes to confirm (run preview first to see the plan)'],
    [['import', '--config', 'c', 'extra'], 'unexpected argument "extra"'],
    [['apply', '--config', 'c', '--yes', '--approve', 'all'], '--approve needs --comment "why"'],
    [['preview', '--config', 'c', '--approve', 'all', '--comment', 'x'], '--approve only applies to apply'],
    [['preview', '--config', 'c', '--accept-source-drop'], '--accept-source-drop only applies to apply'],
    [['apply', '--config', 'c', '--yes', '--days', '3'], '--days only applies to preview'],
    [['preview', '--config', 'c', '--days', '0'], '--days must be a whole number from 1 to 92, not "0"'],
    [['undo', '--config', 'c'], 'undo needs --run RUN_ID'],
    [['explain', '--config', 'c'], 'explain needs --person EMPLOYEE_ID'],
    [['import', '--config', 'c', '--bogus'], "Unknown option '--bogus'"],
    [['preview', '--config', 'c', '--target', 'afas'], '--target must be ad or nedap-ons, not "afas"'],
    [['history', '--config', 'c', '--target', 'ad'], '--target only applies to preview and apply'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
