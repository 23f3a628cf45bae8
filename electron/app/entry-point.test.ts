import { afterEach, describe, expect, it } from 'vitest';
import { isEntryPoint } from './entry-point';

describe('isEntryPoint', () => {
  const saved = process.argv[1];
  afterEach(() => {
    process.argv[1] = saved as string;
  });

  it('knows its own source file and its own bundle, and no other bundle', () => {
    process.argv[1] = '/srv/app/electron/cli/main.ts';
    expect(isEntryPoint('electron/cli/main.ts', 'cli')).toBe(true);
    process.argv[1] = '/srv/app/electron/dist/cli.mjs';
    expect(isEntryPoint('electron/cli/main.ts', 'cli')).toBe(true);
    // The demo bundle contains the CLI's module, but it is not the CLI.
    process.argv[1] = '/srv/app/electron/dist/demo.mjs';
    expect(isEntryPoint('electron/cli/main.ts', 'cli')).toBe(false);
    expect(isEntryPoint('electron/web-host/main.ts', 'web-host')).toBe(false);
  });
});
