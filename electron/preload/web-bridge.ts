import { createBridge } from '../../shared/bridge';
import type { WenshuApi } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import { WEB_API, jsonReplacer, jsonReviver } from '../../shared/transport';

/**
 * `window.wenshu` for the browser harness (`npm run start:web`): the same bridge over HTTP.
 * The session cookie set by the server authenticates; the custom header blocks cross-site posts.
 */
declare global {
  interface Window {
    wenshu: WenshuApi;
  }
}

let source: EventSource | undefined;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

function events(): EventSource {
  if (source) return source;
  source = new EventSource(WEB_API.events);
  source.onmessage = (e: MessageEvent<string>) => {
    const { name, payload } = JSON.parse(e.data) as { name: string; payload: unknown };
    listeners.get(name)?.forEach((l) => l(payload));
  };
  return source;
}

window.wenshu = createBridge({
  async invoke(channel, input) {
    try {
      const res = await fetch(WEB_API.call + encodeURIComponent(channel), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-wenshu': '1' },
        body: JSON.stringify(input ?? {}, jsonReplacer),
      });
      return JSON.parse(await res.text(), jsonReviver) as Result<unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: `harness unreachable: ${String(err)}` } };
    }
  },
  subscribe(event, listener) {
    events();
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});
