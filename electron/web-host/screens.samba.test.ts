import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Application } from '../app/desktop/application';
import { FileSettingsPort } from '../app/desktop/settings-port';
import { DEFAULT_TIME_ZONE, todayIn } from '../engine/model/time-zone';
import { startDemoEnvironment } from './demo-environment';
import type { DemoEnvironment } from './demo-environment';
import { startWebHost } from './server';
import type { WebHost } from './server';
import { RENDERER_DIST } from './main';
import { launchChromium } from './browser';

/**
 * The screens in Debian's Chromium against the web host running the real engine, the Visma.net
 * simulator and the Samba DC of the test setup: first run with demo data, preview with filter and
 * detail, apply a selection, history and CSV, Sync now, a leaver, a person, settings with a refused
 * save and a failed connection test, in English and Dutch. Every step saves a screenshot
 * (HRP_SCREENSHOT_DIR, default a temp directory) at 1280x800.
 */

const samba = inject('samba');
const shots = process.env.HRP_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'hrp-screenshots');

let dir: string;
let env: DemoEnvironment;
let host: WebHost;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function go(screen: string): Promise<void> {
  await page.getByRole('tab', { name: screen, exact: true }).click();
}

beforeAll(async () => {
  if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` (npm test does) first.');
  await mkdir(shots, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-screens-'));
  env = await startDemoEnvironment({
    directory: { url: samba.url, bindDn: samba.bindDn, bindPassword: samba.bindPassword, caFile: samba.caFile, tlsServerName: samba.tlsServerName },
    domainDn: samba.baseDn, baseOu: 'Desktop screens', employees: 120, asOf: todayIn(DEFAULT_TIME_ZONE),
    // More than 20 enables in one run wait for approval, so Sync now leaves actions held for review.
    safety: { actionLimits: [{ target: 'ad', kind: 'enable', count: 20 }] },
    // One mistyped end date: that person is held (doubtful HR data), everyone else proceeds.
    mistypedEndDates: 1,
  });
  const api = new Application({ settings: new FileSettingsPort(path.join(dir, 'settings')), dataDir: path.join(dir, 'data'), demo: env.port });
  host = await startWebHost({ api, staticDir: RENDERER_DIST });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the web host', () => {
  it('gives nothing without the token, and refuses API calls from other sites', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    const noToken = await fetch(`${host.origin}/api/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    const auth = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    const foreign = await fetch(`${host.origin}/api/status`, { method: 'POST', headers: { ...auth, origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetch(`${host.origin}/api/status`, { method: 'POST', headers: auth, body: '{}' });
    expect(((await own.json()) as { ok: boolean }).ok).toBe(true);
    const bad = await fetch(`${host.origin}/api/run`, { method: 'POST', headers: auth, body: '{"runId": 5}' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('the screens (English)', () => {
  it('offers the demo data on first run and sets it up', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.getByRole('heading', { name: 'Welcome to HR Provisioner' }).waitFor();
    await shot('01-first-run');
    await page.getByRole('button', { name: 'Use demo data' }).click();
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    await expect.poll(() => page.getByText('No runs yet').first().isVisible()).toBe(true);
  });

  it('previews, filters by action and opens an action with its reasons and before/after', async () => {
    await go('Preview');
    await page.getByRole('button', { name: 'Make a preview' }).click();
    await page.locator('[data-action-id]').first().waitFor({ timeout: 60_000 });
    const shown = page.getByText(/\d+ of \d+ shown/);
    const before = await shown.textContent();
    await page.getByRole('combobox', { name: 'Action' }).selectOption('create');
    await expect.poll(() => shown.textContent(), { timeout: 30_000 }).not.toBe(before);
    const first = page.locator('[data-action-id]').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toContain('Create');
    // The table reads the plan a page at a time: "select all shown" takes every matching action, not just the rows read.
    const matching = Number((await shown.textContent())?.match(/^(\d+) of/)?.[1]);
    expect(matching).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Select all shown' }).first().check();
    await page.getByRole('button', { name: `Apply selected (${matching})` }).waitFor();
    await page.getByRole('checkbox', { name: 'Select all shown' }).first().uncheck();
    await page.getByRole('button', { name: 'Apply selected (0)' }).waitFor();
    await page.getByRole('textbox', { name: /Search name or account/ }).fill('no such person');
    await expect.poll(() => shown.textContent(), { timeout: 30_000 }).toMatch(/^0 of/);
    await page.getByRole('textbox', { name: /Search name or account/ }).fill('');
    await expect.poll(() => shown.textContent(), { timeout: 30_000 }).toBe(`${matching} of ${before?.match(/of (\d+)/)?.[1] ?? ''} shown`);
    await first.click();
    const detail = page.getByRole('complementary', { name: 'Action details' });
    await detail.getByText('Before and after').waitFor();
    expect(await detail.textContent()).toContain('sAMAccountName');
    expect(await detail.textContent()).toContain('HR change that caused it');
    await shot('02-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it('applies a selection of two creates and shows the run in History', async () => {
    const boxes = page.locator('[data-action-id] input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Apply selected (2)' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Actions of the run' });
    // A create may bring the create of its manager along (dependsOn): at least the two chosen ones run.
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await table.textContent()).toContain('Created');
    await shot('03-run');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^hr-provisioner-run-.*\.csv$/);
    await go('History');
    const runs = page.getByRole('table', { name: 'Runs, newest first' });
    await expect.poll(() => runs.locator('tbody tr').count()).toBe(1);
    // The ledger column: two creates without their group grants change nothing the product may take back.
    expect((await runs.locator('tbody tr').first().locator('td').allTextContents()).at(-1)).toBe('no change');
  });

  it('syncs now from the Overview and shows the last run and the chart', async () => {
    await go('Overview');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/Sync finished at/).waitFor({ timeout: 120_000 });
    await page.getByRole('img', { name: /Outcomes of the last 2 runs/ }).waitFor();
    // Every action of this sync waits for review (enables over the limit, the rest depending on them): the run says so.
    expect(await page.getByText(/manual · held for review/).count()).toBeGreaterThan(0);
    await shot('04-overview');
  });

  it('names the person held for doubtful HR data, with the row and cell HR must correct', async () => {
    await page.getByRole('button', { name: '1 person held: their HR data is in doubt' }).click();
    const table = page.getByRole('table', { name: 'Doubtful HR data (1)' });
    await table.waitFor();
    expect(await table.textContent()).toMatch(/contracts row \d+: enddate '31-02-2027' is no date/);
    await shot('04-held-persons');
    // The run keeps them: after the plan is gone (or the app restarted) History still names them.
    await go('History');
    const newest = page.getByRole('table', { name: 'Runs, newest first' }).locator('tbody tr').first();
    await expect.poll(() => newest.textContent()).toContain('1 person held');
    await newest.click();
    await page.getByRole('heading', { name: 'Persons held for doubtful HR data (1)' }).waitFor();
    expect(await page.getByRole('table', { name: 'Doubtful HR data (1)' }).textContent()).toMatch(/contracts row \d+: enddate '31-02-2027' is no date/);
    await shot('04-run-held-persons');
    await go('Overview');
  });

  it('shows the actions the sync held for review and approves them with a comment', async () => {
    await page.getByText(/actions? waits? for review/).first().click();
    await page.getByRole('tab', { name: /Held for review \(\d+\)/ }).click();
    // Each held action is named by its kind, person and account, never by its bare id.
    const heldTable = page.getByRole('table', { name: 'Held for review' });
    const heldRow = heldTable.locator('tbody tr').first();
    await heldRow.waitFor();
    const cells = await heldRow.locator('td').allTextContents();
    expect(cells.slice(1, 5)).toEqual(['AD', expect.stringMatching(/^(Create|Enable|Add to group)$/), expect.stringMatching(/\S/), expect.stringMatching(/\S/)]);
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByRole('textbox', { name: 'Comment (kept in the history)' }).fill('Start of the new wing, checked with HR');
    await shot('05-held');
    await page.getByRole('button', { name: /^Approve \d+ and apply$/ }).click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('table', { name: 'Actions of the run' }).textContent()).toContain('Updated');
    // The groups this run granted are in the entitlement ledger now: the run says how many.
    expect(await page.getByText(/^Entitlement ledger/).textContent()).toMatch(/: AD \+[1-9]\d* −0$/);
  });

  it('plans the undo of a run as a preview first', async () => {
    await page.getByRole('button', { name: 'Undo this run…' }).click();
    await page.getByText(/This plan undoes run/).waitFor({ timeout: 60_000 });
    await shot('06-undo-preview');
    await page.getByRole('tab', { name: 'Look-ahead' }).click();
    await page.locator('main section h3').first().waitFor({ timeout: 60_000 });
    await shot('06-look-ahead');
  });

  it('lists leavers and acknowledges one', async () => {
    await go('Leavers');
    await page.getByRole('heading', { name: /Leaving in the next 30 days/ }).waitFor({ timeout: 60_000 });
    const acknowledge = page.getByRole('button', { name: 'Acknowledge' });
    const count = await acknowledge.count();
    expect(count).toBeGreaterThan(0);
    await acknowledge.first().click();
    await expect.poll(() => acknowledge.count()).toBe(count - 1);
    await shot('07-leavers');
  });

  it('opens a person from an action and explains their past and planned actions', async () => {
    // The undo plan is the current plan: its actions reverse what the approval applied.
    await go('Preview');
    await page.locator('[data-action-id]').first().click();
    await page.getByRole('button', { name: 'This person: HR data and history' }).click();
    await page.getByRole('heading', { name: 'Contracts' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('table', { name: 'Contracts' }).locator('tbody tr').count()).toBeGreaterThan(0);
    const actions = page.getByRole('table', { name: 'Actions and their reasons' });
    await actions.waitFor();
    // Taken in the runs, each with its outcome.
    await expect.poll(() => actions.textContent()).toMatch(/Updated|Created/);
    await page.getByRole('heading', { name: 'HR changes over time' }).waitFor();
    await actions.scrollIntoViewIfNeeded();
    await shot('08-person');
  });

  it('finds a person by name', async () => {
    await page.getByRole('textbox', { name: 'Search by name or employee id' }).fill('an');
    await expect.poll(() => page.getByRole('main').getByRole('button').count()).toBeGreaterThan(1);
  });

  it('refuses settings that do not add up, and says why a connection test failed', async () => {
    await go('Settings');
    const enable = page.getByRole('textbox', { name: 'Enable days before start' });
    await enable.fill('10');
    await page.getByRole('textbox', { name: 'Create days before start' }).fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The settings were not saved' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('must not be larger than policy.createDaysBeforeStart');
    await shot('09-settings-invalid');
    await enable.fill('0');
    // Test takes the form as it is: a wrong secret typed but not saved fails, the stored one (blank field) works.
    const secret = page.getByLabel('Client secret');
    await secret.fill('wrong-secret');
    const vismaCard = page.getByRole('group').filter({ has: page.getByRole('heading', { name: 'Visma.net HRM' }) });
    await vismaCard.getByRole('button', { name: 'Test' }).click();
    const answer = vismaCard.getByText(/^Does not work:/);
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.textContent()).toMatch(/refused|rejected|401|client/i);
    await shot('10-settings-test-failed');
    await secret.fill('');
    await vismaCard.getByRole('button', { name: 'Test' }).click();
    await vismaCard.getByText(/^Works\. Connected/).waitFor({ timeout: 60_000 });
    // Nedap Ons in the form only: a certificate file that is not there is named.
    await page.getByRole('textbox', { name: 'Environment URL' }).fill('https://127.0.0.1:9/');
    await page.getByRole('textbox', { name: 'Client certificate (PFX file)' }).fill('/nonexistent/client.pfx');
    await page.getByLabel('Certificate password').fill('pfx-password');
    await page.getByRole('textbox', { name: 'CA certificate file of Nedap Ons' }).fill('/nonexistent/ca.pem');
    const nedapCard = page.getByRole('group').filter({ has: page.getByRole('heading', { name: 'Nedap Ons' }) });
    await nedapCard.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => nedapCard.getByText(/^Does not work:/).textContent(), { timeout: 30_000 }).toContain('nedapOns.pfxFile /nonexistent/client.pfx cannot be read');
    // The naming preview follows the form: the default convention on the sample names.
    const naming = page.getByRole('table', { name: 'What this gives on sample names' });
    await expect.poll(() => naming.textContent(), { timeout: 30_000 }).toContain('j.vandenberg');
    await naming.scrollIntoViewIfNeeded();
    await shot('10-settings-naming');
  });
});

describe('the screens (Dutch)', () => {
  it('switches to Dutch and shows the screens in Dutch', async () => {
    await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).waitFor();
    await page.getByRole('heading', { name: 'Laatste run' }).waitFor();
    await shot('11-overzicht');
    await go('Voorbeeld');
    await page.getByRole('button', { name: /Voorbeeld maken|Opnieuw/ }).waitFor();
    await shot('12-voorbeeld');
    await go('Geschiedenis');
    await page.getByRole('table', { name: 'Runs, nieuwste eerst' }).waitFor();
    expect(await page.getByRole('table', { name: 'Runs, nieuwste eerst' }).textContent()).toContain('handmatig');
    await shot('13-geschiedenis');
    await go('Instellingen');
    await page.getByRole('heading', { name: 'Naamgeving' }).waitFor();
    await shot('14-instellingen');
  });

  it('shows the engine reasons in Dutch in Voorbeeld and Persoon', async () => {
    // The current plan is the undo plan of the approval run: its reasons name the run and action undone.
    await go('Voorbeeld');
    const first = page.locator('[data-action-id]').first();
    await first.waitFor({ timeout: 60_000 });
    expect(await first.textContent()).toContain('ongedaan maken van run');
    await first.click();
    const detail = page.getByRole('complementary', { name: 'Details van de actie' });
    const why = detail.locator('ol');
    await why.waitFor();
    expect(await why.textContent()).toMatch(/ongedaan maken van run .*, actie /);
    expect(await detail.textContent()).not.toMatch(/undo of run|active since|no account carries|org unit/);
    await shot('15-voorbeeld-redenen');
    await detail.getByRole('button', { name: 'Deze persoon: HR-gegevens en geschiedenis' }).click();
    const actions = page.getByRole('table', { name: 'Acties en hun redenen' });
    await expect.poll(() => actions.textContent(), { timeout: 60_000 }).toMatch(/actief sinds .*, geen einddatum/);
    expect(await actions.textContent()).not.toMatch(/active since|no account carries|matches contract|created disabled|undo of run/);
    await actions.scrollIntoViewIfNeeded();
    await shot('16-persoon');
  });
});
