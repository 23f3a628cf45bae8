import { describe, expect, it } from 'vitest';
import { DATASETS } from './datasets';
import type { DatasetName, DatasetSpec } from './datasets';
import { parseVismaCsv, parseVismaCsvStream } from './csv';
import { appendRows, CompactCsvBuilder, restDigest, rowsOfFiles } from './csv-compact';
import type { CompactCsv } from './csv-compact';
import { VismaExportError } from './errors';

function spec(name: DatasetName): DatasetSpec {
  const found = DATASETS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no dataset ${name}`);
  return found;
}

const costCenters = spec('costCenters');
const contracts = spec('contracts');

async function parseError(run: () => Promise<unknown>): Promise<VismaExportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VismaExportError);
    return error as VismaExportError;
  }
  throw new Error('expected a VismaExportError');
}

describe('parseVismaCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', async () => {
    const text = 'costcenter,costcentername\nCC1,"Zorg, West"\nCC2,"De ""Linde"""\nCC3,"regel 1\nregel 2"\n';
    expect(await parseVismaCsv(text, costCenters)).toEqual([
      { costcenter: 'CC1', costcentername: 'Zorg, West' },
      { costcenter: 'CC2', costcentername: 'De "Linde"' },
      { costcenter: 'CC3', costcentername: 'regel 1\nregel 2' },
    ]);
  });

  it('strips a UTF-8 BOM and reads CRLF line ends, keeping diacritics', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('costcenter,costcentername\r\nCC1,Cliënten\r\nCC2,"Zorg\r\nThuis"\r\n', 'utf8'),
    ]);
    const rows = await parseVismaCsv(bytes, costCenters);
    expect(rows).toEqual([
      { costcenter: 'CC1', costcentername: 'Cliënten' },
      { costcenter: 'CC2', costcentername: 'Zorg\r\nThuis' },
    ]);
    // Without BOM handling the first header would be '\uFEFFcostcenter' and the check would fail.
    expect(Object.keys(rows[0] ?? {})).toEqual(['costcenter', 'costcentername']);
  });

  it('accepts a last line without a line end', async () => {
    expect(await parseVismaCsv('costcenter,costcentername\nCC1,A', costCenters)).toEqual([{ costcenter: 'CC1', costcentername: 'A' }]);
  });

  it('gives empty cells as empty strings, quoted or not', async () => {
    expect(await parseVismaCsv('costcenter,costcentername,extra\nCC1,,""\n', costCenters)).toEqual([
      { costcenter: 'CC1', costcentername: '', extra: '' },
    ]);
  });

  it('trims and lower-cases headers but leaves values alone', async () => {
    expect(await parseVismaCsv(' CostCenter , COSTCENTERNAME\n CC1 , Zorg \n', costCenters)).toEqual([
      { costcenter: ' CC1 ', costcentername: ' Zorg ' },
    ]);
  });

  it('keeps unknown extra columns and drops unnamed ones', async () => {
    const rows = await parseVismaCsv('costcentername,newcolumn,costcenter,\nZorg,x,CC1,\n', costCenters);
    expect(rows).toEqual([{ costcentername: 'Zorg', newcolumn: 'x', costcenter: 'CC1' }]);
  });

  it('reads files of one export with columns in different orders', async () => {
    const rows = [
      ...await parseVismaCsv('costcenter,costcentername\nCC1,A\n', costCenters, { index: 1, count: 2 }),
      ...await parseVismaCsv('costcentername,costcenter\nB,CC2\n', costCenters, { index: 2, count: 2 }),
    ];
    expect(rows).toEqual([
      { costcenter: 'CC1', costcentername: 'A' },
      { costcenter: 'CC2', costcentername: 'B' },
    ]);
  });

  it('skips blank lines and reads a header-only or empty file as no rows', async () => {
    expect(await parseVismaCsv('costcenter,costcentername\n\nCC1,A\n\n', costCenters)).toHaveLength(1);
    expect(await parseVismaCsv('costcenter,costcentername\r\n', costCenters)).toEqual([]);
    expect(await parseVismaCsv('', costCenters)).toEqual([]);
  });

  it('does not let a __proto__ column replace the prototype of a row', async () => {
    const [row] = await parseVismaCsv('costcenter,costcentername,__proto__\nCC1,A,{}\n', costCenters);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row).toEqual({ costcenter: 'CC1', costcentername: 'A' });
  });

  it('treats any header text as a plain name, never as code', async () => {
    const nasty = '"a\\"b}; this.pwned = 1; ({"';
    const text = `costcenter,costcentername,"${nasty.replace(/"/g, '""')}",'x',\`y\`,\\z\nCC1,A,1,2,3,4\n`;
    const [row] = await parseVismaCsv(text, costCenters);
    expect(row).toEqual({ costcenter: 'CC1', costcentername: 'A', [nasty]: '1', "'x'": '2', '`y`': '3', '\\z': '4' });
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('gives every row of a file the same shape', async () => {
    const rows = await parseVismaCsv('costcenter,costcentername,a,b\nCC1,A,1,2\nCC2,B,3,4\n', costCenters);
    expect(rows.map((row) => Object.keys(row))).toEqual([
      ['costcenter', 'costcentername', 'a', 'b'],
      ['costcenter', 'costcentername', 'a', 'b'],
    ]);
  });

  it('names the dataset and the column when a required column is missing', async () => {
    const header = contracts.requiredColumns.filter((column) => column !== 'orgunit').join(',');
    const error = await parseError(() => parseVismaCsv(`${header}\n`, contracts));
    expect(error.kind).toBe('missing-column');
    expect(error.dataset).toBe('contracts');
    expect(error.message).toContain("the contracts export has no column 'orgunit'");
  });

  it('names the file of a multi-file export that lacks a column', async () => {
    const error = await parseError(() => parseVismaCsv('costcenter\nCC1\n', costCenters, { index: 2, count: 3 }));
    expect(error.message).toContain("the cost centres export (file 2 of 3) has no column 'costcentername'");
  });

  it('reports a row with too few or too many values with its line number, without its values', async () => {
    const short = await parseError(() => parseVismaCsv('costcenter,costcentername\nCC1,A\nGeheim-Waarde\n', costCenters));
    expect(short.kind).toBe('csv');
    expect(short.message).toBe(
      'the cost centres export is not valid CSV at line 3: a row has 1 values where the header has 2 columns',
    );
    expect(short.message).not.toContain('Geheim');
    // The line number counts physical lines, so a line break inside quotes moves it on.
    const long = await parseError(() => parseVismaCsv('costcenter,costcentername\nCC1,"a\nb"\nCC2,B,extra\n', costCenters));
    expect(long.message).toContain('at line 4: a row has 3 values where the header has 2 columns');
  });

  it('reports an unclosed quote', async () => {
    const error = await parseError(() => parseVismaCsv('costcenter,costcentername\nCC1,"open\n', costCenters));
    expect(error.kind).toBe('csv');
    expect(error.message).toContain('a quoted value is never closed');
  });

  it('reports a duplicate column', async () => {
    const error = await parseError(() => parseVismaCsv('costcenter,CostCenter,costcentername\n', costCenters));
    expect(error.kind).toBe('csv');
    expect(error.message).toContain("has the column 'costcenter' twice");
  });
});

