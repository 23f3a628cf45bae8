import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Plan } from '../model/plan';

/**
 * Saved plans. A preview is written as JSON; apply reads it back and checks its shape before it
 * trusts a single action, since a plan file may have been edited or come from another version.
 */

const value = z.union([z.string(), z.array(z.string()), z.null()]);

const actionSchema = z.object({
  id: z.string().min(1),
  target: z.literal('ad'),
  action: z.enum(['create', 'update', 'enable', 'disable', 'move', 'delete', 'grant', 'revoke']),
  personId: z.string().nullable(),
  account: z.object({ dn: z.string().min(1), sAMAccountName: z.string(), objectGuid: z.string().nullable() }),
  changes: z.array(z.object({ attribute: z.string().min(1), before: value, after: value })),
  entitlement: z.string().nullable(),
  reasons: z.array(z.string()),
  dependsOn: z.array(z.string()),
});

const planSchema = z.object({
  planId: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  createdAt: z.string(),
  summary: z.record(z.string(), z.number()),
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

/** Write a plan atomically (temp file + rename), so a reader never sees half a plan. */
export async function savePlan(file: string, plan: Plan): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(plan, null, 2)}\n`, 'utf8');
  await rename(temp, file);
}

/** Read and check a saved plan. */
export async function loadPlan(file: string): Promise<Plan> {
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
  return json as Plan;
}
