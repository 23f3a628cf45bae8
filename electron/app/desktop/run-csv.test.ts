import { describe, expect, it } from 'vitest';
import { csvCell } from './run-csv';

describe('csvCell', () => {
  it('makes cells that a spreadsheet would read as a formula plain text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('quotes separators and leaves plain text alone', () => {
    expect(csvCell('van den Berg, Jan')).toBe('"van den Berg, Jan"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('j.vandenberg')).toBe('j.vandenberg');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
