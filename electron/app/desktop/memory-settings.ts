import type { SecretName } from '../../shared/settings';
import type { SettingsPort, StoredSettings } from './settings-port';
import { defaultDesktopSettings } from './settings-port';

/** Settings and secrets in memory, for tests of the application API: no files, and every value readable. */
export class MemorySettings implements SettingsPort {
  stored: StoredSettings = { config: null, desktop: defaultDesktopSettings() };
  readonly secrets = new Map<SecretName, string>();

  async load(): Promise<StoredSettings> {
    return this.stored;
  }

  async save(settings: StoredSettings): Promise<void> {
    this.stored = settings;
  }

  async getSecret(name: SecretName): Promise<string | null> {
    return this.secrets.get(name) ?? null;
  }

  async setSecret(name: SecretName, value: string): Promise<void> {
    this.secrets.set(name, value);
  }
}
