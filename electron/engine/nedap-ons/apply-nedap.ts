import type { NedapAction } from '../model/plan';
import type { ActionOutcome, Outcome } from '../model/run';
import type { NedapUndoInfo } from '../model/undo';
import { describeError } from '../apply/describe-error';
import type { LedgerChange, LedgerPort } from '../model/ledger';
import { nedapEntitlement, nedapRecordChanges, type NedapRecord, type NedapSetField } from './ledger-view';
import { NedapRequestError } from './errors';
import type { NedapDuty, NedapEmployee, NedapUser, NewNedapUser } from './wire';

/**
 * Apply the Nedap Ons actions of a plan. Users are worked on side by side (as many as requests may
 * be in flight), each user's actions in plan order. Every write is recorded in the entitlement ledger
 * as soon as Nedap confirms it (and the changes go with the action's outcome into the run history),
 * so a crash between duties and teams leaves a record that makes the next preview plan only the teams. A create is never retried blindly: after a timeout or 5xx the
 * user is looked up first.
 */

/** The requests apply makes; the mTLS client implements it. */
export interface NedapPort {
  employeeByIdentificationNo(identificationNo: string): Promise<NedapEmployee | null>;
  userByEmployeeId(employeeId: number): Promise<NedapUser | null>;
  createUser(user: NewNedapUser): Promise<NedapUser>;
  deleteUser(userId: number): Promise<void>;
  putDuties(userUuid: string, source: string, duties: readonly NedapDuty[]): Promise<void>;
  putTeams(userUuid: string, teamIds: readonly number[]): Promise<void>;
  putLocations(userUuid: string, locationIds: readonly number[]): Promise<void>;
}

/** What apply needs besides the actions. */
export interface ApplyNedapOptions {
  readonly port: NedapPort;
  /** What the ledger records per identificationNo as apply starts. */
  readonly records: ReadonlyMap<string, NedapRecord>;
  /** Where each write is recorded; durable before the next write. */
  readonly ledger: LedgerPort;
  /** Duties source from the current config. */
  readonly source: string;
  /** From the current config: a saved plan's delete is refused when it is off now. */
  readonly deleteUsers: boolean;
  /** Users worked on at once (the client limits requests in flight on its own). */
  readonly parallelUsers: number;
  /** Why an action may not be applied (plan validation against the current config), or null. */
  readonly vet?: (action: NedapAction) => string | null;
  readonly onOutcome: (outcome: ActionOutcome) => Promise<void>;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

interface Step {
  readonly outcome: Outcome;
  readonly error: string | null;
  readonly ledger?: readonly LedgerChange[];
}

const done = (outcome: Outcome): Step => ({ outcome, error: null });
const refused = (outcome: 'failed' | 'blocked' | 'skipped', error: string): Step => ({ outcome, error });

/** Apply every action; resolves to their outcomes (each also passed to `onOutcome`, one at a time). */
export async function applyNedapActions(actions: readonly NedapAction[], options: ApplyNedapOptions): Promise<readonly ActionOutcome[]> {
  const now = options.now ?? (() => new Date());
  const state = new Map<string, NedapRecord | undefined>(options.records);
  const succeeded = new Set<string>();
  const outcomes: ActionOutcome[] = [];
  let recording: Promise<void> = Promise.resolve();
  const record = (outcome: ActionOutcome): Promise<void> => {
    outcomes.push(outcome);
    // The history file takes one line at a time.
    recording = recording.then(() => options.onOutcome(outcome));
    return recording;
  };

  // Ledger writes go behind the requests: changes that arrive while one is written go to disk together
  // in the next (see LedgerFile.change), and no request slot waits for a file write. The run ends only
  // once every write is durable; a write that fails fails the run. A crash before that loses at most the
  // last writes, which the history's outcomes still carry and the next run rebuilds by writing the sets.
  const ledgerWrites: Promise<void>[] = [];
  let ledgerFailure: unknown = null;
  const deferLedger = (write: Promise<void>): void => {
    ledgerWrites.push(write.catch((error: unknown) => {
      ledgerFailure ??= error;
    }));
  };

  const byUser = new Map<string, NedapAction[]>();
  for (const action of actions) {
    const list = byUser.get(action.account.identificationNo) ?? [];
    list.push(action);
    byUser.set(action.account.identificationNo, list);
  }
  const queue = [...byUser.values()];
  const worker = async (): Promise<void> => {
    for (let own = queue.shift(); own !== undefined; own = queue.shift()) {
      for (const action of own) {
        const failedDependency = action.dependsOn.find((id) => !succeeded.has(id));
        let step: Step;
        // The record as it was before this action: what an undo of a set restores.
        const before = state.get(action.account.identificationNo);
        const refusal = options.vet?.(action) ?? null;
        if (refusal !== null) step = refused('blocked', refusal);
        else if (options.signal?.aborted) step = refused('skipped', 'the run was cancelled before this action');
        else if (failedDependency !== undefined) step = refused('blocked', `not done because action ${failedDependency} did not succeed`);
        else {
          try {
            step = await applyOne(action, state, options, deferLedger);
          } catch (error) {
            step = refused('failed', describeError(error));
          }
        }
        if (step.outcome !== 'failed' && step.outcome !== 'blocked' && step.outcome !== 'skipped') succeeded.add(action.id);
        const undo = step.outcome === 'updated' ? nedapUndoInfo(action, before, state.get(action.account.identificationNo)) : null;
        const ledger = step.ledger && step.ledger.length > 0 ? { ledger: step.ledger } : {};
        await record({ actionId: action.id, outcome: step.outcome, error: step.error, at: now().toISOString(), ...(undo ? { undo } : {}), ...ledger });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallelUsers) }, worker));
  await Promise.all(ledgerWrites);
  if (ledgerFailure !== null) throw ledgerFailure;
  return outcomes;
}

