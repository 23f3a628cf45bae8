/**
 * Planning alone, without Visma or a DC: the generated workforce evaluated in memory, planned once against an
 * empty directory, that plan's accounts turned into the accounts apply would leave, and then planned again
 * (nothing to change), as a preview of a settled directory plans. `npm run bench` reports the figure; run on its
 * own it is the profile target for the planner (compiled, as the bench runs it, after `npm run bench` built it):
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof electron/dist/bench-plan-alone.mjs [--persons 30000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../app/entry-point';
import { parseConfig } from '../app/config';
import type { AppConfig } from '../app/config';
import { attributeMappings } from '../app/attributes-config';
import { namingConvention } from '../app/naming-config';
import { rdn } from '../engine/ad/dn';
import type { AdAccount } from '../engine/model/ad-account';
import { evaluateExport } from '../engine/policy/evaluate';
import { planAd } from '../engine/plan/ad-plan';
import type { PlanAdInput } from '../engine/plan/ad-plan';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { accountsFromPlan } from './load-accounts';
import { benchConfigJson } from './bench-config';

/** The figures of {@link planAlone}. */
export interface PlanAloneFigures {
  readonly persons: number;
  readonly accounts: number;
  /** Actions of the second plan: 0 when the synthetic directory matches HR. */
  readonly actions: number;
  /** `planAd` of the settled directory, per run, in milliseconds. */
  readonly planMs: readonly number[];
  /**
   * The CPU time of the same runs (user + system, every thread of the process, the garbage collector's
   * included): steadier than the wall time on a machine others use, and above it when the GC works in parallel.
   */
  readonly planCpuMs: readonly number[];
}

const DOMAIN = 'DC=test,DC=local';

/** The config of the preview section (same OUs and one team OU per org unit), without contacting anything. */
function planConfig(orgUnitIds: readonly string[]): AppConfig {
  const base = `OU=Bench,${DOMAIN}`;
  const users = `OU=Users,${base}`;
  const json = benchConfigJson({
    simulator: { baseUrl: 'http://127.0.0.1:9/', tokenUrl: 'http://127.0.0.1:9/connect/token' },
    credentials: { clientId: 'plan', clientSecret: 'plan', tenantId: 'plan' },
    dataDir: '/nonexistent/plan-alone',
    ad: {
      url: 'ldaps://127.0.0.1:636', bindDn: `CN=Administrator,CN=Users,${DOMAIN}`, caFile: '/nonexistent/ca.pem', tlsServerName: 'DC1.test.local',
      baseDn: base, usersOu: users, disabledOu: `OU=Disabled,${base}`,
      ouByOrgUnit: Object.fromEntries(orgUnitIds.map((id) => [id, `${rdn('OU', id)},${users}`])),
    },
  });
  return parseConfig(json, '/nonexistent', 'plan-alone config');
}

/** What the planner takes from an import. */
type Imported = Pick<ReturnType<typeof evaluateExport>, 'persons' | 'doubtful' | 'findings'>;

/** The planner's input as the Provisioner builds it for a preview, with `accounts` as the directory. */
export function planInput(config: AppConfig, imported: Imported, accounts: readonly AdAccount[], asOf: string): PlanAdInput {
  const ad = config.ad;
  if (!ad) throw new Error('plan-alone config without ad section');
  const { policy } = config;
  return {
    persons: imported.persons,
    doubtful: imported.doubtful,
    sourceComplete: true,
    accounts,
    asOf,
    policy: {
      lifecycle: policy,
      rules: policy.rules.map((rule) => ({ name: rule.name, when: rule.when, grant: { adGroups: rule.grant.adGroups ?? [] } })),
      templates: policy.templates,
      naming: namingConvention(policy.naming),
      attributes: attributeMappings(ad.attributes),
    },
    settings: { baseDn: ad.baseDn, usersOu: ad.usersOu, disabledOu: ad.disabledOu, ouByOrgUnit: ad.ouByOrgUnit, upnSuffix: ad.upnSuffix, mailDomain: ad.mailDomain },
    findings: imported.findings,
  };
}

/** The accounts apply leaves after the plan of an empty directory (synthetic GUIDs, enabled where it enables). */
function settledAccounts(input: PlanAdInput): AdAccount[] {
  const { specs } = accountsFromPlan(planAd(input));
  return specs.map((spec, i) => {
    const a = spec.attributes;
    const text = (name: string): string | null => a[name] ?? null;
    return {
      dn: spec.dn,
      objectGuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      sAMAccountName: a.sAMAccountName ?? '',
      userPrincipalName: text('userPrincipalName'),
      mail: text('mail'),
      proxyAddresses: [],
      cn: spec.dn.slice(3, spec.dn.search(/(?<!\\),/)),
      givenName: text('givenName'), sn: text('sn'), displayName: text('displayName'), initials: text('initials'),
      employeeID: text('employeeID'), department: text('department'), title: text('title'), company: text('company'),
      manager: spec.manager, description: text('description'),
      userAccountControl: spec.enabled ? 512 : 514,
      memberOf: [],
      whenChanged: null,
    };
  });
}

/** Times `planAd` of `employees` generated persons against the accounts a first plan creates for them. */
export function planAlone(options: { readonly employees: number; readonly asOf: string; readonly runs: number }): PlanAloneFigures {
  const data = generateVismaData({ seed: 1, employees: options.employees, asOf: options.asOf });
  const orgUnitIds = [...new Set(data.organizationUnits.map((row) => row.orgunitid ?? '').filter((id) => id !== ''))].sort();
  const config = planConfig(orgUnitIds);
  const imported = evaluateExport({
    export: data, asOf: options.asOf, lifecycle: config.policy, primaryContractOrder: config.policy.primaryContractOrder,
    cutOffDays: config.visma.cutOffDays, timeZone: config.timeZone, links: config.links,
  });
  const accounts = settledAccounts(planInput(config, imported, [], options.asOf));
  const input = planInput(config, imported, accounts, options.asOf);
  const planMs: number[] = [];
  const planCpuMs: number[] = [];
  let actions = 0;
  for (let i = 0; i < options.runs; i += 1) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    actions = planAd(input).actions.length;
    const used = process.cpuUsage(cpu);
    planMs.push(performance.now() - started);
    planCpuMs.push((used.user + used.system) / 1000);
  }
  return { persons: imported.persons.length, accounts: accounts.length, actions, planMs, planCpuMs };
}

if (isEntryPoint('electron/bench/plan-alone.ts', 'bench-plan-alone')) {
  const { values } = parseArgs({ options: { persons: { type: 'string', default: '30000' }, runs: { type: 'string', default: '3' }, 'as-of': { type: 'string', default: '2026-11-27' } } });
  const figures = planAlone({ employees: Number(values.persons), asOf: values['as-of'], runs: Number(values.runs) });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
