import { describe, expect, it } from 'vitest';
import { MappingCsvError, parseMappingCsv } from './mapping-csv';

describe('parseMappingCsv', () => {
  it('reads org-unit and org-unit/function rows, ids comma-separated, repeated keys adding up', () => {
    const text = [
      'HelloIDPrimaryLookupKey;HelloIDSecondaryLookupKey;NedapTeamIds;AllEmployees',
      'OE20;;1,2;',
      'OE20;F02;3;True',
      'OE20;;2,4;',
      'OE30;;;',
    ].join('\r\n');
    expect(parseMappingCsv(text, 'NedapTeamIds', 'Mapping-Teams.csv')).toEqual({ OE20: [1, 2, 4], 'OE20/F02': [3], OE30: [] });
  });

  it('names the file and line of an id that is not a number, and a missing column', () => {
    const bad = 'HelloIDPrimaryLookupKey;HelloIDSecondaryLookupKey;NedapLocationIds;AllClients\nOE20;;1,x;\n';
    expect(() => parseMappingCsv(bad, 'NedapLocationIds', 'loc.csv')).toThrow(/loc\.csv line 2/);
    expect(() => parseMappingCsv(bad, 'NedapTeamIds', 'loc.csv')).toThrow(MappingCsvError);
  });
});
