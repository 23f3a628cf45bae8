import { describe, expect, it, vi } from 'vitest';
import { isAppPage, lockDown, windowOptions } from './window';

describe('the app window', () => {
  it('is isolated and sandboxed, without Node', () => {
    const prefs = windowOptions('/app/preload.cjs', '/app/icon.png').webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
  });

  it('knows its own page and nothing else', () => {
    expect(isAppPage('file:///app/renderer/dist/index.html#/preview', '/app/renderer/dist/index.html')).toBe(true);
    expect(isAppPage('file:///app/renderer/dist/other.html', '/app/renderer/dist/index.html')).toBe(false);
    expect(isAppPage('https://example.com/', '/app/renderer/dist/index.html')).toBe(false);
  });

  it('denies navigation away, redirects, webviews and new windows', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    const contents = { on: vi.fn((name: string, fn: never) => handlers.set(name, fn)), setWindowOpenHandler: vi.fn() };
    lockDown(contents as never, '/app/renderer/dist/index.html');
    const away = { preventDefault: vi.fn() };
    handlers.get('will-navigate')?.(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    handlers.get('will-navigate')?.(home, 'file:///app/renderer/dist/index.html#/history');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const open = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(open()).toEqual({ action: 'deny' });
  });
});
