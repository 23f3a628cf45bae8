/**
 * What the organisation wants, independent of any target system: lifecycle timing relative to
 * contract dates and how the primary contract is chosen. Target-specific policy (AD naming,
 * rules) lives with the target.
 */
export interface LifecyclePolicy {
  /** Create the account (disabled) this many days before the first contract starts. */
  readonly createDaysBeforeStart: number;
  /** Enable the account this many days before the contract starts. */
  readonly enableDaysBeforeStart: number;
  /** Keep the account enabled this many days after the last contract ends. */
  readonly disableDaysAfterEnd: number;
  /** Delete the (disabled) account this many days after the last contract ends. */
  readonly deleteDaysAfterEnd: number;
  /**
   * And never sooner than this many days after it was really disabled (read from the disable
   * stamp): a contract end HR records late disables now and deletes only after this grace period.
   * Default {@link DEFAULT_DELETE_GRACE_DAYS}.
   */
  readonly deleteGraceDays?: number;
  /**
   * A gap of at most this many days between the end of one contract and the start of the next
   * keeps the account enabled and its entitlements through the gap (a Friday end and a Monday
   * start never disable it for the weekend). Default {@link DEFAULT_BRIDGE_GAP_DAYS}; 0 bridges nothing.
   */
  readonly bridgeGapDays?: number;
}

/** Default of {@link LifecyclePolicy.deleteGraceDays}. */
export const DEFAULT_DELETE_GRACE_DAYS = 7;

/** Default of {@link LifecyclePolicy.bridgeGapDays}. */
export const DEFAULT_BRIDGE_GAP_DAYS = 7;


/** One criterion of the primary-contract order, applied in sequence until contracts differ. */
export type PrimaryContractCriterion =
  | 'active-first'
  | 'in-condition-first'
  | 'most-hours'
  | 'earliest-start'
  | 'latest-start'
  | 'lowest-id';

/** Defaults from the issues: create 7 days ahead, enable on day one, disable on the day after the end, delete after 30. */
export const DEFAULT_LIFECYCLE: LifecyclePolicy = {
  createDaysBeforeStart: 7,
  enableDaysBeforeStart: 0,
  disableDaysAfterEnd: 0,
  deleteDaysAfterEnd: 30,
  deleteGraceDays: DEFAULT_DELETE_GRACE_DAYS,
  bridgeGapDays: DEFAULT_BRIDGE_GAP_DAYS,
};

/** Default order: active first, then most weekly hours, then earliest start, then lowest id. */
export const DEFAULT_PRIMARY_CONTRACT_ORDER: readonly PrimaryContractCriterion[] = [
  'active-first',
  'most-hours',
  'earliest-start',
  'lowest-id',
];
