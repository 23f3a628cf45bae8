import { describe, expect, it } from 'vitest';
import { cleanText, cutToLength, firstGraphemes, logonPart, tidyLogon } from './name-text';

describe('cleanText', () => {
  it('removes control, bidi-override and zero-width characters and says so', () => {
    expect(cleanText('Jan\u202eneeB')).toEqual({ text: 'JanneeB', removed: true });
    expect(cleanText('An\u200bna')).toEqual({ text: 'Anna', removed: true });
    expect(cleanText('Pie\u0007ter\u2066')).toEqual({ text: 'Pieter', removed: true });
    expect(cleanText('\ufeffBerg')).toEqual({ text: 'Berg', removed: true });
  });

  it('folds fullwidth and compatibility forms (NFKC) and collapses white space', () => {
    expect(cleanText('Ｊａｎ  de\tVries ')).toEqual({ text: 'Jan de Vries', removed: false });
    expect(cleanText('ﬁona')).toEqual({ text: 'fiona', removed: false });
  });

  it('keeps letters with diacritics and names as they are', () => {
    expect(cleanText('Zoë Ünal-Çelik')).toEqual({ text: 'Zoë Ünal-Çelik', removed: false });
  });
});

describe('cutting by grapheme', () => {
  it('never leaves half a surrogate pair at the limit', () => {
    const name = `${'a'.repeat(63)}😀`;
    const cut = cutToLength(name, 64);
    expect(cut).toBe('a'.repeat(63));
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(cut)).toBe(false);
  });

  it('keeps a letter with its combining mark together', () => {
    expect(cutToLength('Zoe\u0308 Berg', 3)).toBe('Zo');
    expect(firstGraphemes('👩‍⚕️Anna', 2)).toBe('👩‍⚕️A');
  });
});

describe('logonPart', () => {
  it('removes diacritics, spaces and other characters', () => {
    expect(logonPart('Zoë')).toBe('zoe');
    expect(logonPart('Ünal')).toBe('unal');
    expect(logonPart('van den Berg')).toBe('vandenberg');
    expect(logonPart('Øystein Straße')).toBe('oysteinstrasse');
  });

  it('replaces spaces by the configured character', () => {
    expect(logonPart('van den Berg', '.')).toBe('van.den.berg');
  });

  it('transliterates other scripts instead of dropping their letters', () => {
    // The first letter is Cyrillic А (U+0410).
    expect(logonPart('\u0410dmin')).toBe('admin');
    expect(logonPart('Дмитрий')).toBe('dmitrii');
    expect(logonPart('Αλέξανδρος')).toBe('alexandros');
  });

  it('drops symbols and invisible characters', () => {
    expect(logonPart('Anna😀')).toBe('anna');
    expect(logonPart('An\u200bna')).toBe('anna');
    expect(logonPart('Ｊａｎ')).toBe('jan');
  });
});

describe('tidyLogon', () => {
  it('leaves no leading, trailing or doubled dots', () => {
    expect(tidyLogon('jan..berg')).toBe('jan.berg');
    expect(tidyLogon('.jan.')).toBe('jan');
    expect(tidyLogon('-jan_')).toBe('jan');
  });
});
