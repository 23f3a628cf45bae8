/**
 * Data the screens get from the application API. Plain readonly values: they cross IPC and HTTP as
 * JSON and hold no secrets (a secret is only ever reported as set or not set).
 */

/** Targets the product provisions. */
export type TargetName = 'ad' | 'nedap-ons';

/** An attribute value: text, several texts, or absent. */
export type AttributeValue = string | readonly string[] | null;

/** One attribute as it is and as it will be. */
export interface AttributeChangeDto {
  readonly attribute: string;
  readonly before: AttributeValue;
  readonly after: AttributeValue;
}

/** The account an action concerns, in any target. */
export interface AccountRefDto {
  /** The logon name (AD sAMAccountName, Nedap Ons user name). */
  readonly name: string;
  /** Where it lives: the DN in AD, the employment key in Nedap Ons. */
  readonly path: string;
  /** The account's id once it exists (AD objectGUID, Nedap user uuid). */
  readonly id: string | null;
}

/** One planned action as the Preview table shows it. */
export interface ActionDto {
  readonly id: string;
  readonly target: TargetName;
  /** The kind of action (create, update, enable, disable, move, delete, grant, revoke, ...). */
  readonly action: string;
  readonly personId: string | null;
  /** The person's name as the account carries it (its CN). */
  readonly personName: string;
  /** The organisational unit the account sits in (or will sit in). */
  readonly orgUnit: string;
  readonly account: AccountRefDto;
  readonly changes: readonly AttributeChangeDto[];
  /** The group (AD) or the complete set of duties, teams or locations (Nedap Ons) the action writes. */
  readonly entitlement: string | null;
  readonly reasons: readonly string[];
  readonly dependsOn: readonly string[];
  /** True when the guard holds this action for review; it is then not applied until approved. */
  readonly held: boolean;
  /** The HR changes since the previous import that led to it (why-links); empty when none are known. */
  readonly hrChanges: readonly string[];
}

/** A data problem found in the HR source. */
export interface FindingDto {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly employeeId: string | null;
  readonly message: string;
}

/** An account the product saw but will never change. */
export interface UnmanagedDto {
  readonly target: TargetName;
  readonly dn: string;
  readonly sAMAccountName: string;
  readonly employeeID: string | null;
  readonly reason: string;
}

/** The source guard's verdict on the import behind a plan. */
export interface GuardDto {
  readonly passed: boolean;
  readonly problems: readonly string[];
  readonly summary: string;
}

/** An action held for review, with why, and the labels the review list shows (never a bare action id). */
export interface HeldDto {
  readonly actionId: string;
  readonly reason: string;
  readonly waitsFor: string | null;
  readonly target: TargetName;
  /** The kind of action held (disable, delete, ...). */
  readonly action: string;
  readonly personId: string | null;
  readonly personName: string;
  readonly accountName: string;
}

/**
 * A person whose HR data is in doubt: the target plans nothing for them (no disable, no delete) until
 * HR corrects the row and cell named in `reason`. Not the same as an action held for review.
 */
export interface HeldPersonDto {
  readonly target: TargetName;
  readonly personId: string;
  readonly employeeIds: readonly string[];
  /** The person's accounts that are left as they are. */
  readonly accounts: readonly string[];
  readonly reason: string;
}

/** Filters of the Preview table; '' means all. */
export interface ActionFiltersDto {
  readonly target: string;
  readonly action: string;
  readonly orgUnit: string;
  readonly status: '' | 'ready' | 'held';
  /** Matched, case-insensitively, against the person's name, the account name and the person id. */
  readonly search: string;
}

/** One page of the plan's actions that pass the filters, in plan order. */
export interface ActionPageDto {
  readonly planId: string;
  readonly offset: number;
  /** How many actions pass the filters (all pages). */
  readonly matching: number;
  readonly rows: readonly ActionDto[];
}

/**
 * A plan, ready for the Preview screen: everything but the actions themselves, which the screen reads
 * a page at a time (`planActions`), so a plan of 35,000 actions opens as fast as one of 35.
 */
export interface PlanDto {
  readonly planId: string;
  /** The source guard's verdict; null when the plan comes from no import (an undo). */
  readonly guard: GuardDto | null;
  readonly held: readonly HeldDto[];
  /** Persons held because their HR data is in doubt. */
  readonly heldPersons: readonly HeldPersonDto[];
  /** 'all-or-nothing': nothing is applied while any action is held. */
  readonly reviewMode: 'hold-over-limit' | 'all-or-nothing';
  /** For an undo plan: the run it reverses, and what it cannot reverse. */
  readonly undoOf: string | null;
  readonly irreversible: readonly string[];
  readonly asOf: string;
  readonly createdAt: string;
  /** Counts per target and action kind. */
  readonly counts: readonly { readonly target: TargetName; readonly action: string; readonly count: number }[];
  /** How many actions the plan has. */
  readonly total: number;
  /** The values the table's filters offer: the targets, action kinds and org units in the plan, sorted. */
  readonly options: { readonly targets: readonly string[]; readonly actions: readonly string[]; readonly orgUnits: readonly string[] };
  readonly unmanaged: readonly UnmanagedDto[];
  readonly findings: readonly FindingDto[];
}

/** The closed set of per-action outcomes. */
export type OutcomeName = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped' | 'blocked';

/** What started a run. */
export type RunTriggerName = 'cli' | 'manual' | 'schedule';

/** How a run ended. */
export type RunStatusName = 'running' | 'completed' | 'failed' | 'interrupted' | 'stopped-by-guard' | 'held-for-review';

