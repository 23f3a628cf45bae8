// Bundles the Node side (Electron main and preload, the CLI, the web host, the demo) with esbuild, so
// the app and the CLI run from compiled JavaScript instead of through tsx. Packages stay external:
// they are installed beside the bundles (node_modules, or the asar archive in the packaged app).
// `node build/build-node.mjs` (part of `npm run build`).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}electron/dist`;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  // ESM like the sources: import.meta.url keeps pointing at electron/dist, two levels below the root.
  build({
    ...common,
    format: 'esm',
    outdir,
    outExtension: { '.js': '.mjs' },
    entryPoints: {
      cli: 'electron/cli/main.ts',
      demo: 'electron/cli/demo.ts',
      'web-host': 'electron/web-host/main.ts',
      main: 'electron/main/main.ts',
      // The Visma read's worker thread, started from beside whichever bundle runs (engine/visma/export-worker-host.ts).
      'visma-worker': 'electron/engine/visma/visma-worker.ts',
    },
  }),
  // A sandboxed preload script cannot be an ES module: CommonJS, with only 'electron' outside.
  build({ ...common, format: 'cjs', packages: undefined, external: ['electron'], entryPoints: { preload: 'electron/preload/preload.ts' }, outdir, outExtension: { '.js': '.cjs' } }),
]);
