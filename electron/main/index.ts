import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import type { BrowserWindow as Window } from 'electron';
import { version as betterSqlite3Version } from 'better-sqlite3/package.json';
import { createApp } from '../app/create-app';
import { ingestWorkerBeside } from '../ingest/parse-pool';
import type { WenshuApp } from '../app/create-app';
import { APP_NAME, DB_FILE, KEY_FILE } from '../app/paths';
import { createDispatch } from '../ipc/dispatch';
import { broadcast, registerIpc } from './ipc';
import { electronNativeBinding } from './native-binding';
import { safeSecretStore } from './secrets';
import { electronSinks } from './sinks';
import { APP_SCHEME_DECLARATION, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { startupFailure } from './startup-error';
import { openMainWindow } from './window';

// Entry of the Electron shell: wiring only; each piece lives in its own module.
// Before ready: the name decides userData (the CLI computes the same store path from it).
app.setName(APP_NAME);
protocol.registerSchemesAsPrivileged([APP_SCHEME_DECLARATION]);

if (!app.requestSingleInstanceLock()) {
  // One process per store: a second launch focuses the first window instead.
  app.quit();
} else {
  let wenshu: WenshuApp | undefined;
  let mainWindow: Window | undefined;

  const logError = (what: string) => (err: unknown) => console.error(`[wenshu] ${what}`, err);

  const showMainWindow = () => {
    mainWindow = openMainWindow(
      BrowserWindow,
      path.join(__dirname, '../preload/index.js'),
      logError('window load failed'),
    );
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };

  const start = () => {
    const nativeBinding = electronNativeBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      betterSqlite3Version,
      electronVersion: process.versions.electron ?? '',
      platform: process.platform,
      arch: process.arch,
    });
    wenshu = createApp({
      dbPath: path.join(app.getPath('userData'), DB_FILE),
      shell: 'electron',
      nativeBinding,
      ingest: { workerFile: ingestWorkerBeside(__filename) },
      secrets: safeSecretStore(safeStorage, path.join(app.getPath('userData'), KEY_FILE), process.env),
      sinks: electronSinks({ dialog, clipboard, BrowserWindow, parent: () => mainWindow }),
    });
    const dispatch = createDispatch(wenshu.handlers, {
      validateOutput: !app.isPackaged,
      onInternalError: (channel, err) => logError(`${channel} failed`)(err),
    });
    hardenSession(session.defaultSession);
    serveRenderer(protocol, path.join(__dirname, '../renderer'));
    registerIpc(
      ipcMain,
      dispatch,
      isTrustedSender,
      broadcast(() => BrowserWindow.getAllWindows().map((w) => w.webContents)),
    );
    showMainWindow();
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (wenshu && !mainWindow) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void wenshu?.close();
    wenshu = undefined;
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // Tell the user once and exit with an error: no window, no retry, no crash loop.
      const { title, content } = startupFailure(err);
      dialog.showErrorBox(title, content);
      void wenshu?.close();
      app.exit(1);
    });
}
