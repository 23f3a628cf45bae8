/**
 * Bench section: the no-change preview with Nedap Ons beside AD against AD alone (issue 9). It runs after
 * the AD preview section, on the same DC with the same accounts loaded: the Nedap Ons simulator is seeded
 * with one employee per employment of the same generated workforce (seed 1); a Nedap-only preview says
 * what every employment should have, and the simulator's state and the entitlement ledger are seeded
 * with exactly that (an apply of ~31,000 users over mTLS would take far longer than the section). Then
 * previews of both targets are timed beside AD-only previews. Goal: the Nedap read adds under 20 %.
 *
 * The simulator runs in the bench's own process (the Visma one has a process of its own): serving ~35,000
 * employees and users as ndjson then shares the event loop with the preview, so the figure overstates
 * what Nedap adds rather than understating it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../app/config';
import { Provisioner } from '../app/provisioner';
import { actionsOf, type Plan, type TargetName } from '../engine/model/plan';
import type { LedgerChange } from '../engine/model/ledger';
import { nedapRecordChanges } from '../engine/nedap-ons/ledger-view';
import { LedgerFile } from '../engine/state/entitlement-ledger';
import type { NedapState, ProvisionedUser } from '../simulators/nedap-ons/state';
import { nedapSeedFromVisma } from '../simulators/nedap-ons/generate';
import { startNedapSimulator } from '../simulators/nedap-ons/server';
import { makeTestPki } from '../simulators/nedap-ons/test-pki';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import type { SectionContext } from './preview-bench';
import { median, seconds, timed, verdict } from './stats';

/** Environment variable that carries the client certificate's password. */
const PFX_PASSWORD_ENV = 'HRP_BENCH_NEDAP_PFX_PASSWORD';

/** What the section reports. */
export interface NedapPreviewFigures {
  readonly employees: number;
  readonly nedapEmployees: number;
  /** The Nedap-only preview and the seeding of the simulator and the ledger from it. */
  readonly setupMs: number;
  readonly seededUsers: number;
  readonly adOnlyMs: readonly number[];
  readonly bothMs: readonly number[];
  /** Actions of the timed previews with both targets (0 when nothing is to change). */
  readonly actions: number;
  /** median(both) / median(AD only) - 1. */
  readonly added: number;
}

/**
 * Runs the section on the config of the AD preview section (`adConfigFile`), whose DC already holds an
 * account per person: `employees` is the generated workforce's size (seed 1, as the Visma simulator's).
 */
