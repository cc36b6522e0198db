import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../../electron/main/origin';
import { openMainWindow, windowOptions } from '../../electron/main/window';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.js');

  it('isolates the renderer: sandbox, no Node, no webview, web security on', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('opens hidden at a usable size with the bilingual title', () => {
    expect(options).toMatchObject({
      width: 1280,
      height: 820,
      minWidth: 1024,
      minHeight: 700,
      title: '文书 Wenshu',
      show: false,
    });
  });
});

describe('openMainWindow', () => {
  class FakeWindow {
    static created: FakeWindow[] = [];
    readonly listeners = new Map<string, () => void>();
    shown = false;
    loaded: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      FakeWindow.created.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }

  it('loads the app origin and shows the window only when it is ready', () => {
    const win = openMainWindow(FakeWindow, '/p.js', () => {});
    expect(win.options.webPreferences?.preload).toBe('/p.js');
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL).toBe('app://wenshu/index.html');
    expect(win.shown).toBe(false);
    win.listeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    class Failing extends FakeWindow {
      override loadURL() {
        return Promise.reject(new Error('load failed'));
      }
    }
    const onError = jest.fn();
    openMainWindow(Failing, '/p.js', onError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'load failed' }));
  });
});
