import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import { tempDir } from '../support/temp';

// The entry module run against a fake `electron`: the wiring order and the startup failure path.
const root = tempDir();
let made = 0;
const freshDir = () => fs.mkdtempSync(path.join(root, `case-${++made}-`));

type Handler = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

function fakeElectron(options: { userData: string; isPackaged: boolean; lock?: boolean }) {
  const order: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    setName: jest.fn(() => order.push('setName')),
    requestSingleInstanceLock: jest.fn(() => {
      order.push('lock');
      return options.lock ?? true;
    }),
    whenReady: jest.fn(() => {
      order.push('whenReady');
      return Promise.resolve();
    }),
    getPath: (name: string) => (name === 'userData' ? options.userData : ''),
    getAppPath: () => options.userData,
    quit: jest.fn(),
    exit: jest.fn(),
  });
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly webContents = { send: jest.fn(), isDestroyed: () => false };
    readonly loadURL = jest.fn(() => Promise.resolve());
    readonly show = jest.fn();
    readonly restore = jest.fn();
    readonly focus = jest.fn();
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      BrowserWindow.all.push(this);
    }
    isMinimized = () => true;
  }
  const handlers = new Map<string, Handler>();
  return {
    order,
    handlers,
    electron: {
      app,
      BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: jest.fn(() => order.push('schemes')),
        handle: jest.fn(),
      },
      ipcMain: { handle: jest.fn((channel: string, h: Handler) => handlers.set(channel, h)) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: jest.fn(),
          setPermissionCheckHandler: jest.fn(),
          webRequest: { onBeforeRequest: jest.fn() },
        },
      },
      dialog: { showErrorBox: jest.fn(), showSaveDialog: jest.fn() },
      clipboard: { writeText: jest.fn() },
      // Reversible but not plain text, like the OS keychain would make it.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (s: string) => Buffer.from(`os-sealed:${Buffer.from(s).toString('base64')}`),
        decryptString: (b: Buffer) => Buffer.from(b.toString().replace('os-sealed:', ''), 'base64').toString(),
      },
    },
  };
}

/** Loads electron/main/index.ts afresh (it runs on load) and lets the `ready` chain settle. */
async function runMain(fake: ReturnType<typeof fakeElectron>) {
  jest.resetModules();
  jest.doMock('electron', () => fake.electron);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry runs on load; each case needs a fresh run
  require('../../electron/main/index');
  await new Promise((resolve) => setImmediate(resolve));
  return fake.electron;
}

const trusted = { senderFrame: { url: 'app://wenshu/index.html' } } as unknown as IpcMainInvokeEvent;

describe('electron/main/index.ts', () => {
  it('before ready: names the app (userData), takes the single-instance lock, declares app://', async () => {
    const fake = fakeElectron({ userData: freshDir(), isPackaged: true });
    const { app, protocol } = await runMain(fake);
    expect(app.setName).toHaveBeenCalledWith('Wenshu');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.order.slice(0, 3).sort()).toEqual(['lock', 'schemes', 'setName']);
    expect(fake.order.indexOf('setName')).toBeLessThan(fake.order.indexOf('lock'));
    expect(fake.order.at(-1)).toBe('whenReady');
  });

  it('a second instance quits without touching the store', async () => {
    const userData = freshDir();
    const { app, BrowserWindow } = await runMain(fakeElectron({ userData, isPackaged: true, lock: false }));
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.all).toHaveLength(0);
    expect(fs.existsSync(path.join(userData, 'wenshu.db'))).toBe(false);
  });

  it('on ready: opens the store in userData, hardens, serves app://, answers IPC, opens the window', async () => {
    const userData = freshDir();
    const fake = fakeElectron({ userData, isPackaged: true });
    const { app, BrowserWindow, protocol, session, dialog } = await runMain(fake);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect([...fake.handlers.keys()].sort()).toEqual([...CALL_NAMES].sort());

    const info = await fake.handlers.get('app:info')?.(trusted, {});
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', dbPath: path.join(userData, 'wenshu.db') } });

    // The API key is kept sealed by safeStorage beside the store, never in plain text.
    const stored = await fake.handlers.get('endpoint:setApiKey')?.(trusted, { apiKey: 'sk-secret-123' });
    expect(stored).toMatchObject({ ok: true, value: { apiKey: { present: true, storage: 'safeStorage' } } });
    const sealed = fs.readFileSync(path.join(userData, 'endpoint-key.bin'), 'utf8');
    expect(sealed).not.toContain('sk-secret-123');
    expect(JSON.stringify(await fake.handlers.get('endpoint:status')?.(trusted, {}))).not.toContain('sk-secret-123');

    expect(BrowserWindow.all).toHaveLength(1);
    const win = BrowserWindow.all[0];
    expect(win?.options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/);
    expect(win?.loadURL).toHaveBeenCalledWith('app://wenshu/index.html');

    // Every webContents (windows, devtools) is hardened as it is created.
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: jest.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);

    app.emit('second-instance');
    expect(win?.restore).toHaveBeenCalled();
    expect(win?.focus).toHaveBeenCalled();

    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);

    // After will-quit the store is closed: a late call fails as an internal error (and is logged).
    app.emit('will-quit');
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(await fake.handlers.get('settings:get')?.(trusted, {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log).toHaveBeenCalledWith(
      '[wenshu] settings:get failed',
      expect.objectContaining({ message: expect.stringMatching(/not open/) }),
    );
    log.mockRestore();
  });

  it('a store that cannot be opened: one bilingual dialog, exit code 1, no window', async () => {
    const userData = freshDir();
    fs.mkdirSync(path.join(userData, 'wenshu.db'));
    const { app, BrowserWindow, dialog } = await runMain(fakeElectron({ userData, isPackaged: true }));
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('文书无法启动 · Wenshu cannot start');
    expect(content).toContain(`无法打开资料库：${path.join(userData, 'wenshu.db')}`);
    expect(content).toContain('Cannot open the store');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('in a checkout without the Electron build of better-sqlite3: a dialog naming the script', async () => {
    const { app, dialog } = await runMain(fakeElectron({ userData: freshDir(), isPackaged: false }));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringContaining('node scripts/electron-native.mjs'),
    );
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});
