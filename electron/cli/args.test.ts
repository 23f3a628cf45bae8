import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';

describe('parseCliArgs', () => {
  it('parses a preview with every option and defaults the date to today', () => {
    expect(parseCliArgs(['preview', '--config', 'c.json', '--out', 'p.json', '--json'], '2026-11-27')).toEqual({
      command: 'preview', config: 'c.json', asOf: '2026-11-27', json: true, out: 'p.json', plan: null, yes: false, target: null,
    });
    expect(parseCliArgs(['apply', '--config', 'c.json', '--yes', '--target', 'nedap-ons'])?.target).toBe('nedap-ons');
    expect(parseCliArgs(['import', '--config', 'c.json', '--as-of', '2027-01-31'])?.asOf).toBe('2027-01-31');
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
    [['import', '--config', 'c', '--bogus'], "Unknown option '--bogus'"],
    [['preview', '--config', 'c', '--target', 'afas'], '--target must be ad or nedap-ons, not "afas"'],
    [['history', '--config', 'c', '--target', 'ad'], '--target only applies to preview and apply'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv, '2026-11-27')).toThrow(UsageError);
    expect(() => parseCliArgs(argv, '2026-11-27')).toThrow(message);
  });
});
