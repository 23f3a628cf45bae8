import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import type { AdAction } from '../model/plan';
import type { RunRecord } from '../model/run';
import { contract, person } from '../plan/ad-plan.fixtures';
import { runNotices } from './run-notices';
import { renderNotice } from './templates';

const manager = { ...person({ id: '500001', contracts: [contract({ id: '500001_1_1', employeeId: '500001' })] }), businessEmail: 'mia@zorg.nl' };
const leaver = person({ id: '500002', contracts: [contract({ id: '500002_1_1', employeeId: '500002', endDate: '2026-12-05', managerPersonId: '500001' })] });

function run(actions: readonly AdAction[] = [], over: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: 'r-1', planId: 'p', asOf: '2026-12-01', trigger: 'schedule', startedAt: 't', finishedAt: 't', status: 'completed', actions,
    outcomes: actions.map((a) => ({ actionId: a.id, outcome: a.action === 'create' ? 'created' : 'updated', error: null, at: 't' })),
    summary: { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null, ...over,
  };
}

const input = (r: RunRecord, days = 7) => ({
  run: r,
  persons: [manager, leaver],
  accounts: new Map([['500002', { sAMAccountName: 'j.leaver', mail: 'j.leaver@zorg.nl' }]]),
  lifecycle: DEFAULT_LIFECYCLE,
  leaverNoticeDays: days,
  itAddress: 'it@zorg.nl',
  languages: { managers: 'nl' as const, it: 'en' as const },
});

describe('run notices', () => {
  it('tells the manager of a leaver within N days of the last day, keyed by person and day', () => {
    const notices = runNotices(input(run()));
    expect(notices).toEqual([
      expect.objectContaining({ key: 'leaver-upcoming:500002:2026-12-05', to: 'mia@zorg.nl', language: 'nl', content: expect.objectContaining({ disableOn: '2026-12-06', deleteOn: '2027-01-05' }) }),
    ]);
    expect(runNotices(input(run(), 3))).toEqual([]);
  });

  it('tells IT about a stopped run, and nobody about a quiet completed one', () => {
    const stopped = runNotices({ ...input(run([], { status: 'stopped-by-guard', error: 'the employees export is empty' })), persons: [] });
    expect(stopped.map((n) => [n.key, n.to])).toEqual([['it-run:r-1', 'it@zorg.nl']]);
    expect(renderNotice(stopped[0]!.content, 'en').subject).toBe('HR Provisioner: run r-1 was stopped by the source guard');
    expect(renderNotice(stopped[0]!.content, 'nl').subject).toBe('HR Provisioner: run r-1 is gestopt door de bronbewaking');
    expect(runNotices({ ...input(run()), persons: [] })).toEqual([]);
  });

  it('puts a joiner notice in Dutch and English, as text and HTML, without any password', () => {
    const content = { kind: 'joiner-ready' as const, personName: 'Jan <de> Vries', account: 'j.devries', mail: 'j.devries@zorg.nl', enableOn: '2026-12-03' };
    const nl = renderNotice(content, 'nl');
    const en = renderNotice(content, 'en');
    expect(nl.subject).toBe('Indienst: het account van Jan <de> Vries staat klaar');
    expect(en.text).toContain('It can be used from 2026-12-03.');
    expect(nl.html).toContain('Jan &lt;de&gt; Vries');
    expect(`${nl.text}${en.text}`).not.toMatch(/wachtwoord: |password: /i);
  });
});