export async function runNedapPreviewSection(
  ctx: SectionContext,
  options: { readonly adConfigFile: string; readonly employees: number; readonly runs: number },
): Promise<NedapPreviewFigures> {
  const { log } = ctx;
  const dir = await mkdtemp(path.join(ctx.workDir, 'nedap-'));
  const pki = await makeTestPki(path.join(dir, 'pki'));
  const seed = nedapSeedFromVisma(generateVismaData({ seed: 1, employees: options.employees, asOf: ctx.asOf }).contracts, 0);
  const simulator = await startNedapSimulator({
    seed, environment: pki.environment, tls: { keyPem: pki.serverKeyPem, certPem: pki.serverCertPem, caPem: pki.caPem },
  });
  try {
    const raw = JSON.parse(await readFile(options.adConfigFile, 'utf8')) as Record<string, unknown>;
    const config = parseConfig({
      ...raw,
      nedapOns: { baseUrl: simulator.baseUrl, pfxFile: pki.clientPfx, pfxPassword: { env: PFX_PASSWORD_ENV }, caFile: pki.caFile, source: 'HR Provisioner bench' },
      policy: { rules: [{ name: 'Everyone in Ons', when: {}, grant: { nedapRoles: ['Medewerker'] } }] },
      dataDir: path.join(dir, 'data'),
    }, dir, 'bench nedap config');
    const provisioner = new Provisioner({ config, env: { ...ctx.env, [PFX_PASSWORD_ENV]: pki.pfxPassword } });
    log(`  Nedap Ons simulator ${simulator.baseUrl}: ${seed.employees.length} employees; seeding each employment's user and duties as the plan wants them ...`);
    const setup = await timed(async () => {
      const wanted = await provisioner.preview(ctx.asOf, undefined, { targets: ['nedap-ons'] });
      return seedAsPlanned(wanted, simulator.state, new LedgerFile(config.dataDir), config.nedapOns?.source ?? '');
    });
    log(`  setup ${seconds(setup.ms)}: ${setup.value} users seeded`);
    const preview = async (targets: readonly TargetName[]): Promise<{ readonly ms: number; readonly actions: number }> => {
      const t = await timed(() => provisioner.preview(ctx.asOf, undefined, { targets }));
      return { ms: t.ms, actions: t.value.actions.length };
    };
    const adOnlyMs: number[] = [];
    const bothMs: number[] = [];
    let actions = 0;
    // Interleaved, so a busy spell on the machine lands on both kinds alike.
    for (let i = 0; i < options.runs; i += 1) {
      const ad = await preview(['ad']);
      const both = await preview(['ad', 'nedap-ons']);
      adOnlyMs.push(ad.ms);
      bothMs.push(both.ms);
      actions = Math.max(actions, both.actions);
      log(`  run ${i + 1}: AD only ${seconds(ad.ms)} (${ad.actions} actions), AD + Nedap ${seconds(both.ms)} (${both.actions} actions)`);
    }
    return {
      employees: options.employees, nedapEmployees: seed.employees.length, setupMs: setup.ms, seededUsers: setup.value,
      adOnlyMs, bothMs, actions, added: median(bothMs) / median(adOnlyMs) - 1,
    };
  } finally {
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Make the simulator and the ledger hold what a first apply of `plan` (Nedap only, new users) would
 * leave: the users with their sets, and the ledger entries that record them. Returns the users made.
 */
export async function seedAsPlanned(plan: Plan, state: NedapState, ledger: LedgerFile, source: string): Promise<number> {
  const users = new Map<string, { roleUuids: readonly string[]; teams: readonly number[]; locations: readonly number[] }>();
  for (const action of actionsOf(plan.actions, 'nedap-ons')) {
    const key = action.account.identificationNo;
    const user = users.get(key) ?? { roleUuids: [], teams: [], locations: [] };
    const set = action.set ?? [];
    if (action.action === 'set-duties') user.roleUuids = set;
    else if (action.action === 'set-teams') user.teams = set.map(Number);
    else if (action.action === 'set-locations') user.locations = set.map(Number);
    users.set(key, user);
  }
  const wanted: ProvisionedUser[] = [...users].map(([identificationNo, sets]) => ({ identificationNo, source, ...sets }));
  const made = state.provision(wanted);
  const at = new Date().toISOString();
  const changes: LedgerChange[] = wanted.flatMap((w) => {
    const user = made.get(w.identificationNo);
    if (!user) return [];
    const record = { userUuid: user.uuid, duties: [...w.roleUuids], teams: w.teams.map(String), locations: w.locations.map(String) };
    return nedapRecordChanges(w.identificationNo, undefined, record, { at });
  });
  await ledger.change(changes);
  return made.size;
}

/** The report lines of the section. */
export function nedapPreviewReport(f: NedapPreviewFigures): string[] {
  return [
    `4. Preview with Nedap Ons beside AD, ${f.employees} employee records (${f.nedapEmployees} Nedap employments), nothing to change`,
    `   setup: Nedap-only preview and seeding of ${f.seededUsers} users ${seconds(f.setupMs)}`,
    `   AD only: median ${seconds(median(f.adOnlyMs))} [${f.adOnlyMs.map(seconds).join(', ')}]`,
    `   AD + Nedap: median ${seconds(median(f.bothMs))} [${f.bothMs.map(seconds).join(', ')}]   actions: ${f.actions}`,
    `   Nedap adds ${(f.added * 100).toFixed(1)} % (goal < 20 %: ${verdict(f.added < 0.2)})`,
    ...(f.actions > 0 ? ['   WARNING: the preview with both targets was not empty'] : []),
  ];
}
