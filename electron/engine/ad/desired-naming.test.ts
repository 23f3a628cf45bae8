import { describe, expect, it } from 'vitest';
import { contract, name, person, POLICY, SETTINGS } from '../plan/ad-plan.fixtures';
import { attributeCandidates } from '../policy/name-candidates';
import { DEFAULT_NAMING } from '../policy/naming-convention';
import type { AdPolicy } from './ad-policy';
import { desiredAccount } from './desired';

const asOf = '2026-06-01';

describe('desiredAccount: names that settle and make sense', () => {
  it('removes control, bidi-override and zero-width characters from every written name, with a warning', () => {
    const p = person({ name: name({ nickname: 'Jan\u200b', familyName: 'Berg\u202e', initials: 'J.\u0007' }) });
    const { desired, findings } = desiredAccount(p, asOf, POLICY, SETTINGS);
    expect(desired?.attributes).toMatchObject({ givenName: 'Jan', sn: 'Berg', displayName: 'Jan Berg', initials: 'J' });
    expect(desired?.cnBase).toBe('Jan Berg');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'invalid-attribute' });
    expect(findings[0]?.message).toContain('were removed from familyName, nickname, initials');
  });

  it('folds fullwidth and compatibility forms (NFKC)', () => {
    const p = person({ name: name({ nickname: 'Ｊａｎ', familyName: 'Berg' }), contracts: [contract({ function: { id: 'F1', name: 'ﬁnance' } })] });
    const { desired } = desiredAccount(p, asOf, POLICY, SETTINGS);
    expect(desired?.attributes).toMatchObject({ givenName: 'Jan', displayName: 'Jan Berg', title: 'finance' });
  });

  it('cuts a CN base of 64 characters by grapheme: no half surrogate', () => {
    const p = person({ name: name({ nickname: 'Jan', familyName: `${'a'.repeat(59)}😀` }) });
    const { desired } = desiredAccount(p, asOf, POLICY, SETTINGS);
    if (!desired) throw new Error('expected a desired account');
    // Today's slice(0, 64) kept the high half of the emoji: AD stores U+FFFD and every preview renames again.
    expect([...attributeCandidates(desired.names.cn)].slice(0, 2)).toEqual([`Jan ${'a'.repeat(59)}`, `Jan ${'a'.repeat(58)} 2`]);
  });

  it('writes the display name per name usage from policy.naming.displayName', () => {
    const naming = { ...DEFAULT_NAMING, displayName: { B: '{birthNameOnly}, {nickname} {birthPrefix}', P: '{partnerNameOnly}, {nickname} {partnerPrefix}', BP: '{nickname} {familyNameFull}', PB: '{nickname} {familyNameFull}' } };
    const policy: AdPolicy = { ...POLICY, naming };
    const smit = person({ name: name({ nickname: 'Anna', familyName: 'Smit', familyNamePrefix: '', partnerName: 'Dam', partnerNamePrefix: 'van', convention: 'B' }) });
    expect(desiredAccount(smit, asOf, policy, SETTINGS).desired?.attributes.displayName).toBe('Smit, Anna');
    const dam = person({ name: name({ nickname: 'Anna', familyName: 'Smit', partnerName: 'Dam', partnerNamePrefix: 'van', convention: 'P' }) });
    expect(desiredAccount(dam, asOf, policy, SETTINGS).desired?.attributes.displayName).toBe('Dam, Anna van');
    // The CN follows the display name.
    expect(desiredAccount(dam, asOf, policy, SETTINGS).desired?.cnBase).toBe('Dam, Anna van');
  });

  it('keeps the old policy.templates.displayName working with its own placeholders', () => {
    const policy: AdPolicy = { ...POLICY, templates: { displayName: '{sn}, {givenName} ({personId})' } };
    const p = person({ name: name({ nickname: 'Jan', familyName: 'Berg' }) });
    expect(desiredAccount(p, asOf, policy, SETTINGS).desired?.attributes.displayName).toBe('Berg, Jan (100234)');
  });
});
