import { describe, expect, it } from 'vitest';
import type { AdAction, Plan } from '../model/plan';
import type { RunRecord } from '../model/run';
import { adUndoInfo } from '../apply/undo-info';
import { account, contract, person } from './ad-plan.fixtures';
import { applyExclusions } from './exclusions';
import { planUndo } from './undo-plan';

const DISABLED = 'OU=Disabled,DC=zorg,DC=local';
const USERS = 'OU=Users,DC=zorg,DC=local';
const GROUP = 'CN=ICT,OU=Groups,DC=zorg,DC=local';

function act(id: string, kind: AdAction['action'], over: Partial<AdAction> = {}): AdAction {
  return { id, target: 'ad', action: kind, personId: '100234', account: { dn: `CN=Jan,${USERS}`, sAMAccountName: 'jan', objectGuid: 'g-1' }, changes: [], entitlement: null, reasons: ['r'], dependsOn: [], ...over };
}

function run(actions: readonly AdAction[], undo: Readonly<Record<string, ReturnType<typeof adUndoInfo>>>): RunRecord {
  return {
    runId: 'run-1', planId: 'p', asOf: '2026-12-06', trigger: 'cli', startedAt: 't', finishedAt: 't', status: 'completed', actions,
    outcomes: actions.map((a) => ({ actionId: a.id, outcome: a.action === 'create' ? 'created' : 'updated', error: null, at: 't', ...(undo[a.id] ? { undo: undo[a.id] } : {}) })),
    summary: { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null,
  };
}

/** The AD actions of a plan (an undo plan has no others). */
const adActions = (plan: Plan): readonly AdAction[] => plan.actions.filter((a): a is AdAction => a.target === 'ad');

describe('undo plan', () => {
  it('reverses a leaver in reverse order from the values read before each write', () => {
    const was = account({ dn: `CN=Jan,${USERS}`, objectGuid: 'g-1', sAMAccountName: 'jan', description: 'Nurse', memberOf: [GROUP] });
    const move = act('1-move', 'move', { changes: [{ attribute: 'dn', before: was.dn, after: `CN=Jan,${DISABLED}` }] });
    const revoke = act('2-revoke', 'revoke', { entitlement: GROUP });
    const disable = act('3-disable', 'disable', { changes: [{ attribute: 'description', before: 'stale plan value', after: 'Disabled 2026-12-06' }] });
    const now = { ...was, dn: `CN=Jan,${DISABLED}`, memberOf: [], description: 'Disabled 2026-12-06', userAccountControl: 514 };
    const plan = adActions(planUndo({
      run: run([move, revoke, disable], {
        '1-move': adUndoInfo(move, was),
        '2-revoke': adUndoInfo(revoke, { ...was, dn: now.dn }),
        '3-disable': adUndoInfo(disable, { ...was, dn: now.dn, memberOf: [] }),
      }),
      accounts: [now], lastLogon: () => null, disabledOu: DISABLED, asOf: '2026-12-07',
    }));
    const undo = planUndo({ run: run([], {}), accounts: [], lastLogon: () => null, disabledOu: DISABLED, asOf: '2026-12-07' });
    expect(plan.map((a) => a.action)).toEqual(['enable', 'grant', 'move']);
    // The description comes back as the directory had it, not as the (stale) plan said.
    expect(plan[0]?.changes).toEqual([{ attribute: 'description', before: 'Disabled 2026-12-06', after: 'Nurse' }]);
    expect(plan[1]?.entitlement).toBe(GROUP);
    expect(plan[2]?.changes).toEqual([{ attribute: 'dn', before: now.dn, after: was.dn }]);
    expect(plan.every((a) => a.account.objectGuid === 'g-1')).toBe(true);
    expect(undo.safety?.undoOf).toBe('run-1');
  });

  it('deletes a created account nobody used, keeps a used one, and lists a delete as irreversible', () => {
    const create = act('1-create', 'create', { account: { dn: `CN=New,${USERS}`, sAMAccountName: 'new', objectGuid: null }, personId: '200001' });
    const used = act('2-create', 'create', { account: { dn: `CN=Used,${USERS}`, sAMAccountName: 'used', objectGuid: null }, personId: '200002' });
    const del = act('3-delete', 'delete', { account: { dn: `CN=Gone,${DISABLED}`, sAMAccountName: 'gone', objectGuid: 'g-9' } });
    const fresh = account({ dn: `CN=New,${USERS}`, sAMAccountName: 'new', userAccountControl: 514 });
    const usedAccount = account({ dn: `CN=Used,${USERS}`, sAMAccountName: 'used' });
    const plan = planUndo({
      run: run([create, used, del], { '1-create': adUndoInfo(create, undefined), '2-create': adUndoInfo(used, undefined), '3-delete': adUndoInfo(del, account({ dn: `CN=Gone,${DISABLED}` })) }),
      accounts: [fresh, usedAccount],
      lastLogon: (a) => (a === usedAccount ? '2026-12-02T08:00:00.000Z' : null),
      disabledOu: DISABLED, asOf: '2026-12-07',
    });
    expect(adActions(plan).map((a) => [a.action, a.account.sAMAccountName])).toEqual([['move', 'new'], ['delete', 'new']]);
    expect(adActions(plan)[1]?.account.dn).toBe(`CN=New,${DISABLED}`);
    expect(plan.actions[1]?.dependsOn).toEqual([plan.actions[0]?.id]);
    expect(adActions(plan)[0]?.changes[0]?.after).toBe(`CN=New,${DISABLED}`);
    expect(plan.safety?.irreversible?.map((i) => [i.what, i.reason.slice(0, 40)])).toEqual([
      ['delete gone', 'a deleted account cannot be brought back'],
      ['create used', 'the account has been used since (last lo'],
    ]);
  });
});

describe('exclusions', () => {
  it('leaves out the actions of an excluded org unit and of an excluded person, with their dependents', () => {
    const care = person({ id: '300001', contracts: [contract({ id: '300001_1_1', employeeId: '300001', orgUnit: { id: 'OE20', name: 'Care' } })] });
    const ict = person({ id: '300002', contracts: [contract({ id: '300002_1_1', employeeId: '300002' })] });
    const vip = person({ id: '300003', contracts: [contract({ id: '300003_1_1', employeeId: '300003' })] });
    const create = act('1-create-300001', 'create', { personId: '300001' });
    const grant = act('2-grant-x', 'grant', { personId: null, dependsOn: ['1-create-300001'] });
    const other = act('3-update-300002', 'update', { personId: '300002' });
    const disable = act('4-disable-300003', 'disable', { personId: '300003' });
    const result = applyExclusions([create, grant, other, disable], [care, ict, vip], [
      { orgUnitId: 'OE20', reason: 'care accounts are managed by the care IT partner' },
      { personId: '300003', reason: 'director, handled by hand' },
    ]);
    expect(result.actions.map((a) => a.id)).toEqual(['3-update-300002']);
    expect(result.excluded).toEqual([
      { personId: '300001', reason: 'everyone in org unit OE20 is excluded by the admin: care accounts are managed by the care IT partner', actionsLeftOut: 1 },
      { personId: '300003', reason: 'excluded by the admin: director, handled by hand', actionsLeftOut: 1 },
    ]);
  });
});
