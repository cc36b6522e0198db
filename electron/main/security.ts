import type { Session, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './origin';

/** Local URLs the app may load; everything else (http, https, file, ws, …) is cancelled. */
function isLocalUrl(url: string): boolean {
  if (isAppUrl(url) || url.startsWith('devtools:') || url.startsWith('data:')) return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/**
 * Applied to every webContents (app.on('web-contents-created')): a page may only ever show the
 * app's own origin, never open windows and never embed <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** No permission (camera, notifications, clipboard read, …) and no network for the renderer. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalUrl(details.url) }));
}

/** IPC is answered only for frames showing the app itself (not a frame that navigated elsewhere). */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url);
}