async function applyOne(
  action: NedapAction,
  state: Map<string, NedapRecord | undefined>,
  options: ApplyNedapOptions,
  deferLedger: (write: Promise<void>) => void,
): Promise<Step> {
  const key = action.account.identificationNo;
  const recorded: LedgerChange[] = [];
  const save = async (next: NedapRecord | null, userHow: 'granted' | 'adopted' = 'granted'): Promise<void> => {
    const at = (options.now ?? (() => new Date()))().toISOString();
    const changes = nedapRecordChanges(key, state.get(key), next, { rules: ruleOf(action), userHow, at });
    deferLedger(options.ledger.change(changes));
    recorded.push(...changes);
    state.set(key, next ?? undefined);
  };
  const step = await writeOne(action, key, state, save, options);
  return recorded.length > 0 ? { ...step, ledger: recorded } : step;
}

/** The rule of each member of an action's set, keyed as the ledger names the entitlement. */
function ruleOf(action: NedapAction): Readonly<Record<string, string>> {
  const field = recordField(action.action);
  if (field === null || !action.rules) return {};
  return Object.fromEntries(Object.entries(action.rules).map(([value, rule]) => [nedapEntitlement(field, value), rule]));
}

async function writeOne(
  action: NedapAction,
  key: string,
  state: ReadonlyMap<string, NedapRecord | undefined>,
  save: (next: NedapRecord | null, userHow?: 'granted' | 'adopted') => Promise<void>,
  options: ApplyNedapOptions,
): Promise<Step> {
  switch (action.action) {
    case 'create-user': {
      const employee = await findEmployee(action, options.port);
      if (!employee) return refused('failed', `Nedap Ons has no employee ${key} any more`);
      const existing = await options.port.userByEmployeeId(employee.id);
      if (existing) {
        // Made by hand, by an earlier tool, or by an interrupted apply: adopted, never duplicated.
        if (state.get(key)?.userUuid !== existing.uuid) await save({ userUuid: existing.uuid }, 'adopted');
        return done('unchanged');
      }
      const user = await createOnce(employee, key, options.port);
      if (!user) return refused('failed', `the create of user ${key} got no clear answer and no user exists; preview and apply again`);
      // A fresh user has nothing: the record says so, and the sets that follow fill it.
      await save({ userUuid: user.uuid, duties: [], teams: [], locations: [] });
      return done('created');
    }
    case 'set-duties':
    case 'set-teams':
    case 'set-locations': {
      const set = action.set ?? [];
      const uuid = await userUuidOf(action, state, options.port);
      if (uuid === null) return refused('failed', `Nedap Ons has no user for ${key}`);
      const field = recordField(action.action) ?? 'duties';
      const current = state.get(key);
      if (current?.userUuid === uuid && sameSet(current[field], set)) return done('unchanged');
      if (field === 'duties') await options.port.putDuties(uuid, options.source, set.map((roleUuid) => ({ roleUuid, myself: true, myTeams: true, myLocations: true })));
      else if (field === 'teams') await options.port.putTeams(uuid, set.map(Number));
      else await options.port.putLocations(uuid, set.map(Number));
      const base: NedapRecord = current?.userUuid === uuid ? current : { userUuid: uuid };
      await save({ ...base, [field]: [...set] });
      return done('updated');
    }
    case 'delete-user': {
      if (!options.deleteUsers) return refused('blocked', 'nedapOns.deleteUsers is off now: the user is left (revoked)');
      const mine = state.get(key);
      if (!mine) return refused('blocked', `there is no record that this app manages the user of ${key}, so it is not ours to delete`);
      const employee = await findEmployee(action, options.port);
      const user = employee ? await options.port.userByEmployeeId(employee.id) : null;
      if (!user || user.uuid !== mine.userUuid) {
        await save(null);
        return done('unchanged');
      }
      await options.port.deleteUser(user.id);
      await save(null);
      return done('updated');
    }
  }
}

