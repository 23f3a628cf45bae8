import type { AdAccount } from '../model/ad-account';
import type { AdAction } from '../model/plan';
import { normaliseDn } from '../ad/dn';

/**
 * The accounts apply works on, kept current as apply writes: looked up by GUID (existing
 * accounts), by DN (accounts this run created), by employeeID and by logon name.
 */
export class AccountIndex {
  private readonly byGuid = new Map<string, AdAccount>();
  private readonly byDn = new Map<string, AdAccount>();
  private readonly byEmployee = new Map<string, AdAccount>();
  private readonly bySam = new Map<string, AdAccount>();

  constructor(accounts: readonly AdAccount[]) {
    for (const account of accounts) this.add(account);
  }

  add(account: AdAccount): void {
    if (account.objectGuid) this.byGuid.set(account.objectGuid.toLowerCase(), account);
    this.byDn.set(normaliseDn(account.dn), account);
    const employeeId = account.employeeID?.trim();
    if (employeeId) this.byEmployee.set(employeeId, account);
    this.bySam.set(account.sAMAccountName.toLowerCase(), account);
  }

  remove(account: AdAccount): void {
    if (account.objectGuid) this.byGuid.delete(account.objectGuid.toLowerCase());
    this.byDn.delete(normaliseDn(account.dn));
    const employeeId = account.employeeID?.trim();
    if (employeeId && this.byEmployee.get(employeeId) === account) this.byEmployee.delete(employeeId);
    if (this.bySam.get(account.sAMAccountName.toLowerCase()) === account) this.bySam.delete(account.sAMAccountName.toLowerCase());
  }

  replace(previous: AdAccount, next: AdAccount): void {
    this.remove(previous);
    this.add(next);
  }

  /** The account an action concerns, as it is now; undefined when it is gone. */
  locate(action: AdAction): AdAccount | undefined {
    const guid = action.account.objectGuid;
    if (guid) return this.byGuid.get(guid.toLowerCase());
    return this.byDn.get(normaliseDn(action.account.dn)) ?? (action.personId ? this.byEmployee.get(action.personId) : undefined);
  }

  byEmployeeId(employeeId: string): AdAccount | undefined {
    return this.byEmployee.get(employeeId.trim());
  }

  bySamAccountName(sam: string): AdAccount | undefined {
    return this.bySam.get(sam.toLowerCase());
  }
}
