import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Api } from '../shared/contract';
import { OPERATION_NAMES, ipcChannel } from '../shared/operation-names';
import { fail } from '../shared/result';
import type { ApiResult } from '../shared/result';
import { dispatch } from '../app/desktop/dispatch';

/**
 * The IPC transport: one `ipcMain.handle` per operation. A call is answered only when it comes from
 * the app's own window showing the app's own page (an iframe or a page navigated elsewhere gets
 * nothing), and its arguments pass the contract's zod schema (dispatch checks them).
 */

/** True when `url` is the app's own page: the renderer's index.html inside the app. */
export type TrustedPage = (url: string) => boolean;

/** The answer to one IPC call. */
export async function handleCall(api: Api, name: string, event: Pick<IpcMainInvokeEvent, 'senderFrame'>, args: unknown, trusted: TrustedPage): Promise<ApiResult<unknown>> {
  const frame = event.senderFrame;
  // Only the top frame of our window: a sub-frame has a parent.
  if (!frame || frame.parent !== null || !trusted(frame.url)) return fail('invalid-request', 'This request did not come from the HR Provisioner window.');
  return dispatch(api, name, args);
}

/** Register every operation on `ipcMain`. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: Api, trusted: TrustedPage): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, args: unknown) => handleCall(api, name, event, args, trusted));
  }
}
