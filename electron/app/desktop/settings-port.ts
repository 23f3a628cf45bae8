import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writePrivateFileAtomic } from '../../engine/state/private-file';
import { desktopSettingsSchema } from '../../shared/settings';
import type { DesktopSettings, SecretName } from '../../shared/settings';

/**
 * Where the application keeps its settings. The tray app stores them with electron-store and its
 * secrets with Electron's safeStorage (electron/main); the web host and the demo keep them in files
 * under their own data directory. The application API sees only this port.
 */

/** Settings as stored: the engine configuration without its secrets, and the desktop settings. */
export interface StoredSettings {
  /** The engine configuration as the CLI's JSON file has it, secrets taken out; null before setup. */
  readonly config: Readonly<Record<string, unknown>> | null;
  readonly desktop: DesktopSettings;
}

/** Storage of settings and secrets. */
export interface SettingsPort {
  load(): Promise<StoredSettings>;
  save(settings: StoredSettings): Promise<void>;
  /** A secret's value; null when none is stored. */
  getSecret(name: SecretName): Promise<string | null>;
  setSecret(name: SecretName, value: string): Promise<void>;
}

/** Default desktop settings (schedule weekdays, every notification on, system language). */
export function defaultDesktopSettings(): DesktopSettings {
  return desktopSettingsSchema.parse({});
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Settings in two owner-only files under `dir`: `settings.json` and `secrets.json`. For the web host
 * and the demo, which run without Electron's safeStorage: the secrets file is protected by its mode
 * only, so the tray app never uses this port.
 */
export class FileSettingsPort implements SettingsPort {
  constructor(private readonly dir: string) {}

  async load(): Promise<StoredSettings> {
    const raw = (await readJson(path.join(this.dir, 'settings.json'))) as { config?: unknown; desktop?: unknown } | null;
    const desktop = desktopSettingsSchema.safeParse(raw?.desktop ?? {});
    const config = raw?.config;
    return {
      config: config !== null && typeof config === 'object' ? (config as Record<string, unknown>) : null,
      desktop: desktop.success ? desktop.data : defaultDesktopSettings(),
    };
  }

  async save(settings: StoredSettings): Promise<void> {
    await writePrivateFileAtomic(path.join(this.dir, 'settings.json'), JSON.stringify(settings, null, 2));
  }

  async getSecret(name: SecretName): Promise<string | null> {
    const secrets = (await readJson(path.join(this.dir, 'secrets.json'))) as Record<string, unknown> | null;
    const value = secrets?.[name];
    return typeof value === 'string' ? value : null;
  }

  async setSecret(name: SecretName, value: string): Promise<void> {
    const secrets = ((await readJson(path.join(this.dir, 'secrets.json'))) as Record<string, unknown> | null) ?? {};
    await writePrivateFileAtomic(path.join(this.dir, 'secrets.json'), JSON.stringify({ ...secrets, [name]: value }));
  }
}
