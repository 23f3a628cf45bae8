import { describe, expect, it } from 'vitest';
import { columnsOf, quoteCsvField, UTF8_BOM, writeCsvFiles } from './csv-writer';
import { parseCsv } from './test-support';

describe('quoteCsvField', () => {
  it.each([
    ['', ''],
    ['plain', 'plain'],
    ['Zoë Çelik', 'Zoë Çelik'],
    ["in 't Veld", "in 't Veld"],
    ['  spaced  ', '  spaced  '],
    ['Berg, J. van den', '"Berg, J. van den"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['a\nb', '"a\nb"'],
    ['a\r\nb', '"a\r\nb"'],
    ['a\rb', '"a\rb"'],
  ])('writes %j as %j', (value, expected) => {
    expect(quoteCsvField(value)).toBe(expected);
  });
});

describe('columnsOf', () => {
  it('lists every key in first-seen order', () => {
    expect(columnsOf([{ a: '1', b: '2' }, { b: '3', c: '4' }], ['x'])).toEqual(['a', 'b', 'c']);
  });

  it('falls back to the given columns for no rows', () => {
    expect(columnsOf([], ['x', 'y'])).toEqual(['x', 'y']);
  });
});

describe('writeCsvFiles', () => {
  const rows = Array.from({ length: 10 }, (_, index) => ({ id: String(index), name: index % 3 === 0 ? `n,${index}` : `n${index}` }));

  it('writes one file with BOM, header and CRLF line ends', () => {
    const [file] = writeCsvFiles(rows.slice(0, 2), ['id', 'name'], 1);
    expect(file).toBe(`${UTF8_BOM}id,name\r\n0,"n,0"\r\n1,n1\r\n`);
  });

  it('lower-cases the header but reads values under the original key', () => {
    const [file] = writeCsvFiles([{ EmployeeId: '7' }], ['EmployeeId'], 1);
    expect(file).toBe(`${UTF8_BOM}employeeid\r\n7\r\n`);
  });

  it('writes an empty cell for a column a row lacks', () => {
    const [file] = writeCsvFiles([{ a: '1' }], ['a', 'b'], 1);
    expect(file).toBe(`${UTF8_BOM}a,b\r\n1,\r\n`);
  });

  it('splits rows evenly over the files, repeating the header, losing and duplicating nothing', () => {
    const files = writeCsvFiles(rows, ['id', 'name'], 3);
    expect(files).toHaveLength(3);
    const parsed = files.map((file) => parseCsv(file));
    for (const [header] of parsed) expect(header).toEqual(['id', 'name']);
    expect(parsed.map((records) => records.length - 1)).toEqual([3, 3, 4]);
    expect(parsed.flatMap((records) => records.slice(1)).map(([id, name]) => ({ id, name }))).toEqual(rows);
  });

  it('writes header-only files when there are more files than rows', () => {
    const files = writeCsvFiles(rows.slice(0, 1), ['id', 'name'], 3);
    expect(files.filter((file) => file === `${UTF8_BOM}id,name\r\n`)).toHaveLength(2);
  });
});
