import { describe, expect, it } from 'vitest';
import type { AdAction, AdActionKind } from '../model/plan';
import { approvedIds, ApprovalError, DEFAULT_ACTION_LIMITS, holdForReview, stillHeld } from './limits';

function action(n: number, kind: AdActionKind, dependsOn: readonly string[] = []): AdAction {
  return {
    id: `${n}-${kind}-${100 + n}`,
    target: 'ad',
    action: kind,
    personId: String(100 + n),
    account: { dn: `CN=p${n},OU=Users,DC=x`, sAMAccountName: `p${n}`, objectGuid: null },
    changes: [],
    entitlement: null,
    reasons: ['test'],
    dependsOn,
  };
}

function many(kind: AdActionKind, n: number, from = 0): AdAction[] {
  return Array.from({ length: n }, (_, i) => action(from + i, kind));
}

describe('action limits', () => {
  it('lets 25 disables through on a small domain and holds 26 (25 is larger than 5 %)', () => {
    expect(holdForReview(many('disable', 25), DEFAULT_ACTION_LIMITS, { ad: 100 })).toEqual([]);
    const held = holdForReview(many('disable', 26), DEFAULT_ACTION_LIMITS, { ad: 100 });
    expect(held).toHaveLength(26);
    expect(held[0]?.reason).toBe('26 disables in Active Directory, more than the 25 allowed (5 % of 100 managed accounts or 25, whichever is larger): held for review');
  });

  it('uses 5 % of the managed accounts when that is larger', () => {
    expect(holdForReview(many('delete', 50), DEFAULT_ACTION_LIMITS, { ad: 1000 })).toEqual([]);
    expect(holdForReview(many('delete', 51), DEFAULT_ACTION_LIMITS, { ad: 1000 })).toHaveLength(51);
  });

  it('holds only the kind that is over its limit, and what depends on it', () => {
    const disables = many('disable', 3);
    const revoke = action(10, 'revoke', [disables[0]!.id]);
    const creates = many('create', 30, 20);
    const held = holdForReview([...creates, ...disables, revoke], [{ target: 'ad', kind: 'disable', limit: { count: 2 } }], { ad: 40 });
    expect(held.map((h) => h.actionId)).toEqual([...disables.map((a) => a.id), revoke.id]);
    expect(held.at(-1)).toMatchObject({ waitsFor: disables[0]!.id, reason: `waits for action ${disables[0]!.id}, which is held for review` });
  });

  it('holds the other actions on the account of a held action with it (a leaver is reviewed as one)', () => {
    const disable = action(1, 'disable');
    const move: AdAction = { ...action(1, 'move'), id: '0-move-101' };
    const other = action(2, 'revoke');
    const held = holdForReview([move, other, disable], [{ target: 'ad', kind: 'disable', limit: { count: 0 } }], { ad: 10 });
    expect(held.map((h) => [h.actionId, h.waitsFor])).toEqual([['0-move-101', disable.id], [disable.id, null]]);
    expect(stillHeld([move, other, disable], held, [disable.id])).toEqual([]);
  });

  it('approves a subset: the rest stays held, and so do their dependents', () => {
    const disables = many('disable', 3);
    const revoke = action(10, 'revoke', [disables[2]!.id]);
    const actions = [...disables, revoke];
    const held = holdForReview(actions, [{ target: 'ad', kind: 'disable', limit: { count: 1 } }], { ad: 10 });
    const approved = approvedIds(held, [disables[0]!.id, revoke.id]);
    expect(stillHeld(actions, held, approved).map((h) => h.actionId)).toEqual([disables[1]!.id, disables[2]!.id, revoke.id]);
    expect(stillHeld(actions, held, approvedIds(held, 'all'))).toEqual([]);
  });

  it('refuses an approval of an action that is not held', () => {
    const held = holdForReview(many('disable', 2), [{ target: 'ad', kind: 'disable', limit: { count: 1 } }], { ad: 10 });
    expect(() => approvedIds(held, ['99-create-1'])).toThrow(ApprovalError);
  });
});
