/**
 * Section 3: `Provisioner.apply` of a plan with only creates (new joiners, created disabled with an
 * initial password), against the same adds sent by a bare sequential ldapts loop: the floor apply can at
 * best reach. The apply is profiled on the way (directory calls, LDAP operations, journal writes), so a
 * shortfall can be pinned on its cause.
 */
import { Attribute } from 'ldapts';
import type { Client } from 'ldapts';
import { Provisioner } from '../app/provisioner';
import type { AppConfig } from '../app/config';
import { LdapDirectory } from '../engine/ad/directory';
import { childDn, leafValue } from '../engine/ad/dn';
import { addOu, withRawClient } from '../engine/ad/ldap-fixture';
import { encodeUnicodePwd, NEW_ACCOUNT_UAC } from '../engine/ad/ldap-values';
import { generatePassword } from '../engine/ad/password';
import { actionsOf, type AdAction, type Plan } from '../engine/model/plan';
import type { RunRecord } from '../engine/model/run';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import { joinersData } from './joiners';
import { OpTimes, timedDirectory, timeJournalWrites, timeLdapOperations } from './op-timer';
import { describeAction, sectionConfig, sectionOus } from './preview-bench';
import type { SectionContext } from './preview-bench';
import { perSecond, seconds, timed } from './stats';
import { disturbance, FOREIGN_CPU_LIMIT, watched } from './cpu-watch';
import type { Watched } from './cpu-watch';

/** A count and its total time. */
export interface Cost {
  readonly count: number;
  readonly ms: number;
}

/** Where apply's time went. */
export interface ApplyProfile {
  readonly readAccounts: Cost;
  readonly addUser: Cost;
  readonly ldapAdd: Cost;
  /** ldapts searches after the initial read: the objectGUID read-back after each add. */
  readonly guidReadBack: Cost;
  readonly journalAppend: Cost;
  readonly journalSync: Cost;
  /** Password generation, measured apart (the same number of calls). */
  readonly passwords: Cost;
  /** Apply's total minus everything above (history file open/close, index, bookkeeping). */
  readonly otherMs: number;
}

/** Everything section 3 reports. */
export interface ApplyFigures {
  readonly creates: number;
  readonly previewMs: number;
  readonly planSummary: Plan['summary'];
  readonly applyMs: number;
  readonly outcomes: RunRecord['summary'];
  readonly runStatus: string;
  /** Both halves of the raw loop together. */
  readonly rawMs: number;
  readonly rawCount: number;
  readonly rawHalvesMs: readonly [number, number];
  /** Average cores used by other processes during the raw halves and the apply. */
  readonly foreign: { readonly rawBefore: number; readonly apply: number; readonly rawAfter: number };
  readonly ratio: number;
  readonly profile: ApplyProfile;
  readonly warnings: readonly string[];
}

/** The attributes apply's create writes for `action` (same skips as `apply-ad.ts`). */
export function createAttributes(action: AdAction): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const change of action.changes) {
    if (change.attribute === 'cn' || change.attribute === 'dn') continue;
    const value = typeof change.after === 'string' ? change.after : null;
    if (value !== null && value !== '') attributes[change.attribute] = value;
  }
  return attributes;
}

/** One add of the raw loop: the request `LdapDirectory.addUser(dn, attributes, { password })` sends. */
interface RawAdd {
  readonly dn: string;
  readonly record: readonly Attribute[];
}

/**
 * The same adds as the plan's creates, into `ou`, with logon names made unique (a prefix) because the
 * apply has already taken the originals in this domain. Passwords are generated beforehand.
 */
