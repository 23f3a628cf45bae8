/**
 * Section 1: the import of a large HR export beside its floor, the bare export client, each run in a compiled
 * child process of its own so that wall time and peak memory are its own (the simulator serving the CSV files
 * runs in a process of its own too).
 */
import type { VismaCredentials, VismaEndpoint } from './bench-config';
import { runCompiledChild } from './compiled';
import type { CompiledBench } from './compiled';
import type { ExportFloorResult } from './export-floor';
import type { ImportOnceResult } from './import-once';

/** Runs one import through the Provisioner in a fresh Node process (compiled) and returns what it printed. */
export async function importInChild(compiled: CompiledBench, configFile: string, asOf: string, env: NodeJS.ProcessEnv, onPid: (pid: number | undefined) => void): Promise<ImportOnceResult> {
  return (await runCompiledChild<ImportOnceResult>(compiled.importOnce, [configFile, asOf], env, onPid)).value;
}

/** Runs the bare export client once in a fresh Node process (compiled); the secret goes by environment. */
export async function exportFloorInChild(
  compiled: CompiledBench,
  simulator: VismaEndpoint,
  credentials: VismaCredentials,
  env: NodeJS.ProcessEnv,
  onPid: (pid: number | undefined) => void,
): Promise<ExportFloorResult> {
  const args = [simulator.baseUrl, simulator.tokenUrl, credentials.clientId, credentials.tenantId];
  return (await runCompiledChild<ExportFloorResult>(compiled.exportFloor, args, env, onPid)).value;
}
