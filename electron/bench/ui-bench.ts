/**
 * `npm run bench:ui`: the Preview screen with a plan of 35,000 actions, in Debian's Chromium, against the
 * web host. Measures the two goals of the desktop issue: the time from opening Preview to the first rows
 * on screen (goal < 1 s) and filter latency on the full plan (goal < 100 ms), a filter by action and a
 * search by name, from the input to the new count and rows on screen; median of 5 each. The plan is synthetic and
 * served by a stand-in API that pages it as the Application does (no Visma, no DC): this measures the
 * screen and its API, not the engine.
 * Figures are taken in the page (from the click or input event to the first frame painted after the
 * change); the driver's own figure, with its DevTools round trips, is printed beside them.
 * A benchmark, not a test; it needs `npm run build` first (the script does that). `npm run bench` runs it
 * after the engine bench (electron/bench/run.ts), so its figures close that output.
 */
import { startWebHost } from '../web-host/server';
import { RENDERER_DIST } from '../web-host/main';
import { chromiumPath, launchChromium } from '../web-host/browser';
import type { Api, ApiParsedArgs, ApiValues, OperationName } from '../shared/contract';
import type { StatusDto } from '../shared/dto';
import type { AdAction, Plan } from '../engine/model/plan';
import { summarisePlan } from '../engine/model/plan';
import { PlanView } from '../app/desktop/to-dto';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { fail, ok } from '../shared/result';
import { median } from './stats';

const ACTIONS = Number(process.env.HRP_BENCH_UI_ACTIONS ?? 35_000);
const RUNS = 5;
const KINDS = ['create', 'update', 'enable', 'disable', 'move', 'grant', 'revoke'] as const;
const UNITS = ['Zorgteam Noord', 'Zorgteam Zuid', 'ICT', 'Facilitair', 'Nachtzorg', 'Regio Centrum'];

function syntheticPlan(count: number): Plan {
  const actions: AdAction[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'update';
    const unit = UNITS[i % UNITS.length] ?? 'ICT';
    const name = `Medewerker ${i}`;
    actions.push({
      id: `${i}-${kind}-${100000 + i}`, target: 'ad', action: kind, personId: String(100000 + i),
      account: { dn: `CN=${name},OU=${unit},OU=Medewerkers,DC=zorg,DC=local`, sAMAccountName: `m.werker${i}`, objectGuid: null },
      changes: [{ attribute: 'title', before: 'Verzorgende', after: 'Verpleegkundige' }],
      entitlement: null, reasons: [`contract ${100000 + i}_1_1 changed on 2026-11-27`], dependsOn: [],
    });
  }
  return { planId: 'bench', asOf: '2026-11-30', createdAt: new Date().toISOString(), summary: summarisePlan(actions), actions, unmanaged: [], held: [], findings: [] };
}

/**
 * A stand-in API: a configured app with one big plan, answered as the Application answers it (the
 * plan summary, then pages of the plan index, built with the plan as after a preview); every other
 * operation is not available.
 */
function benchApi(plan: Plan): { readonly api: Api; readonly renew: () => void } {
  const status: StatusDto = {
    configured: true, demoAvailable: false, lastRun: null, recentRuns: [], nextRun: null, schedulePaused: false, syncing: false,
    attention: { failedActions: 0, heldActions: 0, heldPersons: 0, heldPersonsIn: 'plan', guardStop: false, findings: { error: 0, warning: 0, info: 0 }, leaversThisWeek: 0 },
  };
  // Built before the first request, as Application.preview builds it with the plan; built anew for each
  // run, so that no run finds the filter answers an earlier run left in the index (it keeps the last few).
  let view = new PlanView(plan);
  const answers: Partial<{ [K in OperationName]: (args: ApiParsedArgs<K>) => ApiValues[K] }> = {
    status: () => status,
    currentPlan: () => view.dto,
    planActions: (args) => view.index.page(args.filters, args.offset, args.limit),
    planActionIds: (args) => view.index.ids(args.filters),
  };
  const api = new Proxy({}, {
    get: (_, name: string) => async (args: unknown) => {
      const answer = (answers as Record<string, ((a: unknown) => unknown) | undefined>)[name];
      return answer ? ok(answer(args)) : fail('not-available', `${name} is not part of the bench`);
    },
  }) as Api;
  return { api, renew: () => { view = new PlanView(plan); } };
}

