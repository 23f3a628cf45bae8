import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, OPERATION_NAMES, ipcChannel } from '../shared/operation-names';

/**
 * The bridge between the sandboxed renderer and the main process: one named function per API
 * operation, each an `ipcRenderer.invoke` on its own channel. Nothing else of Electron or Node
 * reaches the page; main validates every argument before an operation runs.
 */
const bridge = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)]),
);

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
