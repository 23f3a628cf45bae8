import type { Directory, DirectoryAccount } from '../ad/directory';
import type { AdAccount } from '../model/ad-account';
import { parentDn, leafValue } from '../ad/dn';
import type { AdWritePort } from './ad-port';

/** The fields of a directory record that the engine plans on; extra attributes read are the mapped ones. */
export function toAdAccount(record: DirectoryAccount): AdAccount {
  const { enabled: _enabled, extra, ...account } = record;
  const names = Object.keys(extra);
  if (names.length === 0) return account;
  return { ...account, mapped: Object.fromEntries(names.map((name) => [name.toLowerCase(), extra[name]?.[0] ?? null])) };
}

/**
 * The apply port over the ldapts directory adapter, limited to accounts under `baseDn`; `mapped`
 * are the mapped attributes (`ad.attributes`), read so that apply sees their current values.
 */
export function directoryPort(directory: Directory, baseDn: string, mapped: readonly string[] = []): AdWritePort {
  return {
    readAccounts: async () => (await directory.readAccounts(baseDn, mapped)).map(toAdAccount),
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
