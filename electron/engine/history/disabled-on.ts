import type { IsoDate } from '../model/iso-date';
import type { RunRecord } from '../model/run';

/**
 * When the app disabled each AD account, from the run history: the evaluation date of the latest
 * run whose disable of that account succeeded. The fallback for the delete grace period when an
 * account's disable stamp is missing (an admin cleared the description, say). Keys: lower-case
 * objectGUID.
 */
export function disabledOnFromHistory(runs: readonly RunRecord[]): ReadonlyMap<string, IsoDate> {
  const dates = new Map<string, IsoDate>();
  for (const run of runs) {
    const succeeded = new Set(run.outcomes.filter((o) => o.outcome === 'updated').map((o) => o.actionId));
    for (const action of run.actions) {
      if (action.target !== 'ad' || action.action !== 'disable' || !succeeded.has(action.id)) continue;
      const guid = action.account.objectGuid?.toLowerCase();
      if (!guid) continue;
      const known = dates.get(guid);
      if (known === undefined || known < run.asOf) dates.set(guid, run.asOf);
    }
  }
  return dates;
}
