import { describe, expect, it } from 'vitest';
import type { AdAction, Plan } from '../../engine/model/plan';
import { summarisePlan } from '../../engine/model/plan';
import { Application, selectActions } from './application';
import { dispatch } from './dispatch';
import { planActionDtos, planDto, runDto, runSummaryDto } from './to-dto';
import type { RunRecord } from '../../engine/model/run';
import { composeConfig, withoutSecrets } from './compose-config';
import { defaultDesktopSettings } from './settings-port';
import { MemorySettings } from './memory-settings';

function action(id: string, dependsOn: string[] = []): AdAction {
  return {
    id, target: 'ad', action: 'create', personId: id, account: { dn: `CN=${id},OU=Zorg,DC=x`, sAMAccountName: id, objectGuid: null },
    changes: [], entitlement: null, reasons: ['r'], dependsOn,
  };
}

const plan = {
  planId: 'p1', asOf: '2026-11-30', createdAt: '2026-11-30T06:00:00Z',
  summary: summarisePlan([action('a'), action('b', ['a']), action('c', ['b']), action('d')]),
  actions: [action('a'), action('b', ['a']), action('c', ['b']), action('d')], unmanaged: [], held: [], findings: [],
} satisfies Plan;

const VISMA = { tokenUrl: 'https://connect.example/token', baseUrl: 'https://api.example', clientId: 'c', tenantId: 't' };

