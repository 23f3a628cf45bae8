/**
 * `npm run bench:ui`: the Preview screen with a plan of 35,000 actions, in Debian's Chromium, against the
 * web host. Measures the time from opening Preview to the first rows on screen (goal < 1 s) and the
 * latency of a filter and of a search on the full plan (goal < 100 ms), median of 5 each. The plan is
 * synthetic and served by a stand-in API (no Visma, no DC): this measures the screen, not the engine.
 * A benchmark, not a test; it needs `npm run build` first (the script does that). `npm run bench` runs it
 * after the engine bench (electron/bench/run.ts), so its figures close that output.
 */
import { startWebHost } from '../web-host/server';
import { RENDERER_DIST } from '../web-host/main';
import { chromiumPath, launchChromium } from '../web-host/browser';
import type { Api } from '../shared/contract';
import type { ActionDto, PlanDto, StatusDto } from '../shared/dto';
import { fail, ok } from '../shared/result';
import { median } from './stats';

const ACTIONS = Number(process.env.HRP_BENCH_UI_ACTIONS ?? 35_000);
const RUNS = 5;
const KINDS = ['create', 'update', 'enable', 'disable', 'move', 'grant', 'revoke'] as const;
const UNITS = ['Zorgteam Noord', 'Zorgteam Zuid', 'ICT', 'Facilitair', 'Nachtzorg', 'Regio Centrum'];

function syntheticPlan(count: number): PlanDto {
  const actions: ActionDto[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'update';
    const unit = UNITS[i % UNITS.length] ?? 'ICT';
    const name = `Medewerker ${i}`;
    actions.push({
      id: `${i}-${kind}-${100000 + i}`, target: 'ad', action: kind, personId: String(100000 + i), personName: name, orgUnit: unit,
      account: { name: `m.werker${i}`, path: `CN=${name},OU=${unit},OU=Medewerkers,DC=zorg,DC=local`, id: null },
      changes: [{ attribute: 'title', before: 'Verzorgende', after: 'Verpleegkundige' }],
      entitlement: null, reasons: [`contract ${100000 + i}_1_1 changed on 2026-11-27`], dependsOn: [], held: false, hrChanges: [],
    });
  }
  const counts = KINDS.map((action) => ({ target: 'ad' as const, action, count: actions.filter((a) => a.action === action).length }));
  return { planId: 'bench', guard: null, held: [], heldPersons: [], reviewMode: 'hold-over-limit', undoOf: null, irreversible: [], asOf: '2026-11-30', createdAt: new Date().toISOString(), counts, actions, unmanaged: [], findings: [] };
}

/** A stand-in API: a configured app with one big plan; every other operation is not available. */
function benchApi(plan: PlanDto): Api {
  const status: StatusDto = {
    configured: true, demoAvailable: false, lastRun: null, recentRuns: [], nextRun: null, schedulePaused: false, syncing: false,
    attention: { failedActions: 0, heldActions: 0, heldPersons: 0, guardStop: false, findings: { error: 0, warning: 0, info: 0 }, leaversThisWeek: 0 },
  };
  const answers: Record<string, unknown> = { status, currentPlan: plan };
  return new Proxy({}, {
    get: (_, name: string) => async () => (name in answers ? ok(answers[name]) : fail('not-available', `${name} is not part of the bench`)),
  }) as Api;
}

async function main(): Promise<void> {
  const plan = syntheticPlan(ACTIONS);
  const host = await startWebHost({ api: benchApi(plan), staticDir: RENDERER_DIST });
  const browser = await launchChromium();
  try {
    const firstRows: number[] = [];
    const filters: number[] = [];
    const searches: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor();
      let started = performance.now();
      await page.getByRole('tab', { name: 'Preview', exact: true }).click();
      await page.locator('[data-action-id]').first().waitFor();
      firstRows.push(performance.now() - started);
      const shown = page.getByText(/ of .* shown/);
      const before = await shown.textContent();
      started = performance.now();
      await page.getByRole('combobox', { name: 'Action' }).selectOption('disable');
      await shown.filter({ hasNotText: before ?? '' }).waitFor();
      filters.push(performance.now() - started);
      const filtered = await shown.textContent();
      started = performance.now();
      await page.getByRole('textbox', { name: /Search name or account/ }).fill('Medewerker 1234');
      await shown.filter({ hasNotText: filtered ?? '' }).waitFor();
      searches.push(performance.now() - started);
      await page.close();
    }
    const line = (what: string, values: number[], goal: number): string =>
      `${what}: median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')}); goal < ${goal} ms ${median(values) < goal ? '✔' : '✘'}`;
    process.stdout.write(`\n==== Desktop UI bench ====\nPreview with ${ACTIONS.toLocaleString('en')} actions in Chromium (${chromiumPath()}), ${RUNS} runs\n`);
    process.stdout.write(`${line('open Preview to first rows', firstRows, 1000)}\n`);
    process.stdout.write(`${line('filter by action', filters, 100)}\n`);
    process.stdout.write(`${line('search by name', searches, 100)}\n`);
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ui bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
