import { z } from 'zod';
import type { ApiResult } from './result';
import type {
  ActionPageDto, ConnectionTestDto, CsvFileDto, ExplanationDto, LeaversDto, NamingSampleDto, PersonDto, PersonSummaryDto, PlanDto, RunDto, RunSummaryDto,
  StatusDto,
} from './dto';
import { desktopSettingsSchema, secretInputSchema } from './settings';
import type { SettingsDto } from './settings';
import { BRIDGE_NAME, OPERATION_NAMES, ipcChannel } from './operation-names';

/**
 * The IPC / HTTP contract: every operation of the application API, with the zod schema of its
 * arguments. Main (IPC), the web host (HTTP) and the in-process dispatcher validate arguments with
 * these same schemas before an operation runs; the renderer's client is typed from them.
 */

const none = z.strictObject({});
const id = z.string().min(1).max(200);
const formConfig = z.record(z.string(), z.unknown());
const actionFilters = z.strictObject({
  target: z.string().max(40), action: z.string().max(40), orgUnit: z.string().max(400), status: z.enum(['', 'ready', 'held']), search: z.string().max(200),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** Argument schemas, one per operation. */
export const apiContract = {
  status: none,
  useDemoData: none,
  getSettings: none,
  saveSettings: z.strictObject({
    config: formConfig,
    secrets: secretInputSchema,
    desktop: desktopSettingsSchema,
  }),
  // `config` and `secrets` are the form as it is (unsaved edits); without them the stored settings are tested.
  testConnection: z.strictObject({ target: z.enum(['visma', 'ad', 'nedap-ons', 'smtp']), config: formConfig.optional(), secrets: secretInputSchema.optional() }),
  namingPreview: z.strictObject({ config: formConfig, secrets: secretInputSchema.optional() }),
  syncNow: none,
  preview: z.strictObject({ asOf: isoDate.optional() }),
  currentPlan: none,
  // The Preview table reads the current plan a page at a time; the ids of all matching actions serve "select all".
  planActions: z.strictObject({ planId: id, filters: actionFilters, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
  planActionIds: z.strictObject({ planId: id, filters: actionFilters }),
  apply: z.strictObject({ planId: id, actionIds: z.array(id).max(1_000_000).optional(), acceptSourceDrop: z.boolean().optional() }),
  approveHeld: z.strictObject({ planId: id, actionIds: z.array(id).min(1), comment: z.string().trim().min(1).max(2000) }),
  history: none,
  run: z.strictObject({ runId: id }),
  exportRunCsv: z.strictObject({ runId: id }),
  undoRun: z.strictObject({ runId: id }),
  lookAhead: z.strictObject({ days: z.number().int().min(1).max(31) }),
  leavers: none,
  acknowledgeLeaver: z.strictObject({ personId: id }),
  searchPersons: z.strictObject({ query: z.string().max(200) }),
  person: z.strictObject({ personId: id }),
  explainPerson: z.strictObject({ personId: id }),
  setSchedulePaused: z.strictObject({ paused: z.boolean() }),
} as const;

/** Names of the operations. */
export type OperationName = keyof typeof apiContract;

/** Arguments of one operation, as a caller writes them. */
export type ApiArgs<K extends OperationName> = z.input<(typeof apiContract)[K]>;

/** Arguments of one operation once validated (defaults filled in): what an implementation receives. */
export type ApiParsedArgs<K extends OperationName> = z.output<(typeof apiContract)[K]>;

/** Look-ahead: the plan of each coming day. */
export interface LookAheadDto {
  readonly days: readonly {
    readonly date: string;
    readonly events: readonly { readonly personId: string; readonly name: string; readonly kind: string; readonly description: string }[];
  }[];
}

/** Values the operations answer with. */
export interface ApiValues {
  readonly status: StatusDto;
  readonly useDemoData: SettingsDto;
  readonly getSettings: SettingsDto;
  readonly saveSettings: SettingsDto;
  readonly testConnection: ConnectionTestDto;
  readonly namingPreview: readonly NamingSampleDto[];
  readonly syncNow: RunSummaryDto;
  readonly preview: PlanDto;
  readonly currentPlan: PlanDto | null;
  readonly planActions: ActionPageDto;
  readonly planActionIds: readonly string[];
  readonly apply: RunSummaryDto;
  readonly approveHeld: RunSummaryDto;
  readonly history: { readonly runs: readonly RunSummaryDto[]; readonly problems: readonly string[] };
  readonly run: RunDto;
  readonly exportRunCsv: CsvFileDto;
  readonly undoRun: PlanDto;
  readonly lookAhead: LookAheadDto;
  readonly leavers: LeaversDto;
  readonly acknowledgeLeaver: LeaversDto;
  readonly searchPersons: readonly PersonSummaryDto[];
  readonly person: PersonDto;
  readonly explainPerson: ExplanationDto;
  readonly setSchedulePaused: StatusDto;
}

/** The application API as implemented: every transport validates arguments before calling it. */
export type Api = { readonly [K in OperationName]: (args: ApiParsedArgs<K>) => Promise<ApiResult<ApiValues[K]>> };

/** The application API as a caller (the renderer) sees it. */
export type ApiClient = { readonly [K in OperationName]: (args: ApiArgs<K>) => Promise<ApiResult<ApiValues[K]>> };

// The list the preload script uses must name exactly the contract's operations.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const namesMatch: Same<(typeof OPERATION_NAMES)[number], OperationName> = true;
void namesMatch;

export { BRIDGE_NAME, OPERATION_NAMES, ipcChannel };