function rawAdds(creates: readonly AdAction[], ou: string): RawAdd[] {
  return creates.map((action, i) => {
    const attributes = createAttributes(action);
    const tag = `r${String(i).padStart(4, '0')}`;
    const sam = `${tag}${attributes.sAMAccountName ?? ''}`.slice(0, 20);
    attributes.sAMAccountName = sam;
    if (attributes.userPrincipalName) attributes.userPrincipalName = `${tag}${attributes.userPrincipalName}`;
    if (attributes.mail) attributes.mail = `${tag}${attributes.mail}`;
    const password = generatePassword({ sAMAccountName: sam, displayName: attributes.displayName ?? null });
    const record = [
      ...Object.entries(attributes).map(([type, value]) => new Attribute({ type, values: [value] })),
      new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
      new Attribute({ type: 'userAccountControl', values: [String(NEW_ACCOUNT_UAC)] }),
      new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(password)] }),
      new Attribute({ type: 'pwdLastSet', values: ['0'] }),
    ];
    return { dn: childDn(leafValue(action.account.dn), ou), record };
  });
}

async function rawLoop(client: Client, adds: readonly RawAdd[]): Promise<number> {
  const started = performance.now();
  for (const add of adds) await client.add(add.dn, [...add.record]);
  return performance.now() - started;
}

/** Runs section 3. */
export async function runApplySection(ctx: SectionContext, options: { readonly creates: number }): Promise<ApplyFigures> {
  const ous = sectionOus('BenchApply', ctx.samba.domainDn);
  const rawOu = `OU=BenchRaw,${ctx.samba.domainDn}`;
  // The joiners come from a simulator of their own, in this process: apply's rate does not depend on Visma.
  const data = joinersData(options.creates, ctx.asOf);
  const joiners = await startVismaSimulator({ ...ctx.credentials, data, faults: { inProgressPolls: 1 } });
  // The joiners have no UDFs, cost centres or users: an export the complete-export check must accept.
  const empty = Object.entries(data).filter(([, rows]) => rows.length === 0).map(([name]) => name);
  try {
    return await applySection({ ...ctx, simulator: joiners }, options, ous, rawOu, empty);
  } finally {
    await joiners.close();
  }
}