describe('selectActions', () => {
  it('keeps the chosen actions and everything they depend on, in plan order', () => {
    expect(selectActions(plan, ['c']).actions.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(selectActions(plan, ['d', 'unknown']).actions.map((a) => a.id)).toEqual(['d']);
    expect(selectActions(plan, undefined)).toBe(plan);
  });
});

describe('planDto', () => {
  const guarded: Plan = {
    ...plan,
    held: [{ target: 'ad', personId: '210001', employeeIds: ['210001'], accounts: ['CN=Kees,OU=Zorg,DC=x'], reason: "HR data for employee 210001 is unreadable (contracts row 1: enddate '31-02-2027' is no date)" }],
    safety: {
      guard: null, managedAccounts: {}, heldForReview: [{ actionId: 'd', target: 'ad', kind: 'create', reason: 'more than 20 creates', waitsFor: null }], reviewMode: 'hold-over-limit', excluded: [],
      hrChanges: { a: ['new contract 100_1_1 from 2026-12-01'] },
    },
  };

  it('carries the persons held for doubtful HR data, and the HR change behind each action', () => {
    const dto = planDto(guarded);
    expect(dto.heldPersons).toEqual([expect.objectContaining({ personId: '210001', reason: expect.stringContaining("contracts row 1: enddate '31-02-2027'") })]);
    const actions = planActionDtos(guarded);
    expect(actions.find((x) => x.id === 'a')?.hrChanges).toEqual(['new contract 100_1_1 from 2026-12-01']);
    expect(actions.find((x) => x.id === 'd')?.hrChanges).toEqual([]);
  });

  it('leaves the actions behind but counts them, offers the filter values, and labels each held action', () => {
    const dto = planDto(guarded);
    expect(dto).not.toHaveProperty('actions');
    expect(dto.total).toBe(4);
    expect(dto.options).toEqual({ targets: ['ad'], actions: ['create'], orgUnits: ['Zorg'] });
    expect(dto.held).toEqual([{ actionId: 'd', reason: 'more than 20 creates', waitsFor: null, target: 'ad', action: 'create', personId: 'd', personName: 'd', accountName: 'd' }]);
  });
});

describe('runSummaryDto', () => {
  const held = [{ target: 'ad' as const, personId: '210001', employeeIds: ['210001'], accounts: [], reason: 'HR data for employee 210001 is unreadable' }];
  const run: RunRecord = {
    runId: 'r', planId: 'p1', asOf: '2026-11-30', trigger: 'schedule', startedAt: '2026-11-30T06:00:00Z', finishedAt: '2026-11-30T06:00:02Z',
    status: 'completed', actions: [action('a')], summary: { created: 1, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null,
    outcomes: [{ actionId: 'a', outcome: 'created', error: null, at: '2026-11-30T06:00:01Z', ledger: [
      { kind: 'record', entry: { target: 'ad', account: 'a', accountId: null, entitlement: 'CN=Zorg,DC=x', rule: 'zorg', how: 'granted', at: '2026-11-30T06:00:01Z' } },
      { kind: 'record', entry: { target: 'ad', account: 'a', accountId: null, entitlement: 'CN=Alle,DC=x', rule: 'alle', how: 'granted', at: '2026-11-30T06:00:01Z' } },
    ] }],
    ledger: [{ kind: 'forget-account', target: 'nedap-ons', account: '77' }],
    held,
  };

  it('counts the ledger changes per target and the persons held for doubtful HR data', () => {
    expect(runSummaryDto(run)).toMatchObject({ heldPersons: 1, ledger: [{ target: 'ad', added: 2, removed: 0 }, { target: 'nedap-ons', added: 0, removed: 1 }] });
    expect(runDto(run).held).toEqual(held);
    const { ledger: _ledger, held: _held, ...bare } = run;
    expect(runSummaryDto({ ...bare, outcomes: [] })).toMatchObject({ heldPersons: 0, ledger: [] });
  });
});

describe('settings', () => {
  it('never hands a secret value to the renderer, but keeps an environment variable name', () => {
    const config = { visma: { ...VISMA, clientSecret: 's3cret' }, ad: { bindPassword: { env: 'AD_PW' } } };
    expect(JSON.stringify(withoutSecrets(config))).not.toContain('s3cret');
    expect(withoutSecrets(config)).toMatchObject({ ad: { bindPassword: { env: 'AD_PW' } } });
  });

  it('puts stored secrets back before validating with the CLI schema', () => {
    expect(composeConfig({ visma: VISMA }, { vismaClientSecret: 'x' }, '/data').visma.clientSecret).toBe('x');
    expect(() => composeConfig({ visma: VISMA }, {}, '/data')).toThrow(/visma.clientSecret/);
  });

  it('refuses a save that does not validate and stores nothing of it', async () => {
    const settings = new MemorySettings();
    const app = new Application({ settings, dataDir: '/tmp/hrp-unit' });
    const refused = await app.saveSettings({
      config: { visma: VISMA, policy: { createDaysBeforeStart: 7, enableDaysBeforeStart: 10 } },
      secrets: { vismaClientSecret: 'new-secret' },
      desktop: defaultDesktopSettings(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-settings' } });
    expect(refused.ok ? [] : refused.error.problems.join()).toContain('enableDaysBeforeStart');
    expect(settings.stored.config).toBeNull();
    expect(settings.secrets.size).toBe(0);
    const saved = await app.saveSettings({ config: { visma: VISMA }, secrets: { vismaClientSecret: 'new-secret' }, desktop: defaultDesktopSettings() });
    expect(saved).toMatchObject({ ok: true, value: { secrets: { vismaClientSecret: true, adBindPassword: false } } });
    expect(JSON.stringify(saved)).not.toContain('new-secret');
  });

  it('keeps every secret out of what the renderer sees, Nedap and SMTP passwords included', () => {
    const config = {
      visma: { ...VISMA, clientSecret: 'v-secret' },
      nedapOns: { baseUrl: 'https://nedap.example', pfxPassword: 'pfx-secret' },
      notices: { smtp: { host: 'mail', password: 'smtp-secret' } },
    };
    const shown = JSON.stringify(withoutSecrets(config));
    for (const secret of ['v-secret', 'pfx-secret', 'smtp-secret']) expect(shown).not.toContain(secret);
    expect(withoutSecrets(config)).toMatchObject({ nedapOns: { baseUrl: 'https://nedap.example' }, notices: { smtp: { host: 'mail' } } });
  });

  it('says what is not available instead of pretending', async () => {
    const app = new Application({ settings: new MemorySettings(), dataDir: '/tmp/hrp-unit' });
    expect(await app.approveHeld({ planId: 'p1', actionIds: ['a'], comment: 'ok' })).toMatchObject({ ok: false, error: { code: 'invalid-settings' } });
    expect(await app.useDemoData()).toMatchObject({ ok: false, error: { code: 'not-available' } });
    expect(await app.preview({})).toMatchObject({ ok: false, error: { code: 'invalid-settings' } });
  });
});

describe('dispatch', () => {
  const app = new Application({ settings: new MemorySettings(), dataDir: '/tmp/hrp-unit' });

  it('refuses unknown operations and invalid arguments before anything runs', async () => {
    expect(await dispatch(app, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(app, 'run', { runId: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-request', problems: [expect.stringContaining('runId')] } });
    expect(await dispatch(app, 'status', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('runs a valid call', async () => {
    expect(await dispatch(app, 'status', {})).toMatchObject({ ok: true, value: { configured: false } });
  });
});
