import type { SafeStorage } from 'electron';
import type { SettingsPort, StoredSettings } from '../app/desktop/settings-port';
import { defaultDesktopSettings } from '../app/desktop/settings-port';
import { desktopSettingsSchema } from '../shared/settings';
import type { SecretName } from '../shared/settings';

/**
 * The tray app's settings: electron-store (a JSON file in the user-data folder) with a schema and
 * migrations, and secrets encrypted with Electron's safeStorage (DPAPI on Windows, the keyring on
 * Linux). The renderer never sees a secret: the application API reports only whether one is set.
 */

/** What the port needs of electron-store (main passes the real one; tests a map). */
export interface StoreLike {
  get<K extends keyof StoreShape>(key: K): StoreShape[K];
  set<K extends keyof StoreShape>(key: K, value: StoreShape[K]): void;
}

/** The stored document. */
export interface StoreShape {
  config: Record<string, unknown> | null;
  desktop: unknown;
  /** Secrets as base64 of safeStorage's ciphertext. */
  secrets: Record<string, string>;
}

/** The electron-store options: schema and migrations, kept apart so a test can check them. */
export const STORE_OPTIONS = {
  name: 'settings',
  schema: {
    config: { type: ['object', 'null'], default: null },
    desktop: { type: 'object', default: {} },
    secrets: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
  },
  migrations: {
    // 0.1.0: the first layout; settings from before it (none were released) start clean.
    '0.1.0': (store: { set: (key: string, value: unknown) => void; has: (key: string) => boolean }) => {
      if (!store.has('secrets')) store.set('secrets', {});
    },
  },
} as const;

/** Settings in electron-store, secrets through safeStorage. */
export class ElectronSettingsPort implements SettingsPort {
  constructor(
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
    private readonly store: StoreLike,
  ) {}

  async load(): Promise<StoredSettings> {
    const desktop = desktopSettingsSchema.safeParse(this.store.get('desktop') ?? {});
    return { config: this.store.get('config') ?? null, desktop: desktop.success ? desktop.data : defaultDesktopSettings() };
  }

  async save(settings: StoredSettings): Promise<void> {
    this.store.set('config', settings.config as Record<string, unknown> | null);
    this.store.set('desktop', settings.desktop);
  }

  async getSecret(name: SecretName): Promise<string | null> {
    const sealed = this.store.get('secrets')[name];
    if (sealed === undefined) return null;
    return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  async setSecret(name: SecretName, value: string): Promise<void> {
    // Without OS encryption a secret would lie on disk readable by any process of this user: refuse.
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new Error('This computer offers no secure storage for passwords (safeStorage); the secret was not saved.');
    }
    const sealed = this.safeStorage.encryptString(value).toString('base64');
    this.store.set('secrets', { ...this.store.get('secrets'), [name]: sealed });
  }
}
