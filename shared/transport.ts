/** Wire details shared by both ends of each transport. */

/** Electron: main → renderer events travel on this one channel as (name, payload). */
export const EVENT_CHANNEL = 'wenshu:event';

/** Web harness: paths under the server's origin. */
export const WEB_API = {
  call: '/api/call/',
  events: '/api/events',
  bridge: '/__wenshu/bridge.js',
} as const;

/**
 * Bytes inside a JSON body (web harness only): Uint8Array ⇄ {"$bytes": base64}.
 * Electron IPC clones Uint8Array natively and needs none of this.
 */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) {
      binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    }
    return { $bytes: btoa(binary) };
  }
  return value;
}

export function jsonReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof b64 === 'string') {
      const binary = atob(b64);
      const out = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
      return out;
    }
  }
  return value;
}
