import { describe, expect, it } from 'vitest';
import { FilterParser } from 'ldapts';
import { MAX_READ_CONNECTIONS, readPartitions, withinPartition } from './read-partitions';

/**
 * Evaluates a slice filter the way an LDAP server does, with three-valued logic: an absent attribute makes an
 * ordering filter undefined, and NOT of undefined stays undefined (RFC 4511 4.5.1.7).
 */
function matches(slice: string, sam: string | null): boolean {
  type T = boolean | undefined;
  const evaluate = (f: unknown): T => {
    const node = f as { constructor: { name: string }; filters?: unknown[]; filter?: unknown; attribute?: string; value?: string };
    switch (node.constructor.name) {
      case 'AndFilter': {
        const r = (node.filters ?? []).map(evaluate);
        return r.includes(false) ? false : r.includes(undefined) ? undefined : true;
      }
      case 'OrFilter': {
        const r = (node.filters ?? []).map(evaluate);
        return r.includes(true) ? true : r.includes(undefined) ? undefined : false;
      }
      case 'NotFilter': {
        const r = evaluate(node.filter);
        return r === undefined ? undefined : !r;
      }
      case 'PresenceFilter': return sam !== null;
      case 'LessThanEqualsFilter': return sam === null ? undefined : sam.toLowerCase() <= String(node.value).toLowerCase();
      default: throw new Error(`unexpected filter ${node.constructor.name}`);
    }
  };
  return evaluate(FilterParser.parseString(slice)) === true;
}

const NAMES = [null, '', '0', '123', '_svc', '-x', 'a', 'a.jansen', 'k', 'k.', 'ka', 'l', 'l.bakker', 'lz', 'm', 'n', 'o', 'o.zz', 'p', 'Z.DE.VRIES', 'zz', 'ß', 'é.dupont', '~'];

describe('readPartitions', () => {
  it('is the whole filter for one connection', () => {
    expect(readPartitions(1)).toEqual(['']);
    expect(withinPartition('(objectClass=user)', '')).toBe('(objectClass=user)');
  });

  it.each([2, 3, 4])('puts every name, and a missing one, in exactly one of %i slices', (n) => {
    const slices = readPartitions(n);
    expect(slices).toHaveLength(n);
    for (const sam of NAMES) {
      const hits = slices.filter((s) => matches(s, sam));
      expect({ sam, hits: hits.length }).toEqual({ sam, hits: 1 });
    }
  });

  it('gives valid LDAP filters when combined with the account filter', () => {
    for (const slice of readPartitions(3)) {
      const f = withinPartition('(&(objectCategory=person)(objectClass=user))', slice);
      expect(() => FilterParser.parseString(f)).not.toThrow();
    }
  });

  it('clamps the number of connections to 1..MAX_READ_CONNECTIONS', () => {
    expect(readPartitions(0)).toHaveLength(1);
    expect(readPartitions(99)).toHaveLength(MAX_READ_CONNECTIONS);
  });
});
