import { describe, expect, it } from 'vitest';
import type { AdAccount } from '../model/ad-account';
import type { AdAction } from '../model/plan';
import type { LedgerChange } from '../model/ledger';
import type { ActionOutcome } from '../model/run';
import type { AdWritePort } from './ad-port';
import { applyAdActions, DirectoryLostError } from './apply-ad';
import { DirectoryConnectionError } from '../ad/directory-errors';

// Pure apply logic with an in-memory directory; the real thing is covered against Samba in
// app/provisioner.samba.test.ts.

const USERS = 'OU=Users,DC=x';
const DISABLED = 'OU=Disabled,DC=x';

function account(over: Partial<AdAccount>): AdAccount {
  return {
    dn: `CN=Jan,${USERS}`, objectGuid: 'g-1', sAMAccountName: 'jan', userPrincipalName: null, mail: null, cn: 'Jan',
    givenName: 'Jan', sn: null, displayName: null, initials: null, employeeID: '1', department: null, title: null,
    company: null, manager: null, description: null, userAccountControl: 512, memberOf: [], whenChanged: null, proxyAddresses: [], ...over,
  };
}

function action(over: Partial<AdAction> & Pick<AdAction, 'id' | 'action'>): AdAction {
  return {
    target: 'ad', personId: '1', account: { dn: `CN=Jan,${USERS}`, sAMAccountName: 'jan', objectGuid: 'g-1' },
    changes: [], entitlement: null, reasons: ['test'], dependsOn: [], ...over,
  };
}

function memoryPort(accounts: AdAccount[], failOn: ReadonlySet<string> = new Set()): AdWritePort & { calls: string[] } {
  const calls: string[] = [];
  const guard = (what: string): void => {
    calls.push(what);
    if (failOn.has(what.split(' ')[0] ?? '')) throw new Error(`the directory refused ${what}`);
  };
  return {
    calls,
    readAccounts: async () => accounts,
    addUser: async (dn) => guard(`add ${dn}`),
    modifyAttributes: async (dn, writes) => guard(`modify ${dn} ${writes.map((w) => w.attribute).join(',')}`),
    setEnabled: async (dn, enabled) => guard(`${enabled ? 'enable' : 'disable'} ${dn}`),
    move: async (dn, to) => guard(`move ${dn} ${to}`),
    deleteEntry: async (dn) => guard(`delete ${dn}`),
    addGroupMember: async (group) => guard(`grant ${group}`),
    removeGroupMember: async (group) => guard(`revoke ${group}`),
  };
}

async function run(actions: AdAction[], port: AdWritePort): Promise<ActionOutcome[]> {
  const recorded: ActionOutcome[] = [];
  const outcomes = await applyAdActions(actions, {
    port, disabledOu: DISABLED, generatePassword: () => 'Secret-Pass-1234!', onOutcome: async (o) => void recorded.push(o),
  });
  expect(recorded).toEqual(outcomes);
  return recorded;
}

