import { describe, expect, it } from 'vitest';
import { formatMapping, getIn, numberValue, parseMapping, setIn } from './settings-form';

describe('settings form helpers', () => {
  it('sets a nested key without touching the original or its siblings', () => {
    const config = { visma: { clientId: 'a', tenantId: 't' } };
    const next = setIn(config, ['visma', 'clientId'], 'b');
    expect(next).toEqual({ visma: { clientId: 'b', tenantId: 't' } });
    expect(config.visma.clientId).toBe('a');
    expect(getIn(setIn({}, ['policy', 'createDaysBeforeStart'], 7), ['policy', 'createDaysBeforeStart'])).toBe(7);
    expect(setIn(next, ['visma', 'clientId'], undefined)).toEqual({ visma: { tenantId: 't' } });
  });

  it('drops a section once its last field is cleared, so no half section is left to refuse', () => {
    const config = setIn({ visma: { clientId: 'a' } }, ['nedapOns', 'baseUrl'], 'https://nedap.example');
    expect(config).toEqual({ visma: { clientId: 'a' }, nedapOns: { baseUrl: 'https://nedap.example' } });
    expect(setIn(config, ['nedapOns', 'baseUrl'], undefined)).toEqual({ visma: { clientId: 'a' } });
    expect(setIn({ notices: { smtp: { host: 'h' } } }, ['notices', 'smtp', 'host'], undefined)).toEqual({});
    expect(setIn({ policy: { rules: [] } }, ['policy', 'naming'], {})).toEqual({ policy: { rules: [] } });
  });

  it('keeps a number field that is not a number as text, so the save names it', () => {
    expect(numberValue('12')).toBe(12);
    expect(numberValue('twelve')).toBe('twelve');
    expect(numberValue(' ')).toBeUndefined();
  });

  it('reads and writes OU mappings as "key = value" lines', () => {
    const text = 'OE0004 = OU=ICT,OU=Medewerkers,DC=x\nbad line\nOE5 = OU=Zorg,DC=x';
    const map = parseMapping(text);
    expect(map).toEqual({ OE0004: 'OU=ICT,OU=Medewerkers,DC=x', OE5: 'OU=Zorg,DC=x' });
    expect(parseMapping(formatMapping(map))).toEqual(map);
  });
});