/** The field of the app's record a set-* action writes; null for the other kinds. */
export function recordField(kind: NedapAction['action']): NedapSetField | null {
  switch (kind) {
    case 'set-duties':
      return 'duties';
    case 'set-teams':
      return 'teams';
    case 'set-locations':
      return 'locations';
    case 'create-user':
    case 'delete-user':
      return null;
  }
}

/** What reverses a set-* write: the set recorded before it, for the user it went to. Null for other kinds. */
function nedapUndoInfo(action: NedapAction, before: NedapRecord | undefined, after: NedapRecord | undefined): NedapUndoInfo | null {
  const field = recordField(action.action);
  const userUuid = after?.userUuid ?? action.account.userUuid;
  if (field === null || !userUuid) return null;
  const recorded = before?.userUuid === userUuid ? before[field] : undefined;
  return { target: 'nedap-ons', userUuid, before: recorded === undefined ? null : [...recorded] };
}

async function findEmployee(action: NedapAction, port: NedapPort): Promise<NedapEmployee | null> {
  // Re-read: the plan may be hours old, and the employee id is what the user hangs on.
  return port.employeeByIdentificationNo(action.account.identificationNo);
}

/** POST once; after a timeout, network error or 5xx, look before deciding it failed. */
async function createOnce(employee: NedapEmployee, identificationNo: string, port: NedapPort): Promise<NedapUser | null> {
  try {
    return await port.createUser({ userName: identificationNo, employeeObjectId: employee.id, contractRequiredAtLogin: false, ssoEnabled: true, passwordChange: false });
  } catch (error) {
    const unclear = error instanceof NedapRequestError && (error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500));
    if (!unclear) throw error;
    return port.userByEmployeeId(employee.id);
  }
}

async function userUuidOf(action: NedapAction, state: ReadonlyMap<string, NedapRecord | undefined>, port: NedapPort): Promise<string | null> {
  if (action.account.userUuid) return action.account.userUuid;
  const recorded = state.get(action.account.identificationNo)?.userUuid;
  if (recorded) return recorded;
  const employee = await findEmployee(action, port);
  return employee ? ((await port.userByEmployeeId(employee.id))?.uuid ?? null) : null;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((v) => set.has(v));
}
