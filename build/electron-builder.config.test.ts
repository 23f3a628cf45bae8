import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from './electron-builder.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('electron-builder config', () => {
  it('builds an NSIS installer per machine, a portable exe and an AppImage', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }, { target: 'portable', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no inspect arguments, app only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('starts the bundled main process and ships icons that exist', () => {
    expect(config.extraMetadata?.main).toBe('electron/dist/main.mjs');
    expect(config.files).toContain('electron/dist/preload.cjs');
    expect(existsSync(`${root}${config.icon}`)).toBe(true);
    for (const state of ['idle', 'syncing', 'attention', 'failed']) expect(existsSync(`${root}assets/icons/tray-${state}.png`)).toBe(true);
  });
});
