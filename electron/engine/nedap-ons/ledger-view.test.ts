import { describe, expect, it } from 'vitest';
import { EntitlementLedger } from '../state/entitlement-ledger';
import { nedapRecordChanges, nedapRecordsOf } from './ledger-view';

const AT = '2026-12-01T08:00:00.000Z';

describe('the Nedap Ons view of the entitlement ledger', () => {
  it('round-trips a record, an empty set stays known and an unwritten set stays unknown', () => {
    const changes = nedapRecordChanges('1003-1', undefined, { userUuid: 'u-1', duties: ['r-2', 'r-1'], teams: [] }, { rules: { 'role:r-1': 'Zorg' }, userHow: 'adopted', at: AT });
    const ledger = new EntitlementLedger().with(changes);
    expect(nedapRecordsOf(ledger).get('1003-1')).toEqual({ userUuid: 'u-1', duties: ['r-1', 'r-2'], teams: [] });
    expect(ledger.entryOf('nedap-ons', '1003-1', 'role:r-1')).toMatchObject({ rule: 'Zorg', how: 'granted', accountId: 'u-1', at: AT });
    expect(ledger.entryOf('nedap-ons', '1003-1', 'user')?.how).toBe('adopted');
    // AD entries are not Nedap users.
    const withAd = ledger.with([{ kind: 'record', entry: { target: 'ad', account: '1003-1', accountId: null, entitlement: 'CN=G,DC=x', rule: null, how: 'granted', at: AT } }]);
    expect([...nedapRecordsOf(withAd).keys()]).toEqual(['1003-1']);
  });

  it('changes only what differs: kept entries keep their grant, removed ones are forgotten', () => {
    const before = { userUuid: 'u-1', duties: ['r-1', 'r-2'] };
    const changes = nedapRecordChanges('1003-1', before, { userUuid: 'u-1', duties: ['r-2', 'r-3'] }, { at: AT });
    expect(changes).toEqual([
      { kind: 'forget', target: 'nedap-ons', account: '1003-1', entitlement: 'role:r-1' },
      { kind: 'record', entry: expect.objectContaining({ entitlement: 'role:r-3', rule: null }) },
    ]);
    expect(nedapRecordChanges('1003-1', before, null, { at: AT })).toEqual([{ kind: 'forget-account', target: 'nedap-ons', account: '1003-1' }]);
    expect(nedapRecordChanges('1003-1', undefined, null, { at: AT })).toEqual([]);
    // Another user behind the same employment: nothing of the old one stays.
    const other = nedapRecordChanges('1003-1', before, { userUuid: 'u-2' }, { at: AT });
    expect(other[0]).toEqual({ kind: 'forget-account', target: 'nedap-ons', account: '1003-1' });
    expect(new EntitlementLedger().with(nedapRecordChanges('1003-1', undefined, before, { at: AT })).with(other).entries.map((e) => [e.entitlement, e.accountId])).toEqual([['user', 'u-2']]);
  });
});
