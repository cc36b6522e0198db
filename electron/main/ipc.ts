import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { EVENT_CHANNEL } from '../../shared/transport';
import type { Dispatch } from '../ipc/dispatch';
import type { Emit } from '../ipc/handlers';

/** An Emit that pushes each event to every live window on the one event channel. */
export function broadcast(targets: () => Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>): Emit {
  return (event, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  };
}

/**
 * One `ipcMain.handle` per contract call, so the channel list can only come from the contract.
 * The sender is checked first; validation, errors-as-values and the handler are `dispatch`'s job.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (frame: WebFrameMain | null) => boolean,
  emit: Emit,
): void {
  for (const channel of CALL_NAMES) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: `${channel}: sender is not the app` } };
      }
      return dispatch(channel, raw, { emit });
    });
  }
}
