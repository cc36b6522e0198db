import type { WenshuApi } from '../shared/bridge';

/** The one seam to main: injected by the preload (Electron) or the web bridge (browser harness). */
declare global {
  interface Window {
    wenshu: WenshuApi;
  }
}
