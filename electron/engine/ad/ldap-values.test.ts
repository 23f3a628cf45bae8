import { describe, expect, it } from 'vitest';
import {
  encodeUnicodePwd, generalizedTimeToIso, guidToBytes, guidToString, isEnabled, NEW_ACCOUNT_UAC, normaliseGuid,
  passwordContainsAccountName, withEnabled,
} from './ldap-values';

describe('objectGUID', () => {
  // Bytes as Samba sent them, and the GUID it printed for the same object in a diagnostic.
  const wire = Buffer.from('94b466f9fbf2cf4ea868b9bce023734b', 'hex');
  const text = 'f966b494-f2fb-4ecf-a868-b9bce023734b';

  it('formats wire bytes the way AD prints them', () => {
    expect(guidToString(wire)).toBe(text);
  });

  it('round-trips', () => {
    expect(guidToBytes(text).equals(wire)).toBe(true);
    expect(guidToBytes(`{${text.toUpperCase()}}`).equals(wire)).toBe(true);
  });

  it('normalises or rejects', () => {
    expect(normaliseGuid(`{${text.toUpperCase()}}`)).toBe(text);
    expect(normaliseGuid('not-a-guid')).toBeNull();
    expect(() => guidToBytes('xyz')).toThrow(RangeError);
    expect(() => guidToString(Buffer.alloc(3))).toThrow(RangeError);
  });
});

describe('userAccountControl', () => {
  it('toggles only bit 2', () => {
    expect(NEW_ACCOUNT_UAC).toBe(514);
    expect(withEnabled(514, true)).toBe(512);
    expect(withEnabled(512 | 0x10000, false)).toBe(514 | 0x10000);
    expect(withEnabled(546, true)).toBe(544);
    expect(withEnabled(512, true)).toBe(512);
    expect(isEnabled(66048)).toBe(true);
    expect(isEnabled(66050)).toBe(false);
  });
});

describe('encodeUnicodePwd', () => {
  it('quotes and encodes as UTF-16LE', () => {
    expect(encodeUnicodePwd('Ab1!').toString('hex')).toBe('220041006200310021002200');
    expect(encodeUnicodePwd('é').toString('utf16le')).toBe('"é"');
  });
});

describe('generalizedTimeToIso', () => {
  it.each([
    ['20261127045830.0Z', '2026-11-27T04:58:30.000Z'],
    ['20261127045830Z', '2026-11-27T04:58:30.000Z'],
    ['20261127045830.1234Z', '2026-11-27T04:58:30.123Z'],
    ['garbage', 'garbage'],
  ])('%s', (input, expected) => {
    expect(generalizedTimeToIso(input)).toBe(expected);
  });
});

describe('passwordContainsAccountName (the Windows AD complexity rule Samba skips)', () => {
  it.each([
    ['Xjdoe!12345', 'jdoe', undefined, true],
    ['XJDOE!12345', 'jdoe', undefined, true],
    ['Xjd!12345', 'jd', undefined, false], // names under 3 characters are not checked
    ['Vries!2024x', 'jvries', 'Jan de Vries', true],
    ['Jan!2024xyz', 'jvries', 'Jan de Vries', true],
    ['De!2024xyzQ', 'jvries', 'Jan de Vries', false], // "de" is a token under 3 characters
    ['Boele#9xyz', 'x1', 'Boele, Janine van-den', true],
    ['Vx7!kQ2#mLp9', 'jvries', 'Jan de Vries', false],
  ])('%s / %s / %s', (pw, sam, display, expected) => {
    expect(passwordContainsAccountName(pw, sam, display)).toBe(expected);
  });
});
