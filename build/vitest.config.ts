import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Tests live beside the code (*.test.ts). Integration tests that need the Samba DC get it from
// the global setup, which provisions a fresh domain and stops it by PID afterwards.
export default defineConfig({
  root,
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['build/test-global-setup.ts'],
  },
});