/** One run in the History list. */
export interface RunSummaryDto {
  readonly runId: string;
  readonly planId: string;
  readonly asOf: string;
  readonly trigger: RunTriggerName;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly status: RunStatusName;
  readonly counts: Readonly<Record<OutcomeName, number>>;
  readonly error: string | null;
  /** Persons held for doubtful HR data when the run was planned. */
  readonly heldPersons: number;
  /** What the run added to and removed from the entitlement ledger, per target it changed. */
  readonly ledger: readonly LedgerCountDto[];
}

/** Entries a run added to and removed from the entitlement ledger of one target. */
export interface LedgerCountDto {
  readonly target: TargetName;
  readonly added: number;
  readonly removed: number;
}

/** One action of a run with its outcome. */
export interface RunActionDto {
  readonly action: ActionDto;
  readonly outcome: OutcomeName | null;
  readonly error: string | null;
  readonly at: string | null;
}

/** A run opened in History. */
export interface RunDto extends RunSummaryDto {
  readonly actions: readonly RunActionDto[];
  /** The persons held for doubtful HR data, and what of theirs waited. */
  readonly held: readonly HeldPersonDto[];
}

/** Overview: is everything fine? */
export interface StatusDto {
  readonly configured: boolean;
  /** True when the demo data can be offered (the host has a demo environment). */
  readonly demoAvailable: boolean;
  readonly lastRun: RunSummaryDto | null;
  /** The last 30 runs, oldest first, for the chart. */
  readonly recentRuns: readonly RunSummaryDto[];
  readonly nextRun: string | null;
  readonly schedulePaused: boolean;
  readonly syncing: boolean;
  readonly attention: {
    readonly failedActions: number;
    readonly heldActions: number;
    /** Persons held because their HR data is in doubt: in the current plan, or else in the last run. */
    readonly heldPersons: number;
    /** Where the held persons are shown: the current plan (Preview), or else the last run (History). */
    readonly heldPersonsIn: 'plan' | 'run';
    /** The guard stopped the last run (or the current plan). */
    readonly guardStop: boolean;
    readonly findings: Readonly<Record<'error' | 'warning' | 'info', number>>;
    /** Null until the HR data has been read in this session. */
    readonly leaversThisWeek: number | null;
  };
}

/** One contract as the Person screen shows it. */
export interface ContractDto {
  readonly id: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly state: 'future' | 'active' | 'ended';
  readonly inCondition: boolean;
  readonly orgUnit: string | null;
  readonly function: string | null;
  readonly hoursPerWeek: number | null;
  readonly manager: string | null;
  readonly primary: boolean;
}

/** A person found by a search. */
export interface PersonSummaryDto {
  readonly id: string;
  readonly displayName: string;
  readonly employeeIds: readonly string[];
  readonly orgUnit: string | null;
  readonly function: string | null;
}

/** Everything the Person screen shows about one person. */
export interface PersonDto extends PersonSummaryDto {
  readonly birthDate: string | null;
  readonly businessEmail: string;
  readonly contracts: readonly ContractDto[];
  readonly planned: readonly ActionDto[];
  readonly history: readonly (RunActionDto & { readonly runId: string })[];
  readonly accounts: readonly (AccountRefDto & { readonly target: TargetName })[];
  readonly findings: readonly FindingDto[];
}

/** A leaver, upcoming or processed. */
export interface LeaverDto {
  readonly personId: string;
  readonly displayName: string;
  readonly orgUnit: string | null;
  readonly manager: string | null;
  readonly lastDay: string;
  readonly daysFromToday: number;
  /** What was done (history) or will be done (current plan), per target. */
  readonly steps: readonly { readonly target: TargetName; readonly action: string; readonly outcome: OutcomeName | 'planned'; readonly at: string | null }[];
  readonly acknowledged: boolean;
}

/** Upcoming (next 30 days) and processed (last 30 days) leavers. */
export interface LeaversDto {
  readonly asOf: string;
  readonly upcoming: readonly LeaverDto[];
  readonly processed: readonly LeaverDto[];
}

/** The answer of a connection test, in words. */
export interface ConnectionTestDto {
  readonly target: 'visma' | 'ad' | 'nedap-ons' | 'smtp';
  readonly ok: boolean;
  readonly message: string;
}

/** A CSV file to save. */
export interface CsvFileDto {
  readonly fileName: string;
  readonly content: string;
}

/** One import in which something changed in a person's HR data. */
export interface HrMomentDto {
  readonly asOf: string;
  readonly takenAt: string;
  readonly changes: readonly string[];
}

/** One action of a person, taken (with its outcome) or planned, and why. */
export interface ExplainedActionDto {
  readonly runId: string | null;
  readonly at: string;
  readonly target: TargetName;
  readonly action: string;
  readonly account: string;
  readonly outcome: OutcomeName | 'planned' | 'held for review' | 'not run';
  readonly reasons: readonly string[];
  /** The HR changes that led to it (why-links). */
  readonly hrChanges: readonly string[];
}

/** Why a person has (or will have) what they have: the Person screen's explain. */
export interface ExplanationDto {
  readonly personId: string;
  readonly hrHistory: readonly HrMomentDto[];
  /** Newest first. */
  readonly past: readonly ExplainedActionDto[];
  readonly planned: readonly ExplainedActionDto[];
}

/** What the configured naming convention makes of one sample name. */
export interface NamingSampleDto {
  /** The name as HR has it ("Maria Jansen, born de Vries, name usage PB"). */
  readonly name: string;
  readonly convention: 'B' | 'P' | 'BP' | 'PB';
  readonly displayName: string;
  readonly cn: string;
  /** Logon names in the order they are tried when one is taken. */
  readonly sAMAccountName: readonly string[];
  readonly userPrincipalName: string;
  readonly mail: string;
}
