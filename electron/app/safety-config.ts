import { z } from 'zod';
import { DEFAULT_SOURCE_GUARD } from '../engine/plan/guard';
import { DEFAULT_ACTION_LIMITS } from '../engine/plan/limits';
import type { ActionLimit } from '../engine/plan/limits';
import { DEFAULT_SNAPSHOT_RETENTION_MONTHS } from '../engine/history/snapshot-store';

/**
 * The "safe by default" settings (issue 10): source guard, action limits and review, exclusions,
 * snapshot retention and the rename policy. Every key has a default an admin would accept, so a
 * configuration without a `safety` section is already guarded.
 */

const limitSchema = z
  .strictObject({ percent: z.number().min(0).max(100).optional(), count: z.number().int().min(0).optional() })
  .refine((limit) => limit.percent !== undefined || limit.count !== undefined, 'give a percent, a count or both');

const actionLimitSchema = z.strictObject({
  target: z.enum(['ad', 'nedap-ons']),
  kind: z.string().regex(/^[a-z-]+$/, 'must be an action kind such as disable or delete'),
  percent: z.number().min(0).max(100).optional(),
  count: z.number().int().min(0).optional(),
}).refine((limit) => limit.percent !== undefined || limit.count !== undefined, 'give a percent, a count or both');

const exclusionSchema = z.union([
  z.strictObject({ personId: z.string().min(1), reason: z.string().min(1, 'say why') }),
  z.strictObject({ orgUnitId: z.string().min(1), reason: z.string().min(1, 'say why') }),
]);

/** The `safety` section of the configuration. */
export const safetySchema = z.strictObject({
  /** More persons, employments or rows gone than this (against the last good import) stops the run. */
  sourceGuard: limitSchema.default({ ...DEFAULT_SOURCE_GUARD }),
  /** Limits per target and action kind; they replace the default for the same target and kind. */
  actionLimits: z.array(actionLimitSchema).default([]),
  /** 'hold-over-limit': what is over a limit waits, the rest proceeds; 'all-or-nothing': nothing proceeds. */
  reviewMode: z.enum(['hold-over-limit', 'all-or-nothing']).default('hold-over-limit'),
  exclusions: z.array(exclusionSchema).default([]),
  snapshotRetentionMonths: z.number().int().min(1).max(120).default(DEFAULT_SNAPSHOT_RETENTION_MONTHS),
});

/** The validated `safety` section. */
export type SafetyConfig = z.infer<typeof safetySchema>;

/** The effective action limits: the defaults, each replaced by a configured limit for the same target and kind. */
export function effectiveActionLimits(config: SafetyConfig): readonly ActionLimit[] {
  const configured: ActionLimit[] = config.actionLimits.map(({ target, kind, percent, count }) => ({
    target,
    kind,
    limit: { ...(percent === undefined ? {} : { percent }), ...(count === undefined ? {} : { count }) },
  }));
  const overridden = (l: ActionLimit): boolean => configured.some((c) => c.target === l.target && c.kind === l.kind);
  return [...DEFAULT_ACTION_LIMITS.filter((l) => !overridden(l)), ...configured];
}
