/**
 * The renderer's one origin. It is served by our own protocol handler (never file: or http:),
 * so "is this our page?" is a plain URL comparison. Custom schemes have origin 'null' in the
 * WHATWG URL parser, hence protocol + host rather than `URL.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wenshu';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
