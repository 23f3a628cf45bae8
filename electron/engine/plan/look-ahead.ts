import { addDays, type IsoDate } from '../model/iso-date';
import type { Person } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import { contractBridges, evaluateLifecycle, type LifecycleStage } from '../policy/lifecycle';

/**
 * Look-ahead: what will happen on each of the next days if HR data stays as it is, so nothing
 * surprises anyone on Monday. Each person's lifecycle stage is judged day by day from the contract
 * dates HR already has; a change of stage is an event on that day. Pure.
 */

/** What happens to a person on a day. */
export type LookAheadKind = 'create' | 'enable' | 'disable' | 'delete' | 'last-day';

/** One event of the look-ahead. */
export interface LookAheadEvent {
  readonly personId: string;
  readonly name: string;
  readonly kind: LookAheadKind;
  /** In words: "account enabled: contract 100234_1_1 starts 2026-12-01". */
  readonly description: string;
}

/** The events of one day; days without events are left out. */
export interface LookAheadDay {
  readonly date: IsoDate;
  readonly events: readonly LookAheadEvent[];
}

const HAS_ACCOUNT: ReadonlySet<LifecycleStage> = new Set(['prepare', 'active', 'disabled']);

/** The account events of a change of stage from `before` to `after`. */
function transition(before: LifecycleStage, after: LifecycleStage): readonly { kind: LookAheadKind; text: string }[] {
  const events: { kind: LookAheadKind; text: string }[] = [];
  const had = HAS_ACCOUNT.has(before);
  if (!had && HAS_ACCOUNT.has(after)) events.push({ kind: 'create', text: after === 'active' ? 'account created' : 'account created (disabled until the start)' });
  if (after === 'active' && before !== 'active') events.push({ kind: 'enable', text: had && before === 'disabled' ? 'account enabled again' : 'account enabled' });
  if (before === 'active' && (after === 'disabled' || after === 'delete')) events.push({ kind: 'disable', text: 'account disabled and moved to the disabled OU' });
  // Between two contracts, the next one already in condition: the plan disables the account in place.
  if (before === 'active' && after === 'prepare') events.push({ kind: 'disable', text: 'account disabled until the next contract starts' });
  if (after === 'delete' && had) events.push({ kind: 'delete', text: 'account deleted' });
  return events;
}

function displayName(person: Person): string {
  const n = person.name;
  return [n.nickname || n.givenName, n.familyNamePrefix, n.familyName].filter(Boolean).join(' ');
}

/**
 * The last working day of `person` on `date`, if a contract ends then and none goes on the next
 * day, nor starts within the bridged gap (the account then stays, as the plan keeps it).
 */
function lastDay(person: Person, date: IsoDate, policy: LifecyclePolicy): string | null {
  const ending = person.contracts.find((c) => c.endDate === date);
  if (!ending) return null;
  const next = addDays(date, 1);
  const goesOn = person.contracts.some((c) => c.startDate <= next && (c.endDate === null || c.endDate >= next));
  if (goesOn || contractBridges(person.contracts, policy).has(ending)) return null;
  return `last working day: contract ${ending.id} ends ${date}`;
}

/**
 * The events on each of the `days` days after `from` for `persons` under `policy`, grouped by day
 * in date order; within a day, by person id.
 */
export function lookAhead(persons: readonly Person[], from: IsoDate, days: number, policy: LifecyclePolicy): readonly LookAheadDay[] {
  const result: LookAheadDay[] = [];
  const stages = new Map(persons.map((p) => [p.id, evaluateLifecycle(p.contracts, from, policy).stage]));
  for (let i = 1; i <= days; i += 1) {
    const date = addDays(from, i);
    const events: LookAheadEvent[] = [];
    for (const person of persons) {
      const evaluation = evaluateLifecycle(person.contracts, date, policy);
      const before = stages.get(person.id) ?? 'none';
      stages.set(person.id, evaluation.stage);
      const base = { personId: person.id, name: displayName(person) };
      const leaving = lastDay(person, date, policy);
      if (leaving) events.push({ ...base, kind: 'last-day', description: leaving });
      for (const { kind, text } of transition(before, evaluation.stage)) {
        events.push({ ...base, kind, description: `${text}: ${evaluation.cause}` });
      }
    }
    if (events.length > 0) result.push({ date, events });
  }
  return result;
}
