import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/bridge';
import { EVENT_CHANNEL } from '../../shared/transport';

/**
 * The whole preload: `window.wenshu` derived from the contract. Calls go to one ipcMain handler
 * per contract channel; events arrive on one channel and are fanned out by name.
 */
const api = createBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('wenshu', api);
