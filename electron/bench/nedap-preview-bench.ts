/**
 * Bench section: the no-change preview with Nedap Ons beside AD against AD alone (issue 9). It runs after
 * the AD preview section, on the same DC with the same accounts loaded: the Nedap Ons simulator is seeded
 * with one employee per employment of the same generated workforce (seed 1), a first Nedap-only apply
 * gives every employment its user and duties, and then previews of both targets are timed beside
 * AD-only previews. Goal: the Nedap read adds under 20 %.
 *
 * The simulator runs in the bench's own process (the Visma one has a process of its own): serving ~35,000
 * employees and users as ndjson then shares the event loop with the preview, so the figure overstates
 * what Nedap adds rather than understating it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../app/config';
import { Provisioner } from '../app/provisioner';
import type { TargetName } from '../engine/model/plan';
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
  readonly setupApplyMs: number;
  readonly setupOutcomes: Readonly<Record<string, number>>;
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
    log(`  Nedap Ons simulator ${simulator.baseUrl}: ${seed.employees.length} employees; first apply (Nedap only) gives each a user and duties ...`);
    const setup = await timed(() => provisioner.apply({ asOf: ctx.asOf, trigger: 'cli', targets: ['nedap-ons'] }));
    log(`  setup apply ${seconds(setup.ms)}: ${JSON.stringify(setup.value.summary)}`);
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
      employees: options.employees, nedapEmployees: seed.employees.length, setupApplyMs: setup.ms, setupOutcomes: setup.value.summary,
      adOnlyMs, bothMs, actions, added: median(bothMs) / median(adOnlyMs) - 1,
    };
  } finally {
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report lines of the section. */
export function nedapPreviewReport(f: NedapPreviewFigures): string[] {
  return [
    `4. Preview with Nedap Ons beside AD, ${f.employees} employee records (${f.nedapEmployees} Nedap employments), nothing to change`,
    `   setup: Nedap-only apply ${seconds(f.setupApplyMs)} ${JSON.stringify(f.setupOutcomes)}`,
    `   AD only: median ${seconds(median(f.adOnlyMs))} [${f.adOnlyMs.map(seconds).join(', ')}]`,
    `   AD + Nedap: median ${seconds(median(f.bothMs))} [${f.bothMs.map(seconds).join(', ')}]   actions: ${f.actions}`,
    `   Nedap adds ${(f.added * 100).toFixed(1)} % (goal < 20 %: ${verdict(f.added < 0.2)})`,
    ...(f.actions > 0 ? ['   WARNING: the preview with both targets was not empty'] : []),
  ];
}
