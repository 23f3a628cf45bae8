import type { Directory, DirectoryAccount } from '../ad/directory';
import type { AdAccount } from '../model/ad-account';
import { parentDn, leafValue } from '../ad/dn';
import type { AdWritePort } from './ad-port';

/** The fields of a directory record that the engine plans on. */
export function toAdAccount(record: DirectoryAccount): AdAccount {
  const { enabled: _enabled, extra: _extra, ...account } = record;
  return account;
}

/**
 * The apply port over the ldapts directory adapter, limited to accounts under `baseDn`.
 */
export function directoryPort(directory: Directory, baseDn: string): AdWritePort {
  return {
    readAccounts: async () => (await directory.readAccounts(baseDn)).map(toAdAccount),
    addUser: async (dn, attributes, password) => {
      await directory.addUser(dn, attributes, { password });
    },
    modifyAttributes: async (dn, writes) => {
      await directory.modifyAttributes(dn, writes);
    },
    setEnabled: async (dn, enabled) => {
      await directory.setEnabled(dn, enabled);
    },
    move: async (dn, newDn) => {
      await directory.move(dn, parentDn(newDn), leafValue(newDn));
    },
    deleteEntry: async (dn) => {
      await directory.deleteEntry(dn);
    },
    addGroupMember: async (groupDn, memberDn) => {
      await directory.addGroupMember(groupDn, memberDn);
    },
    removeGroupMember: async (groupDn, memberDn) => {
      await directory.removeGroupMember(groupDn, memberDn);
    },
  };
}