describe('parseVismaCsv: bytes', () => {
  const header = Buffer.from('costcenter,costcentername\n', 'utf8');

  it('refuses a file that is not valid UTF-8, naming the dataset and the byte offset, never the text', async () => {
    // "Zoë" in Windows-1252: the ë is the single byte 0xEB.
    const latin = Buffer.concat([header, Buffer.from('CC1,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]);
    let error: unknown;
    try {
      await parseVismaCsv(latin, costCenters, { index: 2, count: 3 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VismaExportError);
    expect(error).toMatchObject({ dataset: 'costCenters', kind: 'csv' });
    expect((error as Error).message).toContain(`(file 2 of 3) is not valid UTF-8 at byte offset ${header.length + 6}`);
    expect((error as Error).message).toContain('visma.encoding');
    expect((error as Error).message).not.toContain('Zo');
  });

  it('reads that file when visma.encoding says windows-1252, and keeps a real U+FFFD in UTF-8', async () => {
    const latin = Buffer.concat([header, Buffer.from('CC1,Zo'), Buffer.from([0xeb]), Buffer.from(' \xdcnal-\xc7elik\n', 'latin1')]);
    expect(await parseVismaCsv(latin, costCenters, undefined, 'windows-1252')).toEqual([{ costcenter: 'CC1', costcentername: 'Zoë Ünal-Çelik' }]);
    const replacement = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), header, Buffer.from('CC1,a\uFFFDb\n', 'utf8')]);
    expect(await parseVismaCsv(replacement, costCenters)).toEqual([{ costcenter: 'CC1', costcentername: 'a\uFFFDb' }]);
    const badAfterReal = Buffer.concat([header, Buffer.from('CC1,a\uFFFDb', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    await expect(parseVismaCsv(badAfterReal, costCenters)).rejects.toThrow(`at byte offset ${header.length + 9}`);
  });
});

describe('parseVismaCsvStream', () => {
  const header = Buffer.from('costcenter,costcentername\n', 'utf8');

  async function* bytesOneByOne(data: Buffer): AsyncGenerator<Uint8Array> {
    for (const byte of data) yield Uint8Array.of(byte);
  }

  it('parses while the bytes arrive, characters cut by chunk boundaries included', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('costcenter,costcentername\r\nCC1,"Zoë Ünal-Çelik, 😀"\r\nCC2,B\r\n', 'utf8')]);
    const csv = await parseVismaCsvStream(bytesOneByOne(file), costCenters);
    expect(csv.names).toEqual(['costcenter', 'costcentername']);
    expect(rowsOfFiles([csv])).toEqual([{ costcenter: 'CC1', costcentername: 'Zoë Ünal-Çelik, 😀' }, { costcenter: 'CC2', costcentername: 'B' }]);
  });

  it('names the byte offset of bytes that are not UTF-8 in a later chunk, and a character cut off at the end', async () => {
    const bad = Buffer.concat([header, Buffer.from('CC1,Zoë', 'utf8'), Buffer.from([0xeb]), Buffer.from('\n')]);
    await expect(parseVismaCsvStream(bytesOneByOne(bad), costCenters)).rejects.toThrow(`at byte offset ${header.length + 8}`);
    const cut = Buffer.concat([header, Buffer.from('CC1,A'), Buffer.from([0xc3])]);
    await expect(parseVismaCsvStream(bytesOneByOne(cut), costCenters)).rejects.toThrow(`at byte offset ${header.length + 5}`);
  });

  it('decodes windows-1252 across chunks', async () => {
    const latin = Buffer.concat([header, Buffer.from('CC1,Zo\xeb \xdcnal\n', 'latin1')]);
    expect(rowsOfFiles([await parseVismaCsvStream(bytesOneByOne(latin), costCenters, undefined, 'windows-1252')])).toEqual([{ costcenter: 'CC1', costcentername: 'Zoë Ünal' }]);
  });
});

/** A parsed file of the given cells, as the parser builds it. */
function compact(names: readonly string[], values: readonly string[]): CompactCsv {
  const builder = new CompactCsvBuilder();
  for (const value of values) builder.add(value);
  return builder.finish(names);
}

describe('appendRows', () => {
  it('appends more rows than a spread call could take as arguments', async () => {
    const target = [{ a: '0' }];
    appendRows(target, compact(['a'], Array.from({ length: 300_000 }, (_, index) => String(index))));
    expect(target).toHaveLength(300_001);
    expect(target[300_000]).toEqual({ a: '299999' });
  });

  it('keeps every value of a column of few values and of one of many, each distinct value stored once', () => {
    const rows = 2000;
    const values = Array.from({ length: rows }, (_, i) => [`code${i % 3}`, `id${i}`, i % 2 === 0 ? '' : '2026-01-01']).flat();
    const csv = compact(['code', 'id', 'date'], values);
    expect(csv.dictionary).toHaveLength(3 + rows + 2);
    expect(csv.cells).toHaveLength(values.length);
    const target: Record<string, string>[] = [];
    appendRows(target, csv);
    expect(target).toHaveLength(rows);
    expect(target.map((r) => [r.code, r.id, r.date]).flat()).toEqual(values);
  });
});

describe('rows of some columns (rowColumns)', () => {
  it('carry only those columns, and a digest of the others that tells every difference apart', async () => {
    const rows = 2500;
    const header = 'costcenter,costcentername,note,,extra\r\n';
    const line = (i: number, note: string): string => `CC${i},"Name ${i}, Zoë","${note}",,x${i % 3}\r\n`;
    const notes = ['', 'a\u0000b', 'say ""hi""\r\nthere', ' padded '];
    const text = header + Array.from({ length: rows }, (_, i) => line(i, notes[i % notes.length] ?? '')).join('');
    const file = await parseVismaCsvStream([text], costCenters, undefined, 'utf-8', ['costcenter', 'costcentername']);
    const some = rowsOfFiles([file]);
    expect(file.names).toEqual(['costcenter', 'costcentername']);
    expect(file.rest?.names).toEqual(['extra', 'note']);
    // (Each row also carries its place in the file under two symbols, which vitest's toEqual would count.)
    expect(Object.fromEntries(Object.entries(some[7] ?? {}))).toEqual({ costcenter: 'CC7', costcentername: 'Name 7, Zoë' });
    const of = async (csv: string): Promise<string> =>
      restDigest(rowsOfFiles([await parseVismaCsvStream([csv], costCenters, undefined, 'utf-8', ['costcenter'])])[0] ?? {});
    const base = await of('costcenter,costcentername,note\r\nCC1,Name,x\r\n');
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    // The same values in another column order, and values that differ only in padding (compared trimmed), agree.
    expect(await of('note,costcenter,costcentername\r\nx,CC1,Name\r\n')).toBe(base);
    expect(await of('costcenter,costcentername,note\r\nCC1, Name ,x\r\n')).toBe(base);
    // Any other value, or another set of left-out columns, does not.
    expect(await of('costcenter,costcentername,note\r\nCC1,Name,y\r\n')).not.toBe(base);
    expect(await of('costcenter,costcentername,note,more\r\nCC1,Name,x,\r\n')).not.toBe(base);
    // Rows of a file with every column kept have none.
    expect(restDigest(rowsOfFiles([await parseVismaCsvStream(['costcenter,costcentername\r\nCC1,Name\r\n'], costCenters)])[0] ?? {})).toBe('');
    // Across the blocks of a long file: rows 0 and 2400 left out the same values, rows 0 to 11 all different ones.
    expect(restDigest(some[2400] ?? {})).toBe(restDigest(some[0] ?? {}));
    expect(new Set(some.slice(0, 12).map(restDigest)).size).toBe(12);
  });
});
