import { describe, expect, it, vi } from 'vitest';

// The real electron `app`, mocked: what main passes in.
const loginItem = { openAtLogin: false };
vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    getLoginItemSettings: vi.fn(() => ({ ...loginItem })),
    setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean }) => {
      loginItem.openAtLogin = settings.openAtLogin;
    }),
  },
}));

const { app } = await import('electron');
const { applyStartAtLogin } = await import('./login-item');

describe('start at login', () => {
  it('registers and removes the login item as the setting says, and only when it differs', () => {
    expect(applyStartAtLogin(app, true)).toBe(true);
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    expect(loginItem.openAtLogin).toBe(true);
    expect(applyStartAtLogin(app, true)).toBe(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
    expect(applyStartAtLogin(app, false)).toBe(true);
    expect(loginItem.openAtLogin).toBe(false);
  });

  it('never registers a development build', () => {
    const dev = { ...app, isPackaged: false, setLoginItemSettings: vi.fn() };
    expect(applyStartAtLogin(dev, true)).toBe(false);
    expect(dev.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
