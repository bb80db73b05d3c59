import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/ipc/dispatcher';
import { createIpcGate } from '../core/ipc/ipc-gate';

/** Registers every channel of the contract through the one gate that checks the sender. */
export function registerIpc(dispatch: Dispatch, trustedOrigins: readonly string[]): void {
  const gate = createIpcGate(dispatch, trustedOrigins);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      gate(
        channel,
        {
          url: event.senderFrame?.url,
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        payload,
      ),
    );
  }
}