async function applySection(
  ctx: SectionContext,
  options: { readonly creates: number },
  ous: ReturnType<typeof sectionOus>,
  rawOu: string,
  allowEmptyDatasets: readonly string[],
): Promise<ApplyFigures> {
  const { log } = ctx;
  const warnings: string[] = [];
  const warn = (line: string): void => {
    warnings.push(line);
    log(`  WARNING: ${line}`);
  };
  const config: AppConfig = await sectionConfig(ctx, 'apply', ous, [], allowEmptyDatasets);
  await withRawClient(ctx.samba.connection, (client) => addOu(client, rawOu));

  log(`preview of ${options.creates} joiners (the directory still holds section 2's accounts) ...`);
  const preview = await timed(() => new Provisioner({ config, env: ctx.env }).preview(ctx.asOf));
  const plan = preview.value;
  log(`  ${seconds(preview.ms)}: ${JSON.stringify(plan.summary)}`);
  const creates = actionsOf(plan.actions, 'ad').filter((a) => a.action === 'create');
  if (creates.length !== options.creates || plan.summary.total !== creates.length) {
    warn(`expected exactly ${options.creates} creates and nothing else, got ${JSON.stringify(plan.summary)}`);
    for (const a of plan.actions.filter((x) => x.action !== 'create').slice(0, 5)) log(`    ${describeAction(a)}`);
  }

  // The raw floor runs half before and half after the apply (A-B-A), so that drift (a busier machine, a
  // growing database) weighs on both sides alike. Its accounts live outside the apply's base DN.
  const adds = rawAdds(creates, rawOu);
  const half = Math.floor(adds.length / 2);
  log(`raw floor, first half: ${half} of the same adds (unicodePwd + pwdLastSet 0 + userAccountControl 514), bare sequential ldapts loop ...`);
  const before = await watched(ctx.cpuRoots, () => withRawClient(ctx.samba.connection, (client) => rawLoop(client, adds.slice(0, half))));
  const rawBefore = before.value;
  log(`  ${seconds(rawBefore)} = ${perSecond(half, rawBefore)}${disturbance(before.foreign)}`);

  log(`apply of ${plan.actions.length} actions through Provisioner.apply (sequential, password in the add) ...`);
  const times = new OpTimes();
  const restoreLdap = timeLdapOperations(times);
  const restoreJournal = await timeJournalWrites(times, ctx.workDir);
  let applied: Watched<RunRecord>;
  try {
    const provisioner = new Provisioner({ config, env: ctx.env, openDirectory: (c) => timedDirectory(new LdapDirectory(c), times) });
    applied = await watched(ctx.cpuRoots, () => provisioner.apply({ plan, asOf: ctx.asOf, trigger: 'cli' }));
  } finally {
    restoreJournal();
    restoreLdap();
  }
  const run = applied.value;
  log(`  ${seconds(applied.ms)} = ${perSecond(plan.actions.length, applied.ms)}; outcomes ${JSON.stringify(run.summary)}, status ${run.status}${disturbance(applied.foreign)}`);
  if (run.status !== 'completed' || run.summary.created !== creates.length) {
    warn(`apply did not create every account: ${run.error ?? ''} ${JSON.stringify(run.summary)}`);
    const failed = run.outcomes.find((o) => o.outcome === 'failed');
    if (failed) log(`    first failure: ${failed.actionId}: ${failed.error ?? ''}`);
  }

  log(`raw floor, second half: ${adds.length - half} adds ...`);
  const after = await watched(ctx.cpuRoots, () => withRawClient(ctx.samba.connection, (client) => rawLoop(client, adds.slice(half))));
  const rawAfter = after.value;
  log(`  ${seconds(rawAfter)} = ${perSecond(adds.length - half, rawAfter)}${disturbance(after.foreign)}`);
  const rawMs = rawBefore + rawAfter;
  const foreign = { rawBefore: before.foreign, apply: applied.foreign, rawAfter: after.foreign };
  if (Math.max(rawBefore, rawAfter) > 1.25 * Math.min(rawBefore, rawAfter)) {
    warn(`the two halves of the raw loop differ by more than 25 % (${seconds(rawBefore)} vs ${seconds(rawAfter)}): the machine was not steady, the ratio is unreliable; run the bench again`);
  }
  if (Math.max(foreign.rawBefore, foreign.apply, foreign.rawAfter) > FOREIGN_CPU_LIMIT) {
    warn(`other processes used CPU during section 3 (cores: raw ${foreign.rawBefore.toFixed(2)}, apply ${foreign.apply.toFixed(2)}, raw ${foreign.rawAfter.toFixed(2)}): the ratio is unreliable`);
  }

  const passwords = timeOf(() => {
    for (const a of creates) generatePassword({ sAMAccountName: a.account.sAMAccountName, displayName: null });
  });
  const readSpan = times.first('directory.readAccounts');
  const afterRead = readSpan?.end ?? 0;
  const guid = times.spans.filter((s) => s.name === 'ldap.search' && s.start >= afterRead);
  const sum = (name: string): Cost => times.total(name);
  const readAccounts = sum('directory.readAccounts');
  const addUser = sum('directory.addUser');
  const journalAppend = sum('journal.appendFile');
  const journalSync = sum('journal.datasync');
  const profile: ApplyProfile = {
    readAccounts,
    addUser,
    ldapAdd: sum('ldap.add'),
    guidReadBack: { count: guid.length, ms: guid.reduce((n, s) => n + s.end - s.start, 0) },
    journalAppend,
    journalSync,
    passwords: { count: creates.length, ms: passwords },
    otherMs: applied.ms - readAccounts.ms - addUser.ms - journalAppend.ms - journalSync.ms - passwords,
  };
  const applyRate = plan.actions.length / applied.ms;
  const rawRate = adds.length / rawMs;
  return {
    creates: creates.length,
    previewMs: preview.ms,
    planSummary: plan.summary,
    applyMs: applied.ms,
    outcomes: run.summary,
    runStatus: run.status,
    rawMs,
    rawCount: adds.length,
    rawHalvesMs: [rawBefore, rawAfter],
    foreign,
    ratio: applyRate / rawRate,
    profile,
    warnings,
  };
}

function timeOf(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
