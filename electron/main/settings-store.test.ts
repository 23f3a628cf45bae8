import { describe, expect, it, vi } from 'vitest';
import { ElectronSettingsPort, STORE_OPTIONS } from './settings-store';

// The store module needs only Electron's types; should that ever change, the binary is not here.
vi.mock('electron', () => ({}));

/** electron-store's get/set over a plain object. */
function memoryStore() {
  const data: Record<string, unknown> = { config: null, desktop: {}, secrets: {} };
  return { data, get: (key: string) => data[key] as never, set: (key: string, value: unknown) => { data[key] = value; } };
}

/** safeStorage that "encrypts" by reversing, so the test can see that plain text never reaches the store. */
const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from([...text].reverse().join('')),
  decryptString: (data: Buffer) => [...data.toString()].reverse().join(''),
};

describe('settings store', () => {
  it('keeps secrets only encrypted, and reads them back', async () => {
    const store = memoryStore();
    const port = new ElectronSettingsPort(safeStorage, store as never);
    await port.setSecret('adBindPassword', 'Geheim123!');
    expect(JSON.stringify(store.data)).not.toContain('Geheim123!');
    expect(await port.getSecret('adBindPassword')).toBe('Geheim123!');
    expect(await port.getSecret('smtpPassword')).toBeNull();
  });

  it('refuses to store a secret when the OS offers no encryption', async () => {
    const port = new ElectronSettingsPort({ ...safeStorage, isEncryptionAvailable: () => false }, memoryStore() as never);
    await expect(port.setSecret('vismaClientSecret', 'x')).rejects.toThrow(/secure storage/);
  });

  it('fills in desktop defaults and has a schema and migrations', async () => {
    const port = new ElectronSettingsPort(safeStorage, memoryStore() as never);
    expect((await port.load()).desktop.schedule.rules).toEqual(['0 6 * * 1-5', '0 7-19 * * 1-5']);
    expect(Object.keys(STORE_OPTIONS.schema)).toEqual(['config', 'desktop', 'secrets']);
    expect(Object.keys(STORE_OPTIONS.migrations)).toContain('0.1.0');
  });
});
