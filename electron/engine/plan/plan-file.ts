import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ACTION_KINDS, type Plan } from '../model/plan';
import { writePrivateFileAtomic } from '../state/private-file';
import { sealMatches, sealOf } from './plan-seal';

/**
 * Saved plans. A preview is written as JSON (owner-only), with the fingerprint of the configuration
 * that shaped it and a seal made with the installation's plan key. Apply reads it back and trusts
 * nothing in it until the seal matches, the configuration is still the same and the plan is not too
 * old; then it checks its shape. Every action is validated again against the configuration before
 * apply writes anything (see validate-plan).
 */

/** Default of `maxPlanAgeHours`: a plan older than this is refused. */
export const DEFAULT_MAX_PLAN_AGE_HOURS = 24;

/** How a plan is sealed when it is saved. */
export interface PlanSealing {
  readonly key: Buffer;
  /** Fingerprint of the configuration the plan was made under. */
  readonly configFingerprint: string;
}

/** What a saved plan must match to be applied. */
export interface PlanAcceptance extends PlanSealing {
  readonly maxAgeHours: number;
  readonly now?: Date;
}

const value = z.union([z.string(), z.array(z.string()), z.null()]);

const common = {
  id: z.string().min(1),
  personId: z.string().nullable(),
  changes: z.array(z.object({ attribute: z.string().min(1), before: value, after: value })),
  reasons: z.array(z.string()),
  dependsOn: z.array(z.string()),
};

const adActionSchema = z.object({
  ...common,
  target: z.literal('ad'),
  action: z.enum(ACTION_KINDS.ad),
  account: z.object({ dn: z.string().min(1), sAMAccountName: z.string(), objectGuid: z.string().nullable(), employeeID: z.string().nullable().optional() }),
  entitlement: z.string().nullable(),
});

const nedapActionSchema = z.object({
  ...common,
  target: z.literal('nedap-ons'),
  action: z.enum(ACTION_KINDS['nedap-ons']),
  account: z.object({
    identificationNo: z.string().min(1),
    employeeObjectId: z.number().int().nullable(),
    userUuid: z.string().nullable(),
    userName: z.string(),
  }),
  set: z.array(z.string()).nullable(),
  rules: z.record(z.string(), z.string()).optional(),
});

const actionSchema = z.discriminatedUnion('target', [adActionSchema, nedapActionSchema]);

const planSchema = z.object({
  planId: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  createdAt: z.iso.datetime(),
  summary: z.object({ total: z.number(), ad: z.record(z.string(), z.number()), 'nedap-ons': z.record(z.string(), z.number()) }),
  actions: z.array(actionSchema),
  unmanaged: z.array(z.unknown()),
  // Plans saved before persons could be held have no list.
  held: z.array(z.unknown()).default([]),
  findings: z.array(z.unknown()),
});

/** A plan file that cannot be applied. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

/** Write a sealed plan atomically and owner-only, so a reader never sees half a plan. */
export async function savePlan(file: string, plan: Plan, sealing: PlanSealing): Promise<void> {
  const body = { ...plan, configFingerprint: sealing.configFingerprint };
  const integrity = sealOf(sealing.key, JSON.stringify(body));
  await writePrivateFileAtomic(file, `${JSON.stringify({ ...body, integrity }, null, 2)}\n`);
}

/** Read a saved plan and check its seal, configuration, age and shape. */
export async function loadPlan(file: string, acceptance: PlanAcceptance): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanFileError(code === 'ENOENT' ? `plan file ${file} does not exist` : `plan file ${file} cannot be read (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PlanFileError(`plan file ${file} is not valid JSON`);
  }
  const { configFingerprint, createdAt } = checkSeal(file, json, acceptance);
  if (configFingerprint !== acceptance.configFingerprint) {
    throw new PlanFileError(`plan file ${file} was made under another configuration (the settings changed since): preview again and apply the new plan`);
  }
  const made = Date.parse(createdAt);
  const ageHours = ((acceptance.now ?? new Date()).getTime() - made) / 3_600_000;
  if (!Number.isFinite(made) || ageHours > acceptance.maxAgeHours || ageHours < -1) {
    throw new PlanFileError(`plan file ${file} was made ${createdAt}, more than ${acceptance.maxAgeHours} hours ago (maxPlanAgeHours): the directory and HR data may have changed since; preview again`);
  }
  const result = planSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') : '';
    throw new PlanFileError(`plan file ${file} is not a plan made by preview (${where ? `at ${where}: ` : ''}${first?.message ?? 'invalid'})`);
  }
  const ids = new Set<string>();
  for (const action of result.data.actions) {
    if (ids.has(action.id)) throw new PlanFileError(`plan file ${file} has action id ${action.id} twice`);
    for (const dependency of action.dependsOn) {
      if (!ids.has(dependency)) throw new PlanFileError(`plan file ${file}: action ${action.id} depends on ${dependency}, which does not come before it`);
    }
    ids.add(action.id);
  }
  const { configFingerprint: _fingerprint, integrity: _integrity, ...plan } = json as Plan & { configFingerprint: string; integrity: string };
  return plan;
}

/** The seal must match before any other field of the file is believed. */
function checkSeal(file: string, json: unknown, acceptance: PlanAcceptance): { readonly configFingerprint: string; readonly createdAt: string } {
  const sealed = z.object({ integrity: z.string(), configFingerprint: z.string(), createdAt: z.string() }).loose().safeParse(json);
  if (!sealed.success) {
    throw new PlanFileError(`plan file ${file} carries no integrity seal: only plans saved by preview of this installation can be applied; preview again`);
  }
  // The raw object, not zod's copy: the seal covers the keys in the order preview wrote them.
  const { integrity: _integrity, ...body } = json as Record<string, unknown>;
  if (!sealMatches(acceptance.key, JSON.stringify(body), sealed.data.integrity)) {
    throw new PlanFileError(`plan file ${file} was changed after preview saved it, or was made by another installation: it is refused; preview again`);
  }
  return { configFingerprint: sealed.data.configFingerprint, createdAt: sealed.data.createdAt };
}
