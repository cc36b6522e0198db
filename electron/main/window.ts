import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './origin';

/** The renderer gets no Node, no remote content and nothing beyond the preload's `window.wenshu`. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    title: '文书 Wenshu',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries from Google.
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The part of BrowserWindow this module uses (lets tests pass a fake constructor). */
export interface MainWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export function openMainWindow<W extends MainWindow>(
  Window: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  onLoadError: (err: unknown) => void,
): W {
  const win = new Window(windowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch(onLoadError);
  return win;
}
