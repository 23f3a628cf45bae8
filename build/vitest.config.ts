import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects:
// - unit: every *.test.ts beside the code, except the Samba ones. No global setup, nothing to start.
//   `npx vitest run --config build/vitest.config.ts --project unit`
// - samba: *.samba.test.ts against a real Samba AD DC that build/test-global-setup.ts provisions fresh on
//   127.0.0.1:389/636 and stops by PID afterwards. The DC's ports are fixed and the tests share its fixture
//   tree, so the files run one at a time. `... --project samba`
export default defineConfig({
  root,
  test: {
    environment: 'node',
    // CI asks for a JSON report too, so .ci/run can print one "N passed, N failed" closing line.
    reporters: process.env.HRP_TEST_SUMMARY ? ['default', ['json', { outputFile: process.env.HRP_TEST_SUMMARY }]] : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts?(x)'],
          exclude: ['**/node_modules/**', '**/*.samba.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'samba',
          include: ['electron/**/*.samba.test.ts'],
          fileParallelism: false,
          globalSetup: ['build/test-global-setup.ts'],
        },
      },
    ],
  },
});
