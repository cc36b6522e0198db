import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { createDispatch } from '../../electron/ipc/dispatch';
import { broadcast, registerIpc } from '../../electron/main/ipc';
import { isTrustedSender } from '../../electron/main/security';
import { CALL_NAMES } from '../../shared/contract';
import { EVENT_CHANNEL } from '../../shared/transport';
import { testApp } from '../support/app';

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

/** An ipcMain that keeps its handlers, so a test can invoke them as the renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registered: string[] = [];
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      registered.push(channel);
      handlers.set(channel, listener);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  const invoke = (channel: string, raw: unknown, frameUrl: string | null = 'app://wenshu/index.html') => {
    const senderFrame = frameUrl === null ? null : ({ url: frameUrl } as WebFrameMain);
    return handlers.get(channel)?.({ senderFrame } as IpcMainInvokeEvent, raw);
  };
  return { ipcMain, registered, invoke };
}

function fakeContents(destroyed = false) {
  return { send: jest.fn(), isDestroyed: () => destroyed };
}

const app = testApp({ shell: 'electron' });
const ipc = fakeIpcMain();
registerIpc(
  ipc.ipcMain,
  createDispatch(app.handlers, { validateOutput: true }),
  isTrustedSender,
  broadcast(() => []),
);

describe('registerIpc', () => {
  it('registers exactly one handler per contract call', () => {
    expect([...ipc.registered].sort()).toEqual([...CALL_NAMES].sort());
  });

  it('answers a valid call from the app with a value', async () => {
    const result = await ipc.invoke('app:info', {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ shell: 'electron', engine: 'offline' }) });
  });

  it('returns invalid_input for a bad payload', async () => {
    expect(await ipc.invoke('settings:update', { nope: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ipc.invoke('documents:list', { limit: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses senders that are not the app, before any handler runs', async () => {
    const dispatch = jest.fn();
    const guarded = fakeIpcMain();
    registerIpc(
      guarded.ipcMain,
      dispatch,
      isTrustedSender,
      broadcast(() => []),
    );
    for (const url of ['https://example.com/', 'file:///tmp/x.html', null]) {
      const result = await guarded.invoke('app:info', {}, url);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('gives handlers an emit that reaches every live window on the event channel', async () => {
    const windows = [fakeContents(), fakeContents(), fakeContents(true)];
    const emitting = fakeIpcMain();
    registerIpc(
      emitting.ipcMain,
      async (_channel, _raw, ctx) => {
        ctx.emit('documents:changed', { ids: ['d1'] });
        return { ok: true, value: null };
      },
      isTrustedSender,
      broadcast(() => windows),
    );
    await emitting.invoke('documents:list', {});
    for (const contents of windows.slice(0, 2)) {
      expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'documents:changed', { ids: ['d1'] });
    }
    expect(windows[2]?.send).not.toHaveBeenCalled();
  });
});
