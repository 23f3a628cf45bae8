import { describe, expect, it, vi } from 'vitest';
import { handleCall, registerIpc } from './ipc';
import { Application } from '../app/desktop/application';
import { FileSettingsPort } from '../app/desktop/settings-port';
import { OPERATION_NAMES } from '../shared/operation-names';

// The IPC layer must not need Electron at run time (only its types): a real Application over a
// settings directory that does not exist answers status without touching disk.
vi.mock('electron', () => ({}));

const api = new Application({ settings: new FileSettingsPort('/nonexistent/hrp-ipc-test'), dataDir: '/nonexistent/hrp-ipc-test' });
const page = 'file:///app/renderer/dist/index.html';
const trusted = (url: string): boolean => url.startsWith(page);
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;

describe('IPC', () => {
  it('answers the app page and refuses other pages and sub-frames', async () => {
    expect(await handleCall(api, 'status', frame(`${page}#/overview`), {}, trusted)).toMatchObject({ ok: true });
    expect(await handleCall(api, 'status', frame('https://evil.example/'), {}, trusted)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handleCall(api, 'status', frame(page, {}), {}, trusted)).toMatchObject({ ok: false });
  });

  it('validates arguments with the contract before the operation runs', async () => {
    expect(await handleCall(api, 'apply', frame(page), { planId: '' }, trusted)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('registers one handler per operation', () => {
    const handle = vi.fn();
    registerIpc({ handle }, api, trusted);
    expect(handle.mock.calls.map((c) => c[0])).toEqual(OPERATION_NAMES.map((n) => `api:${n}`));
  });
});