describe('applyAdActions', () => {
  it('blocks what depends on a failed action and still does the rest', async () => {
    const port = memoryPort([], new Set(['add']));
    const outcomes = await run([
      action({ id: 'a1', action: 'create', account: { dn: `CN=New,${USERS}`, sAMAccountName: 'new', objectGuid: null }, personId: '2', changes: [{ attribute: 'sAMAccountName', before: null, after: 'new' }, { attribute: 'employeeID', before: null, after: '2' }] }),
      action({ id: 'a2', action: 'grant', entitlement: 'CN=G,DC=x', personId: '2', account: { dn: `CN=New,${USERS}`, sAMAccountName: 'new', objectGuid: null }, dependsOn: ['a1'] }),
      action({ id: 'a3', action: 'update', account: { dn: `CN=Other,${USERS}`, sAMAccountName: 'other', objectGuid: 'g-9' } }),
    ], port);
    expect(outcomes.map((o) => [o.actionId, o.outcome])).toEqual([['a1', 'failed'], ['a2', 'blocked'], ['a3', 'failed']]);
    expect(outcomes[0]?.error).toContain('the directory refused add');
    expect(outcomes[1]?.error).toBe('not done because action a1 did not succeed');
    expect(outcomes[2]?.error).toContain('no longer exists');
  });

  it('stops trying once the domain controller is lost: the rest fails unattempted and the target ends with DirectoryLostError', async () => {
    const port = memoryPort([account({ userAccountControl: 514 }), account({ dn: `CN=Piet,${USERS}`, objectGuid: 'g-2', sAMAccountName: 'piet', employeeID: '2', userAccountControl: 514 })]);
    port.setEnabled = async (dn) => {
      port.calls.push(`enable ${dn}`);
      throw new DirectoryConnectionError('refused', 'ldaps://dc:636', 'Nothing accepts connections at dc:636 (ECONNREFUSED)');
    };
    const recorded: ActionOutcome[] = [];
    const failure = await applyAdActions([
      action({ id: 'e1', action: 'enable', changes: [{ attribute: 'userAccountControl', before: '514', after: '512' }] }),
      action({ id: 'e2', action: 'enable', personId: '2', account: { dn: `CN=Piet,${USERS}`, sAMAccountName: 'piet', objectGuid: 'g-2' }, changes: [{ attribute: 'userAccountControl', before: '514', after: '512' }] }),
    ], { port, disabledOu: DISABLED, generatePassword: () => 'x', onOutcome: async (o) => void recorded.push(o) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DirectoryLostError);
    expect((failure as Error).message).toMatch(/^Active Directory stopped answering during the run \(Nothing accepts connections at dc:636 \(ECONNREFUSED\)\); 2 of 2 actions were not done/);
    expect(port.calls).toHaveLength(1);
    expect(recorded.map((o) => [o.actionId, o.outcome])).toEqual([['e1', 'failed'], ['e2', 'failed']]);
    expect(recorded[1]?.error).toMatch(/^not attempted: the domain controller stopped answering during this run/);
  });

  it('does not redo what is already true', async () => {
    const port = memoryPort([account({ department: 'ICT', memberOf: ['CN=G,DC=x'] })]);
    const outcomes = await run([
      action({ id: 'u', action: 'update', changes: [{ attribute: 'department', before: 'HR', after: 'ICT' }] }),
      action({ id: 'e', action: 'enable', changes: [{ attribute: 'userAccountControl', before: '514', after: '512' }] }),
      action({ id: 'g', action: 'grant', entitlement: 'cn=g,dc=X' }),
      action({ id: 'r', action: 'revoke', entitlement: 'CN=Other,DC=x' }),
      action({ id: 'c', action: 'create', changes: [{ attribute: 'employeeID', before: null, after: '1' }] }),
    ], port);
    expect(outcomes.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(port.calls).toEqual([]);
  });

  it('writes only the attributes that still differ, then the account state follows the writes', async () => {
    const port = memoryPort([account({ department: 'HR', title: 'Helpende' })]);
    const outcomes = await run([
      action({ id: 'u', action: 'update', changes: [{ attribute: 'department', before: 'HR', after: 'ICT' }, { attribute: 'title', before: 'Helpende', after: 'Helpende' }] }),
      action({ id: 'u2', action: 'update', changes: [{ attribute: 'department', before: 'HR', after: 'ICT' }] }),
      action({ id: 'd', action: 'disable', changes: [{ attribute: 'userAccountControl', before: '512', after: '514' }, { attribute: 'description', before: null, after: 'Disabled' }] }),
    ], port);
    expect(outcomes.map((o) => o.outcome)).toEqual(['updated', 'unchanged', 'updated']);
    expect(port.calls).toEqual([`modify CN=Jan,${USERS} department`, `modify CN=Jan,${USERS} description`, `disable CN=Jan,${USERS}`]);
  });

  it('refuses to delete an account that is enabled, outside the disabled OU, or without employeeID', async () => {
    const port = memoryPort([
      account({ objectGuid: 'enabled', dn: `CN=A,${DISABLED}` }),
      account({ objectGuid: 'elsewhere', dn: `CN=B,${USERS}`, userAccountControl: 514, sAMAccountName: 'b' }),
      account({ objectGuid: 'anonymous', dn: `CN=C,${DISABLED}`, userAccountControl: 514, employeeID: null, sAMAccountName: 'c' }),
      account({ objectGuid: 'ok', dn: `CN=D,${DISABLED}`, userAccountControl: 514, sAMAccountName: 'd', employeeID: '4' }),
    ]);
    const del = (guid: string, dn: string): AdAction => action({ id: guid, action: 'delete', account: { dn, sAMAccountName: guid, objectGuid: guid } });
    const outcomes = await run([
      del('enabled', `CN=A,${DISABLED}`), del('elsewhere', `CN=B,${USERS}`), del('anonymous', `CN=C,${DISABLED}`), del('ok', `CN=D,${DISABLED}`), del('gone', `CN=E,${DISABLED}`),
    ], port);
    expect(outcomes.map((o) => o.outcome)).toEqual(['blocked', 'blocked', 'blocked', 'updated', 'unchanged']);
    expect(port.calls).toEqual([`delete CN=D,${DISABLED}`]);
  });

  it('refuses a create whose logon name was taken after the plan was made', async () => {
    const port = memoryPort([account({ sAMAccountName: 'new', employeeID: '77' })]);
    const outcomes = await run([
      action({ id: 'c', action: 'create', personId: '2', account: { dn: `CN=New,${USERS}`, sAMAccountName: 'new', objectGuid: null }, changes: [{ attribute: 'sAMAccountName', before: null, after: 'new' }, { attribute: 'employeeID', before: null, after: '2' }] }),
    ], port);
    expect(outcomes[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('preview again') });
    expect(port.calls).toEqual([]);
  });

  it('hands the account to beforeDelete with its names before it deletes it, and not when the delete is refused', async () => {
    const parked = account({ dn: `CN=Jan,${DISABLED}`, userAccountControl: 514, mail: 'jan@x.nl', proxyAddresses: ['smtp:jan.old@x.nl'] });
    const port = memoryPort([parked, account({ dn: `CN=Piet,${DISABLED}`, objectGuid: 'g-2', sAMAccountName: 'piet' })]);
    const seen: string[] = [];
    const outcomes = await applyAdActions(
      [
        action({ id: '1-delete', action: 'delete', account: { dn: parked.dn, sAMAccountName: 'jan', objectGuid: 'g-1' } }),
        action({ id: '2-delete', action: 'delete', account: { dn: `CN=Piet,${DISABLED}`, sAMAccountName: 'piet', objectGuid: 'g-2' } }),
      ],
      {
        port, disabledOu: DISABLED, generatePassword: () => 'x', onOutcome: async () => undefined,
        beforeDelete: async (a) => {
          seen.push(`${a.sAMAccountName} ${a.mail ?? ''} ${a.proxyAddresses.join(',')} deleted-yet=${port.calls.some((c) => c.startsWith(`delete ${a.dn}`))}`);
        },
      },
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['updated', 'blocked']);
    expect(seen).toEqual(['jan jan@x.nl smtp:jan.old@x.nl deleted-yet=false']);
  });

  it('records grants, revokes and deletes in the ledger as the directory confirms them, with the run', async () => {
    const group = 'CN=ICT,DC=x';
    const port = memoryPort([account({ memberOf: ['CN=Old,DC=x'] }), account({ dn: `CN=Piet,${DISABLED}`, objectGuid: 'g-2', sAMAccountName: 'Piet', userAccountControl: 514 })]);
    const changes: LedgerChange[][] = [];
    const outcomes = await applyAdActions(
      [
        action({ id: 'g', action: 'grant', entitlement: group, rule: 'ICT staff' }),
        action({ id: 'r', action: 'revoke', entitlement: 'CN=Old,DC=x' }),
        action({ id: 'f', action: 'grant', entitlement: 'CN=Broken,DC=x' }),
        action({ id: 'd', action: 'delete', account: { dn: `CN=Piet,${DISABLED}`, sAMAccountName: 'Piet', objectGuid: 'g-2' } }),
      ],
      {
        port: { ...port, addGroupMember: async (g) => { if (g === 'CN=Broken,DC=x') throw new Error('refused'); } },
        disabledOu: DISABLED, generatePassword: () => 'x', onOutcome: async () => {},
        ledger: { change: async (c) => void changes.push([...c]) },
        now: () => new Date('2026-11-27T08:00:00Z'),
      },
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['updated', 'updated', 'failed', 'updated']);
    expect(changes).toEqual([
      [{ kind: 'record', entry: { target: 'ad', account: 'jan', accountId: 'g-1', entitlement: group, rule: 'ICT staff', how: 'granted', at: '2026-11-27T08:00:00.000Z' } }],
      [{ kind: 'forget', target: 'ad', account: 'jan', entitlement: 'CN=Old,DC=x' }],
      [{ kind: 'forget-account', target: 'ad', account: 'piet' }],
    ]);
    expect(outcomes[0]?.ledger).toEqual(changes[0]);
    expect(outcomes[2]?.ledger).toBeUndefined();
  });

  it('adopts a noted membership only while it is there and a rule grants it; forgets only what is gone', async () => {
    const port = memoryPort([account({ memberOf: ['CN=ICT,DC=x', 'CN=Hand,DC=x'] })]);
    const note = (kind: 'adopt' | 'forget', entitlement: string) => ({ kind, target: 'ad' as const, account: 'jan', objectGuid: 'g-1', entitlement, rule: 'R', reason: 'test' });
    const recorded: LedgerChange[] = [];
    const notes: LedgerChange[] = [];
    await applyAdActions([], {
      port, disabledOu: DISABLED, generatePassword: () => 'x', onOutcome: async () => {},
      ledger: { change: async (c) => void recorded.push(...c) },
      ledgerNotes: [note('adopt', 'CN=ICT,DC=x'), note('adopt', 'CN=Hand,DC=x'), note('adopt', 'CN=Gone,DC=x'), note('forget', 'CN=ICT,DC=x'), note('forget', 'CN=Gone,DC=x')],
      mayAdopt: (group) => group !== 'CN=Hand,DC=x',
      onLedgerNotes: async (c) => void notes.push(...c),
      now: () => new Date('2026-11-27T08:00:00Z'),
    });
    expect(recorded.map((c) => (c.kind === 'record' ? `adopt ${c.entry.entitlement} ${c.entry.how}` : `${c.kind} ${'entitlement' in c ? c.entitlement : ''}`))).toEqual([
      'adopt CN=ICT,DC=x adopted',
      'forget CN=Gone,DC=x',
    ]);
    expect(notes).toEqual(recorded);
  });
});
