import { EventEmitter } from 'node:events';
import type { Session, WebContents, WebFrameMain } from 'electron';
import { hardenSession, hardenWebContents, isTrustedSender } from '../../electron/main/security';

/** A webContents that records its listeners and window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: (() => unknown) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: () => unknown) => {
      openHandler = h;
    },
  });
  hardenWebContents(contents as unknown as WebContents);
  /** Fires a navigation-type event as Electron does; true if it was prevented. */
  const fire = (name: string, url: string) => {
    let prevented = false;
    emitter.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, open: () => openHandler?.() };
}

describe('hardenWebContents', () => {
  const { fire, open } = fakeContents();

  it.each(['will-navigate', 'will-redirect'])(
    '%s: remote and file URLs are prevented, the app origin is allowed',
    (event) => {
      expect(fire(event, 'https://example.com/')).toBe(true);
      expect(fire(event, 'http://127.0.0.1:8080/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://evil/index.html')).toBe(true);
      expect(fire(event, 'not a url')).toBe(true);
      expect(fire(event, 'app://wenshu/index.html')).toBe(false);
      expect(fire(event, 'app://wenshu/settings')).toBe(false);
    },
  );

  it('refuses <webview> and window.open', () => {
    expect(fire('will-attach-webview', 'app://wenshu/index.html')).toBe(true);
    expect(open()).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type BeforeRequest = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  let requestHandler: RequestHandler | undefined;
  let checkHandler: ((...args: unknown[]) => boolean) | undefined;
  let beforeRequest: BeforeRequest | undefined;
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (requestHandler = h),
    setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => (checkHandler = h),
    webRequest: { onBeforeRequest: (l: BeforeRequest) => (beforeRequest = l) },
  };
  hardenSession(session as unknown as Session);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = jest.fn();
      requestHandler?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler?.(null, permission, 'app://wenshu', {})).toBe(false);
    }
  });

  const cancelled = (url: string) => {
    let result: boolean | undefined;
    beforeRequest?.({ url }, (r) => (result = r.cancel));
    return result;
  };

  it('cancels every request that would leave the app', () => {
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1/',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://other/index.html',
      'blob:https://example.com/1',
    ]) {
      expect([url, cancelled(url)]).toEqual([url, true]);
    }
  });

  it('lets the app origin, its blobs, data URLs and devtools through', () => {
    for (const url of [
      'app://wenshu/index.html',
      'app://wenshu/assets/a.js',
      'blob:app://wenshu/5f0c',
      'data:image/png;base64,AA==',
      'devtools://devtools/bundled/x.html',
    ]) {
      expect([url, cancelled(url)]).toEqual([url, false]);
    }
  });
});

describe('isTrustedSender', () => {
  const frame = (url: string) => ({ url }) as WebFrameMain;

  it('trusts only frames showing the app origin', () => {
    expect(isTrustedSender(frame('app://wenshu/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://wenshu/'))).toBe(true);
    expect(isTrustedSender(frame('https://wenshu/'))).toBe(false);
    expect(isTrustedSender(frame('app://wenshu.evil/'))).toBe(false);
    expect(isTrustedSender(frame('file:///app/out/renderer/index.html'))).toBe(false);
    expect(isTrustedSender(frame(''))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
