import path from 'node:path';

/**
 * True when this process was started to run `source` (e.g. `electron/cli/main.ts` through tsx) or its compiled
 * bundle `electron/dist/<bundle>.mjs`. Comparing `import.meta.url` with the script path is not enough: inside a
 * bundle every module shares the bundle's URL, so the demo bundle would also run the CLI and the web host.
 */
export function isEntryPoint(source: string, bundle: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  const resolved = path.resolve(script).split(path.sep).join('/');
  return resolved.endsWith(`/${source}`) || resolved.endsWith(`/electron/dist/${bundle}.mjs`);
}
