import { describe, expect, it } from 'vitest';
import {
  DirectoryWriteError, explainBindFailure, explainResultCode, redact, writeRefusedMessage, writeRejectedLocallyMessage,
} from './directory-errors';

// Diagnostic texts exactly as Samba 4.17 returned them (see the report of the adapter work).
const SAMBA = {
  dupSam: "00002071: samldb: samAccountName 'jdoe' already in use! Code: 0x44",
  dupDn: 'Entry CN=Jan,OU=Users,DC=test,DC=local already exists Code: 0x44',
  memberExists: 'Attribute member already exists for target GUID f966b494-f2fb-4ecf-a868-b9bce023734b Code: 0x44',
  dupUpn: "0000202F: samldb: userPrincipalName 'jdoe@test.local' is already in use  Code: 0x13",
  weakPw: '0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal or longer than 7 characters! Code: 0x13',
  longId: "0000200B: objectclass_attrs: attribute 'employeeID' on entry 'CN=Jan,OU=Users,DC=test,DC=local' contains at least one invalid value! Code: 0x15",
  noParent: '00002095: objectclass: Cannot rename CN=Jan,OU=Users,DC=test,DC=local, parent does not exist! Code: 0x50',
  badBind: '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1 Code: 0x31',
};

describe('explainResultCode', () => {
  it.each([
    [68, SAMBA.dupSam, 'add', "the sAMAccountName 'jdoe' is already in use"],
    [68, SAMBA.dupDn, 'add', 'an object with this DN already exists'],
    [68, SAMBA.dupDn, 'move', 'an object with that name already exists in the target OU'],
    [68, SAMBA.memberExists, 'add-member', 'the account is already a member of the group'],
    [19, SAMBA.dupUpn, 'add', "the userPrincipalName 'jdoe@test.local' is already in use"],
    [19, SAMBA.weakPw, 'set-password', 'the password does not meet the domain password policy (length, complexity, history or minimum age)'],
    [21, SAMBA.longId, 'modify', 'the value of employeeID is not valid (Active Directory allows at most 16 characters)'],
    [21, "attribute 'foo' bad", 'modify', 'the value of foo is not valid'],
    [80, SAMBA.noParent, 'move', 'the target OU does not exist'],
    [32, 'No such Base DN', 'add', 'the parent OU does not exist'],
    [32, 'No such Base DN', 'remove-member', 'the group does not exist'],
    [50, '', 'delete', 'the service account lacks the permission for this (insufficient access rights)'],
    [66, '', 'delete', 'the object still contains child objects'],
    [49, SAMBA.badBind, 'root-dse', 'the bind DN or password is wrong'],
    [999, '', 'add', 'the operation failed'],
  ] as const)('%i %s (%s)', (code, message, operation, expected) => {
    expect(explainResultCode(code, message, operation)).toBe(expected);
  });

  it('decodes AD bind sub-codes', () => {
    expect(explainBindFailure('... data 773, v4563')).toBe('the bind account must change its password first');
    expect(explainBindFailure('... data 533, v1db1')).toBe('the bind account is disabled');
    expect(explainBindFailure('no data')).toBe('the credentials were rejected');
  });
});

describe('messages', () => {
  it('names operation, DN, reason, code and the server text', () => {
    expect(writeRefusedMessage('add', 'CN=Jan,OU=Users,DC=test,DC=local', 68, SAMBA.dupSam)).toBe(
      `The domain controller refused to add CN=Jan,OU=Users,DC=test,DC=local: the sAMAccountName 'jdoe' is already in use (LDAP 68). Server: ${JSON.stringify(SAMBA.dupSam)}`,
    );
    expect(writeRefusedMessage('add-member', 'CN=G', 32, '', 'member CN=Jan')).toBe(
      'The domain controller refused to add a member to CN=G (member CN=Jan): the group or the member does not exist (LDAP 32).',
    );
    expect(writeRejectedLocallyMessage('add', 'CN=Jan', 'a sAMAccountName is required')).toBe('HR Provisioner did not add CN=Jan: a sAMAccountName is required.');
  });

  it('typed errors carry their fields', () => {
    const e = new DirectoryWriteError('move', 'CN=Jan', 80, 'msg', SAMBA.noParent);
    expect(e).toMatchObject({ kind: 'write', operation: 'move', dn: 'CN=Jan', code: 80, serverMessage: SAMBA.noParent, name: 'DirectoryWriteError' });
    expect(e).toBeInstanceOf(Error);
  });
});

describe('redact', () => {
  it('removes every occurrence of each secret', () => {
    expect(redact('pw Secr3t! and again Secr3t!', ['Secr3t!', 'ab'])).toBe('pw [redacted] and again [redacted]');
    expect(redact('nothing here', [])).toBe('nothing here');
  });
});
