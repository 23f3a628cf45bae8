/**
 * Names of the API operations, without their schemas: the sandboxed preload script needs only these
 * (it cannot load zod), and contract.ts checks at compile time that they are exactly the contract's.
 */
export const OPERATION_NAMES = [
  'status', 'useDemoData', 'getSettings', 'saveSettings', 'testConnection', 'namingPreview', 'syncNow', 'preview', 'currentPlan', 'planActions',
  'planActionIds', 'apply', 'approveHeld', 'history', 'run', 'exportRunCsv', 'undoRun', 'lookAhead', 'leavers', 'acknowledgeLeaver', 'searchPersons',
  'person', 'explainPerson', 'setSchedulePaused',
] as const;

/** Name of the object the preload script exposes on `window`. */
export const BRIDGE_NAME = 'hrProvisioner';

/** IPC channel of one operation. */
export function ipcChannel(name: (typeof OPERATION_NAMES)[number]): string {
  return `api:${name}`;
}
