import type { AdAccount } from '../model/ad-account';
import { isEnabled } from '../model/ad-account';
import type { AdAction, AttributeValue } from '../model/plan';
import type { AdUndoInfo } from '../model/undo';

/**
 * What reverses `action`, taken from `current`: the account as apply saw it just before the write
 * (undefined for a create). Pure. Only attributes the action writes are kept, so the history holds
 * no more personal data than the action itself.
 */
export function adUndoInfo(action: AdAction, current: AdAccount | undefined): AdUndoInfo {
  if (!current) return { target: 'ad', before: null };
  const record = current as unknown as Readonly<Record<string, unknown>>;
  const attributes = action.changes
    .filter((c) => !['dn', 'memberOf', 'userAccountControl'].includes(c.attribute))
    .map((c) => ({ attribute: c.attribute, value: readValue(record, c.attribute) }));
  return {
    target: 'ad',
    before: {
      dn: current.dn,
      objectGuid: current.objectGuid,
      sAMAccountName: current.sAMAccountName,
      employeeID: current.employeeID,
      enabled: isEnabled(current),
      attributes,
      memberOf: current.memberOf,
    },
  };
}

function readValue(record: Readonly<Record<string, unknown>>, attribute: string): AttributeValue {
  const key = Object.keys(record).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? null : record[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return null;
}