/**
 * Arms an in-page stopwatch: from the next user event of `events` (as the page receives it) to the
 * first frame painted after `done()` turns true, read by {@link stopwatch}. This is the latency the
 * admin sees; the driver's own figure adds Chromium's DevTools round trips on top and is printed beside it.
 */
async function armStopwatch(page: Page, events: readonly string[], done: string): Promise<void> {
  await page.evaluate(`(() => {
    let start = 0;
    const begin = () => { if (start === 0) start = performance.now(); };
    for (const name of ${JSON.stringify(events)}) document.addEventListener(name, begin, true);
    const done = () => { ${done} };
    window.__stopwatch = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (start === 0 || !done()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  })()`);
}

async function stopwatch(page: Page): Promise<number> {
  return Number(await page.evaluate('window.__stopwatch'));
}

// The "N of M shown" line of the Preview table, and its text when the stopwatch was armed.
const SHOWN = `const el = [...document.querySelectorAll('[role=status]')].find((e) => / of .* shown/.test(e.textContent || ''));`;
// Done when the count has changed and the top row is one the new filter lets through: the rows the
// admin sees, not only the count, have followed the input.
const filtered = (before: string, topRow: string): string =>
  `${SHOWN} const top = document.querySelector('[data-action-id]');
   return el !== undefined && el.textContent !== ${JSON.stringify(before)} && top !== null && (${topRow})(top);`;

/** The three figures of one run: in the page, and as the driver saw them. */
interface Figures { readonly page: number[]; readonly driver: number[] }

/**
 * Times `act` (one input) until `done`. The driver sends the input and then only awaits the in-page
 * stopwatch: a Playwright locator waiting for text would poll the whole page on the page's main
 * thread, the thread being timed, and slow down the very paint it waits for (an admin has no such load).
 */
async function measure(figures: Figures, page: Page, events: readonly string[], done: string, act: () => Promise<void>): Promise<void> {
  await armStopwatch(page, events, done);
  const started = performance.now();
  await act();
  figures.page.push(await stopwatch(page));
  figures.driver.push(performance.now() - started);
}

async function main(): Promise<void> {
  const plan = syntheticPlan(ACTIONS);
  const bench = benchApi(plan);
  const host = await startWebHost({ api: bench.api, staticDir: RENDERER_DIST });
  const browser = await launchChromium();
  try {
    const firstRows: Figures = { page: [], driver: [] };
    const filters: Figures = { page: [], driver: [] };
    const searches: Figures = { page: [], driver: [] };
    for (let run = 0; run < RUNS; run += 1) {
      bench.renew();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.getByRole('tab', { name: 'Overview', exact: true }).waitFor();
      await measure(firstRows, page, ['click'], `return document.querySelector('[data-action-id]') !== null;`, async () => {
        await page.getByRole('tab', { name: 'Preview', exact: true }).click();
      });
      const shown = page.getByText(/ of .* shown/);
      const before = (await shown.textContent()) ?? '';
      await measure(filters, page, ['input', 'change'], filtered(before, `(row) => row.dataset.actionId.includes('-disable-')`), async () => {
        await page.getByRole('combobox', { name: 'Action' }).selectOption('disable');
      });
      const byAction = (await shown.textContent()) ?? '';
      await measure(searches, page, ['input'], filtered(byAction, `(row) => row.textContent.includes('Medewerker 1234')`), async () => {
        await page.getByRole('textbox', { name: /Search name or account/ }).fill('Medewerker 1234');
      });
      await page.close();
    }
    const ms = (values: readonly number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    const line = (what: string, values: Figures, goal: number): string =>
      `${what}: median ${median(values.page).toFixed(0)} ms (${ms(values.page)}); goal < ${goal} ms ${median(values.page) < goal ? '✔' : '✘'}`
      + `  [as the driver saw it: median ${median(values.driver).toFixed(0)} ms]`;
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    process.stdout.write(`\n==== Desktop UI bench ====\nPreview with ${ACTIONS.toLocaleString('en')} actions in Chromium (${chromiumPath()}), ${RUNS} runs; load average ${load}\n`);
    process.stdout.write(`${line('open Preview to first rows', firstRows, 1000)}\n`);
    process.stdout.write(`${line('filter latency, by action', filters, 100)}\n`);
    process.stdout.write(`${line('filter latency, search by name', searches, 100)}\n`);
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ui bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
