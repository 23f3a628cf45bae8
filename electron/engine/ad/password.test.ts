import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_LENGTH, displayNameTokens, generatePassword, passwordProblems } from './password';

describe('generatePassword', () => {
  const subject = { sAMAccountName: 'a.vandenberg', displayName: 'Anna van den Berg - Jansen' };

  it('meets AD complexity in 2000 samples, default length 20', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const password = generatePassword(subject);
      expect(password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password).not.toMatch(/[\s"'\\]/);
      expect(passwordProblems(password, subject)).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(2000);
  });

  it('never goes below 16 characters', () => {
    expect(generatePassword(subject, { length: 8 })).toHaveLength(16);
    expect(generatePassword(subject, { length: 32 })).toHaveLength(32);
  });

  it('redraws a password that contains a display-name token', () => {
    // Script the first draw to "Aa2!bergxxxxxxxxxxxx" (shuffle draws i, so nothing moves); then real randomness.
    const all = 'ABCDEFGHJKLMNPQRSTUVWXYZ' + 'abcdefghijkmnopqrstuvwxyz' + '23456789' + '!#$%&*+-=?@^_~';
    const fill = [...'bergxxxxxxxxxxxx'].map((ch) => all.indexOf(ch));
    let call = 0;
    const scripted = (max: number): number => {
      call += 1;
      if (call <= 4) return 0;
      if (call <= 20) return fill[call - 5] as number;
      if (call <= 39) return max - 1;
      return Math.floor(Math.random() * max);
    };
    const password = generatePassword(subject, { randomInt: scripted });
    expect(passwordProblems('Aa2!bergxxxxxxxxxxxx', subject)).toEqual(['contains "Berg" from the display name']);
    expect(call).toBeGreaterThan(39);
    expect(passwordProblems(password, subject)).toEqual([]);
  });

  it('gives up with an error when every draw is the same bad password', () => {
    const stuck = { sAMAccountName: 'aaa', displayName: null };
    // Always index 0: the lower-case class yields "a" everywhere, which contains "aaa".
    expect(() => generatePassword(stuck, { randomInt: () => 0 })).toThrow(/could not generate/);
  });
});

describe('passwordProblems', () => {
  it('finds names case-insensitively and ignores short tokens', () => {
    const subject = { sAMAccountName: 'j.doe', displayName: 'Jo de Vries' };
    expect(passwordProblems('xxJ.DOExxAa1!xxxxxx', subject)).toContain('contains the account name');
    expect(passwordProblems('xxVRIESxxAa1!xxxxxx', subject)).toContain('contains "Vries" from the display name');
    expect(passwordProblems('xxJODExxAa1!xxxxxxx', subject)).toEqual([]);
    expect(passwordProblems('short', subject)).toContain('shorter than 16 characters');
  });

  it('splits display names on the delimiters AD uses', () => {
    expect(displayNameTokens('Anna van den Berg - Jansen')).toEqual(['Anna', 'van', 'den', 'Berg', 'Jansen']);
    expect(displayNameTokens('Berg,Jo_de#Vries.X')).toEqual(['Berg', 'Vries']);
  });
});
