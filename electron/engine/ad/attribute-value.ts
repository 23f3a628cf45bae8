import type { AttributeValue } from '../model/plan';
import { normaliseDn } from './naming-dn';

/**
 * Equal for the directory. The planner (is a change needed?) and apply (is it still needed, does
 * the `before` still hold?) must agree on this, so there is one definition: null and '' are the same
 * (AD stores no empty strings), multi-valued text compares in order, and DN-valued attributes
 * compare as DNs (case- and escape-insensitive).
 */
export function sameAttributeValue(attribute: string, a: AttributeValue, b: AttributeValue): boolean {
  // The same value (almost every attribute of every account a preview compares) is equal either way below.
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '' && DN_VALUED.has(attribute.toLowerCase())) {
    return normaliseDn(a) === normaliseDn(b);
  }
  return text(a) === text(b);
}

/** Single-valued attributes holding a DN. */
const DN_VALUED: ReadonlySet<string> = new Set(['manager']);

function text(value: AttributeValue): string {
  return value === null ? '' : typeof value === 'string' ? value : [...value].join('\n');
}
